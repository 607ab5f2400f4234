import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { recordAudit, recordAudits } from '../../platform/audit/service.ts';
import { canChangeHousehold } from '../../platform/access/scope.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { householdChanged } from '../../platform/modules/household-changes.ts';
import { formatDate } from '../../platform/views/format.ts';
import { changedFields } from './access.ts';
import { invalid, type FieldError, type Invalid, type Refusal, type Who } from '../../platform/views/results.ts';
import { householdFor } from './scope.ts';
import type { AllocationInput, DetailsInput, EnquiryInput, ProfileInput, StatusInput, TermsInput } from './forms.ts';
import { refreshHouseholdFacts } from './facts.ts';
import { findTeam, findUserForAllocation } from './queries.ts';
import { nextHouseholdReference } from './reference.ts';
import { approvalStandsWhile, canMove, statusesNeedingReason, statusName, statusNames } from './labels.ts';
import { carers, householdRestrictedAccess, householdStatusEvents, households } from './tables.ts';

export type Done = { ok: true };
export type Result<T = Done> = T | Refusal | Invalid;

/** Locks the household row so two changes to one household happen one after the other. */
export async function lockHousehold(tx: DbOrTx, id: string): Promise<void> {
  await tx.execute(sql`select 1 from ${households} where ${households.id} = ${id} for update`);
}

/** A team the user may record households in: they must be able to change a household there. */
async function teamFor(db: DbOrTx, who: Who, teamId: string): Promise<{ id: string; areaId: string } | FieldError> {
  const team = await findTeam(db, teamId);
  if (!team) return { field: 'teamId', message: 'Select the fostering team from the list' };
  if (!canChangeHousehold(who.user, { teamId: team.id, areaId: team.areaId, allocatedSswId: null })) {
    return { field: 'teamId', message: 'Select a team whose households you look after' };
  }
  return team;
}

/**
 * Records a new enquiry: the household and its first carer, with its first status event, dated
 * today or (from the recruitment module's enquiry form) the day the enquiry was made.
 */
export async function recordEnquiry(
  db: Db,
  who: Who,
  input: EnquiryInput,
  enquiredOn: string = todayInLondon(),
): Promise<Result<{ ok: true; id: string }>> {
  return db.transaction(async (tx) => {
    const team = await teamFor(tx, who, input.teamId);
    if ('field' in team) return invalid(team);
    const today = enquiredOn;
    const reference = await nextHouseholdReference(tx);
    const [household] = await tx
      .insert(households)
      .values({
        reference,
        name: input.name,
        addressLine1: input.addressLine1,
        addressLine2: input.addressLine2,
        town: input.town,
        postcode: input.postcode,
        teamId: team.id,
        householdType: input.householdType,
        status: 'enquiry',
        statusSince: today,
      })
      .returning({ id: households.id });
    const id = household!.id;
    const [carer] = await tx
      .insert(carers)
      .values({ householdId: id, firstName: input.carerFirstName, lastName: input.carerLastName })
      .returning({ id: carers.id });
    await tx.insert(householdStatusEvents).values({
      householdId: id,
      toStatus: 'enquiry',
      onDate: today,
      byUserId: who.user.id,
      origin: 'enquiry',
    });
    await refreshDueItems(tx, 'household', [id]);
    await refreshHouseholdFacts(tx, id);
    await recordAudits(tx, who.actor, [
      { action: 'create', recordType: 'household', recordId: id },
      { action: 'create', recordType: 'carer', recordId: carer!.id },
    ]);
    return { ok: true, id };
  });
}

/**
 * Writes the columns of a household that the form changed, and audits which ones (names only,
 * never values). Nothing is written or audited when nothing changed.
 */
async function writeChangedColumns(
  tx: DbOrTx,
  who: Who,
  household: { id: string } & object,
  input: Partial<typeof households.$inferInsert>,
  audit: { action: string; part?: string },
): Promise<void> {
  const fields = changedFields(household, input);
  if (!fields.length) return;
  await tx
    .update(households)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(households.id, household.id));
  await refreshDueItems(tx, 'household', [household.id]);
  await recordAudit(tx, who.actor, {
    action: audit.action,
    recordType: 'household',
    recordId: household.id,
    detail: audit.part ? { part: audit.part, fields } : { fields },
  });
}
/** Changes the name, address, team and type of fostering. */
export async function updateDetails(db: Db, who: Who, id: string, input: DetailsInput): Promise<Result> {
  return db.transaction(async (tx) => {
    await lockHousehold(tx, id);
    const access = await householdFor(tx, who.user, id, 'change');
    if (!access.ok) return access;
    if (input.teamId !== access.household.teamId) {
      const team = await teamFor(tx, who, input.teamId);
      if ('field' in team) return invalid(team);
    }
    await writeChangedColumns(tx, who, access.household, input, { action: 'update' });
    return { ok: true };
  });
}

