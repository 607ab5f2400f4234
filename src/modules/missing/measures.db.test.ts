/**
 * The two measures for November 2026 (counted as on 5 December, so as at 30 November), worked out
 * by hand on children placed with the households of a team of their own.
 */
import { describe, expect, it } from 'vitest';
import { measureFixture, teamOfItsOwn } from '../../../test/support/measures.ts';
import { countMeasure, type Measure } from '../../platform/measures/index.ts';
import { childrenMissing, interviewsInTime } from './measures.ts';
import { missingEpisodes } from './tables.ts';
import { placements } from '../placements/tables.ts';
import { eq } from 'drizzle-orm';

const f = measureFixture('2026-11', '2026-12-05');

const teamFigure = async (measure: Measure, teamId: string) => {
  const figure = (await countMeasure(f.db(), measure, f.period)).figures.find(
    (x) => x.scopeKind === 'team' && x.scopeId === teamId,
  );
  return figure && [figure.numerator, figure.denominator];
};

/** An episode of the child, from the household they are placed with, written as the service keeps it. */
async function episode(
  childId: string,
  missingOn: string,
  more: Partial<typeof missingEpisodes.$inferInsert> = {},
): Promise<string> {
  const [placement] = await f.db().select().from(placements).where(eq(placements.childId, childId));
  const [row] = await f
    .db()
    .insert(missingEpisodes)
    .values({
      childId,
      placementId: placement!.id,
      householdId: placement!.householdId,
      missingOn,
      reportedToPolice: true,
      returnedOn: missingOn,
      ...more,
    })
    .returning({ id: missingEpisodes.id });
  return row!.id;
}

describe('children who went missing from foster care', () => {
  const team = teamOfItsOwn(f, 'Missing Fixture Team A');
  it('counts each child who went missing in the month once, whatever the number of times', async () => {
    const household = await f.approvedHousehold('2024-01-08', { teamId: team() });
    const placed = () => f.childPlaced(household.id, '2026-06-01');
    // On the first and last days of the month: both counted.
    const first = await placed();
    const firstId = await episode(first.id, '2026-11-01');
    const last = await placed();
    const lastId = await episode(last.id, '2026-11-30', { returnedOn: null });
    // Three times in the month: counted once, from the first (the others not listed).
    const often = await placed();
    const oftenId = await episode(often.id, '2026-11-03', { returnedOn: '2026-11-04' });
    const oftenAgain = await episode(often.id, '2026-11-10', { returnedOn: '2026-11-10' });
    await episode(often.id, '2026-11-20', { returnedOn: '2026-11-21' });
    // Not counted: 31 October and 1 December are outside the month.
    const before = await placed();
    const beforeId = await episode(before.id, '2026-10-31');
    const after = await placed();
    const afterId = await episode(after.id, '2026-12-01');

    expect(await f.rowsFor(childrenMissing, [firstId, lastId, oftenId, oftenAgain, beforeId, afterId])).toEqual([
      [firstId, true],
      [lastId, true],
      [oftenId, true],
    ]);
    expect(await teamFigure(childrenMissing, team())).toEqual([3, null]);
  });
});

describe('return interviews offered within 72 hours', () => {
  const team = teamOfItsOwn(f, 'Missing Fixture Team B');
  it('counts the returns whose 72 hours ended in the month, met when the interview was offered by then', async () => {
    const household = await f.approvedHousehold('2024-01-08', { teamId: team() });
    const placed = () => f.childPlaced(household.id, '2026-06-01');
    // Back 29 October: due 1 November, offered that day: in the month, met.
    const a = await episode((await placed()).id, '2026-10-28', {
      returnedOn: '2026-10-29',
      interviewOfferedOn: '2026-11-01',
    });
    // Back 10 November: due 13 November, offered on the 14th: missed, though held.
    const b = await episode((await placed()).id, '2026-11-09', {
      returnedOn: '2026-11-10',
      interviewOfferedOn: '2026-11-14',
      interviewHeldOn: '2026-11-15',
    });
    // Back 20 November, never offered: missed. Declined when offered in time: met.
    const c = await episode((await placed()).id, '2026-11-20', { returnedOn: '2026-11-20' });
    const d = await episode((await placed()).id, '2026-11-20', {
      returnedOn: '2026-11-21',
      interviewOfferedOn: '2026-11-22',
      interviewDeclined: true,
    });
    // Back 28 November: due 1 December, after the month: not counted. Still missing: not counted.
    const e = await episode((await placed()).id, '2026-11-27', { returnedOn: '2026-11-28' });
    const g = await episode((await placed()).id, '2026-11-27', { returnedOn: null });

    expect(await f.rowsFor(interviewsInTime, [a, b, c, d, e, g])).toEqual([
      [a, true],
      [b, false],
      [c, false],
      [d, true],
    ]);
    expect(await teamFigure(interviewsInTime, team())).toEqual([2, 4]);
  });
});
