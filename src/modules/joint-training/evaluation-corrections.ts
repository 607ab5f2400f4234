/**
 * Putting an attendee's evaluation of a joint training day right:
 * - its answers typed wrongly, changed on its form filled in, with why, by whoever may record it (the
 *   attendee, the head of fostering or the training coordinator: mayRecordEvaluation);
 * - one recorded against the wrong attendee (a paper form entered on the wrong line), removed with
 *   why by the head or the training coordinator: the attendee stays recorded as attending, and, with
 *   an account, is asked for their own evaluation again while it is still asked for (due.ts).
 * Each writes in one transaction with its audit entry (what the evaluation said before, who, why),
 * keeps the attendee's evaluation due, and marks the current month's figures (measures.ts: whose
 * confidence rose) to be counted again; a closed month's snapshot is never touched.
 */
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { markProvisionalFiguresOutOfDate } from '../../platform/measures/snapshots.ts';
import { isUuid } from '../../platform/views/params.ts';
import { forbidden, inTransaction, invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import type { ChangeEvaluationInput } from './forms.ts';
import { findAttendance, findDay, type EvaluationRow } from './queries.ts';
import { mayManageDays, mayReadDays, mayReadEvaluations, mayRecordEvaluation } from './scope.ts';
import { ATTENDANCE_RECORD, DAY_RECORD } from './service.ts';
import { jointTrainingEvaluations } from './tables.ts';

export const NOT_EVALUATED = 'No evaluation of the day has been given for this attendee';

/** What an evaluation says, as the audit trail keeps it. */
const answersOf = (e: EvaluationRow) => ({
  confidenceBefore: e.confidenceBefore,
  confidenceAfter: e.confidenceAfter,
  usefulness: e.usefulness,
  willDoDifferently: e.willDoDifferently,
  fromPaper: e.fromPaper,
});

/**
 * The attendance and its evaluation for a correction by `may`: not found for someone who may not read
 * it (as viewAttendance), refused for a reader who may not make it.
 */
async function forCorrection(
  tx: DbOrTx,
  who: Who,
  attendanceId: string,
  may: (e: EvaluationRow) => boolean,
): Promise<Result<{ attendance: EvaluationRow; id: string }>> {
  if (!mayReadDays(who.user) || !isUuid(attendanceId)) return notFound;
  // Held until the end: an evaluation given or put right at the same moment waits for this one.
  await queryRows(tx, sql`select id from joint_training_attendance where id = ${attendanceId}::uuid for update`);
  const attendance = await findAttendance(tx, attendanceId);
  if (!attendance) return notFound;
  if (!mayReadEvaluations(who.user) && attendance.accountId !== who.user.id) return notFound;
  if (!may(attendance)) return forbidden;
  if (attendance.confidenceBefore === null) return invalid({ field: 'willDoDifferently', message: NOT_EVALUATED });
  return { ok: true as const, attendance, id: attendance.attendanceId };
}

/** The evaluation's answers put right (the rules above). */
export async function changeEvaluation(
  db: Db,
  who: Who,
  attendanceId: string,
  input: ChangeEvaluationInput,
): Promise<Result> {
  return inTransaction(db, async (tx) => {
    const found = await forCorrection(tx, who, attendanceId, (e) => mayRecordEvaluation(who.user, e));
    if (!found.ok) return found;
    const { attendance } = found;
    const { reason, ...answers } = input;
    await tx
      .update(jointTrainingEvaluations)
      .set(answers)
      .where(eq(jointTrainingEvaluations.attendanceId, attendance.attendanceId));
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: DAY_RECORD,
      recordId: attendance.dayId,
      detail: {
        part: 'evaluation',
        attendance: attendance.attendanceId,
        reason,
        ...answers,
        was: answersOf(attendance),
      },
    });
    await refreshDueItems(tx, ATTENDANCE_RECORD, [attendance.attendanceId]);
    await markProvisionalFiguresOutOfDate(tx);
    return { ok: true as const, id: attendance.attendanceId };
  });
}

/** An evaluation and its day, for the page that asks why it is removed (the view audited). */
export async function evaluationToRemove(db: DbOrTx, who: Who, attendanceId: string) {
  if (!mayManageDays(who.user)) return null;
  const attendance = await findAttendance(db, attendanceId);
  if (!attendance) return null;
  const day = (await findDay(db, attendance.dayId))!;
  await recordAudit(db, who.actor, {
    action: 'view',
    recordType: DAY_RECORD,
    recordId: day.id,
    detail: { part: 'evaluation', attendance: attendance.attendanceId, page: 'remove' },
  });
  return { day, attendance };
}

/** An evaluation recorded against the wrong attendee removed, with why (the rules above). */
export async function removeEvaluation(db: Db, who: Who, attendanceId: string, reason: string): Promise<Result> {
  if (!mayManageDays(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const found = await forCorrection(tx, who, attendanceId, () => true);
    if (!found.ok) return found;
    const { attendance } = found;
    await tx.delete(jointTrainingEvaluations).where(eq(jointTrainingEvaluations.attendanceId, attendance.attendanceId));
    await recordAudit(tx, who.actor, {
      action: 'delete',
      recordType: DAY_RECORD,
      recordId: attendance.dayId,
      detail: { part: 'evaluation', attendance: attendance.attendanceId, reason, was: answersOf(attendance) },
    });
    await refreshDueItems(tx, ATTENDANCE_RECORD, [attendance.attendanceId]);
    await markProvisionalFiguresOutOfDate(tx);
    return { ok: true as const, id: attendance.dayId };
  });
}
