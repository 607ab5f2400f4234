/**
 * The extra support measures for November 2026 (counted as on 5 December), hand-worked on the
 * households of a team of their own: hub families and the households they support on 30 November,
 * the activity breaks that began in November, and the emergency psychology requests whose first
 * session was due in November.
 */
import { describe, expect, it } from 'vitest';
import { measureFixture, teamOfItsOwn } from '../../../test/support/measures.ts';
import { countMeasure, measureRecords, type Measure } from '../../platform/measures/index.ts';
import {
  activityBreaksMeasure,
  emergencyPsychologyInTime,
  hubFamiliesMeasure,
  supportedByHubMeasure,
} from './measures.ts';
import { activityBreaks, hubFamilies, hubLinks, psychologyRequests } from './tables.ts';

const f = measureFixture('2026-11', '2026-12-05');
const team = teamOfItsOwn(f, 'Extra Support Fixture Team');

const teamFigure = async (measure: Measure) => {
  const figure = (await countMeasure(f.db(), measure, f.period)).figures.find(
    (x) => x.scopeKind === 'team' && x.scopeId === team(),
  );
  return figure && [figure.numerator, figure.denominator];
};

const household = async () => (await f.approvedHousehold('2022-04-01', { teamId: team() })).id;

async function hub(startedOn: string, endedOn: string | null = null) {
  const householdId = await household();
  const [row] = await f.db().insert(hubFamilies).values({ householdId, startedOn, endedOn }).returning();
  return { id: row!.id, householdId };
}

async function link(hubFamilyId: string, startedOn: string, endedOn: string | null = null) {
  const householdId = await household();
  await f.db().insert(hubLinks).values({ hubFamilyId, householdId, startedOn, endedOn });
  return householdId;
}

describe('extra support for carers', () => {
  it('counts the hub families on 30 November and the households they supported that day', async () => {
    const open = await hub('2026-10-01');
    const endedOnTheLastDay = await hub('2026-11-15', '2026-11-30');
    const startedInDecember = await hub('2026-12-01');
    const endedInDecember = await hub('2026-06-01', '2026-12-02');
    const ids = [open, endedOnTheLastDay, startedInDecember, endedInDecember].map((h) => h.householdId);
    expect(await f.rowsFor(hubFamiliesMeasure, ids)).toEqual([
      [open.householdId, true],
      [endedInDecember.householdId, true],
    ]);
    expect(await teamFigure(hubFamiliesMeasure)).toEqual([2, null]);

    const since10th = await link(open.id, '2026-11-10');
    const fromTheLastDay = await link(open.id, '2026-11-30');
    const endedInNovember = await link(open.id, '2026-09-01', '2026-11-20');
    const fromDecember = await link(endedInDecember.id, '2026-12-01');
    expect(await f.rowsFor(supportedByHubMeasure, [since10th, fromTheLastDay, endedInNovember, fromDecember])).toEqual([
      [since10th, true],
      [fromTheLastDay, true],
    ]);
    expect(await teamFigure(supportedByHubMeasure)).toEqual([2, null]);

    // The hub family's row says how many it supported on 30 November: the two links open that day.
    const listed = (await measureRecords(f.db(), hubFamiliesMeasure, f.period)).find(
      (r) => r.recordId === open.householdId,
    );
    expect(listed?.detail).toBe('Hub family since 2026-10-01; supporting 2 households');
  });

  it('counts the activity breaks that began in November', async () => {
    const householdId = await household();
    const made = async (fromOn: string, toOn = fromOn) => {
      const [row] = await f
        .db()
        .insert(activityBreaks)
        .values({
          householdId,
          centre: 'bewl-water',
          kind: fromOn === toOn ? 'day' : 'residential',
          fromOn,
          toOn,
          children: 2,
        })
        .returning();
      return row!.id;
    };
    await made('2026-10-31', '2026-11-01');
    await made('2026-11-01');
    await made('2026-11-27', '2026-11-29');
    await made('2026-11-30');
    await made('2026-12-01');
    // Three began in November (the one from 31 October ran into it, but began before).
    expect(await teamFigure(activityBreaksMeasure)).toEqual([3, null]);
  });

  it('counts the emergency requests whose first session was due in November, met when it was on or before the day', async () => {
    const householdId = await household();
    const request = async (dueOn: string, firstSessionOn: string | null, endedOn: string | null = null) => {
      const [row] = await f
        .db()
        .insert(psychologyRequests)
        .values({
          householdId,
          requestedOn: '2026-10-28',
          urgency: 'emergency',
          reason: 'A made-up request',
          dueOn,
          firstSessionOn,
          endedOn,
        })
        .returning();
      return row!.id;
    };
    const onTheDay = await request('2026-11-03', '2026-11-03');
    const late = await request('2026-11-10', '2026-11-12');
    const notYet = await request('2026-11-20', null);
    const withdrawn = await request('2026-11-25', null, '2026-11-24');
    const dueInDecember = await request('2026-12-02', null);
    expect(await f.rowsFor(emergencyPsychologyInTime, [onTheDay, late, notYet, withdrawn, dueInDecember])).toEqual([
      [onTheDay, true],
      [late, false],
      [notYet, false],
    ]);
    expect(await teamFigure(emergencyPsychologyInTime)).toEqual([1, 3]);
  });
});
