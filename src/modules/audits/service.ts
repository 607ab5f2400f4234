/**
 * Picking a month's files, swapping one, grading an audit, putting an inadequate one right and
 * confirming it. Every change checks who may make it, keeps the deadlines in step and writes its
 * audit-trail entry, all in one transaction; every view of an audit is written to the trail too.
 */
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit, recordAudits } from '../../platform/audit/service.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { raiseConcern } from '../../platform/modules/concerns-raised.ts';
import { formatDate } from '../../platform/views/format.ts';
import { forbidden, invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import { overallGrade, type Grade, type Section } from './labels.ts';
import {
  auditSections,
  delegatedAuthorityGaps,
  findVisibleAudit,
  type AuditRecord,
  type SectionRow,
} from './queries.ts';
import { pickMonth, pickReplacement } from './sampling.ts';
import { mayConduct, mayConfirm, mayPick, mayPutRight } from './scope.ts';
import { putRightDueOn } from './settings.ts';
import { caseAuditSections, caseAudits } from './tables.ts';

/** The files of a month's audit that are still to do, so their deadline can be refreshed. */
async function filesOf(tx: DbOrTx, monthId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(tx, sql`select id from case_audits where month_id = ${monthId}`);
  return rows.map((r) => r.id);
}

/** Picks this month's files for a team (or the central sample): once per month and sample. */
export async function pickFiles(
  db: DbOrTx,
  who: Who,
  input: { month: string; teamId: string | null },
): Promise<Result<{ id: string; picked: boolean }>> {
  return db.transaction(async (tx) => {
    let areaId: string | null = null;
    if (input.teamId) {
      const [team] = await queryRows<{ area_id: string }>(
        tx,
        sql`select area_id from teams where id = ${input.teamId}`,
      );
      if (!team) return notFound;
      areaId = team.area_id;
    }
    if (!mayPick(who.user, { teamId: input.teamId, areaId })) return forbidden;
    const today = todayInLondon();
    if (input.month > today.slice(0, 7)) {
      return invalid({ field: 'month', message: 'You can pick files for this month or an earlier one only' });
    }
    const month = await pickMonth(tx, { ...input, today, userId: who.user.id });
    if (month.picked) {
      const files = await filesOf(tx, month.id);
      await refreshDueItems(tx, 'case-audit', files);
      await recordAudits(tx, who.actor, [
        {
          action: 'create',
          recordType: 'audit-month',
          recordId: month.id,
          detail: { month: input.month, central: input.teamId === null, files: files.length },
        },
        // Each file picked, so its own trail starts with the pick.
        ...files.map((id) => ({ action: 'create', recordType: 'case-audit', recordId: id, detail: { picked: true } })),
      ]);
    }
    return { ok: true as const, ...month };
  });
}

/** Reads an audit for its page (null when the user may not see it) and writes the view to the trail. */
export async function viewAudit(
  db: DbOrTx,
  who: Who,
  id: string,
  page: string,
): Promise<{ record: AuditRecord; sections: SectionRow[] } | null> {
  const record = await findVisibleAudit(db, who.user, id);
  if (!record) return null;
  const sections = await auditSections(db, id);
  await recordAudit(db, who.actor, { action: 'view', recordType: 'case-audit', recordId: id, detail: { page } });
  return { record, sections };
}

/** Runs a change to an audit the user may see (404 otherwise) and may make (403), then keeps its deadlines and trail. */
async function changeAudit(
  db: DbOrTx,
  who: Who,
  id: string,
  may: (record: AuditRecord) => boolean,
  change: (tx: DbOrTx, record: AuditRecord) => Promise<Result<{ step: string; ids?: string[] }>>,
): Promise<Result> {
  return db.transaction(async (tx) => {
    const record = await findVisibleAudit(tx, who.user, id);
    if (!record) return notFound;
    if (!may(record)) return forbidden;
    const done = await change(tx, record);
    if (!done.ok) return done;
    await refreshDueItems(tx, 'case-audit', [id, ...(done.ids ?? [])]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'case-audit',
      recordId: id,
      detail: { step: done.step },
    });
    return { ok: true as const, id };
  });
}

