/**
 * The placement plan made and the carer's papers given within 5 working days (plan action 8.2),
 * hand-worked for June 2026 (no bank holiday in June).
 */
import { describe, expect, it } from 'vitest';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { measureFixture } from '../../../test/support/measures.ts';
import { measureRecords } from '../../platform/measures/index.ts';
import { placementPapersGiven } from './measures.ts';
import { placementDocuments, placements } from './tables.ts';

const { db, period, rowsFor, approvedHousehold } = measureFixture('2026-06', '2026-11-22');

describe('placement plan and papers given to the carer', () => {
  it('counts the placements due in June, met when the plan and all three papers came by the 5th working day', async () => {
    const household = await approvedHousehold('2024-01-08', { approvedPlaces: 6 });
    const place = async (startDate: string, extra: Partial<typeof placements.$inferInsert> = {}) =>
      makePlacement(db(), { childId: (await makeChild(db())).id, householdId: household.id, startDate, ...extra });
    const papers = (
      placementId: string,
      givenOn: string,
      kinds = ['referral', 'risk_assessment', 'placement_arrangements'],
    ) =>
      db()
        .insert(placementDocuments)
        .values(kinds.map((kind) => ({ placementId, kind, givenOn })));

    // Started Monday 1 June: due Monday 8 June. Plan on 3 June, every paper on 8 June: met.
    const onTime = await place('2026-06-01', { placementPlanOn: '2026-06-03' });
    await papers(onTime.id, '2026-06-08');
    // The same day, the risk assessment never given: missed.
    const twoPapers = await place('2026-06-01', { placementPlanOn: '2026-06-03' });
    await papers(twoPapers.id, '2026-06-05', ['referral', 'placement_arrangements']);
    // Three papers on file, but one is a copy of the delegated authority (its own measure), not the
    // risk assessment: missed, and 2 of the 3 papers, never "3 of 3" or "4 of 3".
    const otherPaper = await place('2026-06-01', { placementPlanOn: '2026-06-03' });
    await papers(otherPaper.id, '2026-06-05', ['referral', 'placement_arrangements', 'delegated_authority']);
    // Started Tuesday 2 June: due Tuesday 9 June; the plan made on the 10th: missed.
    const latePlan = await place('2026-06-02', { placementPlanOn: '2026-06-10' });
    await papers(latePlan.id, '2026-06-04');
    // Not counted: started Friday 26 June (due Friday 3 July), and a Staying Put arrangement.
    const july = await place('2026-06-26');
    const stayingOn = await place('2026-06-01', { placementType: 'staying_put' });

    // 1 of 4: 25%.
    const ids = [onTime, twoPapers, otherPaper, latePlan, july, stayingOn].map((p) => p.id);
    expect(await rowsFor(placementPapersGiven, ids)).toEqual([
      [onTime.id, true],
      [twoPapers.id, false],
      [otherPaper.id, false],
      [latePlan.id, false],
    ]);
    const rows = await measureRecords(db(), placementPapersGiven, period);
    expect(Object.fromEntries(rows.filter((r) => ids.includes(r.recordId)).map((r) => [r.recordId, r.detail]))).toEqual(
      {
        [onTime.id]: 'Started 2026-06-01, due by 2026-06-08; plan made 2026-06-03; 3 of 3 papers given by then',
        [twoPapers.id]: 'Started 2026-06-01, due by 2026-06-08; plan made 2026-06-03; 2 of 3 papers given by then',
        [otherPaper.id]: 'Started 2026-06-01, due by 2026-06-08; plan made 2026-06-03; 2 of 3 papers given by then',
        [latePlan.id]: 'Started 2026-06-02, due by 2026-06-09; plan made 2026-06-10; 3 of 3 papers given by then',
      },
    );
  });
});
