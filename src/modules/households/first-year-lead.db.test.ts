/**
 * New carers with a first-year lead worker (plan action 10.3), hand-worked for June 2026 in a team
 * of its own: the households approved on 30 June whose approval is less than a year old, met when a
 * lead worker is named.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { areas, teams } from '../../platform/auth/tables.ts';
import { countMeasure, measureRecords, periodOf } from '../../platform/measures/index.ts';
import { refreshHouseholdFacts } from './facts.ts';
import { firstYearLead } from './measures.ts';
import { householdStatusEvents, households } from './tables.ts';

const t = testAppForFile();
const june = periodOf('2026-06', '2026-11-22');

describe('new carers with a first-year lead worker', () => {
  it('counts the households approved less than a year on 30 June, met when a lead worker is named', async () => {
    const db = t.database.db;
    const [area] = await db.insert(areas).values({ name: 'Leadshire' }).returning();
    const [team] = await db.insert(teams).values({ name: 'Leadshire Team', areaId: area!.id }).returning();
    const inTeam = { teamId: team!.id };
    const led = await makeHousehold(db, { ...inTeam, name: 'Ledfamily', statusSince: '2026-03-01' });
    await db
      .update(households)
      .set({ firstYearLeadId: await userIdByUsername(db, 'manager') })
      .where(eq(households.id, led.id));
    const alone = await makeHousehold(db, { ...inTeam, name: 'Alonefamily', statusSince: '2025-07-01' });
    // Approved a year to the day before 30 June: its first year is over.
    const yearOver = await makeHousehold(db, { ...inTeam, statusSince: '2025-06-30' });
    // Approved in July: not yet approved on 30 June.
    const july = await makeHousehold(db, { ...inTeam, statusSince: '2026-07-05' });
    // Approved in February, on hold from 15 June: not approved on 30 June.
    const paused = await makeHousehold(db, {
      ...inTeam,
      status: 'on_hold',
      statusSince: '2026-06-15',
      approvedOn: '2026-02-01',
    });
    await db
      .insert(householdStatusEvents)
      .values({ householdId: paused.id, toStatus: 'approved', onDate: '2026-02-01' });
    await refreshHouseholdFacts(db, paused.id);

    const { figures } = await countMeasure(db, firstYearLead, june);
    const teamFigure = figures.find((f) => f.scopeKind === 'team' && f.scopeId === team!.id);
    expect(teamFigure).toMatchObject({ numerator: 1, denominator: 2, value: 50 });

    const rows = await measureRecords(db, firstYearLead, june);
    const ours = [led.id, alone.id, yearOver.id, july.id, paused.id];
    expect(rows.filter((r) => ours.includes(r.recordId)).map((r) => [r.label.split(' (')[0], r.met, r.detail])).toEqual(
      expect.arrayContaining([
        ['Ledfamily', true, 'Approved 2026-03-01; lead worker Maya Mensah'],
        ['Alonefamily', false, 'Approved 2025-07-01; no lead worker named'],
      ]),
    );
    expect(rows.filter((r) => ours.includes(r.recordId))).toHaveLength(2);
  });
});
