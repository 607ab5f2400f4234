/**
 * The records behind the scope test of every deadline rule (src/modules/home/due-scope.db.test.ts): at least one item
 * under every registered rule, in West Kent Fostering Team 1 and in East Kent Fostering Team 2, as
 * on 1 December 2026. A rule added to a module needs its records here, or that test fails.
 */
import { eq, sql } from 'drizzle-orm';
import { makeCarer, makeCheck, makeHousehold, makeMember } from './households.ts';
import { makeChild, makePlacement } from './children.ts';
import type { Db } from '../../src/platform/db/client.ts';
import { rebuildDueItems, refreshDueItems } from '../../src/platform/due/index.ts';
import { healthAssessments } from '../../src/modules/children/tables.ts';
import { householdChangeNotices } from '../../src/modules/households/tables.ts';
import { missingEpisodes } from '../../src/modules/missing/tables.ts';
import { psychologyRequests } from '../../src/modules/extra-support/tables.ts';
import { placements } from '../../src/modules/placements/tables.ts';
import { independenceChecklists } from '../../src/modules/independence/tables.ts';
import { makeAudit, makeMonth } from '../../src/modules/audits/test-support.ts';
import { makeApproval } from '../../src/modules/connected-persons/test-support.ts';
import { makeEvent, makeMatter, makeStage } from '../../src/modules/concerns/test-support.ts';
import { makePanelDeadlines } from '../../src/modules/panel/test-support.ts';
import { makeReview, makeReviewLink } from '../../src/modules/reviews/test-support.ts';
import { makeRoad } from '../../src/modules/recruitment/test-support.ts';
import { clearJointTraining, makeAttendance, makeDay } from '../../src/modules/joint-training/test-support.ts';
import { clearServiceReviews } from '../../src/modules/service-reviews/test-support.ts';
import { makeStaffUser, makeStart } from '../../src/modules/staff/test-support.ts';
import { recruitmentExemptions } from '../../src/modules/recruitment/tables.ts';
import { makeSupervision } from '../../src/modules/supervision/test-support.ts';
import { clearLearning, makeTeamMeeting } from '../../src/modules/team-meetings/test-support.ts';
import { viewer } from '../../src/modules/home/test-support.ts';

