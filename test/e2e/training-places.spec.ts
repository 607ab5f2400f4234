import { test, expect, uniqueName } from './support/fixtures.ts';

/**
 * Spare places on a training session sold to another organisation (business plan action 2.1): the
 * training coordinator opens a session with places left from the calendar and records a place sold
 * to an agency (first without its charge: refused, with what was typed kept); the session counts it
 * as taken. Every page is checked with axe.
 */
test('the training coordinator sells a spare place on a session to an agency', async ({ hearth }) => {
  const page = hearth.page;
  const agency = `Harbour Family Placements ${uniqueName('e2e')}`;
  await hearth.signInAs('training');
  await hearth.openArea('Training');
  await expect(page.locator('[data-other-places]')).toContainText('Spare places are offered');
  // A session of the demo's: not one another journey adds at the same time (its venue named "e2e-…"),
  // where carers are booked meanwhile and the places left change under this journey.
  const row = page
    .locator('main table tbody tr', { hasText: /\d+ of \d+ places left/ })
    .filter({ hasNotText: /\be2e-/ })
    .first();
  const counted = /(\d+) of (\d+) places left/.exec(await row.innerText())!;
  const left = Number(counted[1]);
  const of = Number(counted[2]);
  await hearth.clickLink((await row.locator('a').innerText()).trim(), { within: row });
  await hearth.clickLink('Offer places to another organisation');
  await page.getByLabel('Organisation', { exact: true }).fill(agency);
  await page.getByLabel('An independent fostering agency').check();
  await page.getByLabel('Number of places').fill('1');
  await hearth.submit('Save the places');
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the charge for each place');
  await expect(page.getByLabel('Organisation', { exact: true })).toHaveValue(agency);
  await expect(page.getByLabel('An independent fostering agency')).toBeChecked();
  await page.getByLabel('Charge for each place, in pounds').fill('60');
  await hearth.submit('Save the places');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText(
    'Places for the other organisation recorded',
  );
  await expect(page.locator('[data-other-places]')).toContainText(
    `${agency} (an independent fostering agency): 1 place at £60.00 each (£60.00).`,
  );
  await expect(page.locator('main')).toContainText(
    left - 1 === 0 ? 'Full' : `${left - 1} of ${of} ${of === 1 ? 'place' : 'places'} left`,
  );
});
