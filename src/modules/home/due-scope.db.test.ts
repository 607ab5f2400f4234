/**
 * Who is shown which deadlines: each role sees the items in their own scope only (a West social
 * worker no East items, a manager their team's, restricted households only to those named).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dueFixture } from '../../../test/support/due.ts';
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
import { eq, sql } from 'drizzle-orm';
import { healthAssessments } from '../children/tables.ts';
import { missingEpisodes } from '../missing/tables.ts';
import { placements } from '../placements/tables.ts';
import { independenceChecklists } from '../independence/tables.ts';
import { makeAudit, makeMonth } from '../audits/test-support.ts';
import { makeApproval } from '../connected-persons/test-support.ts';
import { makeEvent, makeMatter, makeStage } from '../concerns/test-support.ts';
import { makePanelDeadlines } from '../panel/test-support.ts';
import { makeReview, makeReviewLink } from '../reviews/test-support.ts';
import { makeRoad } from '../recruitment/test-support.ts';
import { clearJointTraining, makeAttendance, makeDay } from '../joint-training/test-support.ts';
import { clearServiceReviews } from '../service-reviews/test-support.ts';
import { makeStaffUser, makeStart } from '../staff/test-support.ts';
import { recruitmentExemptions } from '../recruitment/tables.ts';
import { makeSupervision } from '../supervision/test-support.ts';
import { clearLearning, makeTeamMeeting } from '../team-meetings/test-support.ts';
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
      ['Not placed with a household', 1, 0, 1],
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
    // At least one item under every rule, in West Kent Fostering Team 1 and elsewhere.
    for (const teamName of ['West Kent Fostering Team 1', 'East Kent Fostering Team 2']) {
      const household = await makeHousehold(db(), { teamName, statusSince: '2026-01-05' });
      const carer = await makeCarer(db(), household.id);
      await makeCheck(db(), household.id, { carerId: carer.id, kind: 'dbs', expiresOn: '2027-01-05' });
      await makeCheck(db(), household.id, { carerId: carer.id, kind: 'medical', expiresOn: '2027-02-05' });
      const area = teamName.startsWith('West') ? 'West Kent' : 'East Kent';
      const child = await makeChild(db(), { area, lookedAfterSince: '2026-11-02' });
      await makePlacement(db(), { childId: child.id, householdId: household.id, startDate: '2026-11-02' });
      const assessed = await makeChild(db(), { area });
      await makePlacement(db(), { childId: assessed.id, householdId: household.id, startDate: '2026-05-01' });
      await db().insert(healthAssessments).values({ childId: assessed.id, kind: 'initial', completedOn: '2026-06-01' });
      await refreshDueItems(db(), 'child', [assessed.id]);
      // A young person of 16 whose independence checklist is started, not completed.
      const young = await makeChild(db(), { area, dateOfBirth: '2010-06-01' });
      await makePlacement(db(), { childId: young.id, householdId: household.id, startDate: '2026-05-01' });
      await db().insert(independenceChecklists).values({ childId: young.id, startedOn: '2026-06-01' });
      await refreshDueItems(db(), 'child', [young.id]);
      // A young person of 17: leaving care at 18 is due on their birthday.
      const seventeen = await makeChild(db(), { area, dateOfBirth: '2009-06-01' });
      await makePlacement(db(), { childId: seventeen.id, householdId: household.id, startDate: '2026-05-01' });
      await refreshDueItems(db(), 'child', [seventeen.id]);
      await makeSupervision(db(), { householdId: household.id, visitDate: '2026-11-20', status: 'draft' });
      // An allegation not yet referred, one referred with nothing since, their significant events,
      // another event, a complaint at stage 1, and an annual review waiting for feedback.
      const householdId = household.id;
      const notReferred = await makeMatter(db(), { householdId, knownOn: '2026-11-20' });
      await makeMatter(db(), { householdId, knownOn: '2026-11-20', referredToLadoOn: '2026-11-20' });
      await makeEvent(db(), {
        householdId,
        knownAt: '2026-11-20 10:00',
        concernId: notReferred.id,
        kind: 'allegation',
      });
      await makeEvent(db(), { householdId, knownAt: '2026-11-20 11:00' });
      const complaint = await makeMatter(db(), {
        householdId,
        kind: 'complaint',
        stage: 'stage-1',
        knownOn: '2026-11-20',
      });
      await makeStage(db(), complaint.id, { receivedOn: '2026-11-20' });
      // A household in assessment with a check expiring soon.
      const road = await makeRoad(db(), {
        household: { teamName, status: 'in_assessment', statusSince: '2026-09-01' },
        enquiredOn: '2026-08-03',
        appliedOn: '2026-09-01',
        startedOn: '2026-09-10',
      });
      await makeCheck(db(), road.id, { kind: 'dbs', completedOn: '2024-01-05', expiresOn: '2027-01-05' });
      await refreshDueItems(db(), 'household', [road.id]);
      // A connected person in assessment with temporary approval for a child placed with them.
      const connected = await makeHousehold(db(), {
        teamName,
        status: 'in_assessment',
        householdType: 'family_and_friends',
        statusSince: '2026-10-01',
      });
      const kin = await makeChild(db(), { area, lookedAfterSince: '2026-10-05' });
      await makeApproval(db(), { householdId: connected.id, childId: kin.id, approvedOn: '2026-10-05' }, today);
      await makePlacement(db(), { childId: kin.id, householdId: connected.id, startDate: '2026-10-05' });
      // A member of staff who joined last month, new to the service.
      const member = await makeStaffUser(db(), { team: teamName });
      await makeStart(db(), member.id, '2026-11-02', true);
      // The head audited their folder last week and set their manager actions, not yet done.
      await db().execute(sql`insert into staff_folder_audits (staff_user_id, auditor_id, audited_on, has_agreement,
          supervised_in_time, sessions_signed, pdp_current, training_current, notes_show_analysis,
          notes_signs_of_safety, actions_followed_up, grade, findings, actions_for_manager)
        select ${member.id}, id, '2026-11-24', true, true, false, true, true, true, false, true,
          'requires_improvement', 'Records unsigned.', 'Sign the records.'
        from users where role = 'head_of_fostering' order by username limit 1`);
      await refreshDueItems(db(), 'staff-member', [member.id]);
      // A new enquiry not yet answered, and an exemption to review on the approved household.
      await makeRoad(db(), { household: { teamName, statusSince: '2026-11-30' }, enquiredOn: '2026-11-30' });
      await db().insert(recruitmentExemptions).values({
        householdId,
        agreedOn: '2026-06-01',
        agreedBy: 'The fostering panel',
        reason: 'A sibling group of four',
        childrenCovered: 'Four brothers and sisters',
        reviewOn: '2027-01-15',
      });
      await refreshDueItems(db(), 'household', [householdId]);
      // The child went missing, came back yesterday, and has no return interview offered yet.
      const [episode] = await db()
        .insert(missingEpisodes)
        .values({
          childId: child.id,
          placementId: (await db().select().from(placements).where(eq(placements.childId, child.id)))[0]!.id,
          householdId,
          missingOn: '2026-11-29',
          reportedToPolice: true,
          returnedOn: '2026-11-30',
        })
        .returning();
      await refreshDueItems(db(), 'missing-episode', [episode!.id]);
      const review = await makeReview(db(), {
        householdId,
        startedOn: '2026-11-20',
        children: [{ childId: child.id }],
      });
      await makeReviewLink(db(), {
        reviewId: review.id,
        childId: child.id,
        requestedAt: new Date('2026-11-20T10:00:00Z'),
      });
      // A case-file audit of a month not yet done, and an inadequate one not yet put right.
      const auditMonth = await makeMonth(db(), '2023-01', household.teamId);
      const audited = { monthId: auditMonth, householdId, teamId: household.teamId };
      await makeAudit(db(), audited);
      await makeAudit(db(), {
        ...audited,
        status: 'completed',
        grade: 'inadequate',
        auditedOn: '2026-11-20',
        putRightDueOn: '2026-11-27',
      });
      // And one put right, waiting for the auditor to confirm it.
      await makeAudit(db(), {
        ...audited,
        status: 'completed',
        grade: 'inadequate',
        auditedOn: '2026-11-16',
        putRightDueOn: '2026-11-23',
        putRightOn: '2026-11-20',
      });
      // Papers due to a panel meeting, a decision due on a recommendation, an applicant to tell.
      await makePanelDeadlines(db(), householdId, '2026-12-14', '2026-11-20');
    }
    // The six-monthly reviews of April to September 2026, none written: overdue since 31 October.
    await clearServiceReviews(db(), today);
    // A joint training day last month that Priya (West) attended and has not evaluated: the next day and her evaluation due.
    await clearJointTraining(db());
    const trained = await makeDay(db(), '2026-11-20', {}, today);
    await makeAttendance(db(), trained.id, { userId: (await viewer(db(), 'ssw2')).id }, undefined, today);
    // Learning from serious case reviews: no team meeting nor extended meeting this quarter or month, and an
    // action from a West team meeting last quarter given to its supervising social worker.
    await clearLearning(db(), today);
    const ssw2 = await viewer(db(), 'ssw2');
    await makeTeamMeeting(
      db(),
      {
        teamId: ssw2.teamId!,
        heldOn: '2026-09-15',
        chairedBy: ssw2.id,
        actions: [{ ownerId: ssw2.id, dueOn: '2026-12-15' }],
      },
      today,
    );
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
