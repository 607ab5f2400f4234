import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';

async function fillDate(page: Page, legend: string, date: Date) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(date.getDate()));
  await group.getByLabel('Month').fill(String(date.getMonth() + 1));
  await group.getByLabel('Year').fill(String(date.getFullYear()));
}

/** A 1 April no other run of this spec (on this server's database) has used: far in the future. */
const aprilFirst = () => new Date(2100 + (Date.now() % 800), 3, 1);

/**
 * The payments officer's work: the rates in force (day care below the Living Wage called out), a
 * new set of rates for a coming year (a mistyped amount refused first), and a disability
 * enhancement recorded for a child with a disability placed with one of the service's households
 * (its amount then put right); then the carer sees what they are paid on their portal. Every page is checked with axe.
 */
test('the payments officer publishes rates and records an enhancement; the carer sees what they are paid', async ({
  hearth,
}) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  await hearth.signInAs('payments');
  await hearth.openArea('Payments');
  await expect(hearth.heading).toHaveText('Payments to carers');
  await expect(page.locator('main')).toContainText('In force since 1 April');
  await expect(page.locator('.govuk-warning-text')).toContainText('below the recommended Living Wage');

  // A new set of rates, from 1 April of a coming year; a mistyped amount is refused and kept.
  await hearth.submit('Add a new set of rates'); // a link drawn as a button
  const from = aprilFirst();
  await fillDate(page, 'Rates from', from);
  const amounts: [string, string][] = [
    ['Weekly allowance for a child aged 0 to 4', '£199.50'],
    ['Weekly allowance for a child aged 5 to 10', '225'],
    ['Weekly allowance for a child aged 11 to 15', '255.5'],
    ['Weekly allowance for a child aged 16 to 17', 'three hundred'],
    ['Weekly fee at Level 1', '0'],
    ['Weekly fee at Level 2 (Skilled)', '160'],
    ['Weekly fee at Level 3 (Advanced)', '320'],
    ['Day care hourly rate', '12.75'],
    ['Recommended Living Wage hourly rate', '12.75'],
  ];
  for (const [label, typed] of amounts) await page.getByLabel(label, { exact: true }).fill(typed);
  await hearth.submit('Save the rates');
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'Weekly allowance for a child aged 16 to 17 must be an amount of money, like 195.50',
  );
  await expect(page.getByLabel('Weekly allowance for a child aged 0 to 4', { exact: true })).toHaveValue('£199.50');
  await page.getByLabel('Weekly allowance for a child aged 16 to 17', { exact: true }).fill('300');
  await hearth.submit('Save the rates');
  await expect(page.locator('.govuk-notification-banner')).toContainText('The new rates have been recorded');
  await expect(page.locator('main table')).toContainText(`1 April ${from.getFullYear()}`);
  await expect(page.locator('main table')).toContainText('£199.50, £225.00, £255.50, £300.00');

  // A child with a disability placed with our carers and no enhancement yet.
  await hearth.clickLink('Disability enhancements');
  await hearth.clickLink('Children with a disability and no enhancement');
  const row = page.locator('main tbody tr').first();
  await expect(row, 'the demo has a child with a disability placed without an enhancement').toBeVisible();
  const child = (await row.locator('td').first().innerText()).trim();
  await hearth.clickLink(/^Record an enhancement/, { within: row });
  await page.getByLabel('Weekly enhancement').fill('135.50');
  await page.getByLabel('High').check();
  await fillDate(page, 'Date of the funding panel decision', new Date());
  await page.getByLabel('Notes (optional)').fill('Agreed at the funding panel; reviewed in a year.');
  await hearth.submit('Save the enhancement');
  await expect(page.locator('.govuk-notification-banner')).toContainText('The enhancement has been recorded');
  await expect(hearth.heading).toHaveText(child);
  await expect(page.locator('main')).toContainText('£135.50 a week');
  // The amount was typed wrongly: put right on the form it was recorded on, filled in, with why.
  await hearth.clickLink(/^Change/, { within: page.locator('main') });
  await expect(page.getByLabel('Weekly enhancement')).toHaveValue('135.50');
  await page.getByLabel('Weekly enhancement').fill('153.50');
  await page.getByLabel('Why is this being changed?').fill('The panel agreed £153.50; the digits were swapped.');
  await hearth.submit('Save the changes');
  await expect(page.locator('.govuk-notification-banner')).toContainText('The enhancement has been changed');
  await expect(page.locator('main')).toContainText('£153.50 a week');
  await hearth.clickLink('Disability enhancements', { within: page.locator('.govuk-breadcrumbs') });
  await expect(hearth.heading).toHaveText('Disability enhancements');
  await hearth.signOut();

  await hearth.signInAs('carer', '/portal');
  await expect(page.getByRole('heading', { name: 'What you are paid' })).toBeVisible();
  await expect(page.locator('main')).toContainText('Rates from 1 April');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the payments pages and their forms work', async ({ hearth }) => {
    const page = hearth.page;
    await hearth.signInAs('payments', '/payments');
    await expect(hearth.heading).toHaveText('Payments to carers');
    await hearth.goto('/payments/enhancements');
    await expect(hearth.heading).toHaveText('Disability enhancements');
    await hearth.goto('/payments/rates/new');
    await hearth.submit('Save the rates');
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the date the rates start');
    await hearth.goto('/payments/enhancements/new');
    await page.getByLabel('Child’s reference').fill('C-999999');
    await hearth.submit('Save the enhancement');
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the weekly enhancement');
  });
});
