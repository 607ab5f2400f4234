/**
 * Who is shown which deadlines: each role sees the items in their own scope only (a West social
 * worker no East items, a manager their team's, restricted households only to those named).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dueFixture } from '../../../test/support/due.ts';
import { makeItemsUnderEveryRule } from '../../../test/support/due-every-rule.ts';
import { makeCarer, makeCheck, makeHousehold, nameOnRestrictedHousehold } from '../../../test/support/households.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { areas, teams, users } from '../../platform/auth/tables.ts';
import {
  dueCountsByTeam,
  dueFor,
  dueRules,
  dueRulesFor,
  ACCOUNT_RECORD,
  refreshDueItems,
  summariseByTeam,
  type DueEntry,
} from '../../platform/due/index.ts';
import { serviceManager, viewer } from './test-support.ts';

const { db, head } = dueFixture();

describe('who sees what', () => {
  let eastHousehold: string;
  let eastTeam2Household: string;
  let westHousehold: string;
  let restrictedHousehold: string;
  let eastChild: string;
  let westChild: string;
  let unplacedChild: string;
  const today = '2026-12-01';

  beforeAll(async () => {
    const expiring = { kind: 'dbs', completedOn: '2023-12-10', expiresOn: '2026-12-10' };
    const withCheck = async (overrides: Parameters<typeof makeHousehold>[1]) => {
      const household = await makeHousehold(db(), overrides);
      const carer = await makeCarer(db(), household.id, { isStaff: overrides?.restricted ?? false });
      await makeCheck(db(), household.id, { ...expiring, carerId: carer.id });
      return household;
    };
    eastHousehold = (await withCheck({ teamName: 'East Kent Fostering Team 1' })).id;
    eastTeam2Household = (await withCheck({ teamName: 'East Kent Fostering Team 2' })).id;
    westHousehold = (await withCheck({ teamName: 'West Kent Fostering Team 1' })).id;
    restrictedHousehold = (await withCheck({ teamName: 'East Kent Fostering Team 1', restricted: true })).id;
    // Children looked after on 2 Nov 2026 with no initial assessment: due 30 Nov (20 working days, no holidays).
    const placedChild = async (area: string, householdId: string) => {
      const child = await makeChild(db(), { area, lookedAfterSince: '2026-11-02' });
      await makePlacement(db(), {
        childId: child.id,
        householdId,
        startDate: '2026-11-02',
        placementPlanOn: '2026-11-02',
      });
      return child.id;
    };
    eastChild = await placedChild('East Kent', eastHousehold);
    westChild = await placedChild('West Kent', westHousehold);
    unplacedChild = (await makeChild(db(), { area: 'East Kent', lookedAfterSince: '2026-11-02' })).id;
  });

  // The records each role is shown (once each, whichever rules make them due: supervision adds its own).
  const mine = (entries: DueEntry[]) =>
    [...new Set(entries.map((e) => e.recordId))].filter((id) =>
      [
        eastHousehold,
        eastTeam2Household,
        westHousehold,
        restrictedHousehold,
        eastChild,
        westChild,
        unplacedChild,
      ].includes(id),
    );

  it('a West supervising social worker sees no East items', async () => {
    const entries = await dueFor(db(), await viewer(db(), 'ssw2'), { today, horizonDays: 28 });
    expect(mine(entries).sort()).toEqual([westHousehold, westChild].sort());
  });

  it('a team manager sees their own team’s items, not another team’s nor a restricted household they are not named on', async () => {
    const manager = await viewer(db(), 'manager');
    expect(mine(await dueFor(db(), manager, { today, horizonDays: 28 })).sort()).toEqual(
      [eastHousehold, eastChild].sort(),
    );
    await nameOnRestrictedHousehold(db(), restrictedHousehold, manager.id);
    expect(mine(await dueFor(db(), manager, { today, horizonDays: 28 })).sort()).toEqual(
      [eastHousehold, restrictedHousehold, eastChild].sort(),
    );
  });

  it('a service manager sees their area’s items', async () => {
    const west = await serviceManager(db(), 'West Kent');
    expect(mine(await dueFor(db(), west, { today, horizonDays: 28 })).sort()).toEqual(
      [westHousehold, westChild].sort(),
    );
  });

  it('a children’s social worker sees only their allocated children’s items', async () => {
    const cicsw = await viewer(db(), 'cicsw');
    // makeChild allocates every child to cicsw; households' DBS renewals are not their work.
    expect(mine(await dueFor(db(), cicsw, { today, horizonDays: 28 })).sort()).toEqual(
      [eastChild, westChild, unplacedChild].sort(),
    );
  });

  it('the head of fostering sees everything, restricted households included, summarised by team', async () => {
    const entries = await dueFor(db(), head(), { today, horizonDays: 28 });
    expect(mine(entries).sort()).toEqual(
      [
        eastHousehold,
        eastTeam2Household,
        westHousehold,
        restrictedHousehold,
        eastChild,
        westChild,
        unplacedChild,
      ].sort(),
    );
    // The checks and health assessments only: the other modules' rules are tested in their own folders.
    const summary = summariseByTeam(
      entries.filter((e) => mine([e]).length && /^(households|children)\./.test(e.ruleId)),
    );
    expect(summary.map((r) => [r.teamName, r.overdue, r.dueSoon, r.total])).toEqual([
      // East Team 1: its household's DBS (10 Dec, 9 days: neither), the restricted one's, and the East child's IHA (overdue).
      ['East Kent Fostering Team 1', 1, 0, 3],
      ['East Kent Fostering Team 2', 0, 0, 1],
      ['West Kent Fostering Team 1', 1, 0, 2],
      ['No team', 1, 0, 1],
    ]);
  });

  it('a role whose work has no deadlines is shown none', async () => {
    expect(await dueFor(db(), await viewer(db(), 'panel'), { today, horizonDays: 28 })).toEqual([]);
  });
});

describe('the engine scopes every rule', () => {
  const today = '2026-12-01';
  const everything = { today, horizonDays: 3650 };

  beforeAll(async () => {
    await makeItemsUnderEveryRule(db(), today);
  });

  async function otherTeamManager(): Promise<SignedInUser> {
    const [area] = await db().insert(areas).values({ name: 'Elsewhere' }).returning();
    const [team] = await db().insert(teams).values({ name: 'Elsewhere Fostering Team', areaId: area!.id }).returning();
    await db().insert(users).values({
      username: 'elsewhere-manager',
      displayName: 'Elsewhere Manager',
      role: 'team_manager',
      teamId: team!.id,
      areaId: area!.id,
      passwordHash: 'not-a-real-hash',
    });
    return viewer(db(), 'elsewhere-manager');
  }

  it('has items under every registered rule (so the checks below are not empty)', async () => {
    const byRule = new Set((await dueFor(db(), head(), everything)).map((e) => e.ruleId));
    expect([...byRule].sort()).toEqual(
      dueRules()
        .map((r) => r.id)
        .sort(),
    );
  });

  it('shows a viewer with no scope nothing, under any rule', async () => {
    const noArea = { ...(await serviceManager(db(), 'West Kent')), areaId: null };
    const noTeam = { ...(await viewer(db(), 'manager')), teamId: null, areaId: null };
    // A team manager is shown every rule but the LADO's own, the agency decision maker's (the decision and its
    // letters), the payments officer's (enhancement reviews, the yearly rates) and the six-monthly reviews (their
    // writers' and the head's), a service manager all but the allegations': what they see below is empty because
    // of their scope, not because the rule is not theirs.
    const notShownToManagers = dueRules().filter((r) => !r.audience.includes('team_manager'));
    expect(notShownToManagers.map((r) => r.id).sort()).toEqual([
      'concerns.lado-decision',
      'joint-training.next-day',
      'panel.decision-due',
      'panel.letters-due',
      'payments.enhancement-review',
      'payments.rates-review',
      'service-reviews.agency-payments',
      'service-reviews.allegations-complaints',
      'service-reviews.carer-retention',
      'service-reviews.childrens-feedback',
      'staff.folder-audits-quarter',
      'team-meetings.extended-meeting',
    ]);
    expect(dueRulesFor(noArea).filter((r) => !r.id.startsWith('concerns.allegation')).length).toBeGreaterThan(10);
    for (const nobody of [noArea, noTeam]) {
      for (const rule of dueRules()) {
        // A member of staff's own deadlines (their supervision, their training) are theirs whatever their scope, and
        // so is work given to them by name (their team's discussion of a serious case review, an action from a
        // team meeting), which moves when their account's team changes.
        const items = await dueFor(db(), nobody, { ...everything, ruleIds: [rule.id] });
        const own = (e: DueEntry) =>
          (e.recordType === 'staff-member' && e.recordId === nobody.id) ||
          (/^team-meetings\./.test(e.ruleId) && e.ownerUserId === nobody.id);
        expect(
          items.filter((e) => !own(e)),
          rule.id,
        ).toEqual([]);
      }
    }
  });

  it('shows a manager of another team nothing, and a worker in a team only their team’s items', async () => {
    const elsewhere = await otherTeamManager();
    const ssw2 = await viewer(db(), 'ssw2');
    // The allegations' rules are not a supervising social worker's: their team's manager is asked.
    await db().insert(users).values({
      username: 'west-manager',
      displayName: 'West Manager',
      role: 'team_manager',
      teamId: ssw2.teamId,
      areaId: ssw2.areaId,
      passwordHash: 'not-a-real-hash',
    });
    const westManager = await viewer(db(), 'west-manager');
    // As the administration pages do when an account is made: the work that falls to it moves to it.
    await refreshDueItems(db(), ACCOUNT_RECORD, [westManager.id], today);
    for (const rule of dueRules()) {
      expect(await dueFor(db(), elsewhere, { ...everything, ruleIds: [rule.id] }), rule.id).toEqual([]);
      // The LADO's decision is shown to the LADO alone, county-wide (tested in concerns).
      if (!rule.audience.includes('team_manager')) continue;
      // A member of staff's deadlines are shown to them and their manager, not to a peer.
      const worker = rule.audience.includes(ssw2.role) && rule.recordType !== 'staff-member' ? ssw2 : westManager;
      const west = await dueFor(db(), worker, { ...everything, ruleIds: [rule.id] });
      expect(west.length, rule.id).toBeGreaterThan(0);
      expect(
        west.filter((e) => e.teamId !== ssw2.teamId).map((e) => e.label),
        rule.id,
      ).toEqual([]);
    }
    // Counted in SQL, the same: only their own team.
    expect((await dueCountsByTeam(db(), ssw2, everything)).map((r) => r.teamId)).toEqual([ssw2.teamId]);
    expect(await dueCountsByTeam(db(), elsewhere, everything)).toEqual([]);
  });
});
