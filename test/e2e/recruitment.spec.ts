import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';

/** Fills a GOV.UK date input (found by its legend) with a date. */
async function fillDate(page: Page, legend: string, date: Date) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(date.getDate()));
  await group.getByLabel('Month').fill(String(date.getMonth() + 1));
  await group.getByLabel('Year').fill(String(date.getFullYear()));
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

/**
 * The road in: the recruitment coordinator records an enquiry and the application (refused when
 * dated before the enquiry) and starts the assessment; the assessing social worker records the
 * checks (a DBS check dated in the future is refused) and the assessment complete, refused while a
 * check is missing. Every page is checked with axe.
 */
test('an enquiry becomes a complete assessment, ready for panel', async ({ hearth }) => {
  test.setTimeout(240_000);
  const page = hearth.page;
  const surname = `Quillfeather${Date.now() % 100000}`;

  await hearth.signInAs('recruitment');
  await hearth.openArea('Recruitment');
  await expect(hearth.heading).toHaveText('Recruitment pipeline');
  await hearth.submit('Record an enquiry');
  await fillDate(page, 'Date of the enquiry', daysAgo(10));
  await page.getByLabel('First name', { exact: true }).fill('Morgan');
  await page.getByLabel('Last name', { exact: true }).fill(surname);
  await page.getByLabel('Address line 1', { exact: true }).fill('7 Orchard Lane');
  await page.getByLabel('Town or city').fill('Canterbury');
  await page.getByLabel('Postcode').fill('CT1 2AB');
  await page.getByLabel('Team nearest to them (sets the area)').selectOption({ label: 'East Kent Fostering Team 1' });
  await page.getByLabel('Social media').check();
  await page.getByLabel('Teenagers').check();
  await hearth.submit('Save');
  await expect(hearth.heading).toHaveText('Recruitment and assessment');
  await expect(page.locator('main')).toContainText('Social media');

  // The application, first dated before the enquiry.
  await hearth.clickLink('Record the application received');
  await fillDate(page, 'Date the application was received', daysAgo(12));
  await hearth.submit('Save');
  await expect(page.locator('.govuk-error-summary')).toContainText('must be on or after');
  await fillDate(page, 'Date the application was received', daysAgo(8));
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('8-month clock');

  await hearth.clickLink('Start the assessment (Form F)');
  await fillDate(page, 'Date the assessment started', daysAgo(7));
  await page.getByLabel('Assessing social worker').selectOption({ label: 'Amira Hussain' });
  await page
    .getByRole('group', { name: /employer/ })
    .getByLabel('No')
    .check();
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Assessment started');
  const path = new URL(page.url()).pathname;
  await hearth.signOut();

  // The assessing social worker records the checks.
  await hearth.signInAs('assessor', path);
  const check = async (kind: string, person: boolean, when = daysAgo(5)) => {
    await hearth.clickLink('Record a stage 1 check');
    await page.getByLabel(kind, { exact: true }).check();
    if (person) await page.getByLabel('Of whom').selectOption({ label: `Morgan ${surname}` });
    await fillDate(page, 'Date of the check', when);
    await page.getByRole('group', { name: 'Was the outcome satisfactory?' }).getByLabel('Yes').check();
    await hearth.submit('Save');
  };
  await check('Enhanced DBS check', true, daysAgo(-3));
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'The date of the check must be today or in the past',
  );
  await fillDate(page, 'Date of the check', daysAgo(5));
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Check recorded');
  await check('Local authority checks', true);
  await check('Medical', true);
  await check('Personal reference', false);
  await check('Personal reference', false);
  await check('Health and safety check of the home', false);

  await hearth.clickLink('Record the assessment complete');
  await fillDate(page, 'Date the assessment was completed', daysAgo(0));
  await hearth.submit('Save');
  await expect(page.locator('.govuk-error-summary')).toContainText('Pets assessment (not done)');
  await hearth.clickLink('Cancel');

  await check('Pets assessment', false);
  await hearth.clickLink('Record the assessment complete');
  await fillDate(page, 'Date the assessment was completed', daysAgo(0));
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('ready for the panel');
  await expect(page.locator('main')).not.toContainText('Not done');
});

/**
 * Carers transferring from an independent fostering agency (plan action 6.3): the recruitment
 * coordinator records an enquiry and the application, then the transfer, first with the day they
 * were told of the council's fees and allowances in the future (refused, the agency kept), then
 * corrected; the recruitment page shows the transfer with its protocol meeting not yet held.
 */
test('a transfer from a fostering agency is recorded on the road in', async ({ hearth }) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  const surname = `Harbourlight${Date.now() % 100000}`;
  const agency = `Seaview Fostering ${surname}`;

  await hearth.signInAs('recruitment');
  await hearth.openArea('Recruitment');
  await hearth.submit('Record an enquiry');
  await fillDate(page, 'Date of the enquiry', daysAgo(10));
  await page.getByLabel('First name', { exact: true }).fill('Robin');
  await page.getByLabel('Last name', { exact: true }).fill(surname);
  await page.getByLabel('Address line 1', { exact: true }).fill('12 Harbour Street');
  await page.getByLabel('Town or city').fill('Whitstable');
  await page.getByLabel('Postcode').fill('CT5 1AB');
  await page.getByLabel('Team nearest to them (sets the area)').selectOption({ label: 'East Kent Fostering Team 1' });
  await page.getByLabel('Website').check();
  await page.getByLabel('Teenagers').check();
  await hearth.submit('Save');
  await expect(hearth.heading).toHaveText('Recruitment and assessment');
  await hearth.clickLink('Record the application received');
  await fillDate(page, 'Date the application was received', daysAgo(8));
  await hearth.submit('Save');
  await expect(page.locator('main .govuk-tag').first()).toHaveText('Applicant');

  // The day they were told of the council's fees and allowances, first typed in the future.
  await hearth.clickLink('Record a transfer from a fostering agency');
  await expect(hearth.heading).toHaveText('Record a transfer from a fostering agency');
  await page.getByLabel('Fostering agency').fill(agency);
  await fillDate(page, 'Date the agency approved them', daysAgo(1100));
  await fillDate(page, 'Date they were told they will be paid on the council’s fees and allowances', daysAgo(-3));
  await hearth.submit('Save');
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'The date they were told must be today or in the past',
  );
  await expect(page.getByLabel('Fostering agency')).toHaveValue(agency);

  await fillDate(page, 'Date they were told they will be paid on the council’s fees and allowances', daysAgo(8));
  await hearth.submit('Save');
  await expect(hearth.heading).toHaveText('Recruitment and assessment');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Transfer from a fostering agency recorded');
  const transfer = page.locator('h2:text-is("Transfer from a fostering agency") + .govuk-summary-list');
  await expect(transfer.locator('.govuk-summary-list__row', { hasText: 'Fostering agency' })).toContainText(agency);
  await expect(transfer.locator('.govuk-summary-list__row', { hasText: 'Transfer protocol meeting' })).toContainText(
    'Not yet held',
  );
});
