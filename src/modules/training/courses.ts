/**
 * The training calendar: courses and their sessions, run by the training coordinator. Each change
 * is audited in its transaction; a change to who must attend a course refreshes the requirements.
 */
import { eq, sql } from 'drizzle-orm';
import { recordAudit, recordAudits } from '../../platform/audit/service.ts';
import type { Db } from '../../platform/db/client.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { markProvisionalFiguresOutOfDate } from '../../platform/measures/snapshots.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import type { CourseInput, SessionInput } from './forms.ts';
import { placesTaken } from './bookings.ts';
import { trainingBookings, trainingCourses, trainingSessions } from './tables.ts';

function courseValues(input: CourseInput) {
  return {
    title: input.title,
    category: input.category,
    hours: String(input.hours),
    mandatoryFor: input.mandatoryFor,
    description: input.description,
    active: input.active,
  };
}

/** Adds a course to the calendar. */
export async function addCourse(db: Db, who: Who, input: CourseInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingCourses)
      .values({ ...courseValues(input), createdBy: who.user.id })
      .returning({ id: trainingCourses.id });
    await refreshDueItems(tx, 'training-course', [row!.id]);
    await markProvisionalFiguresOutOfDate(tx);
    await recordAudit(tx, who.actor, { action: 'create', recordType: 'training-course', recordId: row!.id });
    return { ok: true as const, id: row!.id };
  });
}

/** Changes a course: who must attend it moves carers' requirements, so they are refreshed. */
export async function changeCourse(db: Db, who: Who, id: string, input: CourseInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(trainingCourses).where(eq(trainingCourses.id, id)).for('update');
    if (!before) return notFound;
    const after = courseValues(input);
    const fields = Object.entries(after)
      .filter(([k, v]) => (before as Record<string, unknown>)[k] !== v)
      .map(([k]) => k);
    await tx.update(trainingCourses).set(after).where(eq(trainingCourses.id, id));
    await refreshDueItems(tx, 'training-course', [id]);
    await markProvisionalFiguresOutOfDate(tx);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'training-course',
      recordId: id,
      detail: { fields },
    });
    return { ok: true as const, id };
  });
}

/** Adds a session of an active course (in the future: the form refuses dates out of order). */
export async function addSession(db: Db, who: Who, courseId: string, input: SessionInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const [course] = await tx.select().from(trainingCourses).where(eq(trainingCourses.id, courseId));
    if (!course) return notFound;
    if (!course.active) {
      return invalid({ field: 'startsOn', message: 'This course has been withdrawn: it takes no new sessions' });
    }
    const [row] = await tx
      .insert(trainingSessions)
      .values({ courseId, ...input, createdBy: who.user.id })
      .returning({ id: trainingSessions.id });
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: 'training-session',
      recordId: row!.id,
      detail: { courseId },
    });
    return { ok: true as const, id: row!.id };
  });
}

/**
 * Changes a session still to be held (a room moved, a new time, more places): its carers' bookings
 * stand, and the portal shows them the new details. Not below the places already booked; not a
 * session cancelled or held.
 */
export async function changeSession(db: Db, who: Who, id: string, input: SessionInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const [session] = await tx.select().from(trainingSessions).where(eq(trainingSessions.id, id)).for('update');
    if (!session) return notFound;
    if (session.status === 'cancelled') {
      return invalid({ field: 'startsOn', message: 'This session was cancelled: add a new session instead' });
    }
    const [counts] = await tx
      .select({
        marked: sql<number>`count(*) filter (where ${trainingBookings.attendance} is not null)::int`,
      })
      .from(trainingBookings)
      .where(eq(trainingBookings.sessionId, id));
    if (session.startsOn < todayInLondon() || Number(counts?.marked ?? 0) > 0) {
      return invalid({ field: 'startsOn', message: 'A session that has been held cannot be changed' });
    }
    const places = await placesTaken(tx, id);
    if (input.capacity < places) {
      return invalid({
        field: 'capacity',
        message: `${places} places are taken: places must be ${places} or more, or cancel a booking first`,
      });
    }
    await tx.update(trainingSessions).set(input).where(eq(trainingSessions.id, id));
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'training-session',
      recordId: id,
      detail: { startsOn: input.startsOn, place: input.place, capacity: input.capacity },
    });
    return { ok: true as const, id };
  });
}

/** Cancels a session that has not been held: its bookings are cancelled with it. */
export async function cancelSession(db: Db, who: Who, id: string, reason: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const [session] = await tx.select().from(trainingSessions).where(eq(trainingSessions.id, id)).for('update');
    if (!session) return notFound;
    if (session.status === 'cancelled')
      return invalid({ field: 'reason', message: 'This session is already cancelled' });
    const attended = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingBookings)
      .where(sql`${trainingBookings.sessionId} = ${id} and ${trainingBookings.attendance} is not null`);
    if (session.startsOn < todayInLondon() || Number(attended[0]?.n ?? 0) > 0) {
      return invalid({ field: 'reason', message: 'A session that has been held cannot be cancelled' });
    }
    await tx
      .update(trainingSessions)
      .set({ status: 'cancelled', cancelledReason: reason })
      .where(eq(trainingSessions.id, id));
    const bookings = await tx
      .update(trainingBookings)
      .set({ status: 'cancelled', cancelledAt: new Date() })
      .where(sql`${trainingBookings.sessionId} = ${id} and ${trainingBookings.status} = 'booked'`)
      .returning({ id: trainingBookings.id });
    await recordAudits(tx, who.actor, [
      { action: 'cancel', recordType: 'training-session', recordId: id },
      // Each carer's booking, so their own trail shows the session cancelled.
      ...bookings.map((b) => ({
        action: 'cancel',
        recordType: 'training-booking',
        recordId: b.id,
        detail: { via: 'session cancelled' },
      })),
    ]);
    return { ok: true as const, id };
  });
}
