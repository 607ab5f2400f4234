import { fillDate, londonDay } from './support/dates.ts';
import { expect, test, uniqueName } from './support/fixtures.ts';

/**
 * A joint training day in the browser (business plan action 10.2): the head of fostering records the
 * day and who of a team attended, a supervising social worker who was there gives their evaluation
 * from the day's page, and the head sees the day's summary. Then, as if it had been recorded by
 * mistake, the head removes it: the page says what goes with it and asks them to confirm first.
 * Every page is checked with axe.
 */
test('the head records a joint training day and its attendance, an attendee evaluates it, the head reads the summary and removes the day', async ({
  hearth,
}) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  const title = uniqueName('Joint training day');
  await hearth.signInAs('head', '/joint-training');
  await hearth.clickLink('Record a joint training day');
  await fillDate(page, 'Date of the training day', londonDay(-3));
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Theme').fill('Safeguarding and robust recommendations at panel');
  await page.getByLabel('Where it is held').fill('Oakwood House');
  await page.getByLabel('Who organised it').fill('Helen Hartley');
  await hearth.submit('Save the day');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText(
    'The joint training day has been recorded',
  );
  const dayUrl = new URL(page.url()).pathname;

  await hearth.clickLink('Record who attended, a team or the panel’s list at a time');
  await hearth.clickLink('East Kent Fostering Team 1');
  await page.getByLabel('Sam Sutherland').check();
  await hearth.submit('Save who attended');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('Who attended has been saved');

  await hearth.signInAs('ssw', dayUrl);
  await hearth.clickLink('Give your evaluation of the day');
  await page
    .getByRole('group', { name: /Before the day/ })
    .getByLabel('A little confident')
    .check();
  await page
    .getByRole('group', { name: /After the day/ })
    .getByLabel('Confident', { exact: true })
    .check();
  await page.getByLabel('Very useful').check();
  await page.getByLabel('What will you do differently after the day?').fill('Ask what the risks are before panel.');
  await hearth.submit('Save the evaluation');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('your evaluation has been saved');

  await hearth.signInAs('head', dayUrl);
  const summary = page.locator('[data-summary]');
  await expect(summary).toContainText('1 of 1 gave an evaluation.');
  await expect(summary).toContainText('1 of the 1 who gave an evaluation said their confidence on the theme rose.');

  // Recorded by mistake after all: removed, with who attended and their evaluation, once confirmed.
  await hearth.clickLink('Remove this day');
  await expect(hearth.heading).toHaveText('Remove this joint training day');
  const removing = page.locator('main .govuk-summary-list');
  await expect(removing).toContainText(title);
  await expect(removing).toContainText('1 person recorded as attending');
  await expect(removing).toContainText('1 evaluation');
  await hearth.submit('Remove the day');
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'Confirm that you understand this removes the day, who attended and their evaluations',
  );
  await page.getByLabel('I understand this removes the day, who attended and their evaluations').check();
  await hearth.submit('Remove the day');
  await expect(hearth.heading).toHaveText('Joint training days');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText(
    'The joint training day has been removed',
  );
  await expect(page.locator('main')).not.toContainText(title);
});
