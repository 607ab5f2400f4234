import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';

async function fillDate(page: Page, legend: string, date: Date) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(date.getDate()));
  await group.getByLabel('Month').fill(String(date.getMonth() + 1));
  await group.getByLabel('Year').fill(String(date.getFullYear()));
}

const inWords = (date: Date) =>
  date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

// On the calendar (the tests run in Europe/London), not in 24-hour spans, which land on the next day
// late in the evening once the clocks have gone forward.
const daysFrom = (date: Date, days: number) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
const monthsFrom = (date: Date, months: number) => {
  const d = new Date(date.getFullYear(), date.getMonth() + months, 1);
  const last = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();
  return new Date(d.getFullYear(), d.getMonth(), Math.min(date.getDate(), last));
};

/**
 * A children's social worker opens one of their children placed with the service's carers and
 * records a visit: first without saying whether the child was seen (refused, with what was typed
 * kept), then in full; the child's page shows the visit and the next visit due. Then corrects
 * the visit's note and removes it as recorded in error. Every page is checked with axe.
 */
test('a children’s social worker records a visit and sees the next one due', async ({ hearth }) => {
  // Nine pages, each checked with axe: 31.7 s in CI on a busy 2-core machine, past the default 30 s.
  test.setTimeout(90_000);
  const page = hearth.page;
  await hearth.signInAs('cicsw');
  await hearth.openArea('Children');
  const row = page.locator('main tbody tr').filter({ hasNotText: 'Not placed' }).first();
  await expect(row, 'the demo cicsw has a child placed with our carers').toBeVisible();
  const name = (await row.locator('td').first().locator('a').innerText()).trim();
  await hearth.clickLink(name, { within: row });
  await expect(page.getByRole('heading', { name: 'Visits by the child’s social worker' })).toBeVisible();

  await hearth.clickLink('Record a visit');
  await expect(hearth.heading).toHaveText('Record a visit');
  const today = new Date();
  await fillDate(page, 'Date of the visit', today);
  await page
    .getByLabel('What the child said, and what happens next (optional)')
    .fill('Settled; wants to join the swimming club.');
  await page.getByLabel('At school or college').check();
  await hearth.submit('Save the visit');
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'Select whether the child was seen, and whether they were seen alone',
  );
  await expect(page.getByLabel('What the child said, and what happens next (optional)')).toHaveValue(
    'Settled; wants to join the swimming club.',
  );
  await expect(page.getByRole('group', { name: 'Date of the visit' }).getByLabel('Day')).toHaveValue(
    String(today.getDate()),
  );
  await expect(page.getByLabel('At school or college')).toBeChecked();

  // Seen, not alone: the reason is asked for.
  await page.getByLabel('Seen, but not alone').check();
  await page.getByLabel('The child is too young').check();
  await hearth.submit('Save the visit');
  await expect(page.locator('.govuk-notification-banner')).toContainText('The visit has been recorded');
  await expect(hearth.heading).toContainText(name);
  const section = page.locator('main');
  await expect(section).toContainText('Seen, not alone: the child is too young');
  // Seen today: due in 6 weeks, or in 3 months for a long-term placement past its first year; with a
  // connected person under temporary approval (the demo has one), in a week before the child's first
  // review or 4 weeks after it.
  const next = section.locator('.govuk-summary-list').filter({ hasText: 'Next visit due' });
  const temporary = (await next.innerText()).includes('temporary approval');
  const due = temporary
    ? [inWords(daysFrom(today, 7)), inWords(daysFrom(today, 28))]
    : [inWords(daysFrom(today, 42)), inWords(monthsFrom(today, 3))];
  await expect(section.locator('.govuk-summary-list').filter({ hasText: 'Next visit due' })).toContainText(
    new RegExp(due.join('|')),
  );

  await hearth.clickLink(/^All visits/);
  await expect(hearth.heading).toHaveText('Visits by the child’s social worker');
  await expect(page.locator('main table')).toContainText('Settled; wants to join the swimming club.');

  // Corrected: the note changed; then removed, as recorded in error (a reason is asked for).
  const ours = page.locator('main tbody tr').filter({ hasText: 'Settled; wants to join the swimming club.' });
  await hearth.clickLink(`Change the visit on ${inWords(today)}`, { within: ours });
  await expect(hearth.heading).toHaveText('Change the visit');
  await expect(page.getByLabel('Seen, but not alone')).toBeChecked();
  await page
    .getByLabel('What the child said, and what happens next (optional)')
    .fill('Settled; has joined the swimming club.');
  await hearth.submit('Save the visit');
  await expect(page.locator('.govuk-notification-banner')).toContainText('The visit has been changed');
  const changed = page.locator('main tbody tr').filter({ hasText: 'Settled; has joined the swimming club.' });
  await expect(changed).toHaveCount(1);
  await hearth.clickLink(`Change the visit on ${inWords(today)}`, { within: changed });
  await hearth.clickLink('Remove this visit');
  await expect(hearth.heading).toHaveText(`Remove the visit on ${inWords(today)}`);
  await hearth.submit('Remove the visit');
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter why the visit is being removed');
  await page.getByLabel('Why is the visit being removed?').fill('Recorded twice');
  await hearth.submit('Remove the visit');
  await expect(page.locator('.govuk-notification-banner')).toContainText('The visit has been removed');
  await expect(page.locator('main')).not.toContainText('Settled; has joined the swimming club.');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the visit form shows the reason question and its messages', async ({ hearth }) => {
    const page = hearth.page;
    await hearth.signInAs('cicsw', '/children');
    const row = page.locator('main tbody tr').filter({ hasNotText: 'Not placed' }).first();
    const href = await row.locator('a').first().getAttribute('href');
    await hearth.goto(`${href}/visits/new`);
    await expect(page.getByRole('group', { name: 'If the child was seen but not alone, why not?' })).toBeVisible();
    await hearth.submit('Save the visit');
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the date of the visit');
  });
});
