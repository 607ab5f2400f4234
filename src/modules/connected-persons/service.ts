/**
 * Recording temporary approval of a connected person: giving it for a named child (regulation 24),
 * extending it (regulation 25) and ending it other than by full approval. Every change checks who
 * may make it and what the regulations allow, refreshes the approval's deadline and the child's
 * visits, and writes its audit entry, in one transaction; every view of an approval is audited.
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx, Tx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { forbidden, inTransaction, invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import { children } from '../children/tables.ts';
import { households } from '../households/tables.ts';
import type { EndInput, ExtendInput, GiveInput } from './forms.ts';
import { APPROVABLE_STATUSES, CONNECTED_TYPE, expiresOnFor, latestExtensionFor, type ApprovalState } from './labels.ts';
import { householdInReach, type ApprovalRow } from './queries.ts';
import { mayApprove } from './scope.ts';
import { temporaryApprovals } from './tables.ts';

/** An approval as a record of the audit trail and of the deadline engine. */
export const APPROVAL_RECORD = 'temporary-approval';

/** Audits a view of the approvals shown (an approval's page, or a section on a child's or household's page). */
export async function auditApprovalsViewed(db: DbOrTx, who: Who, ids: string[], page: string): Promise<void> {
  for (const id of ids) {
    await recordAudit(db, who.actor, { action: 'view', recordType: APPROVAL_RECORD, recordId: id, detail: { page } });
  }
}

/**
 * Whether the user may record the nominated officer's decisions on this approval: the role, and the
 * household within their reach (the route's page offers the steps on the same test).
 */
export async function mayDecide(db: DbOrTx, user: Who['user'], approval: Pick<ApprovalRow, 'householdId'>) {
  return mayApprove(user) && householdInReach(db, user, approval.householdId);
}

type ApprovalSet = Partial<typeof temporaryApprovals.$inferInsert>;
type ApprovalAudit = { action: string; detail: Record<string, unknown> };

/**
 * Writes a change to an approval inside the caller's transaction: the columns, its deadline and,
 * through the child visits' rule that a temporary approval affects, the child's visits under
 * regulation 28(4) (and the placements' kept facts), and the audit entry. `where` narrows the row
 * it may change; none changed is not found.
 */
export async function writeApproval(tx: Tx, who: Who, id: string, set: ApprovalSet, audit: ApprovalAudit, where?: SQL) {
  const [changed] = await tx
    .update(temporaryApprovals)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(temporaryApprovals.id, id), where))
    .returning({ id: temporaryApprovals.id });
  if (!changed) return notFound;
  await refreshDueItems(tx, APPROVAL_RECORD, [id]);
  await recordAudit(tx, who.actor, { ...audit, recordType: APPROVAL_RECORD, recordId: id });
  return { ok: true as const, id };
}

/** Changes a running approval (not yet ended) in one transaction (writeApproval). */
function changeRunning(db: Db, who: Who, approval: ApprovalRow, set: ApprovalSet, audit: ApprovalAudit) {
  return inTransaction(db, (tx) => writeApproval(tx, who, approval.id, set, audit, isNull(temporaryApprovals.endedOn)));
}

interface GivenChild {
  id: string;
  firstName: string;
  dateOfBirth: IsoDate;
  lookedAfterSince: IsoDate;
  leftCareOn: IsoDate | null;
}

/**
 * The day of an approval against the child's time in care, when it is given and when its day is put
 * right: on or after the day they became looked after, and before they left care.
 */
export function approvedOnErrors(
  child: Pick<GivenChild, 'firstName' | 'lookedAfterSince' | 'leftCareOn'>,
  approvedOn: IsoDate,
): { field: string; message: string }[] {
  const date = 'Date of the temporary approval';
  if (compareIsoDates(approvedOn, child.lookedAfterSince) < 0) {
    return [
      {
        field: 'approvedOn',
        message: `${date} must be on or after the day ${child.firstName} became looked after, ${formatDate(child.lookedAfterSince)}`,
      },
    ];
  }
  if (child.leftCareOn && compareIsoDates(approvedOn, child.leftCareOn) >= 0) {
    return [
      {
        field: 'approvedOn',
        message: `${date} must be before ${child.firstName} left care, ${formatDate(child.leftCareOn)}`,
      },
    ];
  }
  return [];
}

