import { dayInWords, fillDate, londonDay } from './support/dates.ts';
import { addChild } from './support/children.ts';
import { test, expect, uniqueName, type Hearth } from './support/fixtures.ts';

/**
 * Lifelong Links in the browser: a children's social worker adds a child of 10 (their own, so the
 * journey changes no demo record), starts their Lifelong Links work from the child's page, records
 * the child's agreement (the date left out is refused, the choice kept), the people found and the
 * family network meeting, sees the stage in words on the child's page, and finds the child on the
 * Lifelong Links page with this year's count against the plan's target. Every page is checked with axe.
 */

const banner = (hearth: Hearth) => hearth.page.locator('.govuk-notification-banner--success');
const section = (hearth: Hearth) => hearth.page.locator('[data-lifelong-links-works]');

test('a children’s social worker starts a child’s Lifelong Links work and records it to the family network meeting', async ({
  hearth,
}) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  const lastName = uniqueName('Links');
  await hearth.signInAs('cicsw');

  await addChild(hearth, {
    firstName: 'Ellis',
    lastName,
    sex: 'Female',
    bornOn: londonDay(-30, -10),
    lookedAfterSince: londonDay(-400),
  });
  await expect(page.locator('[data-lifelong-links-status]')).toHaveText('Not in the Lifelong Links pilot');

  await hearth.clickLink('Start Lifelong Links work');
  await expect(hearth.heading).toHaveText('Start Lifelong Links work');
  await fillDate(page, 'Date the child was identified', londonDay(-120));
  await page.getByLabel('Coordinator (optional)').fill('Gemma Lowry');
  await hearth.submit('Start the work');
  await expect(banner(hearth)).toContainText('The Lifelong Links work has been started');
  await expect(hearth.heading).toHaveText('Lifelong Links work');

  // The child's agreement: "agreed" without its date is refused, and the choice is kept.
  await hearth.clickLink(/^Record the child’s agreement$/i);
  await page.getByLabel('The child agreed').check();
  await hearth.submit('Save the child’s agreement');
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the date the child agreed');
  await expect(page.getByLabel('The child agreed')).toBeChecked();
  await fillDate(page, 'Date the child agreed', londonDay(-100));
  await hearth.submit('Save the child’s agreement');
  await expect(banner(hearth)).toContainText('The child’s agreement has been recorded');

  await hearth.clickLink(/^Record coordinator and people found$/i);
  await expect(page.getByLabel('Coordinator (optional)')).toHaveValue('Gemma Lowry');
  await page.getByLabel('People found').fill('5');
  await page.getByLabel('People contacted').fill('3');
  await hearth.submit('Save the counts');
  await expect(page.locator('main')).toContainText('Coordinator: Gemma Lowry. 5 people found, 3 contacted');

  const meeting = londonDay(-7);
  await hearth.clickLink(/^Record family network meeting$/i);
  await fillDate(page, 'Date of the family network meeting', meeting);
  await hearth.submit('Save the meeting');
  await expect(page.locator('main')).toContainText(`Family network meeting held on ${dayInWords(meeting)}`);

  await hearth.clickLink(`Back to Ellis ${lastName}’s record`);
  await expect(page.locator('[data-lifelong-links-status]')).toHaveText('In the Lifelong Links pilot');
  await expect(section(hearth)).toContainText(`Family network meeting held on ${dayInWords(meeting)}`);

  // The list: the child, in their stage, and this year's count against the plan's target.
  await hearth.openArea('Lifelong Links');
  await expect(hearth.heading).toHaveText('Lifelong Links');
  await expect(page.locator('[data-year-count]')).toHaveText(/^\d+ of \d+ children this year$/);
  await page.getByLabel('Stage').selectOption({ label: 'Family network meeting held' });
  await hearth.submit('Apply filters');
  await expect(page.locator('main table')).toContainText(`Ellis ${lastName}`);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the start form refuses a date in the future and keeps the coordinator typed', async ({ hearth }) => {
    const page = hearth.page;
    await hearth.signInAs('cicsw');
    await hearth.openArea('Children');
    await hearth.submit('Add a child');
    await page.getByLabel('First name').fill('Jordan');
    await page.getByLabel('Last name', { exact: true }).fill(uniqueName('Links'));
    await fillDate(page, 'Date of birth', londonDay(-10, -12));
    await page.getByLabel('Male', { exact: true }).check();
    await page.getByLabel('Legal status').selectOption({ label: 'Accommodated (section 20)' });
    await fillDate(page, 'Date became looked after', londonDay(-300));
    await hearth.submit('Add child');
    await hearth.clickLink('Start Lifelong Links work');
    await fillDate(page, 'Date the child was identified', londonDay(5));
    await page.getByLabel('Coordinator (optional)').fill('Owen Prescott');
    await hearth.submit('Start the work');
    await expect(page.locator('.govuk-error-summary')).toContainText(
      'Date the child was identified must be today or in the past',
    );
    await expect(page.getByLabel('Coordinator (optional)')).toHaveValue('Owen Prescott');
  });
});
