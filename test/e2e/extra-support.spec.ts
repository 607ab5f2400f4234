import { dayInWords, fillDate, londonDay } from './support/dates.ts';
import { test, expect } from './support/fixtures.ts';

/**
 * Extra support for carers in the browser (business plan action 7.3): a supervising social worker
 * finds the emergency request for psychology support waiting on the service's overview, records its
 * first session, then records an activity break for the household (first without its date: refused,
 * with what was typed kept). The demo carer reads their hub family and their own support on the
 * portal. Every page is checked with axe.
 */
test('a supervising social worker records the first session of an emergency request and an activity break', async ({
  hearth,
}) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  await hearth.signInAs('ssw');
  await hearth.openArea('Extra support for carers');
  await expect(hearth.heading).toHaveText('Extra support for carers');
  const waiting = page.locator('[data-waiting] tbody tr').first();
  const household = (await waiting.locator('a').innerText()).trim();
  await hearth.clickLink(household, { within: waiting });
  await expect(hearth.heading).toHaveText('Psychology support');
  await expect(page.locator('main')).toContainText('Emergency');

  const today = londonDay(0);
  await fillDate(page, 'Date of the first session (optional)', today);
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The request has been updated');
  const firstSession = page
    .locator('.govuk-summary-list__row')
    .filter({ has: page.locator('dt', { hasText: /^\s*First session\s*$/ }) });
  await expect(firstSession).toContainText(dayInWords(today));

  await hearth.clickLink('Back to the household’s extra support');
  await expect(hearth.heading).toHaveText('Extra support');
  await expect(page.locator('[data-requests]')).toContainText(`Sessions since ${dayInWords(today)}`);

  await hearth.clickLink('Record an activity break');
  await page.getByLabel('Swattenden Centre').check();
  await page.getByLabel('A day').check();
  await page.getByLabel('How many children went').fill('3');
  await page.getByLabel('Note (optional)').fill('High ropes and a picnic by the lake.');
  await hearth.submit('Save the break');
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the date of the break');
  await expect(page.getByLabel('Note (optional)')).toHaveValue('High ropes and a picnic by the lake.');
  await expect(page.getByLabel('How many children went')).toHaveValue('3');
  const yesterday = londonDay(-1);
  await fillDate(page, 'Date of the break', yesterday);
  await hearth.submit('Save the break');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText(
    'The activity break has been recorded',
  );
  await expect(page.locator('[data-breaks]')).toContainText(
    `${dayInWords(yesterday)}: A day at Swattenden Centre, 3 children. High ropes and a picnic by the lake.`,
  );
});

test('a carer reads their hub family and their support on the portal', async ({ hearth }) => {
  await hearth.signInAs('carer');
  const section = hearth.page.locator('main');
  await expect(section).toContainText('Extra support');
  await expect(section).toContainText(/Your hub family is \S+/);
  await expect(section).toContainText('Your activity breaks this year:');
  await expect(section).toContainText('A residential weekend at');
});
