/**
 * The My work page as people see it: their due and overdue items, soonest first, tagged, linked
 * to the record and the rule; filters, pages, the head of fostering's summary by team.
 * Dates are relative to today, as the page always uses today's date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeCarer, makeCheck, makeHousehold } from '../../../test/support/households.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { addDays, addWorkingDays, differenceInDays, todayInLondon } from '../../platform/dates/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { tableRowsAfter } from '../../../test/support/html.ts';

let t: TestApp;
let db: Db;
const today = todayInLondon();
let overdueChild: { id: string; name: string };
let eastHousehold: { id: string; name: string };
let westHousehold: { id: string; name: string };

/** The rows of the My work list, as text, in order. */
const listRows = (body: string) => tableRowsAfter(body, 'Due and overdue, soonest first');

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  // An East household (Team 1) with a carer whose DBS expires in 3 days (amber) ...
  const east = await makeHousehold(db, { name: 'Quillfeather', teamName: 'East Kent Fostering Team 1' });
  const eastCarer = await makeCarer(db, east.id, { firstName: 'Orla', lastName: 'Quillfeather' });
  await makeCheck(db, east.id, { carerId: eastCarer.id, kind: 'dbs', expiresOn: addDays(today, 3) });
  eastHousehold = { id: east.id, name: east.name };
  // ... and a child placed there, looked after 60 days ago with no initial health assessment (overdue).
  const child = await makeChild(db, {
    firstName: 'Tamsin',
    lastName: 'Overdew',
    lookedAfterSince: addDays(today, -60),
  });
  await makePlacement(db, {
    childId: child.id,
    householdId: east.id,
    startDate: addDays(today, -60),
    placementPlanOn: addDays(today, -60),
  });
  overdueChild = { id: child.id, name: 'Tamsin Overdew' };
  // A West household with a medical expiring in 20 days (neither red nor amber).
  const west = await makeHousehold(db, { name: 'Westerholm', teamName: 'West Kent Fostering Team 1' });
  const westCarer = await makeCarer(db, west.id, { firstName: 'Piers', lastName: 'Westerholm' });
  await makeCheck(db, west.id, { carerId: westCarer.id, kind: 'medical', expiresOn: addDays(today, 20) });
  westHousehold = { id: west.id, name: west.name };
});
afterAll(async () => {
  await t.close();
});

