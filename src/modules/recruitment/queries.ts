/** The recruitment module's reads: one household's road in and out, and the choices its forms offer. */
import { aliasedTable, and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { users } from '../../platform/auth/tables.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { carers, householdMembers, households, personChecks } from '../households/tables.ts';
import { isAdultMember, stage1Checks, type Person } from './checks.ts';
import {
  recruitmentAssessments,
  recruitmentEnquiries,
  recruitmentEventAttendees,
  recruitmentEvents,
  recruitmentExemptions,
  recruitmentLeavings,
  recruitmentPostApprovalInterviews,
  recruitmentTransfers,
  recruitmentVisits,
  recruitmentWithdrawals,
} from './tables.ts';
import { householdReferenceTyped } from '../households/scope.ts';

const assessor = aliasedTable(users, 'assessor');
const mentor = aliasedTable(households, 'mentor');

/** Everything recorded on one household's road in and out, read in a handful of queries. */
export async function recruitmentRecord(db: DbOrTx, householdId: string) {
  const today = todayInLondon();
  const [enquiry] = await db
    .select()
    .from(recruitmentEnquiries)
    .where(eq(recruitmentEnquiries.householdId, householdId));
  const [assessmentRow] = await db
    .select({ assessment: recruitmentAssessments, assessorName: assessor.displayName, mentorName: mentor.name })
    .from(recruitmentAssessments)
    .leftJoin(assessor, eq(assessor.id, recruitmentAssessments.assessorId))
    .leftJoin(mentor, eq(mentor.id, recruitmentAssessments.mentorHouseholdId))
    .where(eq(recruitmentAssessments.householdId, householdId));
  const events = await db
    .select({
      id: recruitmentEvents.id,
      heldOn: recruitmentEvents.heldOn,
      place: recruitmentEvents.place,
      online: recruitmentEvents.online,
    })
    .from(recruitmentEventAttendees)
    .innerJoin(recruitmentEvents, eq(recruitmentEvents.id, recruitmentEventAttendees.eventId))
    .where(eq(recruitmentEventAttendees.householdId, householdId))
    .orderBy(asc(recruitmentEvents.heldOn));
  const visits = await db
    .select({ visit: recruitmentVisits, workerName: users.displayName })
    .from(recruitmentVisits)
    .innerJoin(users, eq(users.id, recruitmentVisits.workerId))
    .where(eq(recruitmentVisits.householdId, householdId))
    .orderBy(asc(recruitmentVisits.visitedOn));
  // Every check on the household, whether made at this assessment or before (a carer's DBS renewed).
  const checks = await db
    .select({
      id: personChecks.id,
      kind: personChecks.kind,
      carerId: personChecks.carerId,
      memberId: personChecks.memberId,
      doneOn: personChecks.completedOn,
      satisfactory: personChecks.satisfactory,
      outcome: personChecks.outcome,
      expiresOn: personChecks.expiresOn,
      note: personChecks.note,
    })
    .from(personChecks)
    .where(eq(personChecks.householdId, householdId))
    .orderBy(desc(personChecks.completedOn), desc(personChecks.createdAt));
  const people = await adultsOf(db, householdId);
  const [withdrawal] = await db
    .select()
    .from(recruitmentWithdrawals)
    .where(eq(recruitmentWithdrawals.householdId, householdId));
  const exemptions = await db
    .select()
    .from(recruitmentExemptions)
    .where(eq(recruitmentExemptions.householdId, householdId))
    .orderBy(desc(recruitmentExemptions.agreedOn));
  const [leaving] = await db.select().from(recruitmentLeavings).where(eq(recruitmentLeavings.householdId, householdId));
  const [interview] = await db
    .select()
    .from(recruitmentPostApprovalInterviews)
    .where(eq(recruitmentPostApprovalInterviews.householdId, householdId));
  const [transfer] = await db
    .select()
    .from(recruitmentTransfers)
    .where(eq(recruitmentTransfers.householdId, householdId));
  const assessment = assessmentRow?.assessment ?? null;
  const required = assessment
    ? stage1Checks(people.carers, people.adults, checks, assessment.needsEmployerReference, today)
    : [];
  return {
    enquiry: enquiry ?? null,
    assessment,
    assessorName: assessmentRow?.assessorName ?? null,
    mentorName: assessmentRow?.mentorName ?? null,
    events,
    visits,
    checks,
    people,
    required,
    withdrawal: withdrawal ?? null,
    transfer: transfer ?? null,
    exemptions,
    leaving: leaving ?? null,
    interview: interview ?? null,
  };
}
export type RecruitmentRecord = Awaited<ReturnType<typeof recruitmentRecord>>;

/** The day the fostering panel first made a recommendation on the household's approval, or null. */
export async function panelRecommendedOn(db: DbOrTx, householdId: string): Promise<IsoDate | null> {
  const [row] = await queryRows<{ on: IsoDate | null }>(
    db,
    sql`select min(m.meets_on)::text as on from panel_items i join panel_meetings m on m.id = i.meeting_id
      where i.household_id = ${householdId} and i.kind = 'approval' and i.recommendation is not null`,
  );
  return row?.on ?? null;
}

/** The household's carers and adult members, who each need a DBS and local authority checks. */
export async function adultsOf(db: DbOrTx, householdId: string) {
  const today = todayInLondon();
  const carerRows = await db
    .select({ id: carers.id, firstName: carers.firstName, lastName: carers.lastName })
    .from(carers)
    .where(and(eq(carers.householdId, householdId), isNull(carers.leftOn)))
    .orderBy(asc(carers.createdAt), asc(carers.id));
  const memberRows = await db
    .select()
    .from(householdMembers)
    .where(eq(householdMembers.householdId, householdId))
    .orderBy(asc(householdMembers.createdAt), asc(householdMembers.id));
  const carerPeople: Person[] = carerRows.map((c) => ({
    carerId: c.id,
    memberId: null,
    name: `${c.firstName} ${c.lastName}`,
  }));
  const adults: Person[] = memberRows
    .filter((m) => isAdultMember(m, today))
    .map((m) => ({ carerId: null, memberId: m.id, name: `${m.firstName} ${m.lastName}` }));
  return { carers: carerPeople, adults };
}

/** Assessing social workers (and managers who assess) for the assessor and visit worker lists. */
export async function workerOptions(db: DbOrTx) {
  return db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        inArray(users.role, [
          'assessing_social_worker',
          'recruitment_coordinator',
          'team_manager',
          'supervising_social_worker',
        ]),
      ),
    )
    .orderBy(asc(users.displayName));
}

