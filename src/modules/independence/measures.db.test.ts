/**
 * The three measures for September 2026 (counted as on 5 October, so as at 30 September), each
 * worked out by hand on young people of a team of their own.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { measureFixture, teamOfItsOwn } from '../../../test/support/measures.ts';
import { countMeasure, measureRecords } from '../../platform/measures/index.ts';
import { checklistsCompleted, checklistsStarted, stayedPut } from './measures.ts';
import { makeChecklist, makeYoungPerson } from './test-support.ts';

const f = measureFixture('2026-09', '2026-10-05');
/** The team of the measure being tested: each has one of its own, so the young people of the others do not count in it. */
let teamId: string;

/** A new team in East Kent for the young people of one measure's test. */
function ownTeam(name: string) {
  const team = teamOfItsOwn(f, name);
  beforeAll(() => {
    teamId = team();
  });
}

/** A young person placed with a household of the fixture team from 1 June 2020 (to `endDate`), looked after from then unless said. */
async function placed(dateOfBirth: string, options: { lookedAfterSince?: string; endDate?: string | null } = {}) {
  const young = await makeYoungPerson(f.db(), dateOfBirth, {
    lookedAfterSince: options.lookedAfterSince ?? '2020-06-01',
  });
  const household = await makeHousehold(f.db(), { teamId });
  await makePlacement(f.db(), {
    childId: young.id,
    householdId: household.id,
    startDate: options.lookedAfterSince ?? '2020-06-01',
    endDate: options.endDate ?? null,
  });
  return { ...young, householdId: household.id };
}

const teamFigure = async (measure: Parameters<typeof countMeasure>[1]) =>
  (await countMeasure(f.db(), measure, f.period)).figures.find((x) => x.scopeKind === 'team' && x.scopeId === teamId);

describe('independence checklists started by 15½', () => {
  ownTeam('Independence Fixture Team A');
  it('counts the young people in care aged 15½ to 18 on 30 September who were in care at 15½', async () => {
    const db = f.db();
    // 15½ on 15 December 2025, started 1 December: in time.
    const early = await placed('2010-06-15');
    await makeChecklist(db, { childId: early.id, startedOn: '2025-12-01' });
    // 15½ on 10 September 2025, started 1 October: late.
    const late = await placed('2010-03-10');
    await makeChecklist(db, { childId: late.id, startedOn: '2025-10-01' });
    // 15½ on 31 July 2026, never started.
    const never = await placed('2011-01-31');
    // 15½ on 20 July 2025, started that very day: in time.
    const onTheDay = await placed('2010-01-20');
    await makeChecklist(db, { childId: onTheDay.id, startedOn: '2025-07-20' });
    // Not counted: 15½ only on 1 December 2026; 18 on 15 September 2026; in care only from 1 May 2026,
    // after 15½ on 1 February 2026; left care on 30 September 2026 itself.
    const young = await placed('2011-06-01');
    const eighteen = await placed('2008-09-15');
    const cameLate = await placed('2010-08-01', { lookedAfterSince: '2026-05-01' });
    const left = await makeYoungPerson(db, '2010-02-01', { leftCareOn: '2026-09-30' });
    // Not placed with the service's carers: counted, under no team (its own area).
    const unplaced = await makeYoungPerson(db, '2010-04-01');
    await makeChecklist(db, { childId: unplaced.id, startedOn: '2025-09-01' });

    const ids = [early, late, never, onTheDay, young, eighteen, cameLate, left, unplaced].map((y) => y.id);
    expect(await f.rowsFor(checklistsStarted, ids)).toEqual([
      [early.id, true],
      [late.id, false],
      [never.id, false],
      [onTheDay.id, true],
      [unplaced.id, true],
    ]);
    expect(await teamFigure(checklistsStarted)).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
    const rows = await measureRecords(db, checklistsStarted, f.period);
    expect(rows.find((r) => r.recordId === unplaced.id)).toMatchObject({ teamId: null, areaId: unplaced.areaId });
    expect(rows.find((r) => r.recordId === late.id)).toMatchObject({
      detail: '15½ on 2025-09-10; started 2025-10-01',
      href: `/children/${late.id}/independence`,
    });
  });
});

