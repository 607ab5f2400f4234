/**
 * The out-of-hours measure for November 2026 (counted as on 5 December), hand-worked on the
 * households of a team of their own.
 */
import { describe, expect, it } from 'vitest';
import { measureFixture, teamOfItsOwn } from '../../../test/support/measures.ts';
import { countMeasure, type Measure } from '../../platform/measures/index.ts';
import { callsFromCarers } from './measures.ts';
import { outOfHoursCalls } from './tables.ts';

const f = measureFixture('2026-11', '2026-12-05');
const team = teamOfItsOwn(f, 'Out Of Hours Fixture Team');

const teamFigure = async (measure: Measure) => {
  const figure = (await countMeasure(f.db(), measure, f.period)).figures.find(
    (x) => x.scopeKind === 'team' && x.scopeId === team(),
  );
  return figure && [figure.numerator, figure.denominator];
};

async function callOn(householdId: string, calledOn: string, outcome: string) {
  const [row] = await f
    .db()
    .insert(outOfHoursCalls)
    .values({
      householdId,
      calledOn,
      calledAt: '22:15',
      caller: 'carer',
      answeredBy: 'area',
      reason: outcome.startsWith('placed') ? 'emergency-placement' : 'advice',
      outcome,
      note: 'A made-up call',
    })
    .returning();
  return row!.id;
}

describe('out-of-hours calls about fostering households', () => {
  it('counts the calls of November, each under its household’s team', async () => {
    const household = (await f.approvedHousehold('2023-05-01', { teamId: team() })).id;
    const first = await callOn(household, '2026-11-01', 'advice-given');
    const inHouse = await callOn(household, '2026-11-14', 'placed-in-house');
    const elsewhere = await callOn(household, '2026-11-20', 'placed-elsewhere');
    const last = await callOn(household, '2026-11-30', 'placed-in-house');
    // Not in November.
    const october = await callOn(household, '2026-10-31', 'placed-in-house');
    const december = await callOn(household, '2026-12-01', 'advice-given');

    const ids = [first, inHouse, elsewhere, last, october, december];
    expect(await f.rowsFor(callsFromCarers, ids)).toEqual([
      [first, true],
      [inHouse, true],
      [elsewhere, true],
      [last, true],
    ]);
    expect(await teamFigure(callsFromCarers)).toEqual([4, null]);
  });
});