/**
 * The child's temporary approval that stands (not ended, nor given way to full approval), the first
 * given, with its household's name: a child has one at a time. Leaving out `except`, when given; one
 * of its household stands even once given way (one running approval per household and child).
 */
export async function standingApproval(db: DbOrTx, childId: string, except?: { id: string; householdId: string }) {
  const [row] = await queryRows<{ name: string; approvedOn: IsoDate }>(
    db,
    sql`select h.name, ta.approved_on::text as "approvedOn"
      from temporary_approvals ta join households h on h.id = ta.household_id
      where ta.child_id = ${childId} and ta.ended_on is null and (ta.id <> ${except?.id ?? null}::uuid) is not false
        and (h.approved_on is null or h.approved_on < ta.approved_on or ta.household_id = ${except?.householdId ?? null}::uuid)
      order by ta.approved_on, ta.id limit 1`,
  );
  return row;
}

/** Gives a connected person temporary approval for the child, for 16 weeks from the day given. */
export async function giveApproval(db: Db, who: Who, child: GivenChild, input: GiveInput): Promise<Result> {
  if (!mayApprove(who.user)) return forbidden;
  if (!(await householdInReach(db, who.user, input.householdId))) {
    return invalid({ field: 'householdId', message: 'Select the connected person’s household from the list' });
  }
  const dayErrors = approvedOnErrors(child, input.approvedOn);
  if (dayErrors.length) return invalid(...dayErrors);
  return inTransaction(db, async (tx) => {
    const [household] = await tx
      .select({ name: households.name, type: households.householdType, status: households.status })
      .from(households)
      .where(eq(households.id, input.householdId))
      .for('update');
    if (!household) return notFound;
    if (household.type !== CONNECTED_TYPE || !(APPROVABLE_STATUSES as readonly string[]).includes(household.status)) {
      return invalid({
        field: 'householdId',
        message: `${household.name} cannot be given temporary approval: only a family and friends household not yet approved can`,
      });
    }
    await tx.select({ id: children.id }).from(children).where(eq(children.id, child.id)).for('update');
    const running = await standingApproval(tx, child.id);
    if (running) {
      return invalid({
        field: 'householdId',
        message: `${child.firstName} already has temporary approval with ${running.name}: end it first`,
      });
    }
    const [made] = await tx
      .insert(temporaryApprovals)
      .values({
        householdId: input.householdId,
        childId: child.id,
        approvedOn: input.approvedOn,
        expiresOn: expiresOnFor(input.approvedOn),
        approvedBy: input.approvedBy,
        recordedBy: who.user.id,
      })
      .returning({ id: temporaryApprovals.id });
    // Its deadline, and the child's visits (regulation 28(4)) through the rule's affectedBy.
    await refreshDueItems(tx, APPROVAL_RECORD, [made!.id]);
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: APPROVAL_RECORD,
      recordId: made!.id,
      detail: { householdId: input.householdId, childId: child.id, approvedOn: input.approvedOn },
    });
    return { ok: true as const, id: made!.id };
  });
}

/** Whether the approval is still to be decided (neither ended nor given way to full approval). */
export const undecided = (a: Pick<ApprovalState, 'endedOn' | 'fullyApprovedOn'>) =>
  a.endedOn === null && a.fullyApprovedOn === null;

/** Whether it may be extended now: undecided, and not already extended for an independent review. */
export const extendable = (a: ApprovalRow) => undecided(a) && a.extensionReason !== 'review';

/**
 * Regulation 25's bounds on an extension of an approval given on `approvedOn`, whose 16 weeks end on
 * `expiresOn` and which runs to `lastDay` when extended: decided while it runs, and (while the full
 * assessment is finished) to a new last day after `lastDay` and no later than 8 weeks after the 16
 * weeks. Checked when it is extended and when the approval's day is put right.
 */
