/**
 * The two measures for September 2026 (counted as on 5 October, so as at 30 September), worked out
 * by hand on children placed with the households of a team of their own. The financial year runs
 * from 1 April 2026; the twelve months to 30 September 2026 from 1 October 2025.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeChild } from '../../../test/support/children.ts';
import { measureFixture, teamOfItsOwn } from '../../../test/support/measures.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { countMeasure, measureRecords, targetOf } from '../../platform/measures/index.ts';
import { childrenJoining, endedWithPlan } from './measures.ts';
import { yearTargetOn } from './settings.ts';
import { makeWork, placedChild } from './test-support.ts';

const f = measureFixture('2026-09', '2026-10-05');
/** A child placed with a household of the team from `since` (1 January 2026 unless said), to `until`. */
const placedWith = (teamId: string, until: string | null = null, since = '2026-01-01') =>
  placedChild(f.db(), teamId, since, until);

const teamFigure = async (measure: Parameters<typeof countMeasure>[1], teamId: string) =>
  (await countMeasure(f.db(), measure, f.period)).figures.find((x) => x.scopeKind === 'team' && x.scopeId === teamId);

describe('children joining Lifelong Links this year', () => {
  const team = teamOfItsOwn(f, 'Lifelong Links Fixture Team A');
  it('counts each child whose work started from 1 April to 30 September 2026 once, against 50 pro rata', async () => {
    const db = f.db();
    const teamId = team();
    const placed = (until: string | null = null) => placedWith(teamId, until);
    // Identified on the first and the last day of the count: both counted.
    const first = await placed();
    await makeWork(db, { childId: first.id, identifiedOn: '2026-04-01' });
    const last = await placed();
    await makeWork(db, { childId: last.id, identifiedOn: '2026-09-30' });
    // Two works in the year (ended 1 June, started again 1 July): counted once, from 1 May.
    const twice = await placed();
    await makeWork(db, { childId: twice.id, identifiedOn: '2026-05-01', endedOn: '2026-06-01', endReason: 'other' });
    const again = await makeWork(db, { childId: twice.id, identifiedOn: '2026-07-01' });
    // Not counted: 31 March 2026 is last financial year; 1 October 2026 is after the month.
    const before = await placed();
    await makeWork(db, { childId: before.id, identifiedOn: '2026-03-31' });
    const after = await placed();
    await makeWork(db, { childId: after.id, identifiedOn: '2026-10-01' });
    // Placed with the team until 31 May, identified on 15 June: counted, under no team (their own area).
    const moved = await placed('2026-05-31');
    await makeWork(db, { childId: moved.id, identifiedOn: '2026-06-15' });
    // Never placed with the service's carers: counted under no team.
    const unplaced = await makeChild(db, { lastName: 'Linksunplaced' });
    await makeWork(db, { childId: unplaced.id, identifiedOn: '2026-08-08' });

    const ids = [first, last, twice, before, after, moved, unplaced].map((c) => c.id);
    const rows = await measureRecords(db, childrenJoining, f.period);
    const mine = await queryRows<{ id: string; child_id: string }>(
      db,
      sql`select id, child_id from lifelong_links where child_id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    const childOf = new Map(mine.map((w) => [w.id, w.child_id]));
    const counted = rows.filter((r) => childOf.has(r.recordId));
    expect(counted.map((r) => childOf.get(r.recordId)).sort()).toEqual(
      [first.id, last.id, twice.id, moved.id, unplaced.id].sort(),
    );
    const twiceRow = counted.find((r) => childOf.get(r.recordId) === twice.id)!;
    expect(twiceRow).toMatchObject({ detail: 'Joined 2026-05-01', teamId });
    expect(twiceRow.recordId).not.toBe(again.id);
    expect(counted.find((r) => childOf.get(r.recordId) === moved.id)).toMatchObject({
      teamId: null,
      areaId: moved.areaId,
    });
    expect(await teamFigure(childrenJoining, teamId)).toMatchObject({ numerator: 3, denominator: null });
    // September is the sixth month of the year: 50 × 6 ÷ 12 = 25.
    expect(yearTargetOn('2026-09-30')).toMatchObject({ children: 50, year: '2026-27', set: true });
    expect(targetOf(childrenJoining, f.period)).toBe(25);
    // A year the plan does not name takes the nearest: 80 from 2027-28 on, 50 before 2026-27.
    expect(yearTargetOn('2028-06-01')).toMatchObject({ children: 80, set: false });
    expect(yearTargetOn('2025-06-01')).toMatchObject({ children: 50, set: false });
  });
});

describe('Lifelong Links work that ended with a plan agreed', () => {
  const team = teamOfItsOwn(f, 'Lifelong Links Fixture Team B');
  it('counts the work ended from 1 October 2025 to 30 September 2026, met when a plan was agreed', async () => {
    const db = f.db();
    const teamId = team();
    // Placed with the team from 1 January 2025, so each is counted under it on the day the work ended.
    const child = async () => (await placedWith(teamId, null, '2025-01-01')).id;
    const ended = (childId: string, endedOn: string, planAgreedOn: string | null, endReason: string) =>
      makeWork(db, {
        childId,
        identifiedOn: '2025-06-01',
        agreedOn: '2025-06-10',
        meetingOn: planAgreedOn ? '2025-06-20' : null,
        planAgreedOn,
        planNote: planAgreedOn ? 'Calls with her nan.' : null,
        endedOn,
        endReason,
      });
    // Ended on the last day with a plan: met. Ended on the first day without one: counted, not met.
    const lastDay = await ended(await child(), '2026-09-30', '2025-07-01', 'plan-agreed');
    const firstDay = await ended(await child(), '2025-10-01', null, 'child-withdrew');
    // A plan agreed, then the child left care: met (a plan was agreed before it ended).
    const leftCare = await ended(await child(), '2026-03-01', '2025-07-01', 'left-care');
    // Not counted: ended 30 September 2025 (before the twelve months), 1 October 2026 (after), still open.
    const tooEarly = await ended(await child(), '2025-09-30', '2025-07-01', 'plan-agreed');
    const tooLate = await ended(await child(), '2026-10-01', '2025-07-01', 'plan-agreed');
    const open = await makeWork(db, { childId: await child(), identifiedOn: '2026-01-05' });

    const ids = [lastDay, firstDay, leftCare, tooEarly, tooLate, open].map((w) => w.id);
    const rows = await f.rowsFor(endedWithPlan, ids);
    expect(rows).toEqual([
      [lastDay.id, true],
      [firstDay.id, false],
      [leftCare.id, true],
    ]);
    const figure = await teamFigure(endedWithPlan, teamId);
    expect(figure).toMatchObject({ numerator: 2, denominator: 3 });
    expect(figure!.value).toBeCloseTo(66.67, 1);
    const records = await measureRecords(db, endedWithPlan, f.period);
    expect(records.find((r) => r.recordId === firstDay.id)).toMatchObject({
      detail: 'Ended 2025-10-01; no plan agreed',
      href: `/lifelong-links/${firstDay.id}`,
      teamId,
    });
  });
});
