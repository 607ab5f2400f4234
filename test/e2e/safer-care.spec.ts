import { test, expect } from './support/fixtures.ts';
import { dayInWords, fillDate, londonDay } from './support/dates.ts';

/**
 * A supervising social worker opens a household on their caseload, reads its safer-care plan in
 * force, and records the plan agreed again today at the yearly review: a missing answer refused
 * first with the rest kept, then the new version in force, due again in 12 months, the earlier one
 * kept below it, and the household's page saying when it is next due. Every page is checked with axe.
 */
test('a supervising social worker records a household’s safer-care plan agreed again', async ({ hearth }) => {
  test.setTimeout(90_000);
  const page = hearth.page;
  // Their own approved households: the list filtered by status and worker. Not the demo carer's
  // household (Ellis and Wells), first in the list: other journeys place children with it and change
  // it meanwhile, and a child placed there for the first time makes its plan due again sooner.
  await hearth.signInAs('ssw', '/households?status=approved&worker=me');
  await expect(hearth.heading).toHaveText('Households');
  const row = page.locator('main table tbody tr').filter({ hasNotText: 'Ellis and Wells' }).first();
  const name = (await row.locator('a[href^="/households/"]').first().innerText()).trim();
  await hearth.clickLink(name, { exact: true, within: page.locator('main table') });
  await expect(page.locator('main')).toContainText('Safer-care plan');
  await hearth.clickLink('Safer-care plan', { exact: true });
  await expect(hearth.heading).toHaveText('Safer-care plan');
  // The demo's plan for the household, agreed with it during its assessment or since.
  await expect(page.getByRole('heading', { name: /^The plan in force: agreed on / })).toBeVisible();

  await hearth.submit('Record a plan agreed'); // a link drawn as a button
  await expect(hearth.heading).toHaveText('Record a safer-care plan agreed');
  const today = londonDay();
  await fillDate(page, 'Date the plan was agreed', today);
  await page.getByLabel('The yearly review of the plan').check();
  const summary = 'Reviewed with both carers: a lock fitted to the bathroom door; lifts to school shared.';
  await page.getByLabel('What the plan says, or what changed').fill(summary);
  await hearth.submit('Save the plan');
  await expect(page.locator('.govuk-error-summary')).toContainText('Select what the plan covers');
  await expect(page.getByLabel('What the plan says, or what changed')).toHaveValue(summary);
  await expect(page.getByLabel('The yearly review of the plan')).toBeChecked();

  await page.getByLabel('The bathroom, dressing and privacy').check();
  await page.getByLabel('Car journeys and time alone with a child').check();
  await fillDate(page, 'Date the carers were given their copy (optional)', today);
  await hearth.submit('Save the plan');
  await expect(page.locator('.govuk-notification-banner')).toContainText('The safer-care plan has been recorded');
  const inForce = page.locator('main .govuk-summary-list').first();
  await expect(inForce).toContainText(dayInWords(today));
  await expect(inForce).toContainText(dayInWords(londonDay(0, 1)));
  await expect(inForce).toContainText('In date');
  await expect(page.getByRole('heading', { name: `The plan in force: agreed on ${dayInWords(today)}` })).toBeVisible();
  await expect(page.locator('main')).toContainText(`Given on ${dayInWords(today)}`);
  await expect(page.locator('main')).toContainText(summary);
  // The earlier versions are kept, folded away below the plan in force.
  await page.locator('summary', { hasText: /Earlier versions of the plan \(\d+\)/ }).click();
  await expect(page.getByRole('heading', { name: /^Earlier plan: agreed on / }).first()).toBeVisible();

  await hearth.clickLink(name, { exact: true, within: page.locator('.govuk-breadcrumbs') });
  const card = page.locator('.govuk-summary-card', { hasText: 'Safer-care plan' });
  const due = card.locator('.govuk-summary-list__row', { hasText: 'To be agreed again by' });
  await expect(due).toContainText(dayInWords(londonDay(0, 1)));
});
