/**
 * Participation events (Target 1.1): events for carers, children and young people, and who came.
 * A carer's attendance is recorded by anyone who may record events and read the carer; a child's
 * only by someone who may read the child. Each change is audited on the person's own record.
 */
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db } from '../../platform/db/client.ts';
import { markProvisionalFiguresOutOfDate } from '../../platform/measures/snapshots.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import { childVisibleTo } from '../children/scope.ts';
import { children } from '../children/tables.ts';
import type { EventInput } from './forms.ts';
import { findVisibleCarer } from './scope.ts';
import { participationAttendance, participationEvents } from './tables.ts';

export async function addEvent(db: Db, who: Who, input: EventInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(participationEvents)
      .values({ ...input, createdBy: who.user.id })
      .returning({ id: participationEvents.id });
    await recordAudit(tx, who.actor, { action: 'create', recordType: 'participation-event', recordId: row!.id });
    return { ok: true as const, id: row!.id };
  });
}

export type Attendee = { carerId: string } | { childId: string };

/** Records that a carer or a child attended an event (once each; from its first day). */
export async function addAttendee(db: Db, who: Who, eventId: string, attendee: Attendee): Promise<Result> {
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(participationEvents).where(eq(participationEvents.id, eventId));
    if (!event) return notFound;
    if (event.heldOn > todayInLondon()) {
      return invalid({ field: 'q', message: 'Attendance can be recorded from the day of the event' });
    }
    if ('carerId' in attendee) {
      if (event.audience === 'children') {
        return invalid({ field: 'q', message: 'This event was for children and young people only' });
      }
      if (!(await findVisibleCarer(tx, who.user, attendee.carerId))) return notFound;
    } else {
      if (event.audience === 'carers') return invalid({ field: 'q', message: 'This event was for carers only' });
      const [child] = await tx
        .select({ id: children.id })
        .from(children)
        .where(and(eq(children.id, attendee.childId), childVisibleTo(who.user)));
      if (!child) return notFound;
    }
    const inserted = await tx
      .insert(participationAttendance)
      .values({ eventId, ...attendee, recordedBy: who.user.id })
      .onConflictDoNothing()
      .returning({ id: participationAttendance.id });
    if (inserted.length) {
      await markProvisionalFiguresOutOfDate(tx);
      await recordAudit(tx, who.actor, {
        action: 'update',
        recordType: 'carerId' in attendee ? 'carer' : 'child',
        recordId: 'carerId' in attendee ? attendee.carerId : attendee.childId,
        detail: { participationEvent: eventId, attended: true },
      });
    }
    return { ok: true as const, id: eventId };
  });
}

/** Takes a carer or child off an event's attendance (recorded in error). */
export async function removeAttendee(db: Db, who: Who, eventId: string, attendee: Attendee): Promise<Result> {
  return db.transaction(async (tx) => {
    if ('carerId' in attendee) {
      if (!(await findVisibleCarer(tx, who.user, attendee.carerId))) return notFound;
    } else {
      const [child] = await tx
        .select({ id: children.id })
        .from(children)
        .where(and(eq(children.id, attendee.childId), childVisibleTo(who.user)));
      if (!child) return notFound;
    }
    const which =
      'carerId' in attendee
        ? eq(participationAttendance.carerId, attendee.carerId)
        : eq(participationAttendance.childId, attendee.childId);
    const removed = await tx
      .delete(participationAttendance)
      .where(and(eq(participationAttendance.eventId, eventId), which))
      .returning({ id: participationAttendance.id });
    if (!removed.length) return notFound;
    await markProvisionalFiguresOutOfDate(tx);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'carerId' in attendee ? 'carer' : 'child',
      recordId: 'carerId' in attendee ? attendee.carerId : attendee.childId,
      detail: { participationEvent: eventId, attended: false },
    });
    return { ok: true as const, id: eventId };
  });
}