/** Why approval is refused on the change-status page: only an agency decision approves. */
export const APPROVAL_ONLY_BY_DECISION =
  'A household is approved only by the agency decision maker’s decision on the fostering panel’s recommendation: put the household on a fostering panel agenda';

/**
 * Moves a household to a new status, if that move is allowed from where it is now. The date
 * may not be in the future nor before the current status began; some moves need a reason.
 * Approval is never a free choice: back to approved (from on hold or inactive) only while the
 * approval an agency decision made stands; a first approval only by the decision (approveByDecision).
 */
export async function changeStatus(
  db: Db,
  who: Who,
  id: string,
  input: StatusInput,
  origin: StatusOrigin = { origin: 'status-page' },
): Promise<Result> {
  return db.transaction(async (tx) => {
    await lockHousehold(tx, id);
    const access = await householdFor(tx, who.user, id, 'change');
    if (!access.ok) return access;
    const household = access.household;
    const errors: FieldError[] = [];
    if (input.toStatus === 'approved' && (!household.approvedOn || !canMove(household.status, 'approved'))) {
      errors.push({ field: 'toStatus', message: APPROVAL_ONLY_BY_DECISION });
    } else if (!canMove(household.status, input.toStatus)) {
      errors.push({
        field: 'toStatus',
        message: `A household cannot move from ${statusName(household.status).toLowerCase()} to ${statusNames[input.toStatus].toLowerCase()}: select one of the statuses shown`,
      });
    }
    if (input.onDate > todayInLondon()) {
      errors.push({ field: 'onDate', message: 'The date of the change must be today or in the past' });
    } else if (input.onDate < household.statusSince) {
      errors.push({
        field: 'onDate',
        message: `The date of the change must be on or after ${formatDate(household.statusSince)}, when the household became ${statusName(household.status).toLowerCase()}`,
      });
    }
    if (statusesNeedingReason.includes(input.toStatus) && !input.reason) {
      errors.push({
        field: 'reason',
        message: `Enter the reason for the change to ${statusNames[input.toStatus].toLowerCase()}`,
      });
    }
    if (errors.length) return invalid(...errors);
    await writeStatus(tx, who, household, input, origin);
    return { ok: true };
  });
}

/**
 * Where a status change is recorded (kept on its event): by hand on the change-status page, by a
 * step of another module through the lifecycle, or by an agency decision (which names itself).
 */
export type StatusOrigin =
  { origin: 'status-page' | 'module-step' } | { origin: 'agency-decision'; decisionId: string };

/**
 * Writes a status change in the caller's transaction: the status (and, on a first approval, the
 * approval date), the dated event with where it was recorded, deadlines, kept status periods and
 * the audit entry.
 */
export async function writeStatus(
  tx: DbOrTx,
  who: Who,
  household: { id: string; status: string; approvedOn: string | null },
  input: StatusInput,
  from: StatusOrigin,
): Promise<void> {
  const firstApproval = input.toStatus === 'approved' && !household.approvedOn;
  await tx
    .update(households)
    .set({
      status: input.toStatus,
      statusSince: input.onDate,
      ...(firstApproval ? { approvedOn: input.onDate } : {}),
      updatedAt: new Date(),
    })
    .where(eq(households.id, household.id));
  const [event] = await tx
    .insert(householdStatusEvents)
    .values({
      householdId: household.id,
      fromStatus: household.status,
      toStatus: input.toStatus,
      onDate: input.onDate,
      reason: input.reason,
      byUserId: who.user.id,
      origin: from.origin,
      originId: from.origin === 'agency-decision' ? from.decisionId : null,
    })
    .returning({ id: householdStatusEvents.id });
  // What other modules do in the same save when the household's approval ends (a hub family stops).
  if (approvalStandsWhile(household.status) && !approvalStandsWhile(input.toStatus)) {
    await householdChanged(tx, who, { kind: 'approval-ended', householdId: household.id, endedOn: input.onDate });
  }
  await refreshDueItems(tx, 'household', [household.id]);
  await refreshHouseholdFacts(tx, household.id);
  await recordAudit(tx, who.actor, {
    action: 'status-change',
    recordType: 'household',
    recordId: household.id,
    detail: {
      from: household.status,
      to: input.toStatus,
      eventId: event!.id,
      ...(from.origin === 'agency-decision' ? { by: 'agency-decision', recordId: from.decisionId } : {}),
    },
  });
}

