/**
 * The leaving care measures for September 2026 (counted as on 5 October, so as at 30 September),
 * worked out by hand on children of an area of the test's own with two teams, A and B:
 *
 * - Amy, placed with team A until she returned home on 10 September: team A, returned home.
 * - Ben, moved from team A to team B in February, adopted on 30 September (the last day): team B.
 * - Cara, 18 on 1 September (the first day), Staying Put with her team B carers from that day: team B.
 * - Dan, never placed with our carers, left on 15 September for another reason: no team, the area.
 * - Eve, 18 in June, placed with team A until she moved to independent living on 20 September: team A.
 * - Jo, of the area but placed with an East Kent household, child arrangements order on 5 September:
 *   East Kent's team and area, not the test's.
 * - Not counted: Finn (left on 31 August), Gus (left on 1 October), Hal (still in care).
 *
 * So children who left care: the area 5 (Amy, Ben, Cara, Dan, Eve), team A 2, team B 2, and the
 * service 6 more than without them (Jo too). Returned home: the area 1, team A 1. Adoption or an
 * order: the area 1, team B 1 (Jo's order is East Kent's). At 18: the area 2, team A 1, team B 1.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement, type Child } from '../../../test/support/children.ts';
import { makeHousehold, teamIdByName } from '../../../test/support/households.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { countMeasure, measureRecords, periodOf, type Measure } from '../../platform/measures/index.ts';
import { leftCare, leftCareAdult, leftCareHome, leftCarePermanence } from './measures.ts';

const t = testAppForFile();
const db = () => t.database.db;
const september = periodOf('2026-09', '2026-10-05');

describe('children who left care, by reason', () => {
  let area = '';
  let teamA = '';
  let teamB = '';
  let eastTeam = '';
  let serviceBefore = 0;
  const kids: Record<string, Child> = {};

  const figures = async (measure: Measure) => {
    const { figures: all } = await countMeasure(db(), measure, september);
    const of = (kind: string, id: string) => all.find((f) => f.scopeKind === kind && f.scopeId === id)?.numerator;
    return {
      service: of('service', '')!,
      area: of('area', area),
      teamA: of('team', teamA),
      teamB: of('team', teamB),
    };
  };

  beforeAll(async () => {
    serviceBefore = (await figures(leftCare)).service;
    const [made] = await queryRows<{ id: string }>(
      db(),
      sql`insert into areas (name) values ('Leaving Fixture Area') returning id`,
    );
    area = made!.id;
    const team = async (name: string) =>
      (
        await queryRows<{ id: string }>(
          db(),
          sql`insert into teams (name, area_id) values (${name}, ${area}) returning id`,
        )
      )[0]!.id;
    teamA = await team('Leaving Fixture Team A');
    teamB = await team('Leaving Fixture Team B');
    eastTeam = await teamIdByName(db(), 'East Kent Fostering Team 1');
    const homeOf = async (teamId: string) => (await makeHousehold(db(), { statusSince: '2020-01-01', teamId })).id;
    const [homeA, homeB, homeEast] = [await homeOf(teamA), await homeOf(teamB), await homeOf(eastTeam)];

    const child = async (
      firstName: string,
      left: { on: string; reason: string; details?: string } | null,
      dateOfBirth = '2015-05-05',
    ) => {
      kids[firstName] = await makeChild(db(), {
        firstName,
        lastName: 'Leaver',
        areaId: area,
        dateOfBirth,
        lookedAfterSince: '2023-01-01',
        leftCareOn: left?.on ?? null,
        leftCareReason: left?.reason ?? null,
        leftCareDetails: left?.details ?? null,
      });
      return kids[firstName]!.id;
    };
    const placed = (
      childId: string,
      householdId: string,
      startDate: string,
      endDate: string | null,
      type = 'long_term',
    ) =>
      makePlacement(db(), {
        childId,
        householdId,
        startDate,
        endDate,
        ending: endDate ? 'planned' : null,
        placementType: type,
      });

    await placed(await child('Amy', { on: '2026-09-10', reason: 'home' }), homeA, '2025-03-01', '2026-09-10');
    const ben = await child('Ben', { on: '2026-09-30', reason: 'adopted' });
    await placed(ben, homeA, '2024-05-01', '2026-02-01');
    await placed(ben, homeB, '2026-02-01', '2026-09-30');
    const cara = await child('Cara', { on: '2026-09-01', reason: 'staying_put' }, '2008-09-01');
    await placed(cara, homeB, '2023-01-01', '2026-09-01');
    await placed(cara, homeB, '2026-09-01', null, 'staying_put');
    await child('Dan', { on: '2026-09-15', reason: 'other', details: 'Moved abroad with his family' });
    const eve = await child('Eve', { on: '2026-09-20', reason: 'independent' }, '2008-06-01');
    await placed(eve, homeA, '2025-01-01', '2026-09-20');
    await placed(await child('Jo', { on: '2026-09-05', reason: 'cao' }), homeEast, '2025-01-01', '2026-09-05');
    await placed(await child('Finn', { on: '2026-08-31', reason: 'home' }), homeA, '2025-01-01', '2026-08-31');
    await placed(await child('Gus', { on: '2026-10-01', reason: 'sgo' }), homeA, '2025-01-01', '2026-10-01');
    await placed(await child('Hal', null), homeA, '2025-01-01', null);
  });

  it('counts the children who left in the month, under the team of their latest placement by the day they left', async () => {
    const figure = await figures(leftCare);
    expect(figure).toEqual({ service: serviceBefore + 6, area: 5, teamA: 2, teamB: 2 });
    expect(leftCare).toMatchObject({ unit: 'count', target: null });
    // Jo counts under the East Kent household's team and area, not her own area.
    const rows = await measureRecords(db(), leftCare, september);
    expect(rows.find((r) => r.recordId === kids.Jo!.id)).toMatchObject({
      teamId: eastTeam,
      areaId: expect.any(String),
    });
    expect(rows.find((r) => r.recordId === kids.Jo!.id)?.areaId).not.toBe(area);
    // Never placed with our carers: no team, and the child's own area.
    expect(rows.find((r) => r.recordId === kids.Dan!.id)).toMatchObject({ teamId: null, areaId: area });
    // Left in August, in October, or not at all: not September's.
    for (const name of ['Finn', 'Gus', 'Hal'])
      expect(
        rows.some((r) => r.recordId === kids[name]!.id),
        name,
      ).toBe(false);
  });

  it('counts the reasons the plan cares about on their own', async () => {
    expect(await figures(leftCareHome)).toMatchObject({ area: 1, teamA: 1, teamB: undefined });
    expect(await figures(leftCarePermanence)).toMatchObject({ area: 1, teamA: undefined, teamB: 1 });
    expect(await figures(leftCareAdult)).toMatchObject({ area: 2, teamA: 1, teamB: 1 });
    const names = async (measure: Measure) =>
      (await measureRecords(db(), measure, september))
        .filter((r) => r.areaId === area)
        .map((r) => r.label.split(' ')[0]);
    expect(await names(leftCareHome)).toEqual(['Amy']);
    expect(await names(leftCarePermanence)).toEqual(['Ben']);
    expect(await names(leftCareAdult)).toEqual(['Cara', 'Eve']);
  });

  it('lists each child with the day they left and why, in the order they left', async () => {
    const rows = (await measureRecords(db(), leftCare, september)).filter((r) => r.areaId === area);
    expect(rows.map((r) => [r.label, r.detail, r.href])).toEqual(
      (
        [
          ['Cara', 'Left care 2026-09-01: Staying Put with former foster carers (18 or over)'],
          ['Amy', 'Left care 2026-09-10: Returned home to live with parents or relatives'],
          ['Dan', 'Left care 2026-09-15: Other'],
          ['Eve', 'Left care 2026-09-20: Moved to independent living (18 or over)'],
          ['Ben', 'Left care 2026-09-30: Adopted'],
        ] as const
      ).map(([name, detail]) => [`${name} Leaver (${kids[name]!.reference})`, detail, `/children/${kids[name]!.id}`]),
    );
    // On the measure's page, dates are in words.
    const head = await signedIn(t.app, 'head');
    const page = await head.get(`/scorecard/children.left-care?month=2026-09&area=${area}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Amy Leaver (${kids.Amy!.reference})`);
    expect(page.body).toContain('Left care 10 September 2026: Returned home to live with parents or relatives');
    expect(page.body).not.toMatch(/Left care \d{4}-\d{2}-\d{2}/);
  });
});
