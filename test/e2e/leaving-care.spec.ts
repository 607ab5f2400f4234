import { dayInWords as boxesInWords, fillDate, londonDay, type DayMonthYear } from './support/dates.ts';
import { addChild } from './support/children.ts';
import { test, expect, uniqueName, type Hearth } from './support/fixtures.ts';

/**
 * A child leaving care in the browser: a children's social worker records a child of their own (so
 * the journey changes no demo record), records that she left care for another reason without saying
 * what (refused, with what was typed kept), then with the details; the child's page says when and
 * why and how long the record is kept, and the children list finds her under "Left care". Then the
 * reason is changed, and the record removed as made in error (a reason asked for). Every page is
 * checked with axe.
 */

/** The day as the page writes it (the boxes may hold "03" for the 3rd). */
const dayInWords = (date: DayMonthYear) => boxesInWords({ ...date, day: String(Number(date.day)) });

const banner = (hearth: Hearth) => hearth.page.locator('.govuk-notification-banner--success');

/** A girl of 11 of the journey's own, looked after for 200 days. */
const addGirl = (hearth: Hearth, firstName: string, lastName: string) =>
  addChild(hearth, {
    firstName,
    lastName,
    sex: 'Female',
    bornOn: londonDay(-100, -11),
    lookedAfterSince: londonDay(-200),
    legalStatus: 'Accommodated (section 20)',
  });

test('a children’s social worker records that a child left care, changes it and removes it', async ({ hearth }) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  const lastName = uniqueName('Leaving');
  await hearth.signInAs('cicsw');
  await addGirl(hearth, 'Juno', lastName);

  await hearth.clickLink('Record that Juno left care');
  await expect(hearth.heading).toHaveText('Record that Juno left care');
  const leftOn = londonDay(-3);
  await fillDate(page, 'Date left care', leftOn);
  await page.getByLabel('Other', { exact: true }).check();
  await hearth.submit('Save');
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the details of why Juno left care');
  await expect(page.getByLabel('Other', { exact: true })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Date left care' }).getByLabel('Day')).toHaveValue(leftOn.day);
  await page.getByLabel('Details (needed if you chose ‘Other’)').fill('Moved abroad with her mother');
  await hearth.submit('Save');

  await expect(banner(hearth)).toContainText('Leaving care has been recorded');
  const summary = page.locator('main .govuk-inset-text');
  await expect(summary).toContainText(`Left care on ${dayInWords(leftOn)}: other`);
  await expect(summary).toContainText('Moved abroad with her mother');
  // Born 11 years and 100 days ago: kept until her 75th birthday.
  await expect(summary).toContainText(`Kept until ${dayInWords(londonDay(-100, 64))}`);
  await expect(page.locator('main')).not.toContainText('Record that Juno left care');

  // The list shows children in care unless asked: Juno is under "Left care".
  await hearth.openArea('Children');
  await page.getByLabel('Name or reference').fill(lastName);
  await hearth.submit('Apply filters');
  await expect(page.locator('main')).toContainText('No children found');
  await page.getByLabel('In care or left care').selectOption({ label: 'Left care' });
  await hearth.submit('Apply filters');
  const row = page.locator('main tbody tr').filter({ hasText: lastName });
  await expect(row).toContainText(`Left care on ${dayInWords(leftOn)}`);
  await hearth.clickLink(`Juno ${lastName}`, { within: row });

  await hearth.clickLink('Change the record of leaving care');
  await expect(hearth.heading).toHaveText('Change the record of leaving care');
  await expect(page.getByLabel('Details (needed if you chose ‘Other’)')).toHaveValue('Moved abroad with her mother');
  await page.getByLabel('Returned home to live with parents or relatives').check();
  await hearth.submit('Save');
  await expect(banner(hearth)).toContainText('The record of leaving care has been changed');
  await expect(summary).toContainText(
    `Left care on ${dayInWords(leftOn)}: returned home to live with parents or relatives`,
  );

  await hearth.clickLink('Remove: recorded in error');
  await expect(hearth.heading).toHaveText(`Remove the record of leaving care on ${dayInWords(leftOn)}`);
  await hearth.submit('Remove the record');
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'Enter why the record of leaving care is being removed',
  );
  await page.getByLabel('Why is the record being removed?').fill('Recorded for the wrong child');
  await hearth.submit('Remove the record');
  await expect(banner(hearth)).toContainText('The record of leaving care has been removed');
  await expect(page.locator('main')).toContainText('Record that Juno left care');
});

