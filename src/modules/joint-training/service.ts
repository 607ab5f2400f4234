/**
 * Joint training days' rules and writes: a day recorded, changed or removed, a group's attendance,
 * an evaluation given by the attendee or entered from a paper form. Each checks who may, writes in
 * one transaction with its audit entry and keeps the deadlines it moves (due.ts); every view is
 * audited.
 */
import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import { recordAudit, recordAudits } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { compareIsoDates, todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { forbidden, inTransaction, invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import type { AttendanceInput, DayInput, EvaluationInput } from './forms.ts';
import { attendeeRoleList, PANEL_GROUP } from './labels.ts';
import { findAttendance, findDay, ownAttendance, summaryOf, type DayRow } from './queries.ts';
import { mayManageDays, mayReadDays, mayReadEvaluations } from './scope.ts';
import { jointTrainingAttendance, jointTrainingDays, jointTrainingEvaluations } from './tables.ts';

/** A joint training day as a record of the audit trail (its attendance and evaluations are parts of it). */
export const DAY_RECORD = 'joint-training-day';
/** An attendance of a day, as the deadline engine keys an attendee's evaluation due (due.ts). */
export const ATTENDANCE_RECORD = 'joint-training-attendance';

/** Audits a view of a day (the day's page, the list's days, an evaluation as a part). */
export async function auditDaysViewed(db: DbOrTx, who: Who, ids: string[], detail: Record<string, unknown> = {}) {
  await recordAudits(
    db,
    who.actor,
    ids.map((id) => ({ action: 'view', recordType: DAY_RECORD, recordId: id, detail })),
  );
}

export async function recordDay(db: Db, who: Who, input: DayInput): Promise<Result> {
  if (!mayManageDays(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const [made] = await tx
      .insert(jointTrainingDays)
      .values({ ...input, recordedBy: who.user.id })
      .returning({ id: jointTrainingDays.id });
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: DAY_RECORD,
      recordId: made!.id,
      detail: { heldOn: input.heldOn },
    });
    await refreshDueItems(tx, DAY_RECORD, [made!.id]);
    return { ok: true as const, id: made!.id };
  });
}

export async function changeDay(db: Db, who: Who, id: string, input: DayInput): Promise<Result> {
  if (!mayManageDays(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const day = await findDay(tx, id);
    if (!day) return notFound;
    await tx
      .update(jointTrainingDays)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(jointTrainingDays.id, day.id));
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: DAY_RECORD,
      recordId: day.id,
      detail: { heldOn: input.heldOn },
    });
    await refreshDueItems(tx, DAY_RECORD, [day.id]);
    return { ok: true as const, id: day.id };
  });
}

/** A day and how many attended and evaluated it, for the page that asks to confirm its removal (the view audited). */
export async function dayToRemove(
  db: DbOrTx,
  who: Who,
  id: string,
): Promise<Result<{ day: DayRow; attendance: number; evaluations: number }>> {
  if (!mayManageDays(who.user)) return forbidden;
  const day = await findDay(db, id);
  if (!day) return notFound;
  const summary = await summaryOf(db, day.id);
  await auditDaysViewed(db, who, [day.id], { page: 'remove' });
  return { ok: true as const, day, attendance: summary.staff + summary.panel, evaluations: summary.evaluated };
}

/**
 * Removes a day recorded by mistake, with who attended and their evaluations, in one transaction:
 * the audit entry keeps what was removed (the day's date and title, how many attended and
 * evaluated), and the deadlines move without it (the last day before it is the last one held again;
 * its attendees' evaluations are no longer due).
 */
