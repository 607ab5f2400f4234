import type { Page } from '@playwright/test';
import { dayInWords, londonDay } from './support/dates.ts';
import { test, expect, type Hearth } from './support/fixtures.ts';

/**
 * On a phone-sized screen (390 × 844) no page is wider than the screen: wide tables scroll inside
 * their own container (which can be reached and scrolled with the keyboard) instead of making the
 * whole page scroll sideways. Each page is also checked with axe by the fixture.
 */
test.use({ viewport: { width: 390, height: 844 } });

async function widerThanScreen(page: Page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const widest = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > doc.clientWidth + 1)
      .filter((e) => !e.closest('.app-table-scroll'))
      .map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ')[0]}` : ''}`)
      .slice(0, 3);
    return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, widest };
  });
}

/**
 * Rows other journeys add at the same time, and may remove before this one opens them: those dated
 * today or yesterday, or naming a record made with uniqueName ("Joint training day-1m2abc3d").
 * The record pages below are the demo's, so each check opens the page it means to.
 */
const madeByJourneys = new RegExp(`${dayInWords(londonDay())}|${dayInWords(londonDay(-1))}|-\\d[0-9a-z]{6,}`);

/** The address of the first link in the rows that is not to a record another journey made (above). */
const firstDemoLink = (page: Page, rows: string, link: string) =>
  page.locator(rows).filter({ hasNotText: madeByJourneys }).locator(link).first().getAttribute('href');

/** Opens the page (found, not a page that says it is not) and checks that it fits the screen. */
async function openToFit(hearth: Hearth, path: string) {
  expect((await hearth.goto(path))?.status(), path).toBe(200);
  await expectToFit(hearth.page, path);
}

async function expectToFit(page: Page, path: string) {
  const width = await widerThanScreen(page);
  expect(width, path).toMatchObject({ scrollWidth: width.clientWidth, widest: [] });
}