describe('independence checklists completed by 17½', () => {
  ownTeam('Independence Fixture Team B');
  it('counts the young people in care on their 17½ birthday between 1 October 2025 and 30 September 2026', async () => {
    const db = f.db();
    // 17½ on 10 January 2026, completed 5 January: in time (and counted though 18 since).
    const done = await placed('2008-07-10');
    await makeChecklist(db, { childId: done.id, startedOn: '2024-02-01', completedOn: '2026-01-05' });
    // 17½ on 20 May 2026, completed 1 June: late.
    const late = await placed('2008-11-20');
    await makeChecklist(db, { childId: late.id, startedOn: '2024-06-01', completedOn: '2026-06-01' });
    // 31 March 2009 and 210 months: 30 September 2026, the last day; completed that day (recorded).
    const lastDay = await placed('2009-03-31');
    await makeChecklist(db, {
      childId: lastDay.id,
      startedOn: '2024-10-01',
      completedOn: '2026-09-30',
      completedHow: 'recorded',
    });
    // 17½ on 1 June 2026, started and not completed.
    const open = await placed('2008-12-01');
    await makeChecklist(db, { childId: open.id, startedOn: '2024-06-01', areas: { money: '2025-01-01' } });
    // Not counted: 17½ on 15 September 2025 (before the 12 months) and on 10 October 2026 (after); left care
    // on 1 March 2026, before 17½ on 5 April.
    const before = await placed('2008-03-15');
    const after = await placed('2009-04-10');
    const left = await placed('2008-10-05', { endDate: '2026-03-01' });
    await db.execute(sql`update children set left_care_on = '2026-03-01' where id = ${left.id}`);

    const ids = [done, late, lastDay, open, before, after, left].map((y) => y.id);
    expect(await f.rowsFor(checklistsCompleted, ids)).toEqual([
      [done.id, true],
      [late.id, false],
      [lastDay.id, true],
      [open.id, false],
    ]);
    expect(await teamFigure(checklistsCompleted)).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
    const rows = await measureRecords(db, checklistsCompleted, f.period);
    expect(rows.find((r) => r.recordId === open.id)?.detail).toBe(
      '17½ on 2026-06-01; started 2024-06-01, not completed',
    );
  });
});

describe('Staying Put at 18', () => {
  ownTeam('Independence Fixture Team C');
  it('counts those who turned 18 placed with our carers, met when they stayed on with the same carers', async () => {
    const db = f.db();
    const household = () => makeHousehold(db, { teamId });
    /** Placed from 2020 until the day given, then (when said) Staying Put with those carers or others from a day. */
    async function turning18(
      dateOfBirth: string,
      until: string | null,
      stayingPut?: { from: string; elsewhere?: boolean },
    ) {
      const young = await makeYoungPerson(db, dateOfBirth);
      const carers = await household();
      await makePlacement(db, { childId: young.id, householdId: carers.id, startDate: '2020-06-01', endDate: until });
      if (stayingPut) {
        const with_ = stayingPut.elsewhere ? (await household()).id : carers.id;
        await makePlacement(db, {
          childId: young.id,
          householdId: with_,
          startDate: stayingPut.from,
          placementType: 'staying_put',
        });
      }
      return young;
    }
    // 18 on 1 November 2025, Staying Put with the same carers from that day: stayed.
    const stayed = await turning18('2007-11-01', '2025-11-01', { from: '2025-11-01' });
    // 18 on 14 February 2026, moved on.
    const movedOn = await turning18('2008-02-14', '2026-02-14');
    // 18 on 20 May 2026, Staying Put with other carers: not staying on.
    const others = await turning18('2008-05-20', '2026-05-20', { from: '2026-05-20', elsewhere: true });
    // 18 on 10 September 2026, Staying Put from 5 October: not by 30 September.
    const notYet = await turning18('2008-09-10', '2026-10-05', { from: '2026-10-05' });
    // 18 on 30 June 2026, Staying Put with the same carers from 20 July (within 28 days): stayed.
    const gap = await turning18('2008-06-30', '2026-06-30', { from: '2026-07-20' });
    // Born on 29 February 2008: 18 on 1 March 2026 (not 28 February), Staying Put from that day: stayed.
    const leapDay = await turning18('2008-02-29', '2026-03-01', { from: '2026-03-01' });
    // Not counted: the placement ended a year before 18 (on 1 August 2026); 18 on 15 September 2025, before the 12 months.
    const endedBefore = await turning18('2008-08-01', '2025-08-01');
    const earlier = await turning18('2007-09-15', '2025-09-15', { from: '2025-09-15' });

    const ids = [stayed, movedOn, others, notYet, gap, leapDay, endedBefore, earlier].map((y) => y.id);
    expect(await f.rowsFor(stayedPut, ids)).toEqual([
      [stayed.id, true],
      [movedOn.id, false],
      [others.id, false],
      [notYet.id, false],
      [gap.id, true],
      [leapDay.id, true],
    ]);
    expect(await teamFigure(stayedPut)).toMatchObject({ numerator: 3, denominator: 6, value: 50 });
    const rows = await measureRecords(db, stayedPut, f.period);
    expect(rows.find((r) => r.recordId === gap.id)?.detail).toBe('18 on 2026-06-30; Staying Put from 2026-07-20');
    expect(rows.find((r) => r.recordId === leapDay.id)?.detail).toBe('18 on 2026-03-01; Staying Put from 2026-03-01');
  });
});
