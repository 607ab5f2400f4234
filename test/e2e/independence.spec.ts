import { fillDate, londonDay } from './support/dates.ts';
import { addChild } from './support/children.ts';
import { test, expect, uniqueName, type Hearth } from './support/fixtures.ts';

/**
 * The independence checklist in the browser: a children's social worker records a young person of
 * about 16 (their own, so the journey changes no demo record), starts the checklist from the
 * child's page, records two areas done (the first refused for a missing date, with who confirmed
 * it kept) and sees "2 of 8" on the child's page. Every page is checked with axe.
 */

const banner = (hearth: Hearth) => hearth.page.locator('.govuk-notification-banner--success');
const checklistSection = (hearth: Hearth) =>
  hearth.page.locator('main h2:text-is("Independence checklist") + dl.govuk-summary-list');

test('a children’s social worker starts a young person’s independence checklist and records two areas', async ({
  hearth,
}) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  const lastName = uniqueName('Checklist');
  await hearth.signInAs('cicsw');

  // A young person of 16 and two months, looked after for half a year.
  await addChild(hearth, {
    firstName: 'Robin',
    lastName,
    sex: 'Male',
    bornOn: londonDay(-60, -16),
    lookedAfterSince: londonDay(-180),
  });

  // Past 15½ and not started: overdue on the child's page.
  await expect(checklistSection(hearth)).toContainText('Not started');
  await expect(checklistSection(hearth)).toContainText('Overdue');
  await expect(checklistSection(hearth)).toContainText('0 of 8');
  await hearth.clickLink('start it');
  await expect(hearth.heading).toHaveText('Start the independence checklist');
  await fillDate(page, 'Date the checklist was started', londonDay(-1));
  await hearth.submit('Start the checklist');
  await expect(banner(hearth)).toContainText('The checklist has been started');
  await expect(hearth.heading).toHaveText('Independence checklist');

  // The first area: the date left out is refused, and who confirmed it is kept.
  await hearth.clickLink(/^Record as done money and budgeting$/i);
  await expect(hearth.heading).toHaveText('Money and budgeting');
  await page.getByLabel('Who confirmed it was done').fill('Robin and their foster carer, at the review');
  await hearth.submit('Save this area as done');
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the date this area was done');
  await expect(page.getByLabel('Who confirmed it was done')).toHaveValue('Robin and their foster carer, at the review');
  await fillDate(page, 'Date this area was done', londonDay(0));
  await hearth.submit('Save this area as done');
  await expect(banner(hearth)).toContainText('The area has been recorded as done');

  await hearth.clickLink(/^Record as done identity documents$/i);
  await fillDate(page, 'Date this area was done', londonDay(0));
  await page.getByLabel('Who confirmed it was done').fill('Social worker, on a visit');
  await hearth.submit('Save this area as done');
  await expect(page.locator('main')).toContainText('Confirmed by Robin and their foster carer, at the review');
  await expect(page.locator('main')).toContainText('Confirmed by Social worker, on a visit');

  await hearth.clickLink(`Back to Robin ${lastName}’s record`);
  await expect(hearth.heading).toContainText(`Robin ${lastName}`);
  await expect(checklistSection(hearth)).toContainText('2 of 8');
  await expect(checklistSection(hearth)).toContainText('Started on');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the checklist’s start form refuses a date in the future', async ({ hearth }) => {
    const page = hearth.page;
    await hearth.signInAs('cicsw');
    await hearth.openArea('Children');
    await hearth.submit('Add a child');
    await page.getByLabel('First name').fill('Sky');
    await page.getByLabel('Last name', { exact: true }).fill(uniqueName('Checklist'));
    await fillDate(page, 'Date of birth', londonDay(-10, -17));
    await page.getByLabel('Female', { exact: true }).check();
    await page.getByLabel('Legal status').selectOption({ label: 'Accommodated (section 20)' });
    await fillDate(page, 'Date became looked after', londonDay(-400));
    await hearth.submit('Add child');
    await hearth.clickLink('start it');
    await fillDate(page, 'Date the checklist was started', londonDay(5));
    await hearth.submit('Start the checklist');
    await expect(page.locator('.govuk-error-summary')).toContainText(
      'Date the checklist was started must be today or in the past',
    );
  });
});