type Applicant = { id: string; teamId: string; areaId: string };

/** Who may mentor the applicant: an approved household of the area's register, not restricted, not theirs. */
const mayMentor = (household: Applicant) =>
  and(
    eq(households.status, 'approved'),
    eq(households.restricted, false),
    sql`${households.id} <> ${household.id}`,
    sql`${households.teamId} in (select id from teams where area_id = ${household.areaId})`,
  );

/** How many mentors the form lists: any other household of the area is found by its reference. */
export const MENTORS_LISTED = 200;

/**
 * Approved households in the same area to choose a mentor from: the applicant's own team first,
 * then the longest approved (the most experienced), at most MENTORS_LISTED.
 */
export async function mentorOptions(db: DbOrTx, household: Applicant) {
  return db
    .select({ id: households.id, name: households.name, reference: households.reference })
    .from(households)
    .where(mayMentor(household))
    .orderBy(
      sql`${households.teamId} = ${household.teamId} desc`,
      sql`${households.approvedOn} asc nulls last`,
      asc(households.name),
    )
    .limit(MENTORS_LISTED);
}

/** The household that may mentor the applicant with this id or reference as typed (householdReferenceTyped), or null. */
export async function findMentor(db: DbOrTx, household: Applicant, by: { id: string } | { reference: string }) {
  const which = 'id' in by ? eq(households.id, by.id) : householdReferenceTyped(by.reference);
  const [found] = await db
    .select({ id: households.id, name: households.name, reference: households.reference })
    .from(households)
    .where(and(mayMentor(household), which))
    .limit(1);
  return found ?? null;
}
