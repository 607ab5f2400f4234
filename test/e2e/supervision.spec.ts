import { test, expect } from './support/fixtures.ts';

/** A supervising social worker records a supervision on the service's template and finalises it; every page checked with axe. */
test.describe('carer supervision', () => {
  test.setTimeout(120_000);

  test('an SSW records and finalises a supervision for one of their households', async ({ hearth }) => {
    const page = hearth.page;
    await hearth.signIn('ssw');
    await hearth.goto('/households?worker=me&status=approved');
    const first = page.locator('table.govuk-table tbody a.govuk-link').first();
    const href = await first.getAttribute('href');
    expect(href).toMatch(/^\/households\/[0-9a-f-]{36}$/);

    await hearth.goto(href!);
    await hearth.clickLink('Supervision and agreement');
    await expect(hearth.heading).toHaveText('Supervision');
    // A start button: a link styled (and announced) as a button.
    await hearth.submit('Record a supervision');
    await expect(hearth.heading).toHaveText('Record a supervision');

    // Submitting an empty template shows the errors, each linked to its field.
    await hearth.submit('Save as draft');
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the date of the visit');

    const today = new Date();
    const visit = page.getByRole('group', { name: 'Date of the visit' });
    await visit.getByLabel('Day').fill(String(today.getDate()));
    await visit.getByLabel('Month').fill(String(today.getMonth() + 1));
    await visit.getByLabel('Year').fill(String(today.getFullYear()));
    await page.getByLabel('Unannounced').check();
    await page.getByLabel('Who attended').fill('Both carers and the supervising social worker');
    await page.getByLabel('What is working well?').fill('Bedtime routines are settled');
    await page.getByLabel('What are we worried about?').fill('Contact arrangements change at short notice');
    await page.getByLabel('What needs to happen?').fill('Agree a contact timetable with the child’s social worker');
    await page.getByLabel('Scaling question').fill('How settled is the placement, from 0 to 10?');
    await page.getByLabel('Score (0 to 10)').fill('7');
    const action = page.getByRole('group', { name: 'Action 1' });
    await action.getByLabel('What needs to be done').fill('Ask for a contact timetable');
    await action.getByLabel('Who will do it').fill('Supervising social worker');
    const due = action.getByRole('group', { name: 'By when' });
    const inTwoWeeks = new Date(today.getTime() + 14 * 86_400_000);
    await due.getByLabel('Day').fill(String(inTwoWeeks.getDate()));
    await due.getByLabel('Month').fill(String(inTwoWeeks.getMonth() + 1));
    await due.getByLabel('Year').fill(String(inTwoWeeks.getFullYear()));
    await hearth.submit('Save as draft');

    await expect(page.locator('.govuk-notification-banner')).toContainText('Supervision saved as a draft');
    await expect(hearth.heading).toContainText('Supervision on');
    await expect(page.getByText('Draft', { exact: true })).toBeVisible();

    await hearth.submit('Finalise', { exact: true });
    await expect(hearth.heading).toContainText('Finalise the supervision');
    await hearth.submit('Finalise the supervision');
    await expect(page.locator('.govuk-notification-banner')).toContainText('Supervision finalised');
    await expect(page.getByRole('button', { name: 'Change', exact: true })).toHaveCount(0);

    await hearth.clickLink(/All supervisions for/);
    await expect(hearth.heading).toHaveText('Supervision');
    const list = page.locator('table', { hasText: 'Supervisions, newest visit first' });
    await expect(list.locator('tbody tr').first()).toContainText('Unannounced');
    await expect(list.locator('tbody tr').first()).toContainText('Finalised');

    await hearth.goto('/scorecard/supervision.households-supervised-6-weeks');
    await expect(hearth.heading).toHaveText('Households supervised in the last 6 weeks');
  });
});
