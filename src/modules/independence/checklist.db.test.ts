/**
 * The independence checklist as a social worker, a supervising social worker and a carer use it:
 * started from the child's page, areas recorded one at a time (a wrong date refused, what was typed
 * kept), "2 of 8" on the child's page, completed when the last area is done (or recorded as
 * completed), its start date corrected, who may read and record it, the carer's read-only view on the
 * portal, and every view and change in the audit trail.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { checkDueItems } from '../../platform/due/index.ts';
import { addDays, addMonths, addWorkingDays, todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { viewer } from '../home/test-support.ts';
import { checklistPath } from './paths.ts';
import { independenceChecklists } from './tables.ts';
import { dateBoxesOf, makeChecklist, makeYoungPerson } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
/** Born this many years and months ago. */
const bornAgo = (years: number, months = 0) => addMonths(today, -(years * 12 + months));

const trailOf = (recordId: string) =>
  t.database.db
    .select({ action: auditEvents.action, recordType: auditEvents.recordType, detail: auditEvents.detail })
    .from(auditEvents)
    .where(eq(auditEvents.recordId, recordId));

describe('a children’s social worker and the checklist', () => {
  it('starts it from the child’s page, records two areas (the first refused, what was typed kept) and sees 2 of 8', async () => {
    const db = t.database.db;
    const young = await makeYoungPerson(db, bornAgo(16, 2), { firstName: 'Jodie' });
    const cicsw = await signedIn(t.app, 'cicsw');

    const before = await cicsw.get(`/children/${young.id}`);
    expect(before.statusCode).toBe(200);
    const section = before.body.slice(before.body.indexOf('>Independence checklist</h2>'));
    expect(section).toContain('Not started');
    expect(section).toContain('Overdue');
    expect(section).toContain(`Due to start by ${formatDate(addMonths(young.dateOfBirth, 186))} (15½)`);
    expect(section).toContain(`By ${formatDate(addMonths(young.dateOfBirth, 210))} (17½)`);
    expect(section).toContain(`href="${checklistPath(young.id)}/start"`);

    // A young person who came into care after 15½: due at their first review, not overdue from 15½.
    const cameLate = await makeYoungPerson(db, bornAgo(16, 2), { lookedAfterSince: addDays(today, -3) });
    const lateSection = (await cicsw.get(`/children/${cameLate.id}`)).body;
    const late = lateSection.slice(lateSection.indexOf('>Independence checklist</h2>'));
    expect(late).toContain(
      `Due to start by ${formatDate(addWorkingDays(addDays(today, -3), 20))} (first review after coming into care on ${formatDate(addDays(today, -3))})`,
    );
    expect(late.slice(0, late.indexOf('Due to start by'))).not.toContain('Overdue');

    expect((await cicsw.get(`${checklistPath(young.id)}/start`)).statusCode).toBe(200);
    const future = await cicsw.post(`${checklistPath(young.id)}/start`, dateBoxesOf('startedOn', addDays(today, 3)));
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Date the checklist was started must be today or in the past');
    const started = await cicsw.post(`${checklistPath(young.id)}/start`, dateBoxesOf('startedOn', addDays(today, -20)));
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toBe(`${checklistPath(young.id)}?done=started`);

    const page = await cicsw.get(`${checklistPath(young.id)}?done=started`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The checklist has been started');
    expect(page.body).toContain(formatDate(addDays(today, -20)));
    expect(page.body).toContain('0 of 8');
    expect(page.body.match(/Record as done/g)).toHaveLength(8);

    // The first area: the date forgotten. Refused, with who confirmed it kept.
    const money = `${checklistPath(young.id)}/areas/money`;
    expect((await cicsw.get(money)).statusCode).toBe(200);
    const missing = await cicsw.post(money, { confirmedBy: 'Foster carer, at the review' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter the date this area was done');
    expect(missing.body).toContain('value="Foster carer, at the review"');
    const beforeStart = await cicsw.post(money, {
      ...dateBoxesOf('doneOn', addDays(today, -30)),
      confirmedBy: 'Foster carer, at the review',
    });
    expect(beforeStart.statusCode).toBe(400);
    expect(beforeStart.body).toContain('must be on or after the day the checklist started');
    const done = await cicsw.post(money, {
      ...dateBoxesOf('doneOn', addDays(today, -2)),
      confirmedBy: 'Foster carer, at the review',
    });
    expect(done.statusCode).toBe(303);
    expect(
      (
        await cicsw.post(`${checklistPath(young.id)}/areas/documents`, {
          ...dateBoxesOf('doneOn', today),
          confirmedBy: 'Jodie, with her social worker',
        })
      ).statusCode,
    ).toBe(303);

    const after = await cicsw.get(`/children/${young.id}`);
    const afterSection = after.body.slice(after.body.indexOf('>Independence checklist</h2>'));
    expect(afterSection).toContain(`Started on ${formatDate(addDays(today, -20))}`);
    expect(afterSection).toMatch(/Areas done\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*2 of 8/);
    const checklist = await cicsw.get(checklistPath(young.id));
    expect(checklist.body).toContain(`Done on ${formatDate(addDays(today, -2))}`);
    expect(checklist.body).toContain('Confirmed by Foster carer, at the review');
    expect(checklist.body).toContain('Confirmed by Jodie, with her social worker');

    // Started, two areas, and each view, in the audit trail.
    const [row] = await db.select().from(independenceChecklists).where(eq(independenceChecklists.childId, young.id));
    const trail = await trailOf(row!.id);
    expect(trail.filter((e) => e.action === 'create')).toHaveLength(1);
    expect(trail.filter((e) => e.action === 'update').map((e) => e.detail)).toEqual([
      { area: 'money', done: true },
      { area: 'documents', done: true },
    ]);
    expect(trail.filter((e) => e.action === 'view').length).toBeGreaterThanOrEqual(3);
  });

  it('has its start date corrected on the start form, filled in: never after its first area done, the old date kept in the audit trail', async () => {
    const db = t.database.db;
    const young = await makeYoungPerson(db, bornAgo(16, 6), { firstName: 'Robin' });
    const checklist = await makeChecklist(db, {
      childId: young.id,
      startedOn: addDays(today, -40),
      areas: { money: addDays(today, -10) },
    });
    const cicsw = await signedIn(t.app, 'cicsw');
    const path = `${checklistPath(young.id)}/start-date`;
    expect((await cicsw.get(checklistPath(young.id))).body).toContain(`href="${path}"`);
    const form = await cicsw.get(path);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change the date the checklist was started');
    const dayBox = /<input[^>]*name="startedOn-day"[^>]*>/.exec(form.body)?.[0];
    expect(dayBox).toContain(`value="${dateBoxesOf('startedOn', addDays(today, -40))['startedOn-day']}"`);

    const afterFirstArea = await cicsw.post(path, dateBoxesOf('startedOn', addDays(today, -5)));
    expect(afterFirstArea.statusCode).toBe(400);
    expect(afterFirstArea.body).toContain(
      `Date the checklist was started must be on or before ${formatDate(addDays(today, -10))}, when its first area was done`,
    );
    const changed = await cicsw.post(path, dateBoxesOf('startedOn', addDays(today, -60)));
    expect(changed.headers.location).toBe(`${checklistPath(young.id)}?done=start-date`);
    const page = await cicsw.get(String(changed.headers.location));
    expect(page.body).toContain('The date the checklist was started has been changed');
    expect(page.body).toContain(formatDate(addDays(today, -60)));
    expect(page.body).not.toContain(formatDate(addDays(today, -40)));
    const updates = (await trailOf(checklist.id)).filter((e) => e.action === 'update').map((e) => e.detail);
    expect(updates).toEqual([{ part: 'checklist-start', startedOn: addDays(today, -60), was: addDays(today, -40) }]);

    // A checklist not started has no date to change: the page leads back to it.
    const notStarted = await makeYoungPerson(db, bornAgo(16, 6));
    const back = await cicsw.get(`${checklistPath(notStarted.id)}/start-date`);
    expect(back.headers.location).toBe(checklistPath(notStarted.id));
  });

  it('shows nothing of it for a child under 15, and the start form leads back to the checklist', async () => {
    const db = t.database.db;
    const child = await makeYoungPerson(db, bornAgo(14, 11));
    const cicsw = await signedIn(t.app, 'cicsw');
    const page = await cicsw.get(`/children/${child.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Independence checklist');
    const start = await cicsw.get(`${checklistPath(child.id)}/start`);
    expect(start.statusCode).toBe(303);
    expect(start.headers.location).toBe(checklistPath(child.id));
  });

  it('is completed on the day the last area is done, and open again when an area is taken back', async () => {
    const db = t.database.db;
    const young = await makeYoungPerson(db, bornAgo(17));
    const seven = {
      money: '2026-01-05',
      food: '2026-02-05',
      health: '2026-03-05',
      education: '2026-04-05',
      home: '2026-05-05',
      documents: '2026-06-05',
      relationships: '2026-07-05',
    } as const;
    await makeChecklist(db, { childId: young.id, startedOn: '2025-12-01', areas: seven });
    const cicsw = await signedIn(t.app, 'cicsw');
    const last = await cicsw.post(`${checklistPath(young.id)}/areas/rights`, {
      ...dateBoxesOf('doneOn', '2026-06-20'),
      confirmedBy: 'The young person and their personal adviser',
    });
    expect(last.statusCode).toBe(303);
    const checklist = async () =>
      (await db.select().from(independenceChecklists).where(eq(independenceChecklists.childId, young.id)))[0]!;
    // The last area done is relationships, on 5 July: completed that day, by every area.
    expect(await checklist()).toMatchObject({ completedOn: '2026-07-05', completedHow: 'all-areas' });
    const page = await cicsw.get(checklistPath(young.id));
    expect(page.body).toContain('5 July 2026 (every area done)');
    expect(page.body).not.toContain('Record the checklist as completed');

    const back = await cicsw.post(`${checklistPath(young.id)}/areas/food/not-done`, {});
    expect(back.statusCode).toBe(303);
    expect(await checklist()).toMatchObject({ completedOn: null, completedHow: null });
    expect((await cicsw.get(`/children/${young.id}`)).body).toContain('7 of 8');
  });

  it('may be recorded as completed on a day, with a note, when an area is not recorded', async () => {
    const db = t.database.db;
    const young = await makeYoungPerson(db, bornAgo(17, 3));
    await makeChecklist(db, { childId: young.id, startedOn: '2025-10-01', areas: { money: '2025-11-01' } });
    const cicsw = await signedIn(t.app, 'cicsw');
    const path = `${checklistPath(young.id)}/complete`;
    expect((await cicsw.get(path)).body).toContain('1 of 8 areas are done');
    const early = await cicsw.post(path, { ...dateBoxesOf('completedOn', '2025-09-30'), note: 'Agreed at review' });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('must be on or after the day it started, 1 October 2025');
    expect(early.body).toContain('Agreed at review');
    const saved = await cicsw.post(path, {
      ...dateBoxesOf('completedOn', '2026-03-02'),
      note: 'The rest is in the pathway plan',
    });
    expect(saved.statusCode).toBe(303);
    const page = await cicsw.get(checklistPath(young.id));
    expect(page.body).toContain('2 March 2026 (recorded as completed)');
    expect(page.body).toContain('The rest is in the pathway plan');
    // A later area does not change a completion the social worker recorded.
    await cicsw.post(`${checklistPath(young.id)}/areas/food`, {
      ...dateBoxesOf('doneOn', '2026-03-10'),
      confirmedBy: 'Foster carer',
    });
    const [row] = await db.select().from(independenceChecklists).where(eq(independenceChecklists.childId, young.id));
    expect(row).toMatchObject({ completedOn: '2026-03-02', completedHow: 'recorded' });
  });

  it('answers not found for an area that is not on the list', async () => {
    const young = await makeYoungPerson(t.database.db, bornAgo(16));
    await makeChecklist(t.database.db, { childId: young.id, startedOn: addDays(today, -5) });
    const cicsw = await signedIn(t.app, 'cicsw');
    expect((await cicsw.get(`${checklistPath(young.id)}/areas/driving`)).statusCode).toBe(404);
    expect((await cicsw.post(`${checklistPath(young.id)}/areas/driving`, {})).statusCode).toBe(404);
  });
});

describe('who may read and record it', () => {
  it('the household’s supervising social worker and team manager read it; only the manager records; others see nothing', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const young = await makeYoungPerson(db, bornAgo(16, 6), { firstName: 'Rowan' });
    await makePlacement(db, { childId: young.id, householdId: household.id, startDate: '2025-01-06' });
    await makeChecklist(db, {
      childId: young.id,
      startedOn: addDays(today, -60),
      areas: { home: addDays(today, -10) },
    });
    const area = `${checklistPath(young.id)}/areas/money`;
    const body = { ...dateBoxesOf('doneOn', today), confirmedBy: 'Foster carer' };

    const ssw = await signedIn(t.app, 'ssw');
    const read = await ssw.get(checklistPath(young.id));
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('1 of 8');
    expect(read.body).not.toContain('Record as done');
    expect((await ssw.get(`/children/${young.id}`)).body).toContain('1 of 8');
    expect((await ssw.post(area, body)).statusCode).toBe(403);

    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get(checklistPath(young.id))).body).toContain('Record as done');
    expect((await manager.post(area, body)).statusCode).toBe(303);

    // Another team's supervising social worker: the young person does not exist for them.
    const ssw2 = await signedIn(t.app, 'ssw2');
    expect((await ssw2.get(checklistPath(young.id))).statusCode).toBe(404);
  });

  it('a children’s social worker sees only the young people allocated to them', async () => {
    const db = t.database.db;
    const notTheirs = await makeYoungPerson(db, bornAgo(16), { socialWorker: null });
    const cicsw = await signedIn(t.app, 'cicsw');
    expect((await cicsw.get(checklistPath(notTheirs.id))).statusCode).toBe(404);
    expect((await cicsw.post(`${checklistPath(notTheirs.id)}/start`, dateBoxesOf('startedOn', today))).statusCode).toBe(
      404,
    );
    const head = await signedIn(t.app, 'head');
    expect((await head.get(checklistPath(notTheirs.id))).statusCode).toBe(200);
  });

  it('a carer reads the checklists of their own young people of 15 or over on the portal, each view audited', async () => {
    const db = t.database.db;
    const carer = await viewer(db, 'carer');
    const householdId = carer.householdId!;
    const since = addDays(today, -200);
    const place = async (firstName: string, dateOfBirth: string, household = householdId) => {
      const child = await makeChild(db, { firstName, lastName: 'Portalfixture', dateOfBirth, lookedAfterSince: since });
      await makePlacement(db, { childId: child.id, householdId: household, startDate: since });
      return child;
    };
    const ash = await place('Ash', bornAgo(16, 1));
    const bo = await place('Bo', bornAgo(15, 2));
    const cy = await place('Cy', bornAgo(14, 6));
    const elsewhere = await place('Dee', bornAgo(16, 3), (await makeHousehold(db)).id);
    const checklist = await makeChecklist(db, {
      childId: ash.id,
      startedOn: addDays(today, -90),
      areas: { money: addDays(today, -40), health: addDays(today, -3) },
    });
    await makeChecklist(db, { childId: elsewhere.id, startedOn: addDays(today, -30) });

    const agent = await signedIn(t.app, 'carer');
    const portal = await agent.get('/portal');
    expect(portal.statusCode).toBe(200);
    const from = portal.body.slice(portal.body.indexOf('Preparing for adulthood'));
    const section = from.slice(0, from.indexOf('<h2', 10));
    expect(section).toContain('Ash Portalfixture');
    expect(section).toContain('2 of 8 areas done');
    expect(section).toContain(`Done on ${formatDate(addDays(today, -3))}`);
    expect(section).toContain('Bo Portalfixture');
    expect(section).toContain(`Not started yet: due to start by ${formatDate(addMonths(bo.dateOfBirth, 186))}`);
    expect(section).not.toContain('Cy Portalfixture');
    expect(section).not.toContain('Dee Portalfixture');
    // Read-only: no links to the checklist's pages.
    expect(portal.body).not.toContain('/independence');
    expect((await agent.get(checklistPath(ash.id))).statusCode).toBe(403);

    const seen = await db
      .select({ recordId: auditEvents.recordId, recordType: auditEvents.recordType, detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, carer.id), inArray(auditEvents.recordId, [checklist.id, bo.id, cy.id])));
    expect(seen).toContainEqual({
      recordId: checklist.id,
      recordType: 'independence-checklist',
      detail: { page: 'portal' },
    });
    expect(seen).toContainEqual({
      recordId: bo.id,
      recordType: 'child',
      detail: { page: 'portal', section: 'independence-checklist' },
    });
    expect(seen.some((e) => e.recordId === cy.id)).toBe(false);
  });
});

describe('the kept deadlines', () => {
  it('are in step with the checklists after every change the pages above made', async () => {
    const check = await checkDueItems(t.database.db);
    expect({ missing: check.missing, extra: check.extra }).toEqual({ missing: [], extra: [] });
  });
});
