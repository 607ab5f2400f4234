import type { Page } from '@playwright/test';
import { test, expect, uniqueName } from './support/fixtures.ts';

const NO_TRAINING = '/scorecard/training.no-training-6-months';
const TSD = '/scorecard/training.tsd-on-time';

/** The measure page's "N of D" and its headline value. */
async function measureNow(page: Page) {
  const text = await page.locator('p', { hasText: 'Target:' }).first().innerText();
  const counted = /(\d+) of (\d+)/.exec(text);
  expect(counted, 'the measure page says how many of how many').not.toBeNull();
  const value = (await page.locator('.govuk-body-l').first().innerText()).split(/\s/)[0]!;
  return { met: Number(counted![1]), of: Number(counted![2]), value };
}

/** The rows of the records behind a measure, on its page with the list shown. */
const untrainedCarers = (page: Page) =>
  page
    .locator('table', { has: page.getByRole('columnheader', { name: 'Record' }) })
    .locator('tbody tr')
    .allInnerTexts();

/** Today as people read it, "1 December 2026". */
const todayInWords = () =>
  new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/**
 * The training loop of the plan's Target 2: the coordinator puts a TSD session on the calendar
 * for today; the demo carer (no training for 7 months) books it in the portal, and the coordinator
 * books a carer whose TSD standards are due; the register is taken, and the scorecard counts the
 * demo carer as trained in the last 6 months and the other carer's standards as evidenced today,
 * before their deadline: both figures move. The head then agrees that carer's development plan
 * and puts it right (a goal typed wrongly, with why).
 * Every page is checked with axe.
 */
