import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';

const SECTIONS = [
  'Supervision',
  'The foster carer agreement',
  'Annual review quality',
  'PDP and training',
  'Delegated authority',
  'The child’s voice',
  'Safer care',
  'Recording',
];

async function fillDate(page: Page, legend: string, date: Date) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(date.getDate()));
  await group.getByLabel('Month').fill(String(date.getMonth() + 1));
  await group.getByLabel('Year').fill(String(date.getFullYear()));
}

/**
 * A month's case-file audits: the SSW raises a standard-of-care concern on a household of theirs
 * whose child has no signed delegated authority (so the household must be audited this month);
 * the team manager picks the month's files, audits that file and it comes out inadequate for the
 * missing delegated authority (computed, with the reason shown); the SSW puts it right; the
 * manager confirms. Every page is checked with axe.
 */
test('an audit inadequate for a missing delegated authority is put right and confirmed', async ({ hearth }) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  const today = new Date();

  // The SSW finds a child of theirs placed without a signed delegated authority.
  await hearth.signInAs('ssw');
  await page.getByLabel('What is due').selectOption({ label: 'Delegated authority signed and given to the carer' });
  await hearth.submit('Apply filters');
  const row = page
    .locator('tbody tr')
    .filter({ hasText: /Not yet (signed|recorded)/ })
    .first();
  await expect(row, 'the demo SSW has a placement without a signed delegated authority').toBeVisible();
  await hearth.clickLink((await row.locator('td').nth(1).getByRole('link').innerText()).trim(), { within: row });
  const householdLink = page.locator('main a[href^="/households/"]').first();
  const householdName = (await householdLink.innerText()).trim();
  const householdPath = (await householdLink.getAttribute('href'))!;

  // A standard-of-care concern on the household: its file is audited this month.
  await hearth.goto(`${householdPath}/concerns/new?kind=standard_of_care`);
  const about = page.getByLabel('Who it is about');
  await about.selectOption((await about.locator('option:not([value=""])').first().getAttribute('value'))!);
  await page.getByRole('group', { name: 'Who raised it' }).getByRole('radio').first().check();
  await fillDate(page, 'Date it became known', today);
  await page.getByRole('group', { name: 'Category' }).getByLabel('Standards of care').check();
  await page.locator('#summary').fill('The bedroom shared by two children is too small.');
  await hearth.submit('Save');
  await expect(page.locator('.govuk-error-summary')).toHaveCount(0);
  await expect(page).toHaveURL(/\/concerns\/[0-9a-f-]{36}/);
  await hearth.signOut();

  // The team manager picks this month's files: the household is among them.
  await hearth.signInAs('manager');
  await hearth.openArea('Audits');
  await hearth.submit('Pick this month’s files: East Kent Fostering Team 1');
  await expect(hearth.heading).toHaveText('East Kent Fostering Team 1: case-file audits');
  const file = page.locator('tbody tr').filter({ hasText: householdName });
  await expect(file).toContainText('Open allegation, complaint or concern');
  await hearth.clickLink(`Audit ${householdName}`, { within: file });
  await expect(page.locator('.govuk-warning-text')).toContainText('This audit will be inadequate');

  // Graded without every section: a message for each, nothing lost.
  await fillDate(page, 'Date of the audit', today);
  for (const name of SECTIONS.slice(0, 6)) {
    await page
      .getByRole('group', { name: `Grade for ${name.toLowerCase()}` })
      .getByLabel('Good')
      .check();
  }
  await hearth.submit('Complete the audit');
  await expect(page.locator('.govuk-error-summary')).toContainText('Select a grade for safer care');
  await expect(page.getByRole('group', { name: 'Grade for supervision' }).getByLabel('Good')).toBeChecked();
  for (const name of SECTIONS.slice(6)) {
    await page
      .getByRole('group', { name: `Grade for ${name.toLowerCase()}` })
      .getByLabel('Good')
      .check();
  }
  await hearth.submit('Complete the audit');
  await expect(page.locator('main')).toContainText(
    'Inadequate: a child placed in the household has no current signed delegated authority',
  );
  const auditPath = new URL(page.url()).pathname;
  await hearth.signOut();

  // The SSW records it put right.
  await hearth.signInAs('ssw', auditPath);
  await hearth.submit('Record it put right');
  await fillDate(page, 'Date it was put right', today);
  await page.getByLabel('What was done').fill('Delegated authority agreed and signed; a copy given to the carers.');
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Recorded as put right');
  await hearth.signOut();

  // The manager confirms it.
  await hearth.signInAs('manager', auditPath);
  await hearth.submit('Confirm it was put right');
  await expect(page.locator('main')).toContainText('(on time), confirmed');

  // A grading recorded wrongly is put right on the audit form, filled in with what it says.
  await hearth.clickLink('Change the grading');
  await expect(hearth.heading).toHaveText('Change the grading of the audit');
  await expect(page.getByRole('group', { name: 'Grade for supervision' }).getByLabel('Good')).toBeChecked();
  await expect(page.getByLabel('Why is this being changed?')).toBeEmpty();
});
