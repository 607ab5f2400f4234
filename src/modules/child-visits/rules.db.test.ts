/**
 * Regulation 28(2) as Hearth counts it, the right answers worked out by hand: the next visit due to
 * a child (first within a week of the start, then 6-weekly in the placement's first year, then
 * 3-monthly for a long-term placement and 6-weekly for any other), kept in step with visits and
 * placements; and "children in care visited within the timescale" for October 2026 on a fixture.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold, teamIdByName } from '../../../test/support/households.ts';
import { measureFixture } from '../../../test/support/measures.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { checkDueItems, dueFor, refreshDueItems } from '../../platform/due/index.ts';
import { countMeasure } from '../../platform/measures/index.ts';
import { agencyPlacements, placements } from '../placements/tables.ts';
import { viewer } from '../home/test-support.ts';
import { visitedInTime } from './measures.ts';
import { makeVisit, nextVisitDueOf } from './test-support.ts';

const f = measureFixture('2026-10', '2026-12-03');
const RULE = 'child-visits.statutory-visit';

/** A child placed with a new East household from the day, as on `today`. */
async function placed(startDate: string, placementType = 'short_term', endDate: string | null = null) {
  const household = await makeHousehold(f.db(), { teamName: 'East Kent Fostering Team 1' });
  const child = await makeChild(f.db(), { firstName: 'Visit', lastName: 'Fixture', dateOfBirth: '2014-05-01' });
  const placement = await makePlacement(f.db(), {
    childId: child.id,
    householdId: household.id,
    startDate,
    placementType,
    endDate,
    ending: endDate ? 'planned' : null,
  });
  return { child, placement, household };
}

const dueOf = (childId: string, today: string) => nextVisitDueOf(f.db(), childId, today);

describe('the next visit by the child’s social worker', () => {
  it('is due within a week of the start, then 6 weeks after each visit in which the child was seen', async () => {
    const { child, placement } = await placed('2026-06-01');
    expect(await dueOf(child.id, '2026-06-02')).toEqual([
      { dueOn: '2026-06-08', detail: 'First visit of the placement that started on 1 June 2026' },
    ]);
    await makeVisit(f.db(), {
      childId: child.id,
      placementId: placement.id,
      visitedOn: '2026-06-05',
      today: '2026-06-05',
    });
    // 5 June + 42 days = 17 July. A visit where the child was not seen moves nothing.
    await makeVisit(f.db(), {
      childId: child.id,
      placementId: placement.id,
      visitedOn: '2026-07-10',
      childSeen: false,
      seenAlone: null,
      today: '2026-07-10',
    });
    expect(await dueOf(child.id, '2026-07-10')).toEqual([
      { dueOn: '2026-07-17', detail: 'Last seen on 5 June 2026; every 6 weeks' },
    ]);
  });

  it('after the first year: every 3 months for a long-term placement, every 6 weeks for any other', async () => {
    const long = await placed('2025-03-10', 'long_term');
    // 9 March 2026 is still in the first year (its anniversary is 10 March): 6 weeks, to 20 April.
    await makeVisit(f.db(), { childId: long.child.id, placementId: long.placement.id, visitedOn: '2026-03-09' });
    expect((await dueOf(long.child.id, '2026-04-01'))[0]?.dueOn).toBe('2026-04-20');
    // 31 March 2026, after it: 3 months, to 30 June (31 June does not exist).
    await makeVisit(f.db(), { childId: long.child.id, placementId: long.placement.id, visitedOn: '2026-03-31' });
    expect(await dueOf(long.child.id, '2026-04-01')).toEqual([
      { dueOn: '2026-06-30', detail: 'Last seen on 31 March 2026; every 3 months (long-term placement)' },
    ]);
    const short = await placed('2025-03-10', 'short_term');
    await makeVisit(f.db(), { childId: short.child.id, placementId: short.placement.id, visitedOn: '2026-03-31' });
    expect((await dueOf(short.child.id, '2026-04-01'))[0]?.dueOn).toBe('2026-05-12');
  });

  it('counts only the visits of the placement the child is in: a move starts again with a week', async () => {
    const { child, placement, household } = await placed('2026-01-05');
    await makeVisit(f.db(), { childId: child.id, placementId: placement.id, visitedOn: '2026-04-01' });
    await f
      .db()
      .update(placements)
      .set({ endDate: '2026-04-20', ending: 'planned' })
      .where(eq(placements.id, placement.id));
    const next = await makePlacement(f.db(), { childId: child.id, householdId: household.id, startDate: '2026-04-20' });
    await refreshDueItems(f.db(), 'placement', [placement.id, next.id], '2026-04-21');
    expect((await dueOf(child.id, '2026-04-21')).map((e) => e.dueOn)).toEqual(['2026-04-27']);
  });

  it('is kept for a child placed with an agency, and gone when the child is in Staying Put', async () => {
    const child = await makeChild(f.db(), { firstName: 'Agency', lastName: 'Fixture' });
    const [agency] = await f
      .db()
      .insert(agencyPlacements)
      .values({
        childId: child.id,
        agencyName: 'Fixture Fostering Ltd',
        placementType: 'long_term',
        startDate: '2026-09-01',
      })
      .returning();
    await refreshDueItems(f.db(), 'agency-placement', [agency!.id], '2026-09-02');
    expect((await dueOf(child.id, '2026-09-02')).map((e) => e.dueOn)).toEqual(['2026-09-08']);
    // No household's team: the child counts under their own area.
    const [kept] = await queryRows<{ team_id: string | null; area_id: string }>(
      f.db(),
      sql`select team_id, area_id from due_items where rule_id = ${RULE} and record_id = ${child.id}`,
    );
    expect(kept).toEqual({ team_id: null, area_id: child.areaId });
    const adult = await placed('2026-09-01', 'staying_put');
    expect(await dueOf(adult.child.id, '2026-09-02')).toEqual([]);
  });

  it('is the children’s social worker’s, and keeps in step with a rebuild', async () => {
    const { child } = await placed('2026-11-20');
    const cicsw = await viewer(f.db(), 'cicsw');
    const items = await dueFor(f.db(), cicsw, { today: '2026-11-21', horizonDays: 28, ruleIds: [RULE] });
    expect(items.find((e) => e.recordId === child.id)).toMatchObject({
      dueOn: '2026-11-27',
      ownerUserId: cicsw.id,
      href: `/children/${child.id}/visits`,
    });
    const ssw = await viewer(f.db(), 'ssw');
    expect(await dueFor(f.db(), ssw, { today: '2026-11-21', horizonDays: 28, ruleIds: [RULE] })).toEqual([]);
    const difference = await checkDueItems(f.db());
    expect([...difference.missing, ...difference.extra].filter((k) => k.includes(RULE))).toEqual([]);
  });
});

