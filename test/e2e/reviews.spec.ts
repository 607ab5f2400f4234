import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';

/** Fills a GOV.UK date input (found by its legend) with a date. */
async function fillDate(page: Page, legend: string, date: Date) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(date.getDate()));
  await group.getByLabel('Month').fill(String(date.getMonth() + 1));
  await group.getByLabel('Year').fill(String(date.getFullYear()));
}

/** The address of the link on the "Link made" page (shown this once). */
async function madeLink(page: Page): Promise<string> {
  const url = new URL((await page.locator('#full-link').innerText()).trim());
  return url.pathname;
}

/**
 * The first review of a household in Hearth: the reviewing officer starts it, a child gives their
 * views on a phone through a link without an account (used once), the child's social worker
 * answers theirs, and the reviewer completes the report, which goes to panel. Every page is
 * checked with axe.
 */
test('a first review gathers the child’s voice and goes to panel', async ({ hearth }) => {
  test.setTimeout(120_000);
  const page = hearth.page;

  // The reviewer finds a household whose first review in Hearth has not started, with a child placed.
  await hearth.signInAs('reviewer');
  await hearth.openArea('Reviews');
  await expect(hearth.heading).toHaveText('Reviews of approval');
  await page.getByLabel('Show').selectOption('first');
  await hearth.submit('Show the list');
  const rows = page.locator('tbody tr').filter({ hasText: 'Not started' });
  let household = '';
  for (const row of await rows.all()) {
    if ((await row.locator('td').nth(2).innerText()).trim() !== '0') {
      household = (await row.getByRole('link').innerText()).trim();
      break;
    }
  }
  expect(household, 'the demo has a household with a child placed and no review recorded').not.toBe('');
  await hearth.clickLink(household);
  await hearth.submit('Start a review');
  await page.getByLabel('The annual review').check();
  await hearth.submit('Start the review');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Review started');
  const reviewPath = new URL(page.url()).pathname;

  // A link for the child's views, to hand over.
  await hearth.clickLink(/^Ask for their views/);
  await page.getByLabel('I will hand it over').check();
  await hearth.submit('Make the link');
  await expect(hearth.heading).toHaveText('Link made');
  await expect(page.getByAltText('QR code of the link')).toBeVisible();
  const childLink = await madeLink(page);
  await hearth.signOut();

  // The child, on a phone: no account, no service navigation, nothing but the carers' first names.
  await page.setViewportSize({ width: 320, height: 640 });
  await hearth.goto(childLink);
  await expect(hearth.heading).toContainText('What is it like living with');
  await expect(hearth.nav).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await hearth.submit('Send my answers');
  await expect(page.locator('.govuk-error-summary')).toContainText('Answer at least one question');
  await page.getByRole('radio').first().check();
  await page.getByRole('textbox').first().fill('We have a dog and I like my room');
  await page.getByLabel('Someone helped me fill this in').check();
  await hearth.submit('Send my answers');
  await expect(hearth.heading).toHaveText('Thank you');
  // The same link again: a clear page, and nothing shown.
  const again = await hearth.goto(childLink);
  expect(again?.status()).toBe(410);
  await expect(hearth.heading).toHaveText('This link does not work');
  await expect(page.locator('main')).not.toContainText('living with');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The child's social worker's feedback, by email (kept in the outbox here: the link is shown once).
  await hearth.signInAs('reviewer', reviewPath);
  await expect(page.locator('tbody tr').first()).toContainText('Returned on');
  await hearth.clickLink(/^Ask for feedback/);
  await page.getByRole('radio', { name: 'By email' }).check();
  await hearth.submit('Make the link');
  await expect(page.locator('main')).toContainText('kept in the outbox without the link');
  const workerLink = await madeLink(page);
  await hearth.signOut();
  await hearth.goto(workerLink);
  await expect(hearth.heading).toContainText('Feedback about foster carers');
  await page.getByLabel('Very good').check();
  await page.getByLabel('How well do the carers meet the child’s needs?').fill('Very well: settled at school.');
  await page.getByLabel('How do the carers support the child’s care plan').fill('Family time is well supported.');
  await page.getByLabel('How do the carers work with you').fill('Good communication.');
  await page.getByLabel('Your name').fill('Chris Okafor');
  await hearth.submit('Send the feedback');
  await expect(hearth.heading).toHaveText('Thank you');

  // The reviewer completes the report: a date before the review started is refused.
  await hearth.signInAs('reviewer', reviewPath);
  await expect(page.locator('main')).toContainText('Chris Okafor, children’s social worker');

  // A DBS check renewed at the review is the household's own check of one carer, named.
  await hearth.clickLink('Record a check renewed');
  await page.getByLabel('DBS check', { exact: true }).check();
  await page.getByRole('group', { name: 'Whose check is it?' }).getByRole('radio').first().check();
  await fillDate(page, 'Date of the check', new Date());
  await page.getByRole('group', { name: 'Was the outcome satisfactory?' }).getByLabel('Yes').check();
  await hearth.submit('Save the check');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Check recorded');
  await expect(page.locator('main')).toContainText(/DBS check of \S+ \S+: \d{1,2} \w+ \d{4}/);

  await hearth.submit('Complete the review');
  await fillDate(page, 'Date of the review meeting', new Date(Date.now() - 2 * 86_400_000));
  await page.getByLabel('Continue with the same terms of approval').check();
  await page.getByLabel('The reviewing officer’s assessment and recommendation').fill('Approval continues.');
  await page
    .getByRole('group', { name: /personal development plan/ })
    .getByLabel('Yes')
    .check();
  await hearth.submit('Complete the review');
  await expect(page.locator('.govuk-error-summary')).toContainText('must be on or after');
  await fillDate(page, 'Date of the review meeting', new Date());
  await hearth.submit('Complete the review');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Review completed');
  await expect(page.locator('.govuk-tag', { hasText: 'To panel' })).toBeVisible();
  await expect(page.locator('main')).toContainText('the first review since approval always goes to panel');

  // The assessment was recorded wrongly: corrected on the completion form, filled in, with why.
  await hearth.clickLink('Correct this review');
  await expect(hearth.heading).toHaveText('Correct the review');
  const assessment = page.getByLabel('The reviewing officer’s assessment and recommendation');
  await expect(assessment).toHaveValue('Approval continues.');
  await assessment.fill('Approval continues on the same terms.');
  await page.getByLabel('Why is the review being corrected?').fill('The terms were left out of the assessment');
  await hearth.submit('Save the correction');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Review corrected');
  await expect(page.locator('main')).toContainText('Approval continues on the same terms.');
});
