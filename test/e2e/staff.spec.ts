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
 * the SSW signs it and sees it in their own folder, the manager corrects it (the SSW's signature is
 * cleared), and a peer SSW cannot open the folder at all.
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

  // The manager puts a slip right on the form it was recorded on, filled in: it warns that the SSW's
  // signature goes, and once saved the record waits for the SSW to sign it again.
  await hearth.signInAs('manager', folderPath);
  await hearth.clickLink(longDate(today), {
    within: page
      .locator('tbody tr')
      .filter({ hasText: longDate(today) })
      .first(),
  });
  await expect(hearth.heading).toHaveText(`Supervision on ${longDate(today)}`);
  await hearth.submit('Change this session');
  await expect(hearth.heading).toHaveText(`Change the supervision session of ${longDate(today)}`);
  await expect(page.getByLabel('Actions agreed')).toHaveValue('Send the respite referral by Friday.');
  await expect(page.locator('.govuk-warning-text')).toContainText('Saving your changes clears their signature');
  await page.getByLabel('Actions agreed').fill('Send the respite referral by Thursday.');
  await hearth.submit('Save the changes');
  await expect(page.locator('.govuk-notification-banner')).toContainText('signature has been cleared');
  await expect(page.getByText('Send the respite referral by Thursday.')).toBeVisible();
  await expect(page.locator('.govuk-summary-list')).toContainText('Not yet signed');
  await hearth.signOut();

  // A peer: another supervising social worker does not find the folder.
  await hearth.signInAs('ssw2');
  const response = await hearth.goto(folderPath);
  expect(response?.status()).toBe(404);
});

/**
 * Supervision folder audits (Target 9.1): the head has Hearth choose a folder in East Kent not yet
 * audited this quarter, sees what it holds, is refused a grade left out with what was typed kept,
 * and records the audit; the director finds it in the quarter's list. Every page is checked with axe.
 */
test('the head of fostering audits a supervision folder chosen at random', async ({ hearth }) => {
  test.setTimeout(120_000);
  const page = hearth.page;

  await hearth.signInAs('head');
  await hearth.openArea('Supervision folder audits');
  await expect(hearth.heading).toHaveText('Supervision folder audits');
  await hearth.submit('Choose a folder in East Kent');
  await expect(hearth.heading).toHaveText('Audit a supervision folder');
  await expect(page.getByRole('heading', { name: 'What the folder holds' })).toBeVisible();
  const member = (await page.locator('.govuk-caption-l').innerText()).split(',')[0]!;

  await page
    .getByRole('group', { name: /show analysis of the cases discussed/ })
    .getByLabel('Yes')
    .check();
  await page
    .getByRole('group', { name: /Signs of Safety approach/ })
    .getByLabel('No')
    .check();
  await page
    .getByRole('group', { name: /followed up at the next session/ })
    .getByLabel('Yes')
    .check();
  await page.getByLabel('What the audit found').fill('Regular sessions; the risks weighed are not written down.');
  await hearth.submit('Save');
  await expect(page.locator('.govuk-error-summary')).toContainText('Select the grade of the folder');
  await expect(page.getByLabel('What the audit found')).toHaveValue(
    'Regular sessions; the risks weighed are not written down.',
  );
  await page.getByRole('group', { name: 'Grade of the folder' }).getByLabel('Requires improvement').check();
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText(
    'The audit of the supervision folder has been recorded',
  );
  await expect(hearth.heading).toHaveText(`Audit of ${member}’s supervision folder`);
  await expect(page.getByText('Regular sessions; the risks weighed are not written down.')).toBeVisible();
  await hearth.signOut();

  await hearth.signInAs('director');
  await hearth.openArea('Supervision folder audits');
  const row = page.locator('tbody tr').filter({ hasText: member });
  await expect(row.first()).toContainText('Requires improvement');
  await hearth.clickLink(member, { within: row.first() });
  await expect(hearth.heading).toHaveText(`Audit of ${member}’s supervision folder`);
});
