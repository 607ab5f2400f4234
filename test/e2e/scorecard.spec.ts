import ExcelJS from 'exceljs';
import { test, expect } from './support/fixtures.ts';

/** The head of fostering reads the scorecard, opens a measure and its records; every page checked with axe. */
test.describe('the scorecard', () => {
  test.setTimeout(120_000);

  test('the head of fostering reads the scorecard, filters it and opens a measure', async ({ hearth }) => {
    const page = hearth.page;
    await hearth.signInAs('head');
    await hearth.openArea('Scorecard');
    await expect(hearth.heading).toContainText('Scorecard:');
    await expect(page.locator('table').first()).toContainText('Approved fostering households');
    await expect(page.locator('svg[role="img"]').first()).toBeVisible();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Excel spreadsheet (XLSX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^hearth-scorecard-\d{4}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const cells = workbook.worksheets.flatMap((sheet) =>
      sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])),
    );
    expect(cells).toContain('Approved fostering households');
    expect(cells).toContain('Households supervised in the last 6 weeks');

    await page.getByLabel('Area').selectOption({ label: 'East Kent' });
    await hearth.submit('Show');
    await expect(page.locator('.govuk-caption-l')).toHaveText('East Kent');

    await hearth.clickLink('Approved fostering households', { exact: true });
    await expect(hearth.heading).toHaveText('Approved fostering households');
    await expect(page.getByRole('heading', { name: 'By area and team' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'The records behind the figure' })).toBeVisible();

    await hearth.clickLink('Scorecard', { within: page.locator('.govuk-breadcrumbs') });
    await expect(hearth.heading).toContainText('Scorecard:');
    // A figure is itself a link to the records behind it.
    await hearth.clickLink(/the records behind Approved fostering households/);
    await expect(hearth.heading).toHaveText('Approved fostering households');
    expect(new URL(page.url()).hash).toBe('#records');
    await expect(page.locator('caption', { hasText: /: 1 to \d+ of \d+/ })).toBeVisible();

    await hearth.clickLink('Scorecard', { within: page.locator('.govuk-breadcrumbs') });
    await hearth.clickLink('Unplanned placement endings', { exact: true });
    await hearth.clickLink(/Planned ending/);
    await expect(hearth.heading).toHaveText('Unplanned placement endings');
  });
});
