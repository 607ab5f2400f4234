/**
 * Putting a completed audit's grading right, on the audit form filled in with what it says, by those
 * who conduct audits (the auditor who graded it, or a manager who audits the file: mayChangeGrading),
 * with why. The sections, the date of the audit and the safeguarding concern are as graded again:
 * the overall grade is computed again (the worst section, or inadequate for a missing delegated
 * authority on the new date), and the put-right deadline follows it, in one transaction with the
 * deadlines and the audit-trail entry keeping what the grading said before, who changed it and why.
 * What was recorded after grading stays consistent:
 * - the date of the audit must be today or in the past, and on or before the day it was recorded put right;
 * - a safeguarding concern raised as a concern record cannot be taken out or reworded here (the
 *   concern is put right on its own page); one added now is raised as a concern at once, as grading does;
 * - an audit recorded put right and graded otherwise than inadequate keeps the record of putting
 *   right, which its page says was done when it was graded inadequate (the figures count it no longer
 *   as an inadequate audit put right).
 * The month's figures are counted from the records (measures.ts, summary.ts): the current month's
 * provisional figures are marked to be counted again; a closed month's snapshot is never touched.
 */
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { compareIsoDates, todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { markProvisionalFiguresOutOfDate } from '../../platform/measures/snapshots.ts';
import { formatDate } from '../../platform/views/format.ts';
import { forbidden, invalid, notFound, type FieldError, type Result, type Who } from '../../platform/views/results.ts';
import { auditSections, findVisibleAudit, type AuditRecord } from './queries.ts';
import { mayChangeGrading } from './scope.ts';
import { writeGrading, type GradeInput } from './service.ts';

export type ChangeGradeInput = GradeInput & { reason: string };

export const CONCERN_STAYS =
  'The safeguarding concern cannot be changed here: it was raised as a concern on the household. Put it right on the concern’s page';

/** Why the grading cannot be changed to `input`, in words (the rules above), field by field. */
function refusals(record: AuditRecord, input: ChangeGradeInput): FieldError[] {
  const errors: FieldError[] = [];
  if (compareIsoDates(input.auditedOn, todayInLondon()) > 0) {
    errors.push({ field: 'auditedOn', message: 'The date of the audit must be today or in the past' });
  } else if (record.putRightOn && compareIsoDates(input.auditedOn, record.putRightOn) > 0) {
    errors.push({
      field: 'auditedOn',
      message: `The date of the audit cannot be after it was put right on ${formatDate(record.putRightOn)}`,
    });
  }
  if (record.concernId && (input.safeguarding ?? '') !== (record.safeguarding ?? '')) {
    errors.push({ field: 'safeguarding', message: CONCERN_STAYS });
  }
  return errors;
}

/** Changes a completed audit's grading (the rules above). */
export async function changeGrading(db: DbOrTx, who: Who, id: string, input: ChangeGradeInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const record = await findVisibleAudit(tx, who.user, id);
    if (!record) return notFound;
    if (!mayChangeGrading(who.user, record)) return forbidden;
    // Held until the end: a putting right or confirmation recorded at the same moment reads it after the change.
    await queryRows(tx, sql`select id from case_audits where id = ${id} for update`);
    const held = await findVisibleAudit(tx, who.user, id);
    if (!held || held.status !== 'completed') {
      return invalid({ field: 'auditedOn', message: 'Only a completed audit’s grading can be changed' });
    }
    const errors = refusals(held, input);
    if (errors.length) return invalid(...errors);
    const was = {
      auditedOn: held.auditedOn,
      grade: held.grade,
      delegatedAuthorityMissing: held.delegatedAuthorityMissing,
      safeguarding: held.safeguarding,
      putRightDueOn: held.putRightDueOn,
      sections: await auditSections(tx, id),
    };
    const { grade, concernId } = await writeGrading(tx, who, held, input);
    await refreshDueItems(tx, 'case-audit', [id]);
    await markProvisionalFiguresOutOfDate(tx);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'case-audit',
      recordId: id,
      detail: {
        part: 'audit-grading',
        reason: input.reason,
        grade,
        auditedOn: input.auditedOn,
        concernRaised: concernId !== held.concernId,
        was,
      },
    });
    return { ok: true as const, id };
  });
}
