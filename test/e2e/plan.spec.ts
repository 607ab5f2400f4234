import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { test, expect, uniqueName } from './support/fixtures.ts';

/**
 * The business plan: the head of fostering writes a plan with a target and an action, adds a
 * quarterly update, sees it on the plan page and in the quarterly review, and downloads the plan
 * as a Word document. The journey makes its own plan, so it does not depend on the demo plan.
 */
test('the head of fostering adds a quarterly update and exports the plan to Word', async ({ hearth }) => {
  test.setTimeout(90_000); // a long journey: eleven pages, each checked with axe
  const page = hearth.page;
  const title = uniqueName('Fostering Business Plan e2e');
  const today = new Date();

  await hearth.signInAs('head', '/plan');
  await expect(hearth.heading).toHaveText('Business plan');

  await hearth.submit('Create a plan');
  await page.getByLabel('Title').fill(title);
  const start = page.getByRole('group', { name: 'Start of the plan period' });
  await start.getByLabel('Day').fill('1');
  await start.getByLabel('Month').fill('1');
  await start.getByLabel('Year').fill(String(today.getFullYear() - 1));
  const end = page.getByRole('group', { name: 'End of the plan period' });
  await end.getByLabel('Day').fill('31');
  await end.getByLabel('Month').fill('12');
  await end.getByLabel('Year').fill(String(today.getFullYear() + 1));
  await page.getByLabel('Vision (optional)').fill('Every child in a stable, loving home.');
  await page.getByLabel('Draft').check();
  await hearth.submit('Create plan');
  await expect(hearth.heading).toHaveText(title);
  const planPath = new URL(page.url()).pathname;

  await hearth.clickLink('Add a target');
  await page.getByLabel('Target number').fill('7');
  await page.getByLabel('Target', { exact: true }).fill('Foster carers get the support and supervision they need');
  await page.getByLabel('National Minimum Standards it serves (optional)').fill('NMS 21');
  await hearth.submit('Save target');
  await expect(page.getByRole('heading', { name: /Target 7: Foster carers get the support/ })).toBeVisible();

  await hearth.clickLink('Add an action to target 7');
  await page.getByLabel('Action number').fill('7.1');
  await page.getByLabel('What we want to achieve').fill('One supervision template for every foster carer');
  await page.getByLabel('Who will do it (roles and teams)').fill('Team managers, service managers');
  await page.getByLabel('What we have achieved and our target').fill('Notes sent within 5 working days');
  await page.getByLabel('How we measure it').fill('Audits; the scorecard');
  await page.getByLabel('Open', { exact: true }).check();
  await hearth.submit('Save action');
  await expect(hearth.heading).toHaveText('Action 7.1');

  // A button-styled link: submit() clicks it by its role.
  // Before the update, the quarterly review lists the action.
  await hearth.goto(`${planPath}/quarterly-review`);
  await expect(page.getByRole('link', { name: '7.1', exact: true })).toBeVisible();

  await hearth.clickLink('7.1', { exact: true });
  await hearth.submit('Add an update');
  await hearth.submit('Add update');
  await expect(page.locator('.govuk-error-summary')).toContainText('Select red, amber or green');
  await page.getByLabel('Amber').check();
  await page.getByLabel('What has happened since the last update').fill('Template in use in East Kent; West Kent next');
  await hearth.submit('Add update');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Update added');
  await expect(page.locator('.moj-timeline')).toContainText('Template in use in East Kent; West Kent next');

  await hearth.goto(planPath);
  const progress = page.locator('.app-plan__progress').first();
  await expect(progress).toContainText('Amber');
  await expect(progress).toContainText('Template in use in East Kent; West Kent next');

  await hearth.goto(`${planPath}/quarterly-review`);
  await expect(page.getByText('Every open action has an update this quarter.')).toBeVisible();
  await expect(page.getByRole('link', { name: '7.1', exact: true })).toHaveCount(0);

  await hearth.goto(planPath);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download as Word (DOCX)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  // The Word file holds the service's four-column table for the target, headed by it and its NMS reference.
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  const xml = await zip.file('word/document.xml')!.async('string');
  const tables = xml.split('<w:tbl>').slice(1);
  expect(tables).toHaveLength(1);
  expect(tables[0]).toContain('Target 7: Foster carers get the support and supervision they need (NMS 21)');
  for (const heading of [
    'What do we want to achieve?',
    'Who will do it and by when?',
    'What have we achieved and what is our target?',
    'How will we measure the outcome?',
  ]) {
    expect(tables[0]).toContain(heading);
  }
  expect(tables[0]).toContain('One supervision template for every foster carer');
  expect(tables[0]).toContain('Template in use in East Kent; West Kent next');
  expect(tables[0]).toContain('Updates this plan year');
  expect(tables[0]).toContain('Amber, ');

  // The print view matches the Word file: this plan year's updates, each dated with its RAG.
  await hearth.goto(`${planPath}/print`);
  await expect(hearth.heading).toHaveText(title);
  const printed = page.locator('.app-plan__progress').first();
  await expect(printed).toContainText('Amber');
  await expect(printed).toContainText(/Update, \d{1,2} [A-Z][a-z]+ \d{4}/);
  await expect(printed).toContainText('Template in use in East Kent; West Kent next');

  await hearth.goto(planPath);
  await hearth.clickLink('7.1', { exact: true });
  await hearth.clickLink('Change action 7.1');
  await expect(page.getByLabel('What we want to achieve')).toHaveValue(
    'One supervision template for every foster carer',
  );

  await hearth.goto(planPath);
  await hearth.clickLink("Roll over into next year's plan");
  await hearth.submit('Roll over the plan');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Plan rolled over');
  await expect(page.getByText('One supervision template for every foster carer')).toBeVisible();
});
