import { test, expect } from './support/fixtures.ts';

/**
 * The quarterly report to the executive: the head of fostering writes the foreword of last
 * quarter's report and issues it; the assistant director reads it and cannot change it. Every page
 * is checked with axe.
 */
test('the head issues last quarter’s report and the assistant director reads it', async ({ hearth }) => {
  test.setTimeout(60_000);
  const page = hearth.page;

  await hearth.signInAs('head');
  await hearth.openArea('Quarterly reports');
  await expect(hearth.heading).toHaveText('Quarterly reports to the executive');
  const lastQuarter = page.locator('tbody tr').nth(1).getByRole('link');
  const quarterName = (await lastQuarter.innerText()).trim();
  await hearth.clickLink(quarterName);
  await expect(hearth.heading).toContainText(quarterName);
  await expect(page.getByRole('heading', { name: 'The service in numbers' })).toBeVisible();

  await hearth.clickLink('Write the foreword and narrative');
  await page.getByLabel('Foreword').fill('Made-up foreword: a steady quarter for the service.');
  await hearth.submit('Save the draft');
  await expect(page.locator('.govuk-notification-banner')).toContainText('saved');
  await expect(page.getByText('Made-up foreword: a steady quarter for the service.')).toBeVisible();

  await hearth.clickLink('Issue the report');
  await hearth.submit('Issue the report');
  await expect(page.locator('.govuk-notification-banner')).toContainText('The report has been issued');
  await expect(page.getByRole('link', { name: 'Write the foreword and narrative' })).toHaveCount(0);
  await hearth.signOut();

  await hearth.signInAs('director', '/reports');
  await expect(page.locator('tbody tr').nth(1)).toContainText('Issued on');
  await hearth.clickLink(quarterName);
  await expect(page.getByText('Made-up foreword: a steady quarter for the service.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Issue the report' })).toHaveCount(0);
});