export function extensionBounds(
  approval: { approvedOn: IsoDate; expiresOn: IsoDate },
  lastDay: IsoDate,
  extension: { extendedOn: IsoDate; extendedUntil: IsoDate | null },
) {
  const latest = latestExtensionFor(approval.expiresOn);
  const { extendedOn, extendedUntil } = extension;
  return {
    latest,
    decidedWhileRunning:
      compareIsoDates(extendedOn, approval.approvedOn) >= 0 && compareIsoDates(extendedOn, lastDay) <= 0,
    untilAllowed:
      extendedUntil === null ||
      (compareIsoDates(extendedUntil, lastDay) > 0 && compareIsoDates(extendedUntil, latest) <= 0),
  };
}

/**
 * Regulation 25's bounds (extensionBounds) on an extension, in words for its form: the day decided while
 * the approval ran to `lastDay`, the new last day within 8 weeks of the 16. Checked when it is extended
 * and when the extension is put right.
 */
export function extensionErrors(
  approval: { approvedOn: IsoDate; expiresOn: IsoDate },
  lastDay: IsoDate,
  extension: { extendedOn: IsoDate; extendedUntil: IsoDate | null },
) {
  const bounds = extensionBounds(approval, lastDay, extension);
  const errors = [];
  if (!bounds.decidedWhileRunning) {
    errors.push({
      field: 'extendedOn',
      message: `Date of the decision to extend must be from ${formatDate(approval.approvedOn)} to ${formatDate(lastDay)}, while the temporary approval runs`,
    });
  }
  if (!bounds.untilAllowed) {
    errors.push({
      field: 'extendedUntil',
      message: `New last day must be after ${formatDate(lastDay)} and no later than ${formatDate(bounds.latest)}, 8 weeks on`,
    });
  }
  return errors;
}

type ExtensionDetails = Pick<
  ApprovalRow,
  'extendedOn' | 'extendedBy' | 'extensionReason' | 'extendedUntil' | 'panelViewsSoughtOn' | 'iroInformed'
>;
/** An extension's details as kept (the form's, or a row's): what extending writes and putting it right compares. */
export const extensionOf = (e: ExtensionDetails): ExtensionDetails => ({
  extendedOn: e.extendedOn,
  extendedBy: e.extendedBy,
  extensionReason: e.extensionReason,
  extendedUntil: e.extendedUntil,
  panelViewsSoughtOn: e.panelViewsSoughtOn,
  iroInformed: e.iroInformed,
});

/** Extends an approval (regulation 25): once by up to 8 weeks, or until an independent review's outcome. */
export async function extendApproval(db: Db, who: Who, approval: ApprovalRow, input: ExtendInput): Promise<Result> {
  if (!(await mayDecide(db, who.user, approval))) return forbidden;
  if (!extendable(approval))
    return invalid({ field: 'extensionReason', message: 'This temporary approval cannot be extended now' });
  if (input.extensionReason === 'assessment' && approval.extensionReason === 'assessment') {
    return invalid({
      field: 'extensionReason',
      message: 'A temporary approval may be extended only once while the full assessment is finished',
    });
  }
  const errors = extensionErrors(approval, approval.extendedUntil ?? approval.expiresOn, input);
  if (errors.length) return invalid(...errors);
  return changeRunning(
    db,
    who,
    approval,
    { ...extensionOf(input), extensionRecordedBy: who.user.id },
    { action: 'extend', detail: { reason: input.extensionReason, extendedUntil: input.extendedUntil } },
  );
}

/** Whether an ending is dated before the approval was given (refused when ending it and when its day is put right). */
export const endedBeforeGiven = (approvedOn: IsoDate, endedOn: IsoDate) => compareIsoDates(endedOn, approvedOn) < 0;

/** Ends an approval other than by full approval: the day (not before it was given), why, a note. */
export async function endApproval(db: Db, who: Who, approval: ApprovalRow, input: EndInput): Promise<Result> {
  if (!(await mayDecide(db, who.user, approval))) return forbidden;
  if (!undecided(approval)) return invalid({ field: 'endedOn', message: 'This temporary approval has ended already' });
  if (endedBeforeGiven(approval.approvedOn, input.endedOn)) {
    return invalid({
      field: 'endedOn',
      message: `Date the temporary approval ended must be on or after the day it was given, ${formatDate(approval.approvedOn)}`,
    });
  }
  return changeRunning(
    db,
    who,
    approval,
    { ...input, endedBy: who.user.id },
    { action: 'end', detail: { endedOn: input.endedOn, endReason: input.endReason } },
  );
}