test('a carer books training in the portal, the register is taken, and the training measures move', async ({
  hearth,
}) => {
  test.setTimeout(180_000);
  const page = hearth.page;
  const place = `Oakwood House, room ${uniqueName('e2e')}`;
  const today = todayInWords();

  // Before: the head of fostering reads the two measures, and who the carers with no training are
  // (the demo carer; the carer the coordinator books below may be one of them, on some days of the demo).
  await hearth.signInAs('head', `${NO_TRAINING}?list=met`);
  await expect(hearth.heading).toHaveText('Carers with no training in the last 6 months');
  const untrainedBefore = await measureNow(page);
  const untrainedRows = await untrainedCarers(page);
  expect(untrainedRows, 'every carer with no training is on the first page').toHaveLength(untrainedBefore.met);
  expect(untrainedRows.some((row) => row.includes('Jordan Ellis'))).toBe(true);
  await hearth.goto(TSD);
  const tsdBefore = await measureNow(page);
  await hearth.signOut();

  // The training coordinator adds a session of the TSD course today; a date in the past is refused.
  await hearth.signInAs('training');
  await hearth.openArea('Training');
  await hearth.goto('/training/courses');
  await hearth.clickLink('TSD standards: portfolio sign-off');
  await hearth.submit('Add a session'); // a link styled as a button
  const fillDate = async (date: Date) => {
    const group = page.getByRole('group', { name: 'Date of the session' });
    await group.getByLabel('Day').fill(String(date.getDate()));
    await group.getByLabel('Month').fill(String(date.getMonth() + 1));
    await group.getByLabel('Year').fill(String(date.getFullYear()));
  };
  await fillDate(new Date(Date.now() - 7 * 86_400_000));
  await page.getByLabel('In person').check();
  await page.getByLabel('Venue, or how to join online').fill(place);
  await page.getByLabel('Places').fill('12');
  await page.getByLabel('Trainer').fill('Grace Whitfield');
  await hearth.submit('Add the session');
  await expect(page.locator('.govuk-error-summary')).toBeVisible();
  await expect(page.getByLabel('Venue, or how to join online')).toHaveValue(place);
  await fillDate(new Date());
  await hearth.submit('Add the session');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Session added to the calendar');
  const sessionPath = new URL(page.url()).pathname;

  // A carer whose TSD standards are due in the coming months (approved ten months ago), from the
  // coordinator's own work list, looking three months ahead.
  await hearth.goto('/my-work?rule=training.tsd&within=91');
  const due = page.locator('main tr', { hasText: 'Due in' }).locator('a[href^="/training/carers/"]').first();
  await expect(due, 'the demo has a carer whose TSD standards are still to come').toBeVisible();
  await hearth.clickLink((await due.innerText()).trim());
  const tsdCarer = (await hearth.heading.innerText()).replace('Training record: ', '').trim();
  await hearth.signOut();

  // The demo carer books the session in the portal.
  await hearth.signInAs('carer', '/portal/training');
  await expect(hearth.heading).toHaveText('Your training and development');
  await hearth.clickLink(/TSD standards: portfolio sign-off/, { within: page.locator('li', { hasText: place }) });
  await page.getByLabel('Jordan Ellis').check();
  await hearth.submit('Book the place');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Place booked');
  await expect(page.locator('main')).toContainText(place);
  // Back on the session: it says who has a place, and offers only the carer who has not.
  await hearth.clickLink(/TSD standards: portfolio sign-off/, { within: page.locator('li', { hasText: place }) });
  await expect(page.locator('main')).toContainText('Jordan Ellis has a place on this session.');
  await expect(page.getByLabel('Jordan Ellis')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Who is coming?' }).getByRole('radio')).toHaveCount(1);
  await hearth.signOut();

  // The coordinator books the other carer and takes the register.
  await hearth.signInAs('training', sessionPath);
  await page.getByLabel('Carer’s name, household name or reference').fill(tsdCarer.split(' ').pop()!);
  await hearth.submit('Find a carer');
  await hearth.submit(`Book ${tsdCarer}`);
  await expect(page.locator('.govuk-notification-banner')).toContainText('Place booked');
  for (const name of ['Jordan Ellis', tsdCarer]) {
    await page
      .getByRole('group', { name: new RegExp(`^${name},`) })
      .getByLabel('Attended')
      .check();
  }
  await hearth.submit('Save the register');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Register saved');
  await hearth.clickLink(tsdCarer);
  await expect(page.locator('main')).toContainText(`Evidenced ${today}`);
  const carerPath = new URL(page.url()).pathname;
  await hearth.signOut();

  // After: the demo carer, and the other carer too if they had none, no longer counted with no training in
  // 6 months; every other demo carer counted before still is. (The carers of a household another journey
  // approves meanwhile, named by uniqueName, come and go: the figure is read beside its own list.)
  await hearth.signInAs('head', `${NO_TRAINING}?list=met`);
  const untrainedAfter = await measureNow(page);
  const untrainedRowsAfter = await untrainedCarers(page);
  expect(untrainedRowsAfter).toHaveLength(untrainedAfter.met);
  expect(untrainedRowsAfter.filter((row) => row.includes('Jordan Ellis') || row.includes(tsdCarer))).toEqual([]);
  const journeyMade = /-\d[0-9a-z]{6,}/;
  const others = untrainedRows.filter(
    (row) => !row.includes('Jordan Ellis') && !row.includes(tsdCarer) && !journeyMade.test(row),
  );
  expect(untrainedRowsAfter).toEqual(expect.arrayContaining(others));
  // Their deadline is still to come: the carer is now counted, on time, and the figure moves.
  await hearth.goto(TSD);
  const tsdAfter = await measureNow(page);
  expect(tsdAfter).toMatchObject({ met: tsdBefore.met + 1, of: tsdBefore.of + 1 });
  await hearth.goto(`${TSD}?list=met`);
  await expect(page.locator('tr', { hasText: tsdCarer })).toContainText(`evidenced ${today}`);

  // The head agrees the carer's development plan with them, then puts right a word typed wrongly.
  await hearth.goto(`${carerPath}/pdp`);
  await hearth.submit(/^(Agree|Review) the plan$/); // a link styled as a button
  await page.getByLabel('Development goals').fill('Work towards skills level 3');
  await page.getByLabel('Training to do').fill('Therapeutic parenting');
  await page.getByLabel('Support the carer will get').fill('Monthly supervision and a mentor');
  await hearth.submit('Save the plan');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Personal development plan saved');
  await hearth.clickLink(`Change the plan agreed on ${today}`);
  await page.getByLabel('Development goals').fill('Work towards skills level 2');
  await hearth.submit('Save the plan');
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter why the plan is being changed');
  await expect(page.getByLabel('Development goals')).toHaveValue('Work towards skills level 2');
  await page.getByLabel('Why is this being changed?').fill('Level 3 was typed for level 2');
  await hearth.submit('Save the plan');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Personal development plan changed');
  await expect(page.locator('main')).toContainText('Work towards skills level 2');
});
