import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';

/** Fills a GOV.UK date input (found by its legend) with a date. */
async function fillDate(page: Page, legend: string, date: Date) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(date.getDate()));
  await group.getByLabel('Month').fill(String(date.getMonth() + 1));
  await group.getByLabel('Year').fill(String(date.getFullYear()));
}

const longDate = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(date);

/**
 * Staff supervision: a team manager records a session with their SSW on the county's template,
 * the SSW signs it and sees it in their own folder, and a peer SSW cannot open the folder at all.
 * Every page is checked with axe.
 */
test('a team manager records a supervision session and the SSW signs it', async ({ hearth }) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  const today = new Date();

  await hearth.signInAs('manager');
  await hearth.openArea('Staff supervision');
  await expect(hearth.heading).toHaveText('Staff supervision');
  await hearth.clickLink('Sam Sutherland');
  await expect(hearth.heading).toHaveText('Sam Sutherland');
  const folderPath = new URL(page.url()).pathname;
  // A GOV.UK button made of a link: its role is a button.
  await hearth.submit('Record a supervision session');
  await expect(hearth.heading).toHaveText('Record a supervision session');
  // A session in the future is refused, with what was typed kept.
  const tomorrow = new Date(today.getTime() + 2 * 86_400_000);
  await fillDate(page, 'Date of the session', tomorrow);
  await page.getByLabel('Case discussion and reflection').fill('Reflected on the respite plan for a household.');
  await page.getByLabel('Wellbeing').fill('A busy month, managing well.');
  await page.getByLabel('Training and development').fill('Signs of Safety refresher booked.');
  await page.getByLabel('Actions agreed').fill('Send the respite referral by Friday.');
  await page.getByRole('group', { name: 'Was the personal development plan reviewed?' }).getByLabel('Yes').check();
  await hearth.submit('Save');
  await expect(page.locator('.govuk-error-summary')).toContainText('must be today or in the past');
  await expect(page.getByLabel('Case discussion and reflection')).toHaveValue(
    'Reflected on the respite plan for a household.',
  );
  await fillDate(page, 'Date of the session', today);
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('supervision session has been recorded');
  await hearth.signOut();

  await hearth.signInAs('ssw');
  await hearth.openArea('My supervision');
  await expect(hearth.heading).toHaveText('My supervision');
  await hearth.clickLink(`Sign the record of ${longDate(today)}`);
  await hearth.submit('Sign the record');
  await expect(page.locator('.govuk-error-summary')).toContainText('Confirm that this is a true record');
  await page.getByLabel('I confirm this is a true record of my supervision').check();
  await hearth.submit('Sign the record');
  await expect(page.locator('.govuk-notification-banner')).toContainText('You have signed your supervision record');
  await hearth.openArea('My supervision');
  const row = page.locator('tbody tr').filter({ hasText: longDate(today) });
  await expect(row).toContainText('Signed by both');
  await hearth.signOut();

  // A peer: another supervising social worker does not find the folder.
  await hearth.signInAs('ssw2');
  const response = await hearth.goto(folderPath);
  expect(response?.status()).toBe(404);
});
