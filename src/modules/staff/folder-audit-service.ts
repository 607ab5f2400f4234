/**
 * Audits of staff supervision folders (Target 9.1): the head of fostering audits a folder, Hearth
 * keeps what the folder held that day beside the head's judgement. Every read of an audit is
 * checked against the folder's scope (scope.ts) and audited; so is the audit itself.
 */
import { recordAudit } from '../../platform/audit/service.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { and, eq } from 'drizzle-orm';
import { forbidden, invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import type { FolderAuditInput } from './forms.ts';
import { contentsOf, findFolderAudit, readFolder } from './folder-audit-queries.ts';
import { findMember, findVisibleMember, type MemberRecord } from './queries.ts';
import { auditsFolders, seesMember, supervises } from './scope.ts';
import { STAFF_RECORD } from './service.ts';
import { staffFolderAudits } from './tables.ts';

/**
 * The member and their folder as it stands today, for the audit form: null when the user may not
 * see the member (a 404); `may` false when they may see but not audit them. Reading the folder for
 * an audit is a view of it, audited.
 */
export async function folderToAudit(db: DbOrTx, who: Who, memberId: string, today: IsoDate = todayInLondon()) {
  return db.transaction(async (tx) => {
    const member = await findVisibleMember(tx, who.user, memberId);
    if (!member) return null;
    if (!auditsFolders(who.user, member.id)) return { member, may: false as const };
    const reading = (await readFolder(tx, member.id, today))!;
    // Reading what the folder holds, to audit it, is a view of the folder (no audit exists yet).
    await recordAudit(tx, who.actor, { action: 'view', recordType: STAFF_RECORD, recordId: member.id });
    return { member, may: true as const, reading, contents: contentsOf(reading, today) };
  });
}

export const AUDITED_TODAY = 'This folder has already been audited today: open the audit from the folder’s page';

/** Records the head's audit of a member's folder, with what the folder holds today (one a day). */
export async function recordFolderAudit(
  db: DbOrTx,
  who: Who,
  memberId: string,
  input: FolderAuditInput,
  today: IsoDate = todayInLondon(),
): Promise<Result> {
  return db.transaction(async (tx) => {
    const member = await findMember(tx, memberId);
    if (!member || !seesMember(who.user, member)) return notFound;
    if (!auditsFolders(who.user, member.id)) return forbidden;
    const [already] = await tx
      .select({ id: staffFolderAudits.id })
      .from(staffFolderAudits)
      .where(and(eq(staffFolderAudits.staffUserId, member.id), eq(staffFolderAudits.auditedOn, today)));
    if (already) return invalid({ field: 'findings', message: AUDITED_TODAY });
    const reading = (await readFolder(tx, member.id, today))!;
    const [row] = await tx
      .insert(staffFolderAudits)
      .values({
        staffUserId: member.id,
        auditorId: who.user.id,
        auditedOn: today,
        teamId: reading.teamId,
        areaId: reading.areaId,
        ...contentsOf(reading, today),
        ...input,
        actionsForManager: input.actionsForManager || null,
      })
      .returning({ id: staffFolderAudits.id });
    // Actions for the manager start their clock (due.ts, staff.folder-audit-actions).
    await refreshDueItems(tx, STAFF_RECORD, [member.id]);
    await recordAudit(tx, who.actor, {
      action: 'audit',
      recordType: STAFF_RECORD,
      recordId: member.id,
      detail: { folderAudit: row!.id },
    });
    return { ok: true as const, id: row!.id };
  });
}

/**
 * The member's manager (or the head) records the actions an audit set them done: on or after the
 * audit, not after today, once. Ends the actions' deadline in the same transaction.
 */
export async function recordActionsDone(
  db: DbOrTx,
  who: Who,
  auditId: string,
  doneOn: IsoDate,
  today: IsoDate = todayInLondon(),
): Promise<Result> {
  return db.transaction(async (tx) => {
    const audit = await findFolderAudit(tx, auditId);
    const member = audit && (await findMember(tx, audit.staffUserId));
    if (!audit || !member || !seesMember(who.user, member)) return notFound;
    if (!supervises(who.user, member)) return forbidden;
    if (!audit.actionsForManager) return invalid({ field: 'doneOn', message: 'This audit set no actions to record' });
    if (audit.actionsDoneOn) {
      return invalid({ field: 'doneOn', message: 'The actions have already been recorded as done' });
    }
    if (doneOn > today)
      return invalid({ field: 'doneOn', message: 'Date the actions were done must be today or in the past' });
    if (doneOn < audit.auditedOn) {
      return invalid({
        field: 'doneOn',
        message: `Date the actions were done must be on or after ${formatDate(audit.auditedOn)}, the day of the audit`,
      });
    }
    await tx
      .update(staffFolderAudits)
      .set({ actionsDoneOn: doneOn, actionsDoneBy: who.user.id })
      .where(eq(staffFolderAudits.id, audit.id));
    await refreshDueItems(tx, STAFF_RECORD, [member.id]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: STAFF_RECORD,
      recordId: member.id,
      detail: { part: 'folder-audit-actions', folderAudit: audit.id },
    });
    return { ok: true as const, id: audit.id };
  });
}

/** Hearth chose this member's folder at random for the head to audit: said on the folder's trail. */
export async function recordChoice(db: DbOrTx, who: Who, memberId: string) {
  await recordAudit(db, who.actor, { action: 'choose-for-audit', recordType: STAFF_RECORD, recordId: memberId });
}

/** An audit for a reader who may see the member's folder (else null), the view audited. */
export async function viewFolderAudit(db: DbOrTx, who: Who, auditId: string) {
  return db.transaction(async (tx) => {
    const audit = await findFolderAudit(tx, auditId);
    const member: MemberRecord | null = audit && (await findVisibleMember(tx, who.user, audit.staffUserId));
    if (!audit || !member) return null;
    await recordAudit(tx, who.actor, {
      action: 'view',
      recordType: STAFF_RECORD,
      recordId: member.id,
      detail: { part: 'folder-audit', folderAudit: audit.id },
    });
    return { audit, member };
  });
}
