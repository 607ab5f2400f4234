import { dayInWords, fillDate, londonDay } from './support/dates.ts';
import { test, expect } from './support/fixtures.ts';

/**
 * Carer Ambassadors in the browser (business plan action 3.2): the recruitment coordinator finds the
 * ambassadors against the plan's 30, opens an ambassador's household and records what they did
 * (first without its date: refused, with what was typed kept). The demo carer reads that they are an
 * ambassador on the portal, and records what they did there. Every page is checked with axe.
 */
test('the recruitment coordinator records what a Carer Ambassador did', async ({ hearth }) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  await hearth.signInAs('recruitment');
  await hearth.openArea('Carer Ambassadors');
  await expect(hearth.heading).toHaveText('Carer Ambassadors');
  await expect(page.locator('main')).toContainText('(the plan asks for 30)');
  const first = page.locator('[data-ambassadors] tbody tr').first();
  const carer = (await first.locator('td').first().innerText()).trim();
  const household = (await first.locator('a').innerText()).trim();
  await hearth.clickLink(household, { within: first });
  await expect(hearth.heading).toHaveText('Carer Ambassadors');
  await expect(page.locator('[data-ambassadors]')).toContainText(`${carer}: a Carer Ambassador`);

  await hearth.clickLink('Record what a Carer Ambassador did');
  await page.getByLabel(carer).check();
  await page.getByLabel('Talking with someone thinking of fostering').check();
  await page.getByLabel('Note (optional)').fill('A couple from Ashford, thinking of fostering teenagers.');
  await hearth.submit('Save the activity');
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the date of the activity');
  await expect(page.getByLabel('Note (optional)')).toHaveValue(
    'A couple from Ashford, thinking of fostering teenagers.',
  );
  await expect(page.getByLabel('Talking with someone thinking of fostering')).toBeChecked();
  const yesterday = londonDay(-1);
  await fillDate(page, 'Date of the activity', yesterday);
  await hearth.submit('Save the activity');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The activity has been recorded');
  await expect(page.locator('[data-activities]')).toContainText(
    `${dayInWords(yesterday)}: ${carer}, talking with someone thinking of fostering. A couple from Ashford, thinking of fostering teenagers.`,
  );
});

test('a carer reads on the portal that they are a Carer Ambassador, and records what they did', async ({ hearth }) => {
  test.setTimeout(90_000);
  const page = hearth.page;
  await hearth.signInAs('carer');
  const main = page.locator('main');
  await expect(main).toContainText('Carer Ambassador');
  await expect(main).toContainText(/\S+ is a Carer Ambassador, since \d{1,2} \w+ \d{4}\./);
  await expect(main).toContainText('What you did this year:');

  // Their own time as an ambassador is chosen already; without what they did it is refused, the note kept.
  await hearth.clickLink('Record what you did as a Carer Ambassador');
  await expect(hearth.heading).toHaveText('Record what you did as a Carer Ambassador');
  await expect(page.getByRole('group', { name: 'Who it was' }).getByRole('radio')).toHaveCount(1);
  await expect(page.getByRole('group', { name: 'Who it was' }).getByRole('radio')).toBeChecked();
  const note = `Stand at the Hythe fete ${Date.now().toString(36)}`;
  await page.getByLabel('Note (optional)').fill(note);
  const today = londonDay(0);
  await fillDate(page, 'Date of the activity', today);
  await hearth.submit('Save the activity');
  await expect(page.locator('.govuk-error-summary')).toContainText('Select what you did');
  await expect(page.getByLabel('Note (optional)')).toHaveValue(note);
  await page.getByLabel('A recruitment event or information evening').check();
  await hearth.submit('Save the activity');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText(
    'Thank you: what you did as a Carer Ambassador is recorded',
  );
  await expect(main).toContainText(`${dayInWords(today)}: `);
  await expect(main).toContainText('a recruitment event or information evening');
});