test('a child still placed with the service’s carers is refused, with a link to the placement', async ({ hearth }) => {
  const page = hearth.page;
  await hearth.signInAs('cicsw');
  await hearth.openArea('Children');
  const row = page.locator('main tbody tr').filter({ hasNotText: 'Not placed' }).first();
  await expect(row, 'the demo cicsw has a child placed with our carers').toBeVisible();
  const household = (await row.locator('td').last().innerText()).trim();
  const name = (await row.locator('td').first().locator('a').innerText()).trim();
  await hearth.clickLink(name, { within: row });
  await hearth.clickLink(/^Record that .+ left care$/);
  await fillDate(page, 'Date left care', londonDay());
  await page.getByLabel('Adopted', { exact: true }).check();
  await hearth.submit('Save');
  await expect(page.locator('.govuk-error-summary')).toContainText(`is still placed with ${household}`);
  await expect(page.getByRole('link', { name: household, exact: true })).toHaveAttribute('href', /^\/placements\//);
  await expect(page.getByLabel('Adopted', { exact: true })).toBeChecked();
});

test('a child who died: the page says so, and the notifications are recorded as they are made', async ({ hearth }) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  const lastName = uniqueName('Leaving');
  await hearth.signInAs('cicsw');
  await addGirl(hearth, 'Isla', lastName);
  await hearth.clickLink('Record that Isla left care');
  const diedOn = londonDay(-1);
  await fillDate(page, 'Date left care', diedOn);
  await page.getByLabel('Died', { exact: true }).check();
  await hearth.submit('Save');
  await expect(page.locator('main .govuk-inset-text')).toContainText(`Died on ${dayInWords(diedOn)}`);
  const notifications = page
    .locator('main h2:text-is("Notifications of Isla’s death") ~ dl.govuk-summary-list')
    .first();
  await expect(notifications.getByText('Not yet recorded')).toHaveCount(5);

  await hearth.clickLink('Record the notifications');
  await expect(hearth.heading).toHaveText('Notifications of Isla’s death');
  await fillDate(page, 'Ofsted (His Majesty’s Chief Inspector)', diedOn);
  await fillDate(page, 'The Secretary of State (Department for Education)', londonDay());
  await hearth.submit('Save the notifications');
  await expect(banner(hearth)).toContainText('The notifications have been recorded');
  await expect(notifications.getByText('Not yet recorded')).toHaveCount(3);
  await expect(notifications).toContainText(dayInWords(diedOn));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the leaving care form shows the details question and its messages', async ({ hearth }) => {
    const page = hearth.page;
    await hearth.signInAs('cicsw');
    await addGirl(hearth, 'Ada', uniqueName('Leaving'));
    await hearth.clickLink('Record that Ada left care');
    await expect(page.getByLabel('Details (needed if you chose ‘Other’)')).toBeVisible();
    await fillDate(page, 'Date left care', londonDay(2));
    await hearth.submit('Save');
    await expect(page.locator('.govuk-error-summary')).toContainText('Date left care must be today or in the past');
    await expect(page.locator('.govuk-error-summary')).toContainText('Select why Ada left care');
    await fillDate(page, 'Date left care', londonDay());
    await page.getByLabel('Other', { exact: true }).check();
    await page.getByLabel('Details (needed if you chose ‘Other’)').fill('Moved to live with her grandmother abroad');
    await hearth.submit('Save');
    await expect(page.locator('main .govuk-inset-text')).toContainText(
      `Left care on ${dayInWords(londonDay())}: other`,
    );
  });
});