/** Takes a file still to do out of the month's sample, with the reason, and picks another at random (one swap a month). */
export async function swapFile(db: DbOrTx, who: Who, id: string, reason: string): Promise<Result> {
  return changeAudit(
    db,
    who,
    id,
    (r) => mayConduct(who.user, r),
    async (tx, record) => {
      if (record.status !== 'to_do')
        return invalid({ field: 'reason', message: 'Only a file not yet audited can be swapped' });
      const [swapped] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from case_audits where month_id = ${record.monthId} and status = 'swapped'`,
      );
      if ((swapped?.n ?? 0) > 0) {
        return invalid({ field: 'reason', message: 'One file has already been swapped this month' });
      }
      const replacement = await pickReplacement(tx, {
        month: record.month,
        teamId: record.central ? null : record.teamId,
        salt: `${record.month}:${record.id}`,
      });
      if (!replacement) return invalid({ field: 'reason', message: 'There is no other household to audit this month' });
      const [made] = await tx
        .insert(caseAudits)
        .values({
          monthId: record.monthId,
          householdId: replacement.id,
          teamId: replacement.teamId,
          pickedBecause: 'swap',
        })
        .returning({ id: caseAudits.id });
      await tx
        .update(caseAudits)
        .set({
          status: 'swapped',
          swapReason: reason,
          swappedBy: who.user.id,
          swappedOn: todayInLondon(),
          replacedBy: made!.id,
          updatedAt: new Date(),
        })
        .where(eq(caseAudits.id, record.id));
      await recordAudit(tx, who.actor, {
        action: 'create',
        recordType: 'case-audit',
        recordId: made!.id,
        detail: { pickedBecause: 'swap', inPlaceOf: record.id },
      });
      return { ok: true as const, step: 'swap', ids: [made!.id] };
    },
  );
}

export interface GradeInput {
  auditedOn: IsoDate;
  sections: { section: Section; grade: Grade; findings: string | null; actions: string | null }[];
  safeguarding: string | null;
}

/**
 * Writes a grading, first or put right: the sections as graded, the overall grade computed (the
 * worst section, or inadequate for a missing delegated authority on the audit date), the put-right
 * deadline for an inadequate one, and a safeguarding concern raised as a concern record at once when
 * none was raised before. `completes` marks a first grading's audit completed by its auditor.
 */
export async function writeGrading(
  tx: DbOrTx,
  who: Who,
  audit: { id: string; householdId: string; concernId: string | null },
  input: GradeInput,
  completes?: { auditorId: string },
) {
  const gaps = await delegatedAuthorityGaps(tx, audit.householdId, input.auditedOn);
  const { grade } = overallGrade(
    input.sections.map((s) => s.grade),
    gaps.length > 0,
  );
  await tx.delete(caseAuditSections).where(eq(caseAuditSections.auditId, audit.id));
  await tx.insert(caseAuditSections).values(input.sections.map((s) => ({ auditId: audit.id, ...s })));
  let concernId = audit.concernId;
  if (!concernId && input.safeguarding) {
    const raised = await raiseConcern(tx, who, {
      householdId: audit.householdId,
      summary: input.safeguarding,
      foundBy: { recordType: 'case-audit', recordId: audit.id },
    });
    if (!raised.ok) throw new Error(`the audit's safeguarding concern was not recorded: ${raised.reason}`);
    concernId = raised.id;
  }
  await tx
    .update(caseAudits)
    .set({
      ...(completes ? { status: 'completed', auditorId: completes.auditorId } : {}),
      auditedOn: input.auditedOn,
      grade,
      delegatedAuthorityMissing: gaps.length > 0,
      delegatedAuthorityDetail: gaps.length ? gaps.join(', ') : null,
      safeguarding: input.safeguarding,
      concernId,
      putRightDueOn: grade === 'inadequate' ? putRightDueOn(input.auditedOn) : null,
      updatedAt: new Date(),
    })
    .where(and(eq(caseAudits.id, audit.id), completes ? eq(caseAudits.status, 'to_do') : undefined));
  return { grade, concernId };
}

/**
 * Completes an audit: the sections as graded, the overall grade computed (the worst section, or
 * inadequate for a missing delegated authority on the audit date), the put-right deadline for an
 * inadequate one, and a safeguarding concern raised as a concern record at once.
 */
export async function gradeAudit(db: DbOrTx, who: Who, id: string, input: GradeInput): Promise<Result> {
  return changeAudit(
    db,
    who,
    id,
    (r) => mayConduct(who.user, r),
    async (tx, record) => {
      if (record.status !== 'to_do') return invalid({ field: 'auditedOn', message: 'This audit is already completed' });
      if (input.auditedOn > todayInLondon()) {
        return invalid({ field: 'auditedOn', message: 'The date of the audit must be today or in the past' });
      }
      await writeGrading(tx, who, { ...record, concernId: null }, input, { auditorId: who.user.id });
      return { ok: true as const, step: 'grade' };
    },
  );
}

/** The household's SSW records what was done to put an inadequate audit right. */
export async function putRight(
  db: DbOrTx,
  who: Who,
  id: string,
  input: { putRightOn: IsoDate; notes: string },
): Promise<Result> {
  return changeAudit(
    db,
    who,
    id,
    (r) => mayPutRight(who.user, r) && r.grade === 'inadequate' && r.putRightOn === null,
    async (tx, record) => {
      if (input.putRightOn > todayInLondon()) {
        return invalid({ field: 'putRightOn', message: 'The date it was put right must be today or in the past' });
      }
      if (record.auditedOn && input.putRightOn < record.auditedOn) {
        return invalid({
          field: 'putRightOn',
          message: `The date it was put right must be on or after the audit, ${formatDate(record.auditedOn)}`,
        });
      }
      await tx
        .update(caseAudits)
        .set({
          putRightOn: input.putRightOn,
          putRightNotes: input.notes,
          putRightBy: who.user.id,
          updatedAt: new Date(),
        })
        .where(eq(caseAudits.id, id));
      return { ok: true as const, step: 'put-right' };
    },
  );
}

/** The auditor confirms the actions were put right. */
export async function confirmPutRight(db: DbOrTx, who: Who, id: string): Promise<Result> {
  return changeAudit(
    db,
    who,
    id,
    (r) => mayConfirm(who.user, r) && r.putRightOn !== null && r.confirmedOn === null,
    async (tx) => {
      await tx
        .update(caseAudits)
        .set({ confirmedOn: todayInLondon(), confirmedBy: who.user.id, updatedAt: new Date() })
        .where(eq(caseAudits.id, id));
      return { ok: true as const, step: 'confirm' };
    },
  );
}