export async function makeItemsUnderEveryRule(db: Db, today: string): Promise<void> {
  // At least one item under every rule, in West Kent Fostering Team 1 and elsewhere.
  for (const teamName of ['West Kent Fostering Team 1', 'East Kent Fostering Team 2']) {
    const household = await makeHousehold(db, { teamName, statusSince: '2026-01-05' });
    const carer = await makeCarer(db, household.id);
    await makeCheck(db, household.id, { carerId: carer.id, kind: 'dbs', expiresOn: '2027-01-05' });
    await makeCheck(db, household.id, { carerId: carer.id, kind: 'medical', expiresOn: '2027-02-05' });
    // A birth child of 17 with no DBS check: due on their 18th birthday.
    await makeMember(db, household.id, { dateOfBirth: '2009-06-01' });
    // A change the carers told us about, not yet dealt with.
    await db.insert(householdChangeNotices).values({
      householdId: household.id,
      kind: 'other',
      details: 'A new job with night shifts',
      toldBy: household.allocatedSswId ?? (await viewer(db, 'head')).id,
    });
    const area = teamName.startsWith('West') ? 'West Kent' : 'East Kent';
    const child = await makeChild(db, { area, lookedAfterSince: '2026-11-02' });
    await makePlacement(db, { childId: child.id, householdId: household.id, startDate: '2026-11-02' });
    const assessed = await makeChild(db, { area });
    await makePlacement(db, { childId: assessed.id, householdId: household.id, startDate: '2026-05-01' });
    await db.insert(healthAssessments).values({ childId: assessed.id, kind: 'initial', completedOn: '2026-06-01' });
    await refreshDueItems(db, 'child', [assessed.id]);
    // A young person of 16 whose independence checklist is started, not completed.
    const young = await makeChild(db, { area, dateOfBirth: '2010-06-01' });
    await makePlacement(db, { childId: young.id, householdId: household.id, startDate: '2026-05-01' });
    await db.insert(independenceChecklists).values({ childId: young.id, startedOn: '2026-06-01' });
    await refreshDueItems(db, 'child', [young.id]);
    // A young person of 17: leaving care at 18 is due on their birthday.
    const seventeen = await makeChild(db, { area, dateOfBirth: '2009-06-01' });
    await makePlacement(db, { childId: seventeen.id, householdId: household.id, startDate: '2026-05-01' });
    await refreshDueItems(db, 'child', [seventeen.id]);
    await makeSupervision(db, { householdId: household.id, visitDate: '2026-11-20', status: 'draft' });
    // An allegation not yet referred, one referred with nothing since, their significant events,
    // another event, a complaint at stage 1, and an annual review waiting for feedback.
    const householdId = household.id;
    const notReferred = await makeMatter(db, { householdId, knownOn: '2026-11-20' });
    await makeMatter(db, { householdId, knownOn: '2026-11-20', referredToLadoOn: '2026-11-20' });
    await makeEvent(db, {
      householdId,
      knownAt: '2026-11-20 10:00',
      concernId: notReferred.id,
      kind: 'allegation',
    });
    await makeEvent(db, { householdId, knownAt: '2026-11-20 11:00' });
    const complaint = await makeMatter(db, {
      householdId,
      kind: 'complaint',
      stage: 'stage-1',
      knownOn: '2026-11-20',
    });
    await makeStage(db, complaint.id, { receivedOn: '2026-11-20' });
    // A household in assessment with a check expiring soon.
    const road = await makeRoad(db, {
      household: { teamName, status: 'in_assessment', statusSince: '2026-09-01' },
      enquiredOn: '2026-08-03',
      appliedOn: '2026-09-01',
      startedOn: '2026-09-10',
    });
    await makeCheck(db, road.id, { kind: 'dbs', completedOn: '2024-01-05', expiresOn: '2027-01-05' });
    await refreshDueItems(db, 'household', [road.id]);
    // A connected person in assessment with temporary approval for a child placed with them.
    const connected = await makeHousehold(db, {
      teamName,
      status: 'in_assessment',
      householdType: 'family_and_friends',
      statusSince: '2026-10-01',
    });
    const kin = await makeChild(db, { area, lookedAfterSince: '2026-10-05' });
    await makeApproval(db, { householdId: connected.id, childId: kin.id, approvedOn: '2026-10-05' }, today);
    await makePlacement(db, { childId: kin.id, householdId: connected.id, startDate: '2026-10-05' });
    // A member of staff who joined last month, new to the service.
    const member = await makeStaffUser(db, { team: teamName });
    await makeStart(db, member.id, '2026-11-02', true);
    // The head audited their folder last week and set their manager actions, not yet done.
    await db.execute(sql`insert into staff_folder_audits (staff_user_id, auditor_id, audited_on, has_agreement,
        supervised_in_time, sessions_signed, pdp_current, training_current, notes_show_analysis,
        notes_signs_of_safety, actions_followed_up, grade, findings, actions_for_manager)
      select ${member.id}, id, '2026-11-24', true, true, false, true, true, true, false, true,
        'requires_improvement', 'Records unsigned.', 'Sign the records.'
      from users where role = 'head_of_fostering' order by username limit 1`);
    await refreshDueItems(db, 'staff-member', [member.id]);
    // A new enquiry not yet answered, and an exemption to review on the approved household.
    await makeRoad(db, { household: { teamName, statusSince: '2026-11-30' }, enquiredOn: '2026-11-30' });
    await db.insert(recruitmentExemptions).values({
      householdId,
      agreedOn: '2026-06-01',
      agreedBy: 'The fostering panel',
      reason: 'A sibling group of four',
      childrenCovered: 'Four brothers and sisters',
      reviewOn: '2027-01-15',
    });
    await refreshDueItems(db, 'household', [householdId]);
    // The child went missing, came back yesterday, and has no return interview offered yet.
    const [episode] = await db
      .insert(missingEpisodes)
      .values({
        childId: child.id,
        placementId: (await db.select().from(placements).where(eq(placements.childId, child.id)))[0]!.id,
        householdId,
        missingOn: '2026-11-29',
        reportedToPolice: true,
        returnedOn: '2026-11-30',
      })
      .returning();
    await refreshDueItems(db, 'missing-episode', [episode!.id]);
    // An emergency request for psychology support on Friday 27 November with no first session yet: due 1 December.
    const [request] = await db
      .insert(psychologyRequests)
      .values({
        householdId,
        requestedOn: '2026-11-27',
        urgency: 'emergency',
        reason: 'A made-up request',
        dueOn: '2026-12-01',
      })
      .returning();
    await refreshDueItems(db, 'psychology-request', [request!.id]);
    const review = await makeReview(db, {
      householdId,
      startedOn: '2026-11-20',
      children: [{ childId: child.id }],
    });
    await makeReviewLink(db, {
      reviewId: review.id,
      childId: child.id,
      requestedAt: new Date('2026-11-20T10:00:00Z'),
    });
    // A case-file audit of a month not yet done, and an inadequate one not yet put right.
    const auditMonth = await makeMonth(db, '2023-01', household.teamId);
    const audited = { monthId: auditMonth, householdId, teamId: household.teamId };
    await makeAudit(db, audited);
    await makeAudit(db, {
      ...audited,
      status: 'completed',
      grade: 'inadequate',
      auditedOn: '2026-11-20',
      putRightDueOn: '2026-11-27',
    });
    // And one put right, waiting for the auditor to confirm it.
    await makeAudit(db, {
      ...audited,
      status: 'completed',
      grade: 'inadequate',
      auditedOn: '2026-11-16',
      putRightDueOn: '2026-11-23',
      putRightOn: '2026-11-20',
    });
    // Papers due to a panel meeting, a decision due on a recommendation, an applicant to tell.
    await makePanelDeadlines(db, householdId, '2026-12-14', '2026-11-20');
  }
  // The six-monthly reviews of April to September 2026, none written: overdue since 31 October.
  await clearServiceReviews(db, today);
  // A joint training day last month that Priya (West) attended and has not evaluated: the next day and her evaluation due.
  await clearJointTraining(db);
  const trained = await makeDay(db, '2026-11-20', {}, today);
  await makeAttendance(db, trained.id, { userId: (await viewer(db, 'ssw2')).id }, undefined, today);
  // Learning from serious case reviews: no team meeting nor extended meeting this quarter or month, and an
  // action from a West team meeting last quarter given to its supervising social worker.
  await clearLearning(db, today);
  const ssw2 = await viewer(db, 'ssw2');
  await makeTeamMeeting(
    db,
    {
      teamId: ssw2.teamId!,
      heldOn: '2026-09-15',
      chairedBy: ssw2.id,
      actions: [{ ownerId: ssw2.id, dueOn: '2026-12-15' }],
    },
    today,
  );
  // Every rule's items as on `today`, whatever the clock says when the tests run (a link that
  // expires, a quarter that ends): the test reads them as on that day.
  await rebuildDueItems(db, { today });
}
