/**
 * "Placed on the day" means the same on every page and measure (placementRunningOn): a placement
 * ends on the day the child leaves it, so a child who moves on the last day of the month is placed
 * with their new carers that day, and counted once. Worked by hand: a 14-year-old placed with the
 * Ashdowns from 1 June 2026 moves to the Brierleys on 30 September 2026. And a child placed is a
 * child in care: a young adult Staying Put with their former carers is not one (childInCarePlacement).
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makePlacement } from '../../../test/support/children.ts';
import { makeCarer } from '../../../test/support/households.ts';
import { measureFixture } from '../../../test/support/measures.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { measureRecords } from '../../platform/measures/index.ts';
import type { Measure } from '../../platform/measures/index.ts';
import { childrenSeen } from '../supervision/measures.ts';
import { childrenAttending, cseForCarersOf11Plus } from '../training/measures.ts';
import { inHousePlacementRate } from './in-house-measure.ts';
import { placements } from './tables.ts';

const { db, period, approvedHousehold, childPlaced } = measureFixture('2026-09', '2026-12-01');

/**
 * A household with a 13-year-old placed since January, as each measure counts one: their child is
 * listed and their carer counted for CSE training, so a measure that lists nobody fails the tests.
 */
async function settledHousehold() {
  const household = await approvedHousehold('2020-01-06', { name: 'Dunmore household' });
  const child = await childPlaced(household.id, '2026-01-05', { dateOfBirth: '2013-02-11' });
  return { child, carer: await makeCarer(db(), household.id) };
}

describe('the children placed on the day', () => {
  it('count a child who moves on the last day of the month once, with their new carers, in every measure', async () => {
    const ashdowns = await approvedHousehold('2024-03-04', { name: 'Ashdown household' });
    const brierleys = await approvedHousehold('2024-03-04', { name: 'Brierley household' });
    const child = await childPlaced(ashdowns.id, '2026-06-01', { endDate: '2026-09-30', dateOfBirth: '2012-05-14' });
    await makePlacement(db(), { childId: child.id, householdId: brierleys.id, startDate: '2026-09-30' });
    const [ashdownCarer, brierleyCarer] = [await makeCarer(db(), ashdowns.id), await makeCarer(db(), brierleys.id)];
    const settled = await settledHousehold();
    expect(period.asAt).toBe('2026-09-30');

    const labelsOf = async (measure: Measure, ids: string[]) =>
      (await measureRecords(db(), measure, period)).filter((r) => ids.includes(r.recordId)).map((r) => r.label);
    // Counted once, with the Brierleys (before, also with the Ashdowns: two records for one child).
    const attending = await labelsOf(childrenAttending, [child.id]);
    expect(attending).toHaveLength(1);
    expect(attending[0]).toContain('Brierley household');
    // Nor are they due to be seen with the Ashdowns: with the Brierleys, not until 3 months after they came.
    expect(await labelsOf(childrenSeen, [child.id])).toEqual([]);
    expect(await labelsOf(childrenSeen, [settled.child.id])).toHaveLength(1);
    expect(await labelsOf(inHousePlacementRate, [child.id])).toHaveLength(1);
    // The carers of a young person of 11 or over that day, placed long enough for the CSE training to be
    // due: not the Ashdowns' (nor yet the Brierleys', whose 3 months have just begun).
    const carers = (await measureRecords(db(), cseForCarersOf11Plus, period)).map((r) => r.recordId);
    expect(carers).not.toContain(ashdownCarer.id);
    expect(carers).not.toContain(brierleyCarer.id);
    expect(carers).toContain(settled.carer.id);
  });

  it('leaves out a young adult Staying Put with their former carers, who has left care', async () => {
    const cartwrights = await approvedHousehold('2019-09-02', { name: 'Cartwright household' });
    const adult = await childPlaced(cartwrights.id, '2025-03-10', {
      dateOfBirth: '2007-03-10',
      leftCareOn: '2025-03-10',
    });
    await db().update(placements).set({ placementType: 'staying_put' }).where(eq(placements.childId, adult.id));
    const carer = await makeCarer(db(), cartwrights.id);
    const settled = await settledHousehold();

    for (const measure of [childrenSeen, childrenAttending, inHousePlacementRate]) {
      const ids = (await measureRecords(db(), measure, period)).map((r) => r.recordId);
      expect(ids, measure.title).not.toContain(adult.id);
      expect(ids, measure.title).toContain(settled.child.id);
    }
    const carers = (await measureRecords(db(), cseForCarersOf11Plus, period)).map((r) => r.recordId);
    expect(carers).not.toContain(carer.id);
    expect(carers).toContain(settled.carer.id);
    // Nor does My work ask their carer for the training for carers of a child of 11 or over.
    await refreshDueItems(db(), 'carer', [carer.id]);
    const required = await db()
      .select({ detail: dueItems.detail })
      .from(dueItems)
      .where(and(eq(dueItems.recordId, carer.id), eq(dueItems.ruleId, 'training.required')));
    expect(required.map((r) => r.detail)).not.toContainEqual(expect.stringContaining('CSE and missing training'));
  });
});
