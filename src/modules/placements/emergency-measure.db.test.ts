/** Emergency placements with in-house foster carers, on a small fixture worked out by hand (September 2026). */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeChild } from '../../../test/support/children.ts';
import { measureFixture } from '../../../test/support/measures.ts';
import { emergencyPlacementsInHouse } from './in-house-measure.ts';
import { agencyPlacements, placements } from './tables.ts';

// September 2026, seen from December: placements that started from 1 to 30 September.
const { db, rowsFor, approvedHousehold, childPlaced } = measureFixture('2026-09', '2026-12-01');

describe('emergency placements with in-house foster carers', () => {
  it('counts the emergency placements that started in September, met when with our own carers', async () => {
    const household = await approvedHousehold('2023-04-03');
    const emergency = (startDate: string, endDate: string | null = null) =>
      childPlaced(household.id, startDate, { endDate }).then(async (child) => {
        // childPlaced makes a long-term placement: this one is an emergency.
        await db().update(placements).set({ placementType: 'emergency' }).where(eq(placements.childId, child.id));
        return child;
      });
    const withAgency = async (startDate: string, placementType = 'emergency') => {
      const child = await makeChild(db());
      await db()
        .insert(agencyPlacements)
        .values({ childId: child.id, agencyName: 'Seaview', placementType, startDate });
      return child;
    };
    const first = await emergency('2026-09-01', '2026-09-20');
    const last = await emergency('2026-09-30');
    const agency = await withAgency('2026-09-15');
    // Not counted: an emergency placement in August or October, a short-term one in September.
    const august = await withAgency('2026-08-31');
    const october = await emergency('2026-10-01');
    const shortTerm = await childPlaced(household.id, '2026-09-10');
    const ids = [first, last, agency, august, october, shortTerm].map((c) => c.id);
    // 2 of the 3 emergency placements that started in September were with our carers: 67%.
    expect(await rowsFor(emergencyPlacementsInHouse, ids)).toEqual([
      [first.id, true],
      [last.id, true],
      [agency.id, false],
    ]);
    expect(emergencyPlacementsInHouse).toMatchObject({ target: null, byTeam: false });
  });
});
