import type { Page } from '@playwright/test';
import { test, expect, uniqueName, type Hearth } from './support/fixtures.ts';

/** Fills a GOV.UK date input (found by its legend) with a date. */
async function fillDate(page: Page, legend: string, date: Date) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(date.getDate()));
  await group.getByLabel('Month').fill(String(date.getMonth() + 1));
  await group.getByLabel('Year').fill(String(date.getFullYear()));
}

const longDate = (date: Date) =>
  date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/**
 * The demo carer's household (allocated to `ssw`, a child placed): its matters page, reached
 * through search. Returns nothing; leaves the browser on that page.
 */
async function openEllisMatters(hearth: Hearth) {
  await hearth.openArea('Search');
  await hearth.page.getByLabel('Search for a carer, household member or child').fill('Jordan Ellis');
  await hearth.submit('Search');
  await hearth.clickLink('Jordan Ellis', { within: hearth.page.locator('table tbody tr').first() });
  await hearth.clickLink('Concerns, complaints and allegations');
  await expect(hearth.heading).toHaveText('Concerns, complaints and allegations');
}

/** As the SSW on the household's matters page: records an allegation about Jordan Ellis; returns its path. */
async function recordAllegation(hearth: Hearth, summary: string, options: { child: boolean }): Promise<string> {
  const page = hearth.page;
  await hearth.submit('Record a matter'); // a button-styled link
  await page.getByLabel('Allegation', { exact: true }).check();
  await hearth.submit('Continue');
  await expect(hearth.heading).toHaveText('Record an allegation');
  await page.getByLabel('Who it is about').selectOption({ label: 'Jordan Ellis (foster carer)' });
  await page.getByLabel('A professional (school, health, police ...)').check();
  await page.getByLabel('Their name (optional)').fill('Ms Okoro, designated safeguarding lead');
  await page.getByLabel('Physical').check();
  await page.getByLabel('What is alleged').fill(summary);
  if (options.child) {
    await page.getByRole('group', { name: 'Children concerned (optional)' }).getByRole('checkbox').first().check();
  }
  await hearth.submit('Save');
  // One banner saying so (the matter page once drew a second copy of the layout's).
  await expect(page.locator('.govuk-notification-banner')).toHaveCount(1);
  await expect(page.locator('.govuk-notification-banner')).toContainText('Matter recorded');
  return new URL(page.url()).pathname;
}

/**
 * An allegation through the LADO process: the SSW records it and refers it; the LADO records the
 * decision, a strategy meeting and the outcome (refusing one dated before the referral, keeping
 * what was typed); the SSW gives the outcome to the child and the carer; the team manager records
 * its presentation to the fostering panel and closes it; the register shows it closed.
 */
