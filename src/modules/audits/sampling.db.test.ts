/** Picking a month's files, on a team of the fixture's own households, worked out by hand. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { makeMatter } from '../concerns/test-support.ts';
import { overallGrade, worstGrade } from './labels.ts';
import { pickMonth, pickReplacement } from './sampling.ts';
import { makeAudit, makeMonth, makeTeam } from './test-support.ts';

const t = testAppForFile();

async function filesOf(monthId: string) {
  return queryRows<{ household_id: string; picked_because: string }>(
    t.database.db,
    sql`select household_id, picked_because from case_audits where month_id = ${monthId}`,
  );
}

describe('picking a team’s files for the month', () => {
  it('takes 10 approved households, every open concern, none audited within 12 months, once', async () => {
    const db = t.database.db;
    const teamId = await makeTeam(db);
    const approved = [];
    for (let i = 0; i < 12; i++) approved.push(await makeHousehold(db, { teamId }));
    const onHold = await makeHousehold(db, { teamId, status: 'on_hold' });
    const withComplaint = approved[0]!;
    await makeMatter(db, { kind: 'complaint', householdId: withComplaint.id, knownOn: '2026-02-10' });
    // Audited in September 2025 (6 months before): not picked. In February 2025 (13 months): may be.
    const recent = approved[1]!;
    const longAgo = approved[2]!;
    await makeAudit(db, { monthId: await makeMonth(db, '2025-09', teamId), householdId: recent.id, teamId });
    await makeAudit(db, { monthId: await makeMonth(db, '2025-02', teamId), householdId: longAgo.id, teamId });

    const first = await pickMonth(db, { month: '2026-03', teamId, today: '2026-03-02', userId: null });
    expect(first.picked).toBe(true);
    const files = await filesOf(first.id);
    // 11 could be picked (12 approved less the one audited in September): the complaint's household and 9 at random.
    expect(files).toHaveLength(10);
    const picked = new Set(files.map((f) => f.household_id));
    expect(files.find((f) => f.household_id === withComplaint.id)?.picked_because).toBe('open_matter');
    expect(files.filter((f) => f.picked_because === 'random')).toHaveLength(9);
    expect(picked.has(recent.id)).toBe(false);
    expect(picked.has(onHold.id)).toBe(false);

    // Picking again changes nothing.
    const again = await pickMonth(db, { month: '2026-03', teamId, today: '2026-03-09', userId: null });
    expect(again).toEqual({ id: first.id, picked: false });
    expect(await filesOf(first.id)).toHaveLength(10);

    // The one household left out is the only replacement for a swap.
    const left = approved.find((h) => h !== recent && !picked.has(h.id))!;
    expect(await pickReplacement(db, { month: '2026-03', teamId, salt: 'x' })).toEqual({ id: left.id, teamId });
  });

  it('includes a household with an open allegation even when audited within 12 months, but not again since', async () => {
    const db = t.database.db;
    const teamId = await makeTeam(db);
    const household = await makeHousehold(db, { teamId });
    await makeMatter(db, { kind: 'allegation', householdId: household.id, knownOn: '2026-01-15' });
    await makeAudit(db, { monthId: await makeMonth(db, '2025-11', teamId), householdId: household.id, teamId });
    const march = await pickMonth(db, { month: '2026-03', teamId, today: '2026-03-02', userId: null });
    expect(await filesOf(march.id)).toEqual([{ household_id: household.id, picked_because: 'open_matter' }]);
    // Audited in March, after the allegation became known: not picked in April.
    const april = await pickMonth(db, { month: '2026-04', teamId, today: '2026-04-01', userId: null });
    expect(await filesOf(april.id)).toEqual([]);
  });
});

describe('the overall grade', () => {
  it('is the worst section’s grade', () => {
    expect(worstGrade(['good', 'outstanding', 'requires_improvement', 'good'])).toBe('requires_improvement');
    expect(overallGrade(['good', 'outstanding'], false)).toEqual({
      grade: 'good',
      reason: 'Good: the grade of the worst section.',
    });
  });

  it('is inadequate when a delegated authority is missing, however the sections are graded', () => {
    expect(overallGrade(['outstanding', 'outstanding'], true).grade).toBe('inadequate');
    expect(overallGrade(['outstanding'], true).reason).toContain('no current signed delegated authority');
  });
});