test.describe('a phone-sized screen', () => {
  test.setTimeout(120_000);

  test('the main lists of a head of fostering fit the screen', async ({ hearth }) => {
    await hearth.signInAs('head');
    for (const path of [
      '/my-work',
      '/all-areas',
      '/households',
      '/children',
      '/referrals',
      '/scorecard',
      '/plan',
      '/search?q=Ellis',
      '/payments',
      '/payments/enhancements',
      '/payments/rates/new',
      '/records',
      '/records/retention',
      '/connected-persons',
      '/joint-training',
    ]) {
      await openToFit(hearth, path);
    }
  });

  test('a household, a measure and a child placed with our carers fit the screen', async ({ hearth }) => {
    await hearth.signInAs('head');
    // The first household and measure in their lists, so their record pages are checked too.
    await hearth.goto('/households');
    const household = await hearth.page.locator('main table a[href^="/households/"]').first().getAttribute('href');
    await hearth.goto('/scorecard');
    const measure = await hearth.page.locator('main table a[href^="/scorecard/"]').first().getAttribute('href');
    // The first child placed with our carers, so their visits and the visit form are checked too.
    await hearth.goto('/children');
    const child = await hearth.page
      .locator('main tbody tr')
      .filter({ hasNotText: 'Not placed' })
      .locator('a[href^="/children/"]')
      .first()
      .getAttribute('href');
    // The household's first carer's carer portal access.
    await hearth.goto(household!);
    await expectToFit(hearth.page, household!);
    const portalAccess = await hearth.page.locator('main a[href$="/portal-account"]').first().getAttribute('href');
    // And the forms to record that they left care and to give a connected person temporary
    // approval, and the children who have left.
    for (const path of [
      portalAccess!,
      `${household!}/supervision`,
      `${household!}/records-requests`,
      `${household!}/records-requests/new`,
      `${household!}/safer-care`,
      `${household!}/safer-care/new`,
      measure!,
      child!,
      `${child!}/visits`,
      `${child!}/visits/new`,
      `${child!}/left-care`,
      `${child!}/temporary-approval`,
      '/children?care=left',
    ]) {
      await openToFit(hearth, path);
    }
    // The child's latest visit of the demo's: changing it and removing it.
    await hearth.goto(`${child!}/visits`);
    const change = await firstDemoLink(hearth.page, 'main tbody tr', 'a[href*="/visits/"]');
    expect(change, 'the first child placed with our carers has a visit recorded').toBeTruthy();
    for (const path of [change!, `${change!}/remove`]) {
      await openToFit(hearth, path);
    }
  });

  test('a child who has left care fits the screen', async ({ hearth }) => {
    await hearth.signInAs('head');
    // The first child in the list of those who have left: their page, and changing and removing the record.
    await hearth.goto('/children?care=left');
    const child = await hearth.page.locator('main table a[href^="/children/"]').first().getAttribute('href');
    for (const path of [child!, `${child!}/left-care`, `${child!}/left-care/remove`]) {
      await openToFit(hearth, path);
    }
  });

  test('the six-monthly reviews fit the screen', async ({ hearth }) => {
    await hearth.signInAs('head');
    await hearth.goto('/service-reviews');
    // The first in the list (overdue or due: with the form) and the last on the page (completed: read only).
    const links = hearth.page.locator('main table a[href^="/service-reviews/"]');
    const [first, last] = [await links.first().getAttribute('href'), await links.last().getAttribute('href')];
    for (const path of ['/service-reviews', first!, last!]) {
      await openToFit(hearth, path);
    }
  });

  test('a young person’s independence checklist fits the screen', async ({ hearth }) => {
    await hearth.signInAs('head');
    // The oldest children first: a young person of 15 or over, whose page shows the checklist's section.
    await hearth.goto('/children?sort=age&dir=desc');
    const child = await hearth.page.locator('main table a[href^="/children/"]').first().getAttribute('href');
    for (const path of [child!, `${child!}/independence`]) {
      await openToFit(hearth, path);
    }
  });

  test('children missing from care and out-of-hours calls fit the screen', async ({ hearth }) => {
    await hearth.signInAs('head');
    // The lists, the first episode and call in them, and the form to record a call.
    await hearth.goto('/missing?show=all');
    const episode = await firstDemoLink(hearth.page, 'main tbody tr', 'a[href^="/missing/"]');
    await hearth.goto('/out-of-hours');
    const call = await hearth.page.locator('main table a[href^="/out-of-hours/"]').first().getAttribute('href');
    await hearth.goto(call!);
    const household = await hearth.page
      .locator('.govuk-breadcrumbs a[href^="/households/"]')
      .first()
      .getAttribute('href');
    for (const path of [
      '/missing',
      '/missing?show=all',
      episode!,
      '/out-of-hours',
      call!,
      `${household!}/out-of-hours/new`,
    ]) {
      await openToFit(hearth, path);
    }
  });

  test('extra support for carers fits the screen', async ({ hearth }) => {
    await hearth.signInAs('head');
    // The overview, the first hub family's support and its forms, and its first request for psychology support.
    await hearth.goto('/extra-support');
    const hub = await hearth.page.locator('[data-hubs] a').first().getAttribute('href');
    await hearth.goto(hub!);
    const request = await hearth.page.locator('[data-requests] a').first().getAttribute('href');
    for (const path of [
      '/extra-support',
      hub!,
      `${hub!}/hub-family`,
      `${hub!}/breaks/new`,
      `${hub!}/psychology/new`,
      request!,
    ]) {
      await openToFit(hearth, path);
    }
  });

  test('Carer Ambassadors fit the screen', async ({ hearth }) => {
    await hearth.signInAs('recruitment');
    // The service's list, the first ambassador's household and its forms.
    await hearth.goto('/ambassadors');
    const household = await hearth.page.locator('[data-ambassadors] a').first().getAttribute('href');
    for (const path of ['/ambassadors', household!, `${household!}/new`, `${household!}/activities/new`]) {
      await openToFit(hearth, path);
    }
  });

  test('places on a training session for other organisations fit the screen', async ({ hearth }) => {
    await hearth.signInAs('training');
    // The first session on the calendar with places sold or offered, and the form.
    await hearth.goto('/training');
    const session = await hearth.page.locator('main table a[href^="/training/sessions/"]').first().getAttribute('href');
    for (const path of [session!, `${session!}/other-places/new`]) {
      await openToFit(hearth, path);
    }
  });

  test('supervision folder audits fit the screen', async ({ hearth }) => {
    await hearth.signInAs('head');
    // Last quarter's list (the demo audits two folders in each area), its first audit and the
    // form to audit that member's folder.
    await hearth.goto('/staff/folder-audits');
    const earlier = await hearth.page.locator('main nav a[href*="quarter="]').first().getAttribute('href');
    await hearth.goto(earlier!);
    const audit = await hearth.page.locator('main table a[href^="/staff/folder-audits/"]').first().getAttribute('href');
    await hearth.goto(audit!);
    const folder = await hearth.page.locator('main a[href^="/staff/"]').last().getAttribute('href');
    for (const path of ['/staff/folder-audits', earlier!, audit!, folder!, `${folder!}/folder-audit`]) {
      await openToFit(hearth, path);
    }
  });

  test('Lifelong Links fits the screen', async ({ hearth }) => {
    await hearth.signInAs('head');
    // The list, and the first child's work in it with that child's page (its section).
    await hearth.goto('/lifelong-links');
    const work = await hearth.page.locator('main table a[href^="/lifelong-links/"]').first().getAttribute('href');
    await hearth.goto(work!);
    const child = await hearth.page.locator('main a[href^="/children/"]').last().getAttribute('href');
    for (const path of ['/lifelong-links', work!, child!]) {
      await openToFit(hearth, path);
    }
  });

  test('the learning culture’s pages fit the screen', async ({ hearth }) => {
    await hearth.signInAs('head');
    // Joint training days and the latest day; the reviews learned from, a team's meetings, its latest
    // meeting with the forms to change and remove it (only opened).
    await hearth.goto('/joint-training');
    const day = await firstDemoLink(hearth.page, 'main li', 'a[href^="/joint-training/"]');
    await hearth.goto('/learning-from-reviews');
    const team = await hearth.page.locator('main td a[href$="/team-meetings"]').first().getAttribute('href');
    await hearth.goto(team!);
    const meeting = await firstDemoLink(hearth.page, 'main tbody tr', 'a[href^="/team-meetings/"]');
    for (const path of [
      '/joint-training',
      day!,
      `${day!}/remove`,
      '/learning-from-reviews',
      team!,
      meeting!,
      `${meeting!}/edit`,
      `${meeting!}/remove`,
    ]) {
      await openToFit(hearth, path);
    }
  });

  test('a supervising social worker and a carer fit the screen too', async ({ hearth }) => {
    await hearth.signInAs('ssw');
    for (const path of ['/my-work', '/households', '/supervision/outbox']) {
      await openToFit(hearth, path);
    }
    await hearth.signOut();
    await hearth.signInAs('carer', '/portal');
    await expectToFit(hearth.page, '/portal');
    await hearth.goto('/portal/household-change');
    await expectToFit(hearth.page, '/portal/household-change');
  });
});