describe('My work', () => {
  it('shows a team manager their team’s items, soonest first, each linked to its record and rule', async () => {
    const manager = await signedIn(t.app, 'manager');
    const page = await manager.get('/my-work');
    expect(page.statusCode).toBe(200);
    const rows = listRows(page.body);
    const childRow = rows.findIndex((r) => r.includes(overdueChild.name) && r.includes('Initial health assessment'));
    const dbsRow = rows.findIndex((r) => r.includes('DBS check of Orla Quillfeather (carer)'));
    expect(childRow).toBeGreaterThanOrEqual(0);
    expect(dbsRow).toBeGreaterThan(childRow);
    const late = differenceInDays(today, addWorkingDays(addDays(today, -60), 20)); // 32 on 22 November 2026
    expect(rows[childRow]).toContain(`Overdue by ${late} days`);
    expect(rows[dbsRow]).toContain('Due in 3 days');
    expect(page.body).toContain(`href="/children/${overdueChild.id}"`);
    expect(page.body).toContain(`href="/households/${eastHousehold.id}"`);
    expect(page.body).toContain('href="/my-work/rules#rule-children-initial-health-assessment"');
    expect(page.body).toMatch(/govuk-tag--red">\s*Overdue by/);
    expect(page.body).toMatch(/govuk-tag--orange">\s*Due in 3 days/);
    // Not another area's household.
    expect(page.body).not.toContain('Westerholm');
    // A manager oversees one team: no summary by team.
    expect(page.body).not.toContain('By team');
  });

  it('shows a social worker their own caseload, and their team’s households when they ask', async () => {
    const db = t.database.db;
    const own = await makeHousehold(db, {
      name: 'Ownercase',
      teamName: 'West Kent Fostering Team 1',
      allocatedSswUsername: 'ssw2',
    });
    const ownCarer = await makeCarer(db, own.id, { firstName: 'Olive', lastName: 'Ownercase' });
    await makeCheck(db, own.id, { carerId: ownCarer.id, kind: 'medical', expiresOn: addDays(today, 10) });
    const ssw2 = await signedIn(t.app, 'ssw2');
    // The West household is in ssw2's team but not allocated to them: not in their caseload.
    const mine = await ssw2.get('/my-work');
    expect(mine.body).toContain('Medical of Olive Ownercase (carer)');
    expect(mine.body).toContain('Whose work');
    expect(mine.body).toMatch(/<option value="mine" selected>My caseload<\/option>/);
    expect(mine.body).not.toContain('Westerholm');
    const page = await ssw2.get('/my-work?whose=team');
    expect(page.body).toMatch(/<option value="team" selected>My team’s households<\/option>/);
    expect(page.body).toContain('Medical of Piers Westerholm (carer)');
    expect(page.body).toContain(`href="/households/${westHousehold.id}"`);
    expect(page.body).toMatch(/govuk-tag--grey">\s*Due in 20 days/);
    expect(page.body).not.toContain('Quillfeather');
    expect(page.body).not.toContain(overdueChild.name);
  });

  it('gives the head of fostering a summary by team, each count linking to the filtered list', async () => {
    const head = await signedIn(t.app, 'head');
    const page = await head.get('/my-work');
    const summary = page.body.split('By team</caption>')[1]?.split('</table>')[0] ?? '';
    /** A team's counts, as the cells read (the hidden words for screen readers left out). */
    const row = (team: string) =>
      (summary.split('<tr').find((r) => r.includes(`<th scope="row" class="govuk-table__header">${team}</th>`)) ?? '')
        .replace(/^[^>]*>/, '')
        .replace(/<span class="govuk-visually-hidden">[^<]*<\/span>/g, '')
        .replace(/<th[\s\S]*?<\/th>/, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    // Each count is the number of rows in the list it links to (the demo service adds its own items).
    const [overdueCount, soonCount, allCount] = row('East Kent Fostering Team 1').split(' ').map(Number);
    expect(overdueCount).toBeGreaterThanOrEqual(1); // at least our child's initial health assessment
    expect(soonCount).toBeGreaterThanOrEqual(1); // at least the DBS check due in 3 days
    expect(allCount).toBeGreaterThanOrEqual(overdueCount! + soonCount!);
    const eastTeamId =
      /href="\/my-work\?team=([0-9a-f-]{36})&amp;status=overdue&amp;within=28">\d+<span class="govuk-visually-hidden"> overdue in East Kent Fostering Team 1</.exec(
        summary,
      )?.[1];
    expect(eastTeamId).toBeDefined();

    const overdue = await head.get(`/my-work?team=${eastTeamId}&status=overdue&within=28`);
    expect(overdue.body).toContain('Clear filters');
    const rows = listRows(overdue.body).concat(
      overdueCount! > 50
        ? listRows((await head.get(`/my-work?team=${eastTeamId}&status=overdue&within=28&page=2`)).body)
        : [],
    );
    expect(rows).toHaveLength(Math.min(overdueCount!, 100));
    expect(rows.some((r) => r.includes(overdueChild.name))).toBe(true);
    expect(rows.every((r) => r.includes('East Kent Fostering Team 1') && r.includes('Overdue by'))).toBe(true);
    // Her DBS check is due soon, not overdue.
    expect(rows.some((r) => r.includes('Orla Quillfeather') && r.includes('DBS'))).toBe(false);

    const soon = listRows((await head.get(`/my-work?team=${eastTeamId}&status=soon&within=28`)).body);
    expect(soon).toHaveLength(Math.min(soonCount!, 50));
    expect(soon.some((r) => r.includes('Orla Quillfeather'))).toBe(true);
  });

  it('calls the deadlines of no team "No team", not a child’s "not placed" (staff and area reviews are there too)', async () => {
    await makeChild(db, { firstName: 'Unplaced', lastName: 'Noteam', lookedAfterSince: addDays(today, -60) });
    const head = await signedIn(t.app, 'head');
    const page = await head.get('/my-work?team=none&within=28');
    expect(page.body).toContain('<th scope="row" class="govuk-table__header">No team</th>');
    expect(page.body).toContain('<option value="none" selected>No team</option>');
    const rows = listRows(page.body);
    expect(rows.some((r) => r.includes('Unplaced Noteam') && r.includes('No team'))).toBe(true);
    expect(page.body).not.toContain('Not placed with a household');
  });

  it('filters by rule', async () => {
    const head = await signedIn(t.app, 'head');
    const page = await head.get('/my-work?rule=households.medical-check-renewal');
    const rows = listRows(page.body);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.includes('Medical renewal'))).toBe(true);
    expect(page.body).toMatch(/<option value="households.medical-check-renewal" selected>/);
  });

  it('pages the list 50 at a time', async () => {
    // 55 unplaced children, all overdue for their initial health assessment.
    for (let i = 0; i < 55; i += 1) {
      await makeChild(db, {
        firstName: 'Paged',
        lastName: `Child${String(i).padStart(2, '0')}`,
        lookedAfterSince: addDays(today, -90),
      });
    }
    const head = await signedIn(t.app, 'head');
    const first = await head.get('/my-work?rule=children.initial-health-assessment');
    expect(listRows(first.body)).toHaveLength(50);
    expect(first.body).toMatch(/<title>My work \(page 1 of \d+\) - Hearth<\/title>/);
    const second = await head.get('/my-work?rule=children.initial-health-assessment&page=2');
    expect(listRows(second.body).length).toBeGreaterThanOrEqual(1);
    expect(second.body).toContain('Showing 51 to');
  });

  it('tells someone with nothing due so', async () => {
    const panel = await signedIn(t.app, 'panel');
    const page = await panel.get('/my-work');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nothing is due or overdue in your work.');
    // ... and says what Hearth holds for them, with the links they may use (and only those).
    expect(page.body).toContain('What Hearth holds for you');
    expect(page.body).toMatch(
      /<a class="govuk-link" href="\/panel\/my-papers">Your papers<\/a>: the papers of the panel meetings you sit on/,
    );
    expect(page.body).not.toContain('href="/households">Households</a>:');
    const head = await signedIn(t.app, 'head');
    const filtered = await head.get('/my-work?rule=placements.placement-plan&team=none');
    expect(filtered.body).toContain('Nothing due or overdue matches these filters.');
  });

  it('ignores filters it does not understand', async () => {
    const manager = await signedIn(t.app, 'manager');
    const page = await manager.get('/my-work?rule=%3Cscript%3E&status=whenever&within=9999&page=-3');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(overdueChild.name);
  });

  it('lists every deadline rule with the regulation it comes from', async () => {
    const ssw = await signedIn(t.app, 'ssw');
    const page = await ssw.get('/my-work/rules');
    expect(page.statusCode).toBe(200);
    for (const [id, text] of [
      ['rule-children-initial-health-assessment', 'within 20 working days'],
      ['rule-children-review-health-assessment', 'every 6 months while the child is under 5'],
      ['rule-placements-placement-plan', 'regulation 9(2)'],
      ['rule-placements-delegated-authority', 'National Minimum Standards (2011), standards 7 and 11'],
      ['rule-households-dbs-check-renewal', 'Schedule 3'],
      ['rule-households-medical-check-renewal', 'standard 19'],
    ]) {
      expect(page.body).toContain(`id="${id}"`);
      expect(page.body).toContain(text);
    }
    // Who sees each, in a sentence: sentence case, "and" before the last.
    expect(page.body).toContain('Head of fostering, team manager and supervising social worker');
    expect(page.body).not.toMatch(/, Team manager|, Supervising social worker/);
  });

  it('offers the search box to those who may search, and not to those who may not', async () => {
    expect((await (await signedIn(t.app, 'manager')).get('/my-work')).body).toContain('action="/search"');
    expect((await (await signedIn(t.app, 'training')).get('/my-work')).body).not.toContain('action="/search"');
  });
});
