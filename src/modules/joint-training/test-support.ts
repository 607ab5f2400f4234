/**
 * Test fixtures for joint training: a day, who attended and their evaluations, written straight to
 * the database with the day's deadlines kept, as the service keeps them.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { DAY_RECORD } from './service.ts';
import { jointTrainingAttendance, jointTrainingDays, jointTrainingEvaluations } from './tables.ts';

/** Clears the demo's days, who attended them and their deadlines, for a test that works its own out by hand. */
export async function clearJointTraining(db: DbOrTx) {
  await db.execute(sql`delete from joint_training_evaluations`);
  await db.execute(sql`delete from joint_training_attendance`);
  await db.execute(sql`delete from joint_training_days`);
  await db.execute(sql`delete from due_items where rule_id like 'joint-training.%'`);
}

export async function makeDay(
  db: DbOrTx,
  heldOn: string,
  values: { title?: string; theme?: string } = {},
  today?: string,
) {
  const [day] = await db
    .insert(jointTrainingDays)
    .values({
      heldOn,
      title: values.title ?? `Joint training day ${heldOn.slice(0, 4)}`,
      theme: values.theme ?? 'Safeguarding and robust recommendations at panel',
      place: 'Fixture Conference Centre',
      organisedBy: 'The head of fostering',
    })
    .returning();
  await refreshDueItems(db, DAY_RECORD, [day!.id], today);
  return day!;
}

/** Someone at the day: a member of staff (`userId`) or a panel member (`panelMemberId`). */
export async function makeAttendance(
  db: DbOrTx,
  dayId: string,
  person: { userId: string } | { panelMemberId: string },
  evaluation?: { before: number; after: number; usefulness?: number },
  today?: string,
) {
  const [row] = await db
    .insert(jointTrainingAttendance)
    .values({ dayId, ...person })
    .returning();
  if (evaluation) {
    await db.insert(jointTrainingEvaluations).values({
      attendanceId: row!.id,
      confidenceBefore: evaluation.before,
      confidenceAfter: evaluation.after,
      usefulness: evaluation.usefulness ?? 4,
      willDoDifferently: 'A made-up answer.',
      fromPaper: false,
    });
  }
  await refreshDueItems(db, DAY_RECORD, [dayId], today);
  return row!;
}
