/**
 * A household's status: the moves a person may choose on the change-status page, and the moves
 * other modules' records make in their own transactions (an agency decision approves, refuses or
 * deregisters; the road in records the application, the assessment and a withdrawal). Approval,
 * refusal, deregistration and a change to approved terms are never a free choice.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { changedFields, householdFor, invalid, notFound, type FieldError, type Who } from './access.ts';
import type { StatusInput, TermsInput } from './forms.ts';
import { refreshHouseholdFacts } from './facts.ts';
import { findHouseholdById, type HouseholdRecord } from './queries.ts';
import {
  canMove,
  canMoveBy,
  isHouseholdStatus,
  roadInTransitions,
  statusesNeedingReason,
  statusName,
  statusNames,
  type HouseholdStatus,
} from './statuses.ts';
import { householdStatusEvents, households } from './tables.ts';
import type { Result } from './service.ts';

/** Locks the household row so two changes to one household happen one after the other. */
export async function lockHousehold(tx: DbOrTx, id: string): Promise<void> {
  await tx.execute(sql`select 1 from ${households} where ${households.id} = ${id} for update`);
}

/** Why a move the change-status page does not offer is refused: which record makes it instead. */
function notAFreeChoice(from: HouseholdRecord, to: HouseholdStatus): string {
  const panel = 'the agency decision maker’s decision on the fostering panel’s recommendation';
  if (to === 'approved') {
    return `A household is approved only by ${panel}: put the household on a fostering panel agenda`;
  }
  if (to === 'refused') return `An application is refused only by ${panel}`;
  if (to === 'deregistered') {
    return `A household is deregistered only by ${panel}: record the deregistration on the household’s recruitment page, which puts it on a panel agenda`;
  }
  if (isHouseholdStatus(from.status) && roadInTransitions[from.status].includes(to)) {
    return 'Record the application, the start of the assessment or the withdrawal on the household’s recruitment and assessment page: the status follows from it';
  }
  return `A household cannot move from ${statusName(from.status).toLowerCase()} to ${statusNames[to].toLowerCase()}: select one of the statuses shown`;
}

/** The date of a change: today or earlier, and not before the current status began. */
function checkChangeDate(household: HouseholdRecord, onDate: string, field = 'onDate'): FieldError | null {
  if (onDate > todayInLondon()) return { field, message: 'The date of the change must be today or in the past' };
  if (onDate < household.statusSince) {
    return {
      field,
      message: `The date of the change must be on or after ${formatDate(household.statusSince)}, when the household became ${statusName(household.status).toLowerCase()}`,
    };
  }
  return null;
}

/**
 * Writes a status change: the household's status (and, on its first approval, the approval date),
 * the dated event for its timeline, its deadlines and kept status periods, and the audit entry,
 * all in the caller's transaction.
 */
async function writeStatus(
  tx: DbOrTx,
  who: Who,
  household: HouseholdRecord,
  input: StatusInput,
  detail: Record<string, unknown> = {},
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
  await tx.insert(householdStatusEvents).values({
    householdId: household.id,
    fromStatus: household.status,
    toStatus: input.toStatus,
    onDate: input.onDate,
    reason: input.reason,
    byUserId: who.user.id,
  });
  await refreshDueItems(tx, 'household', [household.id]);
  await refreshHouseholdFacts(tx, household.id);
  await recordAudit(tx, who.actor, {
    action: 'status-change',
    recordType: 'household',
    recordId: household.id,
    detail: { from: household.status, to: input.toStatus, ...detail },
  });
}

/**
 * Moves a household to a new status on the change-status page: only the moves a person may choose
 * (on hold, inactive, and back to approved while the approval decision stands). Approval, refusal
 * and deregistration are refused here, whatever is sent: only an agency decision makes them
 * (changeStatusByRecord). The date may not be in the future nor before the current status began;
 * some moves need a reason.
 */
