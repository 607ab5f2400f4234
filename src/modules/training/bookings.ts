/**
 * Places on sessions: a carer books from the portal (for a carer of their own household) or the
 * training coordinator books them; either may cancel; the coordinator takes the register once the
 * session has started. A full session is refused with the reason. Each change is audited and
 * refreshes the carer's training deadlines in its transaction.
 */
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { markProvisionalFiguresOutOfDate } from '../../platform/measures/snapshots.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import type { HouseholdChangeHandler } from '../../platform/modules/household-changes.ts';
import { forbidden, invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import { carers } from '../households/tables.ts';
import { findVisibleCarer } from './scope.ts';
import { trainingBookings, trainingSessions } from './tables.ts';

export type Via = 'portal' | 'staff';

/** Staff may add a carer who came without booking, to take the register, up to this many days after the session. */
export const STAFF_BOOKING_DAYS_AFTER = 60;

/**
 * The carer, if the booker may book for them: their own household in the portal, in scope for
 * staff; never a carer who has left the household.
 */
async function carerFor(tx: DbOrTx, who: Who, carerId: string, via: Via) {
  if (via === 'portal') {
    const [row] = await tx.select().from(carers).where(eq(carers.id, carerId));
    return row && row.householdId === who.user.householdId && !row.leftOn
      ? { id: row.id, householdId: row.householdId }
      : null;
  }
  const carer = await findVisibleCarer(tx, who.user, carerId);
  return carer && !carer.leftOn ? { id: carer.id, householdId: carer.householdId } : null;
}

/** The places taken on a session: carers booked, and places other organisations took. */
export const placesTaken = async (tx: DbOrTx, sessionId: string): Promise<number> => {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select (select count(*)::int from training_bookings where session_id = ${sessionId} and status = 'booked')
      + (select coalesce(sum(places), 0)::int from training_other_places where session_id = ${sessionId}) as n`,
  );
  return Number(row?.n ?? 0);
};

/**
 * Books a carer onto a session. Refused when the session is cancelled, already over (from the
 * portal: already started), the carer is already booked, or every place is taken. The session's
 * row is locked while the places are counted, so two bookings cannot take the last place twice.
 */
export async function bookPlace(db: Db, who: Who, sessionId: string, carerId: string, via: Via): Promise<Result> {
  return db.transaction(async (tx) => {
    const [session] = await tx.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)).for('update');
    if (!session) return notFound;
    const carer = await carerFor(tx, who, carerId, via);
    if (!carer) return via === 'portal' ? invalid({ field: 'carerId', message: 'Select who is coming' }) : notFound;
    const today = todayInLondon();
    if (session.status === 'cancelled') {
      return invalid({ field: 'carerId', message: 'This session has been cancelled: choose another date' });
    }
    if (via === 'portal' ? session.startsOn < today : session.endsOn < addDays(today, -STAFF_BOOKING_DAYS_AFTER)) {
      return invalid({ field: 'carerId', message: 'This session has already taken place: choose another date' });
    }
    const [existing] = await tx
      .select()
      .from(trainingBookings)
      .where(and(eq(trainingBookings.sessionId, sessionId), eq(trainingBookings.carerId, carer.id)));
    if (existing?.status === 'booked') {
      return invalid({ field: 'carerId', message: 'This carer already has a place on this session' });
    }
    if ((await placesTaken(tx, sessionId)) >= session.capacity) {
      return invalid({
        field: 'carerId',
        message: `This session is full: ${
          session.capacity === 1 ? 'its one place is' : `all ${session.capacity} places are`
        } booked. Choose another date, or ask the training coordinator to add a session`,
      });
    }
    const values = {
      status: 'booked',
      bookedVia: via,
      bookedBy: who.user.id,
      bookedAt: new Date(),
      cancelledAt: null,
      cancelledBy: null,
      attendance: null,
      attendanceBy: null,
      attendanceAt: null,
    };
    let id: string;
    if (existing) {
      await tx.update(trainingBookings).set(values).where(eq(trainingBookings.id, existing.id));
      id = existing.id;
    } else {
      const [row] = await tx
        .insert(trainingBookings)
        .values({
          sessionId,
          sessionStartsOn: session.startsOn,
          sessionCourseId: session.courseId,
          carerId: carer.id,
          householdId: carer.householdId,
          ...values,
        })
        .returning({ id: trainingBookings.id });
      id = row!.id;
    }
    await recordAudit(tx, who.actor, { action: 'book', recordType: 'training-booking', recordId: id, detail: { via } });
    return { ok: true as const, id };
  });
}

/**
 * Cancels a booking. From the portal only the household's own bookings of sessions not yet
 * started; the coordinator any booking whose attendance has not been recorded.
 */
export async function cancelBooking(db: Db, who: Who, bookingId: string, via: Via): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ booking: trainingBookings, startsOn: trainingSessions.startsOn })
      .from(trainingBookings)
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingBookings.sessionId))
      .where(eq(trainingBookings.id, bookingId))
      .for('update', { of: trainingBookings });
    if (!row) return notFound;
    const { booking } = row;
    if (via === 'portal' && booking.householdId !== who.user.householdId) return notFound;
    if (via === 'staff' && !(await findVisibleCarer(tx, who.user, booking.carerId))) return notFound;
    if (booking.status !== 'booked' || booking.attendance !== null) return forbidden;
    if (via === 'portal' && row.startsOn < todayInLondon()) return forbidden;
    await tx
      .update(trainingBookings)
      .set({ status: 'cancelled', cancelledAt: new Date() })
      .where(eq(trainingBookings.id, bookingId));
    await recordAudit(tx, who.actor, {
      action: 'cancel',
      recordType: 'training-booking',
      recordId: bookingId,
      detail: { via },
    });
    return { ok: true as const, id: booking.sessionId };
  });
}

/**
 * Takes the register of a session: each booked carer attended or did not. Open from the day the
 * session starts. Moves the carers' training deadlines and the scorecard's training figures.
 */
export async function takeRegister(
  db: Db,
  who: Who,
  sessionId: string,
  marks: { bookingId: string; attendance: 'attended' | 'absent' }[],
): Promise<Result> {
  return db.transaction(async (tx) => {
    const [session] = await tx.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
    if (!session) return notFound;
    if (session.status === 'cancelled') return forbidden;
    if (session.startsOn > todayInLondon()) {
      return invalid({ field: 'register', message: 'The register can be taken from the day of the session' });
    }
    if (!marks.length) return invalid({ field: 'register', message: 'Select whether each carer attended' });
    const bookings = await tx
      .select({ id: trainingBookings.id, carerId: trainingBookings.carerId, attendance: trainingBookings.attendance })
      .from(trainingBookings)
      .where(
        and(
          eq(trainingBookings.sessionId, sessionId),
          eq(trainingBookings.status, 'booked'),
          inArray(
            trainingBookings.id,
            marks.map((m) => m.bookingId),
          ),
        ),
      );
    const changed: string[] = [];
    for (const booking of bookings) {
      const mark = marks.find((m) => m.bookingId === booking.id)!;
      if (booking.attendance === mark.attendance) continue;
      await tx
        .update(trainingBookings)
        .set({ attendance: mark.attendance, attendanceBy: who.user.id, attendanceAt: new Date() })
        .where(eq(trainingBookings.id, booking.id));
      await recordAudit(tx, who.actor, {
        action: 'update',
        recordType: 'training-booking',
        recordId: booking.id,
        detail: { fields: ['attendance'] },
      });
      changed.push(booking.carerId);
    }
    await refreshDueItems(tx, 'carer', changed);
    if (changed.length) await markProvisionalFiguresOutOfDate(tx);
    return { ok: true as const, id: sessionId };
  });
}

/**
 * A carer who has left their household gives up the places booked for them on sessions after the
 * day they left, not yet registered (`whenHouseholdChanges`, in the leaving's save): the places are
 * free for others, and each cancellation is on the booking's trail. The leaving put right puts them
 * right: cleared (recorded in error), the places given up are booked again; moved later, those for
 * sessions up to the new day. Each only while the session goes ahead and has a place free (one taken
 * since by another carer is not taken back). A place on a session held meanwhile comes back with its
 * attendance not recorded, on the session's register: whether the carer went is for the register
 * to say, not for the leaving put right.
 */
export const placesFollowCarer: HouseholdChangeHandler = async (tx, who, change) => {
  if (change.kind === 'carer-returned') return bookAgain(tx, who, change.carerId);
  if (change.kind !== 'carer-left') return;
  const { carerId, leftOn, wasOn } = change;
  if (wasOn && leftOn > wasOn) await bookAgain(tx, who, carerId, leftOn);
  const cancelled = await tx
    .update(trainingBookings)
    .set({ status: 'cancelled', cancelledAt: new Date(), cancelledBy: 'carer-left' })
    .where(
      and(
        eq(trainingBookings.carerId, carerId),
        eq(trainingBookings.status, 'booked'),
        isNull(trainingBookings.attendance),
        gt(trainingBookings.sessionStartsOn, leftOn),
      ),
    )
    .returning({ id: trainingBookings.id });
  for (const { id } of cancelled) {
    await recordAudit(tx, who.actor, {
      action: 'cancel',
      recordType: 'training-booking',
      recordId: id,
      detail: { via: 'carer-left' },
    });
  }
};

/** Books again the carer's places given up when they left (for sessions up to `upTo`), held or to come. */
async function bookAgain(tx: DbOrTx, who: Who, carerId: string, upTo?: string): Promise<void> {
  const given = await queryRows<{ id: string; sessionId: string; capacity: number }>(
    tx,
    sql`select b.id, b.session_id as "sessionId", s.capacity from training_bookings b
      join training_sessions s on s.id = b.session_id
      where b.carer_id = ${carerId} and b.status = 'cancelled' and b.cancelled_by = 'carer-left'
        and s.status <> 'cancelled'
        ${upTo ? sql`and b.session_starts_on <= ${upTo}::date` : sql``}
      order by b.session_starts_on
      for update of s`,
  );
  for (const booking of given) {
    if ((await placesTaken(tx, booking.sessionId)) >= booking.capacity) continue;
    await tx
      .update(trainingBookings)
      .set({ status: 'booked', cancelledAt: null, cancelledBy: null })
      .where(eq(trainingBookings.id, booking.id));
    await recordAudit(tx, who.actor, {
      action: 'book',
      recordType: 'training-booking',
      recordId: booking.id,
      detail: { via: 'carer-returned' },
    });
  }
}
