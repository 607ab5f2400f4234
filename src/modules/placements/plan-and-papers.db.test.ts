/**
 * The placement plan made and the carer's papers given within 5 working days (plan action 8.2),
 * hand-worked for June 2026 (no bank holiday in June) in a team of its own.
 */
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { areas, teams } from '../../platform/auth/tables.ts';
import { countMeasure, measureRecords, periodOf } from '../../platform/measures/index.ts';
import { placementPapersGiven } from './measures.ts';
import { placementDocuments } from './tables.ts';

const t = testAppForFile();
const june = periodOf('2026-06', '2026-11-22');

describe('placement plan and papers given to the carer', () => {
  it('counts the placements due in June, met when the plan and all three papers came by the 5th working day', async () => {
    const db = t.database.db;
    const [area] = await db.insert(areas).values({ name: 'Papershire' }).returning();
    const [team] = await db.insert(teams).values({ name: 'Papershire Team', areaId: area!.id }).returning();
    const household = await makeHousehold(db, { teamId: team!.id, approvedPlaces: 6 });
    const place = async (lastName: string, startDate: string, extra: Record<string, unknown> = {}) =>
      makePlacement(db, {
        childId: (await makeChild(db, { lastName })).id,
        householdId: household.id,
        startDate,
        ...extra,
      });
    const papers = (
      placementId: string,
      givenOn: string,
      kinds = ['referral', 'risk_assessment', 'placement_arrangements'],
    ) => db.insert(placementDocuments).values(kinds.map((kind) => ({ placementId, kind, givenOn })));

    // Started Monday 1 June: due Monday 8 June. Plan on 3 June, every paper on 8 June: met.
    const onTime = await place('Ontime', '2026-06-01', { placementPlanOn: '2026-06-03' });
    await papers(onTime.id, '2026-06-08');
    // The same day, the risk assessment never given: missed.
    const twoPapers = await place('Twopapers', '2026-06-01', { placementPlanOn: '2026-06-03' });
    await papers(twoPapers.id, '2026-06-05', ['referral', 'placement_arrangements']);
    // Started Tuesday 2 June: due Tuesday 9 June; the plan made on the 10th: missed.
    const latePlan = await place('Lateplan', '2026-06-02', { placementPlanOn: '2026-06-10' });
    await papers(latePlan.id, '2026-06-04');
    // Not counted: started Friday 26 June (due Friday 3 July), and a Staying Put arrangement.
    await place('Julydue', '2026-06-26');
    await place('Stayingon', '2026-06-01', { placementType: 'staying_put' });

    const { figures } = await countMeasure(db, placementPapersGiven, june);
    const teamFigure = figures.find((f) => f.scopeKind === 'team' && f.scopeId === team!.id);
    expect(teamFigure).toMatchObject({ numerator: 1, denominator: 3, value: 33.3 });
    const rows = (await measureRecords(db, placementPapersGiven, june)).filter((r) =>
      [onTime.id, twoPapers.id, latePlan.id].includes(r.recordId),
    );
    expect(Object.fromEntries(rows.map((r) => [r.recordId, [r.met, r.detail]]))).toEqual({
      [onTime.id]: [true, 'Started 2026-06-01, due by 2026-06-08; plan made 2026-06-03; 3 of 3 papers given by then'],
      [twoPapers.id]: [
        false,
        'Started 2026-06-01, due by 2026-06-08; plan made 2026-06-03; 2 of 3 papers given by then',
      ],
      [latePlan.id]: [
        false,
        'Started 2026-06-02, due by 2026-06-09; plan made 2026-06-10; 3 of 3 papers given by then',
      ],
    });
  });
});