describe('children in care visited by their social worker within the timescale', () => {
  it('counts October 2026’s children placed on 31 October, met when no visit was overdue that day', async () => {
    const db = f.db();
    const east = await teamIdByName(db, 'East Kent Fostering Team 1');
    const [team] = await queryRows<{ id: string }>(
      db,
      sql`insert into teams (name, area_id) select 'Visits Fixture Team', area_id from teams where id = ${east} returning id`,
    );
    const home = await f.approvedHousehold('2020-01-01', { teamId: team!.id, approvedPlaces: 9 });
    const child = (start: string, type = 'short_term', endDate: string | null = null) =>
      makeChild(db).then(async (c) => {
        const p = await makePlacement(db, {
          childId: c.id,
          householdId: home.id,
          startDate: start,
          placementType: type,
          endDate,
          ending: endDate ? 'planned' : null,
        });
        return { id: c.id, placementId: p.id };
      });
    const visit = (c: { id: string; placementId: string }, visitedOn: string, childSeen = true) =>
      makeVisit(db, {
        childId: c.id,
        placementId: c.placementId,
        visitedOn,
        childSeen,
        seenAlone: childSeen ? true : null,
      });

    // A: placed 20 October, not visited: due 27 October, overdue on the 31st.
    const a = await child('2026-10-20');
    // B: placed 28 October: first visit due 4 November, not yet.
    const b = await child('2026-10-28');
    // C: long-term since January 2025, seen 15 August 2026 (after the first year): due 15 November.
    const c = await child('2025-01-10', 'long_term');
    await visit(c, '2026-08-15');
    // D: short-term since January 2025, seen 15 August 2026: due 26 September, overdue.
    const d = await child('2025-01-10');
    await visit(d, '2026-08-15');
    // E: since June, seen 1 September, "visited" 30 September but not seen: due 13 October, overdue.
    const e = await child('2026-06-01');
    await visit(e, '2026-09-01');
    await visit(e, '2026-09-30', false);
    // G: seen 21 September, the 42nd day is 2 November; a visit on 5 November is after the month (not counted then).
    const g = await child('2026-06-01');
    await visit(g, '2026-09-21');
    await visit(g, '2026-11-05');
    // Not counted: Staying Put, and a placement that ended on 31 October.
    const adult = await child('2026-01-01', 'staying_put');
    const ended = await child('2026-01-01', 'short_term', '2026-10-31');

    expect(
      await f.rowsFor(
        visitedInTime,
        [a, b, c, d, e, g, adult, ended].map((x) => x.id),
      ),
    ).toEqual([
      [a.id, false],
      [b.id, true],
      [c.id, true],
      [d.id, false],
      [e.id, false],
      [g.id, true],
    ]);
    const { figures } = await countMeasure(db, visitedInTime, f.period);
    // 3 of 6 up to date on 31 October.
    expect(figures.find((x) => x.scopeKind === 'team' && x.scopeId === team!.id)).toMatchObject({
      numerator: 3,
      denominator: 6,
      value: 50,
    });
  });
});
