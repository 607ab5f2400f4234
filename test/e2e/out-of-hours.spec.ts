import { dayInWords, fillDate, londonDay } from './support/dates.ts';
import { test, expect } from './support/fixtures.ts';

/**
 * An out-of-hours call in the browser: a supervising social worker opens a household on their
 * caseload, records a call to the out-of-hours service (first without saying what was done:
 * refused, with what was typed kept), sees it on the household's calls and its own page, then finds
 * it in the month's list of calls. Every page is checked with axe.
 */
test('a supervising social worker records an out-of-hours call and finds it in the month’s calls', async ({
  hearth,
}) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  const yesterday = londonDay(-1);
  await hearth.signInAs('ssw');
  await hearth.openArea('Households');
  await page.getByLabel('Allocated worker').selectOption({ label: 'My caseload' });
  await hearth.submit('Apply filters');
  const row = page.locator('main tbody tr').first();
  const name = (await row.locator('td, th').first().locator('a').innerText()).trim();
  await hearth.clickLink(name, { within: row });

  await hearth.clickLink('Out-of-hours calls');
  await expect(hearth.heading).toHaveText('Out-of-hours calls');
  await hearth.clickLink('Record an out-of-hours call');
  await fillDate(page, 'Date of the call', yesterday);
  await page.getByLabel('Time of the call').fill('22:40');
  await page.getByLabel('A foster carer').check();
  await page.getByLabel('The area’s fostering out-of-hours service').check();
  await page.getByLabel('A child’s behaviour').check();
  await page.getByLabel('Note for the day team').fill('Young person would not come in; settled by 11pm.');
  await hearth.submit('Save the call');
  await expect(page.locator('.govuk-error-summary')).toContainText('Select what was done');
  await expect(page.getByLabel('Note for the day team')).toHaveValue(
    'Young person would not come in; settled by 11pm.',
  );
  await expect(page.getByLabel('Time of the call')).toHaveValue('22:40');
  await page.getByLabel('Advice given on the phone').check();
  await hearth.submit('Save the call');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The call has been recorded');

  await hearth.clickLink(new RegExp(`${dayInWords(yesterday)} at 22:40$`), { within: page.locator('[data-calls]') });
  await expect(hearth.heading).toHaveText('Out-of-hours call');
  await expect(page.locator('main')).toContainText('Young person would not come in; settled by 11pm.');

  // The time was noted wrongly: changed on the call's form, filled in as recorded.
  await hearth.clickLink('Change the call');
  await expect(hearth.heading).toHaveText('Change the out-of-hours call');
  await expect(page.getByLabel('Note for the day team')).toHaveValue(
    'Young person would not come in; settled by 11pm.',
  );
  await page.getByLabel('Time of the call').fill('22:50');
  await hearth.submit('Save the call');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The call has been changed');
  const when = `${dayInWords(yesterday)} at 22:50`;
  await expect(page.locator('main')).toContainText(when);

  await hearth.openArea('Out-of-hours calls');
  const month = new Date(Date.UTC(Number(yesterday.year), Number(yesterday.month) - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  await page.getByLabel('Month').selectOption({ label: month });
  await hearth.submit('Apply filters');
  await expect(page.locator('[data-calls-total]')).toContainText(`in ${month}`);
  await expect(page.locator('main table')).toContainText(when);
});