export async function removeDay(db: Db, who: Who, id: string): Promise<Result> {
  if (!mayManageDays(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const day = await findDay(tx, id);
    if (!day) return notFound;
    // Held until the end: no attendance is recorded on the day while it goes, and it goes once.
    const held = await queryRows<{ id: string }>(
      tx,
      sql`select id from joint_training_days where id = ${day.id} for update`,
    );
    if (!held.length) return notFound;
    const attendanceOfDay = tx
      .select({ id: jointTrainingAttendance.id })
      .from(jointTrainingAttendance)
      .where(eq(jointTrainingAttendance.dayId, day.id));
    const evaluations = await tx
      .delete(jointTrainingEvaluations)
      .where(inArray(jointTrainingEvaluations.attendanceId, attendanceOfDay))
      .returning({ id: jointTrainingEvaluations.attendanceId });
    const attendance = await tx
      .delete(jointTrainingAttendance)
      .where(eq(jointTrainingAttendance.dayId, day.id))
      .returning({ id: jointTrainingAttendance.id });
    await tx.delete(jointTrainingDays).where(eq(jointTrainingDays.id, day.id));
    await recordAudit(tx, who.actor, {
      action: 'delete',
      recordType: DAY_RECORD,
      recordId: day.id,
      detail: {
        part: 'whole-record',
        heldOn: day.heldOn,
        title: day.title,
        attendance: attendance.length,
        evaluations: evaluations.length,
      },
    });
    await refreshDueItems(tx, DAY_RECORD, [day.id]);
    await refreshDueItems(
      tx,
      ATTENDANCE_RECORD,
      attendance.map((a) => a.id),
    );
    return { ok: true as const, id: day.id };
  });
}

export const NOT_YET_HELD = 'Attendance is recorded from the day of the training: the day has not happened yet';

/**
 * Records who of a group's page attended: those ticked are added, those shown and not ticked are
 * taken off, unless they have given an evaluation (kept: their evaluation says they were there).
 * Only people of the group's kind the day is for are written.
 */
export async function saveAttendance(
  db: Db,
  who: Who,
  dayId: string,
  group: string,
  input: AttendanceInput,
  today: IsoDate = todayInLondon(),
): Promise<Result<{ added: number; removed: number }>> {
  if (!mayManageDays(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const day = await findDay(tx, dayId);
    if (!day) return notFound;
    if (compareIsoDates(day.heldOn, today) > 0) return invalid({ field: 'attended', message: NOT_YET_HELD });
    const panel = group === PANEL_GROUP;
    const column = panel ? jointTrainingAttendance.panelMemberId : jointTrainingAttendance.userId;
    const valid = input.shown.length
      ? await queryRows<{ id: string }>(
          tx,
          panel
            ? sql`select id from panel_members where id in (${sql.join(
                input.shown.map((i) => sql`${i}::uuid`),
                sql`, `,
              )})`
            : sql`select id from users where role in (${sql.raw(attendeeRoleList)})
                and id in (${sql.join(
                  input.shown.map((i) => sql`${i}::uuid`),
                  sql`, `,
                )})`,
        )
      : [];
    const shown = valid.map((r) => r.id);
    const ticked = new Set(input.attended);
    const there = shown.filter((id) => ticked.has(id));
    const away = shown.filter((id) => !ticked.has(id));
    const added = there.length
      ? await tx
          .insert(jointTrainingAttendance)
          .values(
            there.map((id) => ({
              dayId: day.id,
              recordedBy: who.user.id,
              ...(panel ? { panelMemberId: id } : { userId: id }),
            })),
          )
          .onConflictDoNothing()
          .returning({ id: jointTrainingAttendance.id })
      : [];
    const removed = away.length
      ? await tx
          .delete(jointTrainingAttendance)
          .where(
            and(
              eq(jointTrainingAttendance.dayId, day.id),
              inArray(column, away),
              notExists(
                tx
                  .select({ one: sql`1` })
                  .from(jointTrainingEvaluations)
                  .where(eq(jointTrainingEvaluations.attendanceId, jointTrainingAttendance.id)),
              ),
            ),
          )
          .returning({ id: jointTrainingAttendance.id })
      : [];
    await recordAudit(tx, who.actor, {
      action: 'record',
      recordType: DAY_RECORD,
      recordId: day.id,
      detail: { part: 'attendance', group, added: added.length, removed: removed.length },
    });
    // Only the evaluations due of those added or taken off move: the other groups' and the day's own stay as they are.
    await refreshDueItems(
      tx,
      ATTENDANCE_RECORD,
      [...added, ...removed].map((a) => a.id),
    );
    return { ok: true as const, added: added.length, removed: removed.length };
  });
}