export async function changeStatus(db: Db, who: Who, id: string, input: StatusInput): Promise<Result> {
  return db.transaction(async (tx) => {
    await lockHousehold(tx, id);
    const access = await householdFor(tx, who.user, id, 'change');
    if (!access.ok) return access;
    const household = access.household;
    const errors: FieldError[] = [];
    // Back to approved only while an agency decision's approval stands (the household has an approval date).
    const approvalStands = input.toStatus !== 'approved' || household.approvedOn !== null;
    if (!canMove(household.status, input.toStatus) || !approvalStands) {
      errors.push({ field: 'toStatus', message: notAFreeChoice(household, input.toStatus) });
    }
    const dateError = checkChangeDate(household, input.onDate);
    if (dateError) errors.push(dateError);
    if (statusesNeedingReason.includes(input.toStatus) && !input.reason) {
      errors.push({
        field: 'reason',
        message: `Enter the reason for the change to ${statusNames[input.toStatus].toLowerCase()}`,
      });
    }
    if (errors.length) return invalid(...errors);
    await writeStatus(tx, who, household, input);
    return { ok: true };
  });
}

/**
 * A status change made by another module's record, inside that module's transaction: an agency
 * decision (approval, refusal, deregistration) or the road in (application, assessment started,
 * withdrawal). The caller has checked who may make the record; this checks the move is one that
 * kind of record makes, and its date. Approval needs the approval terms (the decision sets them first).
 */
export async function changeStatusByRecord(
  tx: DbOrTx,
  who: Who,
  id: string,
  input: StatusInput,
  by: { kind: 'decision' | 'road-in'; recordType: string; recordId: string; dateField?: string },
): Promise<Result> {
  await lockHousehold(tx, id);
  const household = await findHouseholdById(tx, id);
  if (!household) return notFound;
  if (!canMoveBy(by.kind, household.status, input.toStatus)) {
    return invalid({
      field: 'toStatus',
      message: `The household is ${statusName(household.status).toLowerCase()}: it cannot become ${statusNames[input.toStatus].toLowerCase()}`,
    });
  }
  const dateError = checkChangeDate(household, input.onDate, by.dateField);
  if (dateError) return invalid(dateError);
  if (input.toStatus === 'approved' && household.approvedPlaces < 1) {
    return invalid({
      field: 'toStatus',
      message: 'Record the approval terms (number of children and their ages) before approving the household',
    });
  }
  await writeStatus(tx, who, household, input, { by: by.recordType, recordId: by.recordId });
  return { ok: true };
}

/** Approval terms set by an agency decision (an approval or a change of terms), in the decision's transaction. */
export async function applyDecidedTerms(
  tx: DbOrTx,
  who: Who,
  id: string,
  terms: TermsInput,
  by: { recordType: string; recordId: string },
): Promise<void> {
  await lockHousehold(tx, id);
  const household = await findHouseholdById(tx, id);
  if (!household) return;
  const fields = changedFields(household, terms);
  if (!fields.length) return;
  await tx
    .update(households)
    .set({ ...terms, updatedAt: new Date() })
    .where(eq(households.id, id));
  await refreshDueItems(tx, 'household', [id]);
  await recordAudit(tx, who.actor, {
    action: 'update',
    recordType: 'household',
    recordId: id,
    detail: { part: 'terms', fields, by: by.recordType, recordId: by.recordId },
  });
}

/** Names the household's mentor (allocated by a recruitment record), in the caller's transaction. */
export async function setMentorName(tx: DbOrTx, who: Who, id: string, mentorName: string | null): Promise<void> {
  const household = await findHouseholdById(tx, id);
  if (!household || household.mentorName === mentorName) return;
  await tx.update(households).set({ mentorName, updatedAt: new Date() }).where(eq(households.id, id));
  await recordAudit(tx, who.actor, {
    action: 'update',
    recordType: 'household',
    recordId: id,
    detail: { fields: ['mentorName'] },
  });
}
