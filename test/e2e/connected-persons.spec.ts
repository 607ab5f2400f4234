import { dayInWords as boxesInWords, fillDate, londonDay, type DayMonthYear } from './support/dates.ts';
import type { Locator } from '@playwright/test';
import { addChild } from './support/children.ts';
import { test, expect, uniqueName, type Hearth } from './support/fixtures.ts';
import { openHouseholdFromRecruitment, saveEnquiry } from './support/enquiry.ts';

/**
 * A connected person's temporary approval in the browser: the head of fostering records a family
 * and friends enquiry and a child of their own (so the journey changes no demo record), gives the
 * household temporary approval for the child from the child's record (refused first, with what was
 * typed kept), places the child there from the approval's page, extends the approval after the
 * panel's views were sought, and finds it on the list of connected persons. Every page is checked
 * with axe.
 */

const dayInWords = (date: DayMonthYear) => boxesInWords({ ...date, day: String(Number(date.day)) });
const banner = (hearth: Hearth) => hearth.page.locator('.govuk-notification-banner--success');

/** Chooses the option of a select that names the household. */
async function chooseHousehold(select: Locator, household: string) {
  const option = select.locator('option', { hasText: household });
  await select.selectOption({ label: (await option.textContent())!.trim() });
  return option;
}

/** A family and friends enquiry, recorded from the households list: the household is named after the person. */
async function recordConnectedHousehold(hearth: Hearth, name: string) {
  await hearth.openArea('Households');
  await hearth.submit('Record an enquiry');
  await saveEnquiry(hearth, {
    firstName: 'Rose',
    lastName: name,
    addressLine1: '3 Orchard Row',
    town: 'Faversham',
    postcode: 'ME13 8AB',
    team: 'East Kent Fostering Team 1',
    interest: 'Family and friends',
  });
  await openHouseholdFromRecruitment(hearth, name);
  await expect(hearth.page.locator('main')).toContainText('No temporary approval has been given to this household');
}

test('the head of fostering gives a connected person temporary approval, places the child and extends it', async ({
  hearth,
}) => {
  test.setTimeout(150_000);
  const page = hearth.page;
  const household = uniqueName('Kinsey');
  const lastName = uniqueName('Temporary');
  await hearth.signInAs('head');
  await recordConnectedHousehold(hearth, household);
  await addChild(hearth, {
    firstName: 'Theo',
    lastName,
    sex: 'Male',
    bornOn: londonDay(-40, -7),
    lookedAfterSince: londonDay(-3),
    legalStatus: 'Accommodated (section 20)',
    area: 'East Kent',
    socialWorker: 'Chris Okafor',
  });

  await hearth.clickLink('Give temporary approval to a connected person');
  await expect(hearth.heading).toHaveText('Give temporary approval to a connected person');
  const approvedOn = londonDay(-2);
  await fillDate(page, 'Date of the temporary approval', approvedOn);
  await page.getByLabel('Approved by (nominated officer)').fill('Nadia Karim');
  await hearth.submit('Record the temporary approval');
  const errors = page.locator('.govuk-error-summary');
  await expect(errors).toContainText('Select the connected person’s household');
  await expect(errors).toContainText('Confirm that this is the most appropriate placement for the child');
  await expect(page.getByLabel('Approved by (nominated officer)')).toHaveValue('Nadia Karim');
  await chooseHousehold(page.getByLabel('Connected person’s household'), household);
  for (const box of [
    /have been assessed for this child/,
    /most appropriate placement for the child/,
    /full assessment/,
  ]) {
    await page.getByLabel(box).check();
  }
  await hearth.submit('Record the temporary approval');

  await expect(banner(hearth)).toContainText('The temporary approval has been recorded');
  // 16 weeks in all: the last day is 111 days after the approval.
  const lastDay = londonDay(-2 + 111);
  await expect(page.locator('[data-approval-state]')).toContainText(`Runs to ${dayInWords(lastDay)}`);

  // Placing the child with the household, which the approval allows for this child alone.
  await hearth.clickLink(`Place Theo ${lastName} with ${household}`);
  const option = await chooseHousehold(page.getByLabel('Household', { exact: true }), household);
  await expect(option).toContainText('connected person with temporary approval for this child');
  await fillDate(page, 'Start date', londonDay(0));
  await page.getByLabel('Short-term').check();
  await page.getByLabel('No', { exact: true }).check();
  await hearth.submit('Record the placement');
  await expect(page.locator('main')).toContainText(household);

  // Back to the approval from the list; extended as the assessment will not finish in time.
  await hearth.openArea('Connected persons');
  await expect(hearth.heading).toHaveText('Connected persons with temporary approval');
  const row = page.locator('main tbody tr').filter({ hasText: lastName });
  await expect(row).toContainText(`Runs to ${dayInWords(lastDay)}`);
  await hearth.clickLink(new RegExp(`Theo ${lastName}`), { within: row });
  await hearth.clickLink('Extend the temporary approval');
  await fillDate(page, 'Date of the decision to extend', londonDay(0));
  await page.getByLabel('Extension approved by (nominated officer)').fill('Graham Holt');
  await page.getByLabel('The full assessment will not be finished in time').check();
  const extendedTo = londonDay(-2 + 111 + 56);
  await fillDate(page, 'New last day of the temporary approval', extendedTo);
  await fillDate(page, 'Date the fostering panel’s views were sought', londonDay(-1));
  await page.getByLabel(/still the most appropriate placement/).check();
  await page.getByLabel(/independent reviewing officer has been told/).check();
  await hearth.submit('Record the extension');
  await expect(banner(hearth)).toContainText('The extension has been recorded');
  await expect(page.locator('[data-approval-state]')).toContainText(`Extended to ${dayInWords(extendedTo)}`);
  await expect(page.locator('main .govuk-summary-list')).toContainText(`${dayInWords(londonDay(0))}, by Graham Holt`);
  await expect(page.locator('main .govuk-summary-list')).toContainText(
    'The full assessment will not be finished in time',
  );
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the form refuses a date in the future and keeps what was typed; the list opens', async ({ hearth }) => {
    // Seven pages, each copied and checked with axe: past the default 30 s on a slow machine (31.7 s seen in CI).
    test.setTimeout(90_000);
    const page = hearth.page;
    await hearth.signInAs('head');
    await hearth.openArea('Connected persons');
    await expect(hearth.heading).toHaveText('Connected persons with temporary approval');
    await addChild(hearth, {
      firstName: 'Mia',
      lastName: uniqueName('Temporary'),
      sex: 'Female',
      bornOn: londonDay(-10, -5),
      lookedAfterSince: londonDay(-1),
      area: 'West Kent',
      socialWorker: 'Chris Okafor',
    });
    await hearth.clickLink('Give temporary approval to a connected person');
    await fillDate(page, 'Date of the temporary approval', londonDay(3));
    await page.getByLabel('Approved by (nominated officer)').fill('Priya Sethi');
    await page.getByLabel(/full assessment/).check();
    await hearth.submit('Record the temporary approval');
    const errors = page.locator('.govuk-error-summary');
    await expect(errors).toContainText('Date of the temporary approval must be today or in the past');
    await expect(errors).toContainText('Select the connected person’s household');
    await expect(page.getByLabel('Approved by (nominated officer)')).toHaveValue('Priya Sethi');
    await expect(page.getByLabel(/full assessment/)).toBeChecked();
  });
});