export const ALREADY_EVALUATED = 'An evaluation of the day has already been given for this attendee';
export const NOT_AN_ATTENDEE = 'Only someone recorded as attending the day can give an evaluation of it';

/** The user's own attendance of a day they may give an evaluation of: not found when they may not read the day. */
export async function ownEvaluationOf(db: DbOrTx, who: Who, dayId: string) {
  if (!mayReadDays(who.user)) return null;
  const day = await findDay(db, dayId);
  if (!day) return null;
  return { day, attendance: await ownAttendance(db, day.id, who.user.id) };
}

async function writeEvaluation(
  tx: DbOrTx,
  who: Who,
  attendanceId: string,
  dayId: string,
  input: EvaluationInput,
  fromPaper: boolean,
) {
  await tx.insert(jointTrainingEvaluations).values({ attendanceId, ...input, fromPaper, recordedBy: who.user.id });
  await recordAudit(tx, who.actor, {
    action: 'record',
    recordType: DAY_RECORD,
    recordId: dayId,
    detail: { part: 'evaluation', attendance: attendanceId, fromPaper },
  });
  await refreshDueItems(tx, ATTENDANCE_RECORD, [attendanceId]);
}

/** The signed-in attendee gives their own evaluation of a day held (once). */
export async function giveOwnEvaluation(
  db: Db,
  who: Who,
  dayId: string,
  input: EvaluationInput,
  today: IsoDate = todayInLondon(),
): Promise<Result> {
  return inTransaction(db, async (tx) => {
    const found = await ownEvaluationOf(tx, who, dayId);
    if (!found) return notFound;
    if (!found.attendance) return forbidden;
    if (compareIsoDates(found.day.heldOn, today) > 0)
      return invalid({ field: 'willDoDifferently', message: NOT_YET_HELD });
    if (found.attendance.evaluated) return invalid({ field: 'willDoDifferently', message: ALREADY_EVALUATED });
    await writeEvaluation(tx, who, found.attendance.attendanceId, found.day.id, input, false);
    return { ok: true as const, id: found.attendance.attendanceId };
  });
}

/** The head or the training coordinator enters an attendee's evaluation from their paper form (once). */
export async function enterPaperEvaluation(
  db: Db,
  who: Who,
  attendanceId: string,
  input: EvaluationInput,
): Promise<Result> {
  if (!mayManageDays(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const attendance = await findAttendance(tx, attendanceId);
    if (!attendance) return notFound;
    if (attendance.confidenceBefore !== null)
      return invalid({ field: 'willDoDifferently', message: ALREADY_EVALUATED });
    await writeEvaluation(tx, who, attendance.attendanceId, attendance.dayId, input, true);
    return { ok: true as const, id: attendance.attendanceId };
  });
}

/**
 * An attendance and its evaluation for a reader who may read it (the attendee, those who manage
 * the days, the assistant director), the view audited; null (a 404) for anyone else.
 */
export async function viewAttendance(db: DbOrTx, who: Who, attendanceId: string) {
  if (!mayReadDays(who.user)) return null;
  const attendance = await findAttendance(db, attendanceId);
  if (!attendance) return null;
  if (!mayReadEvaluations(who.user) && attendance.accountId !== who.user.id) return null;
  const day = (await findDay(db, attendance.dayId))!;
  await auditDaysViewed(db, who, [day.id], { part: 'evaluation', attendance: attendance.attendanceId });
  return { day, attendance };
}