/** Sets the approval terms and skill level. */
export async function updateTerms(db: Db, who: Who, id: string, input: TermsInput): Promise<Result> {
  return db.transaction(async (tx) => {
    await lockHousehold(tx, id);
    const access = await householdFor(tx, who.user, id, 'change');
    if (!access.ok) return access;
    await writeChangedColumns(tx, who, access.household, input, { action: 'update', part: 'terms' });
    return { ok: true };
  });
}

/** Allocates the supervising social worker and first-year lead (from the household's area) and names the mentor. */
export async function allocate(db: Db, who: Who, id: string, input: AllocationInput): Promise<Result> {
  return db.transaction(async (tx) => {
    await lockHousehold(tx, id);
    const access = await householdFor(tx, who.user, id, 'allocate');
    if (!access.ok) return access;
    const errors: FieldError[] = [];
    if (input.allocatedSswId) {
      const worker = await findUserForAllocation(tx, input.allocatedSswId);
      if (!worker?.active || worker.role !== 'supervising_social_worker' || worker.areaId !== access.household.areaId) {
        errors.push({ field: 'allocatedSswId', message: 'Select a supervising social worker from the list' });
      }
    }
    if (input.firstYearLeadId) {
      const lead = await findUserForAllocation(tx, input.firstYearLeadId);
      if (
        !lead?.active ||
        !['supervising_social_worker', 'team_manager'].includes(lead.role) ||
        lead.areaId !== access.household.areaId
      ) {
        errors.push({ field: 'firstYearLeadId', message: 'Select a first-year lead worker from the list' });
      }
    }
    if (errors.length) return invalid(...errors);
    await writeChangedColumns(tx, who, access.household, input, { action: 'allocate' });
    return { ok: true };
  });
}

/** The carer profile for children: about the household, what they like doing, the house, pets. */
export async function updateProfile(db: Db, who: Who, id: string, input: ProfileInput): Promise<Result> {
  return db.transaction(async (tx) => {
    await lockHousehold(tx, id);
    const access = await householdFor(tx, who.user, id, 'change');
    if (!access.ok) return access;
    await writeChangedColumns(tx, who, access.household, input, { action: 'update', part: 'profile' });
    return { ok: true };
  });
}

/** The head of fostering names a manager who may see a restricted household. */
export async function nameManager(db: Db, who: Who, id: string, userId: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const access = await householdFor(tx, who.user, id, 'restricted-access');
    if (!access.ok) return access;
    const manager = await findUserForAllocation(tx, userId);
    if (!manager?.active || !['team_manager', 'service_manager'].includes(manager.role)) {
      return invalid({ field: 'userId', message: 'Select a manager from the list' });
    }
    const inserted = await tx
      .insert(householdRestrictedAccess)
      .values({ householdId: id, userId })
      .onConflictDoNothing()
      .returning({ userId: householdRestrictedAccess.userId });
    if (inserted.length) {
      await recordAudit(tx, who.actor, {
        action: 'update',
        recordType: 'household',
        recordId: id,
        detail: { part: 'restricted-access', added: userId },
      });
    }
    return { ok: true };
  });
}

/** The head of fostering removes a manager from a restricted household's list. */
export async function removeManager(db: Db, who: Who, id: string, userId: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const access = await householdFor(tx, who.user, id, 'restricted-access');
    if (!access.ok) return access;
    const removed = await tx
      .delete(householdRestrictedAccess)
      .where(and(eq(householdRestrictedAccess.householdId, id), eq(householdRestrictedAccess.userId, userId)))
      .returning({ userId: householdRestrictedAccess.userId });
    if (removed.length) {
      await recordAudit(tx, who.actor, {
        action: 'update',
        recordType: 'household',
        recordId: id,
        detail: { part: 'restricted-access', removed: userId },
      });
    }
    return { ok: true };
  });
}
