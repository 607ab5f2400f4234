import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';

const MEASURE = 'Households supervised in the last 6 weeks';

/** The measure page's "N of D" (households supervised of approved households), and its headline value. */
async function measureNow(page: Page) {
  const text = await page.locator('p', { hasText: 'Target:' }).first().innerText();
  const counted = /(\d+) of (\d+)/.exec(text);
  expect(counted, 'the measure page says how many of how many').not.toBeNull();
  const value = (await page.locator('.govuk-body-l').first().innerText()).split(/\s/)[0]!;
  return { supervised: Number(counted![1]), households: Number(counted![2]), value };
}

/** The live value the plan's action 7.1 shows beside its narrative for the supervision measure. */
async function actionValue(page: Page) {
  const line = page.locator('li', { hasText: MEASURE });
  await expect(line).toBeVisible();
  return /: (\S+) this month/.exec(await line.innerText())![1]!;
}

/**
 * The first loop of the service's plan: a supervising social worker records a supervision on the
 * one template and finalises it; the notes reach the carers (in the outbox, as no mail server is
 * set up here) and they confirm receipt; the scorecard's supervision measure counts the household
 * and the plan's action 7.1 shows the new figure. Every page is checked with axe.
 */
test('a supervision reaches the carers, the scorecard and the business plan', async ({ hearth }) => {
  test.setTimeout(180_000); // a long journey: about thirty pages, each checked with axe
  const page = hearth.page;

  // Before: the head of fostering reads the measure and the plan's action 7.1.
  await hearth.signInAs('head', '/scorecard/supervision.households-supervised-6-weeks');
  await expect(hearth.heading).toHaveText(MEASURE);
  const before = await measureNow(page);
  await hearth.openArea('Business plan');
  await hearth.clickLink(/Fostering/, { within: page.locator('p', { hasText: 'The current plan is' }) });
  await hearth.clickLink('7.1', { exact: true });
  await expect(hearth.heading).toHaveText('Action 7.1');
  expect(await actionValue(page)).toBe(before.value);
  await hearth.signOut();

  // The SSW finds the demo carer's household (theirs, its supervision overdue) and records a visit.
  await hearth.signInAs('ssw');
  await hearth.openArea('Search');
  await page.getByLabel('Search for a carer, household member or child').fill('Jordan Ellis');
  await hearth.submit('Search');
  await hearth.clickLink('Jordan Ellis', { within: page.locator('table tbody tr').first() });
  await hearth.clickLink('Supervision and agreement');
  await expect(hearth.heading).toHaveText('Supervision');
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
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();
  await hearth.submit('Finalise', { exact: true });
  await expect(hearth.heading).toContainText('Finalise the supervision');
  await hearth.submit('Finalise the supervision');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Supervision finalised');
  await expect(page.getByRole('button', { name: 'Change', exact: true })).toHaveCount(0);
  const supervisionPath = new URL(page.url()).pathname;

  // The notes to the carers: kept in the outbox exactly as they would have been emailed.
  const notes = page.locator('.govuk-summary-list', { hasText: 'Receipt' });
  await expect(notes).toContainText('Kept in the outbox');
  await hearth.clickLink('View the message to the carers');
  await expect(hearth.heading).toHaveText('Notes to the carers');
  await expect(page.locator('main')).toContainText('jordan.ellis@example.com');
  await expect(page.locator('main')).toContainText('Notes of your supervision visit on');
  await expect(
    page.getByRole('link', { name: /^The signed record of the visit on \d{1,2} [A-Z][a-z]+ \d{4}$/ }),
  ).toBeVisible();
  const body = await page.locator('.app-message-body').innerText();
  const link = /https?:\/\/\S+\/notes\/([A-Za-z0-9_-]{32})/.exec(body);
  expect(link, 'the message holds the link to confirm receipt').not.toBeNull();
  await hearth.openArea('Notes to carers');
  await expect(page.locator('table tbody tr').first()).toContainText('Kept in the outbox');

  // Something typed wrongly is corrected on the template, filled in, with why.
  await hearth.goto(supervisionPath);
  await hearth.submit('Correct this supervision');
  await expect(hearth.heading).toContainText('Correct the supervision on');
  await expect(page.getByLabel('What is working well?')).toHaveValue('Bedtime routines are settled');
  await page.getByLabel('What is working well?').fill('Bedtime and morning routines are settled');
  await page.getByLabel('Why is the supervision being corrected?').fill('The morning routine was left out');
  await hearth.submit('Save the correction');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Supervision corrected');
  await expect(page.locator('#corrected')).toContainText('Why: The morning routine was left out');
  await expect(page.locator('main')).toContainText('Bedtime and morning routines are settled');
  await hearth.signOut();

  // The carers open the link in the message (no sign-in) and confirm they received the notes.
  await hearth.goto(`/notes/${link![1]}`);
  await expect(hearth.heading).toHaveText('Confirm you have received the notes');
  await hearth.submit('I have received the notes');
  await expect(page.locator('.govuk-panel')).toContainText('Thank you');

  // In the portal the carer sees the notes, confirmed.
  await hearth.signInAs('carer');
  await expect(hearth.heading).toHaveText('Your household');
  const row = page
    .getByRole('table', { name: /notes of your supervision visits/ })
    .locator('tbody tr')
    .first();
  await expect(row.getByRole('link', { name: /Read the notes/ })).toBeVisible();
  await expect(row).toContainText('Confirmed');
  await hearth.signOut();

  // After: the scorecard counts the household, and action 7.1 shows the same live figure.
  await hearth.signInAs('head', '/scorecard/supervision.households-supervised-6-weeks');
  const after = await measureNow(page);
  expect(after.supervised).toBe(before.supervised + 1);
  expect(after.value).not.toBe(before.value);
  await hearth.openArea('Business plan');
  await hearth.clickLink(/Fostering/, { within: page.locator('p', { hasText: 'The current plan is' }) });
  const plan = page.locator('tr', { hasText: 'Progress on 7.1' });
  await expect(plan.locator('li', { hasText: MEASURE })).toContainText(`${after.value} this month`);
  await hearth.clickLink('7.1', { exact: true });
  expect(await actionValue(page)).toBe(after.value);
});