test('an allegation goes to the LADO, to an outcome given to the child, and to panel', async ({ hearth }) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  const today = new Date();
  const yesterday = new Date(today.getTime() - 86_400_000);
  const summary = `${uniqueName('e2e')}: a child told their teacher the carer pulled them by the arm.`;

  await hearth.signInAs('ssw');
  await openEllisMatters(hearth);
  const matter = await recordAllegation(hearth, summary, { child: true });
  await expect(page.locator('main .govuk-tag').first()).toHaveText('Not yet referred to the LADO');
  await hearth.clickLink('Record the referral to the LADO');
  await page.getByLabel('Name of the LADO it was referred to (optional)').fill('Laura Adeyemi');
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Referral to the LADO recorded');
  await expect(page.locator('main .govuk-tag').first()).toHaveText('With the LADO');
  // The LADO's part is not the SSW's to record.
  await expect(page.getByRole('link', { name: 'Record the outcome', exact: true })).toHaveCount(0);
  await hearth.signOut();

  // The LADO finds it among the open allegations and takes it to an outcome.
  await hearth.signInAs('lado');
  await hearth.openArea('Open allegations');
  await expect(hearth.heading).toHaveText('Open allegations');
  await hearth.goto(matter);
  await expect(page.locator('main')).toContainText(summary);
  await hearth.clickLink('Record the LADO’s decision on immediate action');
  await page.getByLabel('A strategy meeting (police or a child protection enquiry may follow)').check();
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('The LADO’s decision recorded');

  await hearth.clickLink('Record a strategy, evaluation or review meeting');
  await page.getByLabel('Strategy meeting').check();
  await page.getByLabel('Who attended').fill('Laura Adeyemi (LADO), Sam Sutherland (SSW), DC Hale (police)');
  await page.getByLabel('What was decided').fill('Police not to investigate; the child stays in placement.');
  await page.getByRole('group', { name: 'Are the police involved?' }).getByLabel('No').check();
  await page
    .getByRole('group', { name: /Are children’s services making enquiries/ })
    .getByLabel('No')
    .check();
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Meeting recorded');
  await expect(page.locator('main .govuk-tag').first()).toHaveText('Strategy or evaluation meeting held');

  // An outcome dated before the referral is refused, with what was typed kept.
  await hearth.clickLink('Record the outcome', { exact: true });
  await page.getByLabel('Unsubstantiated').check();
  await fillDate(page, 'Date of the outcome', yesterday);
  const refused = await hearth.submit('Save');
  expect(refused?.status()).toBe(400);
  await expect(page.locator('.govuk-error-summary')).toContainText(
    `The date of the outcome must be on or after the referral to the LADO on ${longDate(today)}`,
  );
  await expect(page.getByLabel('Unsubstantiated')).toBeChecked();
  await expect(page.getByRole('group', { name: 'Date of the outcome' }).getByLabel('Day')).toHaveValue(
    String(yesterday.getDate()),
  );
  await fillDate(page, 'Date of the outcome', today);
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Outcome recorded');
  await expect(page.locator('main .govuk-tag').first()).toHaveText('Outcome reached');
  await hearth.signOut();

  // The SSW gives the outcome to the child and to the carer.
  await hearth.signInAs('ssw', matter);
  await hearth.clickLink('Record the outcome given to a child');
  await expect(page.getByLabel('Child', { exact: true }).locator('option')).toHaveCount(2);
  await page.getByLabel('Child', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Who told the child').fill('Sam Sutherland, supervising social worker');
  await page.getByLabel('How the child was told').fill('At a visit after school, with their carer present.');
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Outcome given to the child recorded');
  await expect(page.locator('main')).toContainText(`${longDate(today)}, by Sam Sutherland, supervising social worker`);
  await hearth.clickLink('Record the outcome given to the carer');
  await page.getByLabel('Who told the carer').fill('Sam Sutherland');
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Outcome given to the carer recorded');
  // Presenting it to panel is the manager's.
  await expect(page.getByRole('link', { name: 'Record its presentation to the fostering panel' })).toHaveCount(0);
  await hearth.signOut();

  // The team manager records its presentation to the fostering panel and closes it.
  await hearth.signInAs('manager', matter);
  await hearth.clickLink('Record its presentation to the fostering panel');
  await page.getByLabel('No').check();
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText(
    'Presentation to the fostering panel recorded',
  );
  await hearth.clickLink('Close the matter');
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Matter closed');
  await expect(page.locator('main .govuk-tag').first()).toHaveText('Closed');

  // The register, filtered to closed allegations, shows it closed and unsubstantiated.
  await hearth.openArea('Concerns');
  await page.getByLabel('Kind').selectOption({ label: 'Allegation' });
  await page.getByLabel('Open or closed').selectOption('closed');
  await hearth.submit('Apply filters');
  const row = page.locator('tbody tr').filter({ has: page.locator(`a[href="${matter}"]`) });
  await expect(row).toContainText('Unsubstantiated');
  await expect(row.locator('.govuk-tag')).toHaveText('Closed');
});

/**
 * What is alleged put right by the SSW; the carer sees in the portal only that a matter is open, its
 * stage and who supports them, never what is alleged; an SSW of another team cannot open the matter.
 */
