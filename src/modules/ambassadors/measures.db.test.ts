/**
 * The Carer Ambassador measures for November 2026 (counted as on 5 December), hand-worked on the
 * households of a team of their own: the ambassadors on 30 November, and the activities of November.
 */
import { describe, expect, it } from 'vitest';
import { measureFixture, teamOfItsOwn } from '../../../test/support/measures.ts';
import { countMeasure, measureRecords, type Measure } from '../../platform/measures/index.ts';
import { ambassadorActivitiesMeasure, ambassadorsMeasure } from './measures.ts';
import { ambassadorActivities } from './tables.ts';
import { makeAmbassador } from './test-support.ts';

const f = measureFixture('2026-11', '2026-12-05');
const team = teamOfItsOwn(f, 'Ambassador Fixture Team');

const teamFigure = async (measure: Measure) => {
  const figure = (await countMeasure(f.db(), measure, f.period)).figures.find(
    (x) => x.scopeKind === 'team' && x.scopeId === team(),
  );
  return figure && [figure.numerator, figure.denominator];
};

/** A carer of a household of the team, an ambassador from a day (until a day). */
async function ambassador(startedOn: string, endedOn: string | null = null) {
  const householdId = (await f.approvedHousehold('2022-04-01', { teamId: team() })).id;
  const { id } = await makeAmbassador(
    f.db(),
    householdId,
    { firstName: 'Ari', lastName: `Fixture${startedOn}` },
    startedOn,
    endedOn,
  );
  return { id, householdId };
}

describe('Carer Ambassadors', () => {
  it('counts the ambassadors on 30 November', async () => {
    const open = await ambassador('2026-10-01');
    const fromTheLastDay = await ambassador('2026-11-30');
    const endedOnTheLastDay = await ambassador('2026-11-15', '2026-11-30');
    const startedInDecember = await ambassador('2026-12-01');
    const endedInDecember = await ambassador('2026-06-01', '2026-12-02');
    const ids = [open, fromTheLastDay, endedOnTheLastDay, startedInDecember, endedInDecember].map((a) => a.householdId);
    expect(await f.rowsFor(ambassadorsMeasure, ids)).toEqual([
      [open.householdId, true],
      [fromTheLastDay.householdId, true],
      [endedInDecember.householdId, true],
    ]);
    expect(await teamFigure(ambassadorsMeasure)).toEqual([3, null]);
    const listed = (await measureRecords(f.db(), ambassadorsMeasure, f.period)).find(
      (r) => r.recordId === open.householdId,
    );
    expect(listed?.label).toMatch(/^Ari Fixture2026-10-01, /);
    expect(listed?.detail).toBe('Ambassador since 2026-10-01');
  });

  it('counts the activities of November', async () => {
    const a = await ambassador('2026-09-01');
    const did = (onDate: string, kind = 'recruitment-event') =>
      f.db().insert(ambassadorActivities).values({ ambassadorId: a.id, householdId: a.householdId, onDate, kind });
    await did('2026-10-31');
    await did('2026-11-01', 'new-carer');
    await did('2026-11-14');
    await did('2026-11-30', 'support-group');
    await did('2026-12-01');
    expect(await teamFigure(ambassadorActivitiesMeasure)).toEqual([3, null]);
    const details = (await measureRecords(f.db(), ambassadorActivitiesMeasure, f.period))
      .filter((r) => r.recordId === a.householdId)
      .map((r) => r.detail);
    expect(details).toEqual([
      'Support for an applicant or a new carer on 2026-11-01',
      'A recruitment event or information evening on 2026-11-14',
      'A carers’ support group on 2026-11-30',
    ]);
  });
});
