import { dayInWords, fillDate, londonDay } from './support/dates.ts';
import { test, expect } from './support/fixtures.ts';

/**
 * A child missing from care in the browser: a children's social worker opens one of their children
 * placed with the service's carers (one not missing now), records that the child went missing today
 * (first without saying whether the police were told: refused, with what was typed kept), that the
 * child came back, and the return interview offered and held; corrects what it was opened with
 * (the police were not told after all); the child's page, the list of
 * children missing and the child's list of every episode show it; then, as if recorded in error, removes
 * it with the reason why. Every page is checked with axe.
 */
test('a children’s social worker records a child missing, their return and the return interview', async ({
  hearth,
}) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  const today = londonDay(0);
  await hearth.signInAs('cicsw');
  await hearth.openArea('Children');
  const rows = page.locator('main tbody tr').filter({ hasNotText: 'Not placed' });
  await expect(rows.first(), 'the demo cicsw has a child placed with our carers').toBeVisible();
  // The last placed child on the page whose record offers to record them missing (not missing now).
  let name = '';
  for (let i = (await rows.count()) - 1; i >= 0 && !name; i -= 1) {
    const candidate = (await rows.nth(i).locator('td').first().locator('a').innerText()).trim();
    await hearth.clickLink(candidate, { within: rows.nth(i) });
    if (await page.getByRole('link', { name: /went missing$/ }).count()) {
      if (!(await page.locator('[data-missing-episodes]').getByText('Missing now').count())) name = candidate;
    }
    if (!name) await page.goBack();
  }
  expect(name, 'a placed child not missing now').not.toBe('');
  const firstName = name.split(' ')[0]!;

  await hearth.clickLink(`Record that ${firstName} went missing`);
  await expect(hearth.heading).toHaveText('Record that a child went missing');
  await fillDate(page, 'Date the child went missing', today);
  await page.getByLabel('What is known (optional)').fill('Did not come home from school');
  await hearth.submit('Save');
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'Select whether the child was reported missing to the police',
  );
  await expect(page.getByLabel('What is known (optional)')).toHaveValue('Did not come home from school');
  await page.getByRole('group', { name: 'Was the child reported missing to the police?' }).getByLabel('Yes').check();
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText(
    'The child has been recorded as missing',
  );
  await expect(page.locator('[data-episode-summary]')).toContainText(
    `Missing now Missing from ${dayInWords(today)}, not back yet`,
  );

  // The list of children missing now shows them.
  await hearth.openArea('Children missing from care');
  await expect(page.locator('main table')).toContainText(name);
  await hearth.clickLink(name, { within: page.locator('main table') });

  await hearth.clickLink(/^Record came back$/i);
  await fillDate(page, 'Date the child came back', today);
  await page.getByLabel('Where the child was found, and anything learned (optional)').fill('Came home by bus');
  await hearth.submit('Save');
  await expect(page.locator('main')).toContainText('Return interview to offer');
  await expect(page.locator('main')).toContainText(`Not offered yet (due by ${dayInWords(londonDay(3))})`);

  await hearth.clickLink(/^Record return interview$/i);
  await page.getByLabel('Offered, and it was held').check();
  await fillDate(page, 'Date it was offered', today);
  await fillDate(page, 'Date of the return interview', today);
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText(
    'The return interview has been recorded',
  );
  await expect(page.locator('main')).toContainText(`Offered on ${dayInWords(today)}; held on ${dayInWords(today)}`);

  // What it was opened with is corrected on the opening form, filled in: the police were not told after all.
  await hearth.clickLink(/^Change went missing$/i);
  await expect(hearth.heading).toHaveText('Change what was recorded when the child went missing');
  await expect(page.getByLabel('What is known (optional)')).toHaveValue('Did not come home from school');
  await page.getByRole('group', { name: 'Was the child reported missing to the police?' }).getByLabel('No').check();
  await page.getByLabel('What is known (optional)').fill('Did not come home from school; the carer found them');
  await hearth.submit('Save the changes');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText(
    'The record of going missing has been changed',
  );
  await expect(page.locator('main')).toContainText('Did not come home from school; the carer found them');
  await expect(page.locator('main .govuk-summary-list')).toContainText(/Reported to the police\s*No/);

  await hearth.clickLink(`Back to ${name}’s record`);
  await expect(page.locator('[data-missing-episodes]')).toContainText(
    `Missing from ${dayInWords(today)} to ${dayInWords(today)}`,
  );

  // The child's list of every episode (their page links to it when it shows only the latest), the latest first.
  const allEpisodes = page.locator('[data-all-episodes]');
  if (await allEpisodes.count()) await hearth.clickLink(/^View all \d+ episodes for /);
  else await hearth.goto(`${new URL(page.url()).pathname}/missing`);
  await expect(hearth.heading).toHaveText(`Every time ${firstName} went missing from care`);
  await expect(page.locator('[data-child-episodes] tbody tr').first()).toContainText(dayInWords(today));
  // On a phone's screen it fits, nothing wider than the page.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Recorded in error: the worker removes it, saying why (first without: refused), still on a phone's screen.
  await hearth.clickLink(dayInWords(today), { within: page.locator('[data-child-episodes] tbody tr').first() });
  await hearth.clickLink(`Remove this record of ${firstName} going missing`);
  await expect(hearth.heading).toHaveText(`Remove the record of going missing on ${dayInWords(today)}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await hearth.submit('Remove the record');
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter why the record is being removed');
  await page.getByLabel('Why is the record being removed?').fill('Recorded by mistake in a test');
  await hearth.submit('Remove the record');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText(
    'The record of going missing has been removed',
  );
  await expect(hearth.heading).toHaveText(`Every time ${firstName} went missing from care`);
});