test('the carer sees only that a matter is open; another team’s SSW cannot open it', async ({ hearth }) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  const summary = `${uniqueName('e2e')}: a neighbour reported a child left alone for several hours.`;

  await hearth.signInAs('ssw');
  await openEllisMatters(hearth);
  const matter = await recordAllegation(hearth, summary, { child: false });
  // What was typed wrongly is put right on the form it was recorded on, filled in, with why.
  await hearth.clickLink('Change the details of the allegation');
  await expect(page.getByLabel('What is alleged')).toHaveValue(summary);
  const corrected = `${summary} It happened on two evenings.`;
  await page.getByLabel('What is alleged').fill(corrected);
  await page.getByLabel('Why is this being changed?').fill('The neighbour rang back about a second evening.');
  await hearth.submit('Save the changes');
  await expect(page.locator('.govuk-notification-banner')).toContainText('The details were changed');
  await expect(page.locator('main')).toContainText(corrected);
  await hearth.clickLink('Record the carer’s independent support');
  await page.getByLabel('Who supports the carer').fill('Dana Whitlock');
  await page.getByLabel('Their organisation (optional)').fill('Fostering Network');
  await page.getByLabel('Taken up', { exact: true }).check();
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Independent support recorded');
  await hearth.signOut();

  await hearth.signInAs('carer', '/portal');
  const main = page.locator('main');
  await expect(main).toContainText('A matter about your household is open');
  await expect(main).toContainText('Being looked into by the fostering service');
  await expect(main).toContainText('Dana Whitlock');
  await expect(main).not.toContainText(summary);
  await expect(main).not.toContainText('left alone');
  const portalMatter = await hearth.goto(matter);
  expect(portalMatter?.status()).toBe(403);
  await expect(main).not.toContainText(summary);
  await hearth.signOut();

  await hearth.signInAs('ssw2');
  const other = await hearth.goto(matter);
  expect(other?.status()).toBe(404);
  await expect(page.locator('main')).not.toContainText(summary);
});

/**
 * A complaint's time to respond extended by the SSW, then put right as recorded in error: the
 * Change link beside the extension opens its form filled in; taking it off without saying why is
 * refused, keeping the choice; the response is then due in the usual 10 working days.
 */
test('a complaint’s extension recorded in error is taken off, the response due in the usual time', async ({
  hearth,
}) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  const summary = `${uniqueName('e2e')}: the carers’ allowance was paid late three months running.`;

  await hearth.signInAs('ssw');
  await openEllisMatters(hearth);
  await hearth.submit('Record a matter'); // a button-styled link
  await page.getByLabel('Complaint', { exact: true }).check();
  await hearth.submit('Continue');
  await page.getByLabel('Who it is about').selectOption({ label: 'The fostering service' });
  await page.getByLabel('A foster carer').check();
  await page.getByLabel('What the complaint is about').fill(summary);
  await page.getByLabel('Fees, allowances and money').check();
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Matter recorded');

  await hearth.clickLink('Extend the time to respond');
  await page.getByLabel('Why the response needs longer').fill('Finance need to check three months of payments.');
  await hearth.submit('Save');
  await expect(page.locator('main')).toContainText('extended: Finance need to check three months of payments.');

  await hearth.clickLink('Change the extension of stage 1');
  await expect(hearth.heading).toHaveText('Change the extension of the time to respond');
  await expect(page.getByLabel('Why the response needs longer')).toHaveValue(
    'Finance need to check three months of payments.',
  );
  const error = page.getByRole('radio', { name: /^No, it was recorded in error: the response is due by / });
  await error.check();
  await hearth.submit('Save');
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter why the extension is being changed');
  await expect(error).toBeChecked();
  await page.getByLabel('Why is this being changed?').fill('The manager had not agreed to extend it.');
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Extension changed');
  await expect(page.locator('main')).not.toContainText('extended:');
  await expect(page.getByRole('link', { name: 'Extend the time to respond' })).toBeVisible();
});
