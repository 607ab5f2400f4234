/**
 * Regulation 28(4) as Hearth counts it, the answers worked out by hand: a child placed with a
 * connected person under temporary approval (regulation 24) is visited within a week of the start,
 * then every week until their first review (20 working days after coming into care, regulation
 * 33(1)), then at most every 4 weeks; once the household is approved as foster carers, a visit made
 * after that is followed by regulation 28(2)'s 6 weeks. The kept item moves when the approval or
 * the household changes.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { measureFixture } from '../../../test/support/measures.ts';
import { dueFor, refreshDueItems } from '../../platform/due/index.ts';
import { temporaryApprovals } from '../connected-persons/tables.ts';
import { viewer } from '../home/test-support.ts';
import { households } from '../households/tables.ts';
import { makeVisit, nextVisitDueOf } from './test-support.ts';

const f = measureFixture('2026-10', '2026-12-03');
const RULE = 'child-visits.statutory-visit';

/** A child looked after since the day, placed from 1 June 2026 with a connected person approved for them that day. */
async function placedUnderApproval(lookedAfterSince: string) {
  const db = f.db();
  const household = await makeHousehold(db, {
    status: 'in_assessment',
    householdType: 'family_and_friends',
    teamName: 'East Kent Fostering Team 1',
  });
  const child = await makeChild(db, { firstName: 'Kin', lastName: 'Visitfixture', lookedAfterSince });
  const [approval] = await db
    .insert(temporaryApprovals)
    .values({
      householdId: household.id,
      childId: child.id,
      approvedOn: '2026-06-01',
      expiresOn: '2026-09-20',
      approvedBy: 'Nadia Officer',
    })
    .returning();
  const placement = await makePlacement(db, {
    childId: child.id,
    householdId: household.id,
    startDate: '2026-06-01',
    placementType: 'short_term',
  });
  return { child, placement, household, approval: approval! };
}

const dueOf = (childId: string, today: string) => nextVisitDueOf(f.db(), childId, today);

describe('visits to a child placed with a connected person under temporary approval', () => {
  it('are weekly until the first review, then 4-weekly, then 6-weekly after a visit once approved', async () => {
    const db = f.db();
    // Looked after from Monday 1 June 2026: the first review is due by Monday 29 June (20 working days).
    const { child, placement, household } = await placedUnderApproval('2026-06-01');
    expect(await dueOf(child.id, '2026-06-02')).toEqual([
      { dueOn: '2026-06-08', detail: 'First visit of the placement that started on 1 June 2026' },
    ]);
    const visit = (visitedOn: string) =>
      makeVisit(db, { childId: child.id, placementId: placement.id, visitedOn, today: visitedOn });
    await visit('2026-06-05');
    expect(await dueOf(child.id, '2026-06-05')).toEqual([
      {
        dueOn: '2026-06-12',
        detail: 'Last seen on 5 June 2026; every week until the first review (temporary approval)',
      },
    ]);
    // 28 June is before the first review: a week on. 29 June is the review's day: 4 weeks on.
    await visit('2026-06-28');
    expect((await dueOf(child.id, '2026-06-28'))[0]!.dueOn).toBe('2026-07-05');
    await visit('2026-06-29');
    expect(await dueOf(child.id, '2026-06-29')).toEqual([
      { dueOn: '2026-07-27', detail: 'Last seen on 29 June 2026; every 4 weeks (temporary approval)' },
    ]);
    // Approved as foster carers on 1 August: the last visit was under the approval, so still 4 weeks.
    await db.transaction(async (tx) => {
      await tx
        .update(households)
        .set({ status: 'approved', approvedOn: '2026-08-01', approvedPlaces: 1 })
        .where(eq(households.id, household.id));
      await refreshDueItems(tx, 'household', [household.id], '2026-08-01');
    });
    expect((await dueOf(child.id, '2026-08-01'))[0]!.dueOn).toBe('2026-07-27');
    // A visit after the approval: 6 weeks, in the placement's first year.
    await visit('2026-08-03');
    expect(await dueOf(child.id, '2026-08-03')).toEqual([
      { dueOn: '2026-09-14', detail: 'Last seen on 3 August 2026; every 6 weeks' },
    ]);
  });

  it('are 4-weekly from the first visit for a child whose first review was before the placement', async () => {
    const db = f.db();
    const { child, placement, approval } = await placedUnderApproval('2025-01-06');
    await makeVisit(db, { childId: child.id, placementId: placement.id, visitedOn: '2026-06-03', today: '2026-06-03' });
    expect((await dueOf(child.id, '2026-06-03'))[0]!.dueOn).toBe('2026-07-01');
    // The approval ended on 2 June (not approved): the visit on 3 June was after it, so 6 weeks.
    await db
      .update(temporaryApprovals)
      .set({ endedOn: '2026-06-02', endReason: 'not-approved' })
      .where(eq(temporaryApprovals.id, approval.id));
    await refreshDueItems(db, 'temporary-approval', [approval.id], '2026-06-03');
    const kept = await dueFor(db, await viewer(db, 'head'), {
      today: '2026-06-03',
      horizonDays: 3650,
      ruleIds: [RULE],
    });
    expect(kept.find((e) => e.recordId === child.id)?.dueOn).toBe('2026-07-15');
  });
});
