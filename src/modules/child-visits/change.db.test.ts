/**
 * Correcting a visit recorded wrongly and removing one recorded in error: the form filled with the
 * visit as recorded, a wrong date refused with what was typed kept, the next visit due worked out
 * again in the same transaction (the kept deadline and the placement's last visit equal to a
 * rebuild, and this month's measure counting it), who may do it, and the audit trail (what it was
 * before; why a visit was removed).
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { checkDueItems } from '../../platform/due/index.ts';
import { currentMonth, factsDifferences, measureRecords, periodOf } from '../../platform/measures/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { dateFields } from '../placements/test-support.ts';
import { removeVisitPath, visitPath, visitsPath } from './paths.ts';
import { childVisitFacts } from './facts.ts';
import { visitedInTime } from './measures.ts';
import { childVisits } from './tables.ts';
import { makeVisit } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
let childId: string;
let cicswId: string;
let visitId: string;

beforeAll(async () => {
  const db = t.database.db;
  const household = await makeHousehold(db, { teamName: 'East Kent Fostering Team 1' });
  const child = await makeChild(db, { firstName: 'Rory', lastName: 'Changefixture', dateOfBirth: '2013-02-11' });
  childId = child.id;
  cicswId = child.allocatedSocialWorkerId!;
  const placement = await makePlacement(db, {
    childId,
    householdId: household.id,
    startDate: addDays(today, -60),
    placementType: 'short_term',
  });
  // Seen 50 days ago: the next visit was due 6 weeks later, 8 days ago.
  visitId = (await makeVisit(db, { childId, placementId: placement.id, visitedOn: addDays(today, -50) })).id;
});

/** Whether this month's measure counts the child's visits up to date today, and the placements' last visits equal a rebuild. */
async function countedUpToDate(): Promise<boolean | undefined> {
  expect(await factsDifferences(t.database.db, childVisitFacts)).toBe(0);
  const rows = await measureRecords(t.database.db, visitedInTime, periodOf(currentMonth(today), today));
  return rows.find((r) => r.recordId === childId)?.met;
}

const form = (overrides: Record<string, string> = {}) => ({
  ...dateFields('visitedOn', addDays(today, -5)),
  visitedBy: cicswId,
  seen: 'alone',
  place: 'placement',
  note: 'Talked about football and her new school.',
  ...overrides,
});

const trail = (action: string) =>
  t.database.db
    .select({ detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.recordId, childId), eq(auditEvents.action, action)));

describe('changing a visit', () => {
  it('opens the visit as recorded, refuses a wrong date keeping what was typed, and moves the next visit due', async () => {
    expect(await countedUpToDate()).toBe(false);
    const cicsw = await signedIn(t.app, 'cicsw');
    const list = await cicsw.get(visitsPath(childId));
    expect(list.body).toContain(`href="${visitPath(childId, visitId)}"`);
    expect(list.body).toContain(formatDate(addDays(today, -8)));
    expect(list.body).toContain('Overdue');

    const page = await cicsw.get(visitPath(childId, visitId));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Change the visit');
    expect(page.body).toMatch(/name="visitedOn-day"[^>]*value="\d+"/);
    expect(page.body).toMatch(/value="alone" checked/);
    expect(page.body).toContain(`href="${removeVisitPath(childId, visitId)}"`);

    const future = await cicsw.post(visitPath(childId, visitId), form(dateFields('visitedOn', addDays(today, 2))));
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Date of the visit must be today or in the past');
    expect(future.body).toContain('Talked about football and her new school.');
    expect(future.body).toContain('Change the visit');

    const saved = await cicsw.post(visitPath(childId, visitId), form());
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${visitsPath(childId)}?done=changed`);
    const after = await cicsw.get(String(saved.headers.location));
    expect(after.body).toContain('The visit has been changed');
    expect(after.body).toContain('Talked about football');
    // Seen 5 days ago, in the placement's first year: next due 6 weeks on, 37 days from today.
    expect(after.body).toContain(formatDate(addDays(today, 37)));
    expect(after.body).not.toContain('Overdue');
    expect(await checkDueItems(t.database.db)).toMatchObject({ missing: [], extra: [] });
    expect(await countedUpToDate()).toBe(true);

    const [row] = await t.database.db.select().from(childVisits).where(eq(childVisits.id, visitId));
    expect(row).toMatchObject({ visitedOn: addDays(today, -5), recordedBy: cicswId });
    const changes = await trail('update');
    expect(changes.map((c) => c.detail)).toEqual([
      expect.objectContaining({
        part: 'visit',
        visitId,
        before: expect.objectContaining({ visitedOn: addDays(today, -50) }),
        after: expect.objectContaining({ visitedOn: addDays(today, -5) }),
      }),
    ]);
  });

  it('is for those who record visits, and only for the child’s own visits', async () => {
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(visitsPath(childId))).body).not.toContain(`href="${visitPath(childId, visitId)}"`);
    expect((await ssw.get(visitPath(childId, visitId))).statusCode).toBe(403);
    expect((await ssw.post(removeVisitPath(childId, visitId), { reason: 'x' })).statusCode).toBe(403);
    const carer = await signedIn(t.app, 'carer');
    expect((await carer.post(visitPath(childId, visitId), form())).statusCode).toBe(403);
    // Another child of the same social worker: the visit is not theirs.
    const other = await makeChild(t.database.db, { firstName: 'Ada', lastName: 'Changefixture' });
    const cicsw = await signedIn(t.app, 'cicsw');
    expect((await cicsw.get(visitPath(other.id, visitId))).statusCode).toBe(404);
    expect((await cicsw.post(removeVisitPath(other.id, visitId), { reason: 'Wrong child' })).statusCode).toBe(404);
    expect((await cicsw.get(visitPath(childId, 'not-a-visit'))).statusCode).toBe(404);
  });
});

describe('removing a visit recorded in error', () => {
  it('asks why, removes it, works out the next visit again and keeps why in the audit trail', async () => {
    const cicsw = await signedIn(t.app, 'cicsw');
    const confirm = await cicsw.get(removeVisitPath(childId, visitId));
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`Remove the visit on ${formatDate(addDays(today, -5))}`);
    const noReason = await cicsw.post(removeVisitPath(childId, visitId), { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the visit is being removed');
    expect(await t.database.db.select().from(childVisits).where(eq(childVisits.id, visitId))).toHaveLength(1);

    const removed = await cicsw.post(removeVisitPath(childId, visitId), { reason: 'Recorded for the wrong child' });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`${visitsPath(childId)}?done=removed`);
    const list = await cicsw.get(String(removed.headers.location));
    expect(list.body).toContain('The visit has been removed');
    expect(list.body).toContain('No visits recorded.');
    // No visit in which the child was seen: the first visit was due a week after the start, 53 days ago.
    expect(list.body).toContain(formatDate(addDays(today, -53)));
    expect(list.body).toContain('Overdue');
    expect(await t.database.db.select().from(childVisits).where(eq(childVisits.id, visitId))).toHaveLength(0);
    expect(await checkDueItems(t.database.db)).toMatchObject({ missing: [], extra: [] });
    expect(await countedUpToDate()).toBe(false);
    expect((await trail('delete')).map((d) => d.detail)).toEqual([
      { part: 'visit', visitId, visitedOn: addDays(today, -5), reason: 'Recorded for the wrong child' },
    ]);
  });
});
