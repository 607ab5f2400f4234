/**
 * Recording temporary approval of a connected person: giving it for a named child (regulation 24),
 * extending it (regulation 25) and ending it other than by full approval. Every change checks who
 * may make it and what the regulations allow, refreshes the approval's deadline and the child's
 * visits, and writes its audit entry, in one transaction; every view of an approval is audited.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
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

/**
 * Changes a running approval (not yet ended) in one transaction: the columns, its deadline and,
 * through the child visits' rule that a temporary approval affects, the child's visits under
 * regulation 28(4), and the audit entry.
 */
function changeRunning(
  db: Db,
  who: Who,
  approval: ApprovalRow,
  set: Partial<typeof temporaryApprovals.$inferInsert>,
  audit: { action: string; detail: Record<string, unknown> },
): Promise<Result> {
  return inTransaction(db, async (tx) => {
    const [changed] = await tx
      .update(temporaryApprovals)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(temporaryApprovals.id, approval.id), isNull(temporaryApprovals.endedOn)))
      .returning({ id: temporaryApprovals.id });
    if (!changed) return notFound;
    await refreshDueItems(tx, APPROVAL_RECORD, [approval.id]);
    await recordAudit(tx, who.actor, { ...audit, recordType: APPROVAL_RECORD, recordId: approval.id });
    return { ok: true as const, id: approval.id };
  });
}

interface GivenChild {
  id: string;
  firstName: string;
  dateOfBirth: IsoDate;
  lookedAfterSince: IsoDate;
  leftCareOn: IsoDate | null;
}

/** Gives a connected person temporary approval for the child, for 16 weeks from the day given. */
export async function giveApproval(db: Db, who: Who, child: GivenChild, input: GiveInput): Promise<Result> {
  if (!mayApprove(who.user)) return forbidden;
  if (!(await householdInReach(db, who.user, input.householdId))) {
    return invalid({ field: 'householdId', message: 'Select the connected person’s household from the list' });
  }
  const date = 'Date of the temporary approval';
  if (compareIsoDates(input.approvedOn, child.lookedAfterSince) < 0) {
    return invalid({
      field: 'approvedOn',
      message: `${date} must be on or after the day ${child.firstName} became looked after, ${formatDate(child.lookedAfterSince)}`,
    });
  }
  if (child.leftCareOn && compareIsoDates(input.approvedOn, child.leftCareOn) >= 0) {
    return invalid({
      field: 'approvedOn',
      message: `${date} must be before ${child.firstName} left care, ${formatDate(child.leftCareOn)}`,
    });
  }
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
    const [running] = await queryRows<{ name: string }>(
      tx,
      sql`select h.name from temporary_approvals ta join households h on h.id = ta.household_id
        where ta.child_id = ${child.id} and ta.ended_on is null
          and (h.approved_on is null or h.approved_on < ta.approved_on) limit 1`,
    );
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
  const lastDay = approval.extendedUntil ?? approval.expiresOn;
  const errors = [];
  if (compareIsoDates(input.extendedOn, approval.approvedOn) < 0 || compareIsoDates(input.extendedOn, lastDay) > 0) {
    errors.push({
      field: 'extendedOn',
      message: `Date of the decision to extend must be from ${formatDate(approval.approvedOn)} to ${formatDate(lastDay)}, while the temporary approval runs`,
    });
  }
  if (input.extendedUntil) {
    const latest = latestExtensionFor(approval.expiresOn);
    if (compareIsoDates(input.extendedUntil, lastDay) <= 0 || compareIsoDates(input.extendedUntil, latest) > 0) {
      errors.push({
        field: 'extendedUntil',
        message: `New last day must be after ${formatDate(lastDay)} and no later than ${formatDate(latest)}, 8 weeks on`,
      });
    }
  }
  if (errors.length) return invalid(...errors);
  return changeRunning(
    db,
    who,
    approval,
    {
      extendedOn: input.extendedOn,
      extendedBy: input.extendedBy,
      extensionReason: input.extensionReason,
      extendedUntil: input.extendedUntil,
      panelViewsSoughtOn: input.panelViewsSoughtOn,
      iroInformed: input.iroInformed,
      extensionRecordedBy: who.user.id,
    },
    { action: 'extend', detail: { reason: input.extensionReason, extendedUntil: input.extendedUntil } },
  );
}

/** Ends an approval other than by full approval: the day (not before it was given), why, a note. */
export async function endApproval(db: Db, who: Who, approval: ApprovalRow, input: EndInput): Promise<Result> {
  if (!(await mayDecide(db, who.user, approval))) return forbidden;
  if (!undecided(approval)) return invalid({ field: 'endedOn', message: 'This temporary approval has ended already' });
  if (compareIsoDates(input.endedOn, approval.approvedOn) < 0) {
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
