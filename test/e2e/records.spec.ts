import type { Page } from '@playwright/test';
import { workingDaysAfter } from '../../src/platform/due/deadlines.ts';
import { formatDate } from '../../src/platform/views/format.ts';
import { test, expect } from './support/fixtures.ts';

async function fillDate(page: Page, legend: string, iso: string) {
  const [year, month, day] = iso.split('-');
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year!);
}

/** Today in London as YYYY-MM-DD (the tests run with TZ=Europe/London). */
const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * A team manager records a request from another fostering provider for a household's records (a
 * missing answer refused first, the rest kept), sees the records due in 15 working days, records
 * them sent and sees them on time; the head opens Records and the list of records past their
 * retention date. Every page is checked with axe.
 */
test('a team manager records a request for records and the records sent; the head reviews Records', async ({
  hearth,
}) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  await hearth.signInAs('manager');
  await hearth.openArea('Households');
  const first = page.locator('main table a[href^="/households/"]').first();
  const name = (await first.innerText()).trim();
  await hearth.clickLink(name, { exact: true, within: page.locator('main table') });
  await hearth.clickLink('Requests for records');
  await expect(hearth.heading).toHaveText('Requests for records');

  await hearth.submit('Record a request'); // a link drawn as a button
  const today = todayIso();
  await page.getByLabel('Another fostering service provider').check();
  await fillDate(page, 'Date the request was received', today);
  await page.getByLabel('Notes (optional)').fill('The carers have applied to transfer to the agency.');
  await hearth.submit('Save the request');
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'Enter the name of the organisation that asked for the records',
  );
  await expect(page.getByLabel('Another fostering service provider')).toBeChecked();
  await expect(page.getByLabel('Notes (optional)')).toHaveValue('The carers have applied to transfer to the agency.');
  await page.getByLabel('Organisation that asked').fill('Harbourlight Fostering');
  await hearth.submit('Save the request');
  await expect(page.locator('.govuk-notification-banner')).toContainText('The request has been recorded');
  const row = page.locator('main tbody tr', { hasText: 'Harbourlight Fostering' }).first();
  await expect(row).toContainText(formatDate(workingDaysAfter(today, 15)));
  await expect(row).toContainText('Not sent yet');

  await hearth.clickLink(/^Record records sent/, { within: row });
  await fillDate(page, 'Date the records were sent', today);
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('The records have been recorded as sent');
  await expect(page.locator('main tbody tr', { hasText: 'Harbourlight Fostering' }).first()).toContainText(
    'Sent on time',
  );
  await hearth.signOut();

  await hearth.signInAs('head');
  await hearth.openArea('Records');
  await expect(hearth.heading).toHaveText('Records');
  await expect(page.getByRole('heading', { name: 'Open requests' })).toBeVisible();
  await hearth.clickLink('Records past their retention date');
  await expect(hearth.heading).toHaveText('Records past their retention date');
  await expect(page.locator('main')).toContainText('Hearth does not delete them');
  await expect(page.locator('main')).toContainText('past the 75th anniversary of the child’s birth');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the request form works', async ({ hearth }) => {
    const page = hearth.page;
    await hearth.signInAs('manager', '/households');
    const href = await page.locator('main table a[href^="/households/"]').first().getAttribute('href');
    await hearth.goto(`${href!}/records-requests/new`);
    await hearth.submit('Save the request');
    await expect(page.locator('.govuk-error-summary')).toContainText('Select who asked for the records');
  });
});
