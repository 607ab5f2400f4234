import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makeReferral } from '../../../test/support/children.ts';
import { areas, teams, users } from '../../platform/auth/tables.ts';
import { breakdownOf, measureRecords, periodOf, registerMeasure } from '../../platform/measures/index.ts';
import { referralsReturned } from './referral-measure.ts';
import { referralEvents } from './tables.ts';

const t = testAppForFile();

describe('referrals returned for quality', () => {
  /**
   * A world of its own, June 2026 (London dates; `at` is stored in UTC):
   *   Team A's manager (Returnshire Team A): returned Ada on 3 June, Ada again on 10 June, accepted Ada on
   *     20 June, returned Bo at 00:30 on 1 June (23:30 on 31 May in UTC): 3 returns of 4 decisions;
   *   Team B's manager: accepted Cy on 15 June: 0 of 1;
   *   the area's service manager (no team): returned Di on 30 June: counted for the area only;
   *   not counted: Bo accepted at 00:30 on 1 July (23:30 on 30 June in UTC), Cy returned in May, and
   *     Ada's submission and re-submissions (not review decisions).
   * Service and area: 4 returns of 6 decisions = 66.7%; team A 3 of 4 = 75%; team B 0 of 1 = 0%.
   */
  it('counts each return among the month’s review decisions, by the reviewer’s team and area', async () => {
    const db = t.database.db;
    const [area] = await db.insert(areas).values({ name: 'Returnshire' }).returning();
    const [teamA] = await db.insert(teams).values({ name: 'Returnshire Team A', areaId: area!.id }).returning();
    const [teamB] = await db.insert(teams).values({ name: 'Returnshire Team B', areaId: area!.id }).returning();
    const person = async (username: string, displayName: string, teamId: string | null, role: string) => {
      const [row] = await db
        .insert(users)
        .values({ username, displayName, role, teamId, areaId: area!.id, passwordHash: 'not-used' })
        .returning();
      return row!.id;
    };
    const managerA = await person('returns-tm-a', 'Alex Reviewer', teamA!.id, 'team_manager');
    const managerB = await person('returns-tm-b', 'Blake Reviewer', teamB!.id, 'team_manager');
    const serviceManager = await person('returns-sm', 'Sam Areamanager', null, 'service_manager');
    const referralFor = async (lastName: string) => {
      const child = await makeChild(db, { areaId: area!.id, firstName: 'Kit', lastName });
      return makeReferral(db, { childId: child.id });
    };
    const ada = await referralFor('Ada');
    const bo = await referralFor('Bo');
    const cy = await referralFor('Cy');
    const di = await referralFor('Di');
    const event = (referralId: string, kind: string, at: string, byUserId: string) =>
      db.insert(referralEvents).values({ referralId, kind, at: new Date(at), byUserId });
    await event(ada.id, 'returned', '2026-06-03T09:00:00Z', managerA);
    await event(ada.id, 'resubmitted', '2026-06-05T09:00:00Z', managerA);
    await event(ada.id, 'returned', '2026-06-10T09:00:00Z', managerA);
    await event(ada.id, 'resubmitted', '2026-06-12T09:00:00Z', managerA);
    await event(ada.id, 'accepted', '2026-06-20T09:00:00Z', managerA);
    await event(bo.id, 'returned', '2026-05-31T23:30:00Z', managerA);
    await event(bo.id, 'accepted', '2026-06-30T23:30:00Z', managerA);
    await event(cy.id, 'returned', '2026-05-20T09:00:00Z', managerB);
    await event(cy.id, 'accepted', '2026-06-15T09:00:00Z', managerB);
    await event(di.id, 'returned', '2026-06-30T12:00:00Z', serviceManager);

    const ours = new Set([ada.id, bo.id, cy.id, di.id]);
    const all = await measureRecords(db, referralsReturned, periodOf('2026-06', '2026-11-23'));
    const rows = all.filter((r) => ours.has(r.recordId));
    expect(rows).toHaveLength(6);
    expect(rows.filter((r) => r.met)).toHaveLength(4);
    expect(rows.find((r) => r.recordId === di.id)).toMatchObject({ teamId: null, areaId: area!.id, met: true });
    expect(rows.find((r) => r.recordId === bo.id)?.detail).toBe('Returned on 1 June 2026 by Alex Reviewer');

    const figures = breakdownOf(referralsReturned, rows);
    const scope = (kind: string, id: string) => figures.find((f) => f.scopeKind === kind && f.scopeId === id);
    expect(scope('service', '')).toMatchObject({ numerator: 4, denominator: 6 });
    expect(scope('service', '')!.value).toBeCloseTo(66.67, 1);
    expect(scope('area', area!.id)).toMatchObject({ numerator: 4, denominator: 6 });
    expect(scope('team', teamA!.id)).toMatchObject({ numerator: 3, denominator: 4, value: 75 });
    expect(scope('team', teamB!.id)).toMatchObject({ numerator: 0, denominator: 1, value: 0 });

    // On the scorecard, with the returned referrals listed for the team.
    registerMeasure(referralsReturned);
    const head = await signedIn(t.app, 'head');
    const page = await head.get(`/scorecard/placements.referrals-returned?month=2026-06&team=${teamA!.id}&list=met`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Referrals returned for quality');
    expect(page.body).toContain('75%');
    expect(page.body).toContain('Kit Ada');
    expect(page.body).toContain('Target 8, action 8.2');
  });
});
