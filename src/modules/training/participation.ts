/**
 * Participation events (Target 1.1): events for carers, children and young people, and who came.
 * A carer's attendance is recorded by anyone who may record events and read the carer; a child's
 * only by someone who may read the child. Each change is audited on the person's own record.
 */
import { and, eq, sql } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { recordAudit, recordAudits } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { markProvisionalFiguresOutOfDate } from '../../platform/measures/snapshots.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { forbidden, invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import { childVisibleTo } from '../children/scope.ts';
import { children } from '../children/tables.ts';
import type { EventInput } from './forms.ts';
import { carersVisibleTo, findVisibleCarer } from './scope.ts';
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

/** Who is recorded as attending an event: carers and children, and how many of them are on records the user cannot read. */
export async function attendanceOf(db: DbOrTx, user: SignedInUser, eventId: string) {
  const [row] = await queryRows<{ carers: number; children: number; hidden: number }>(
    db,
    sql`select count(a.carer_id)::int as carers, count(a.child_id)::int as children,
        count(*) filter (where not coalesce(
          case when a.carer_id is not null then a.carer_id in (select carers.id from carers where ${carersVisibleTo(user)})
            else a.child_id in (select children.id from children where ${childVisibleTo(user)}) end, false))::int as hidden
      from participation_attendance a where a.event_id = ${eventId}`,
  );
  return { carers: Number(row?.carers ?? 0), children: Number(row?.children ?? 0), hidden: Number(row?.hidden ?? 0) };
}

const people = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Corrects an event's own details (its name, who it was for and by, its days, where): who attended
 * stands, and their participation days count the event's new days. The event must still fit them:
 * not moved after today once attendance is recorded, nor closed to the carers or the children
 * recorded as attending.
 */
export async function changeEvent(db: Db, who: Who, id: string, input: EventInput): Promise<Result> {
  if (!can(who.user.role, 'participation.record')) return forbidden;
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(participationEvents).where(eq(participationEvents.id, id)).for('update');
    if (!event) return notFound;
    const came = await attendanceOf(tx, who.user, id);
    if (came.carers + came.children > 0 && input.heldOn > todayInLondon()) {
      return invalid({
        field: 'heldOn',
        message: 'Who attended is recorded: the date of the event must be today or in the past',
      });
    }
    if (came.carers && input.audience === 'children') {
      return invalid({
        field: 'audience',
        message: `${people(came.carers, 'carer is', 'carers are')} recorded as attending: select an audience with carers, or take them off the event first`,
      });
    }
    if (came.children && input.audience === 'carers') {
      return invalid({
        field: 'audience',
        message: `${people(came.children, 'child is', 'children are')} recorded as attending: select an audience with children and young people, or take them off the event first`,
      });
    }
    const changed = (Object.keys(input) as (keyof EventInput)[]).filter((key) => input[key] !== event[key]);
    if (!changed.length) return { ok: true as const, id };
    await tx.update(participationEvents).set(input).where(eq(participationEvents.id, id));
    await markProvisionalFiguresOutOfDate(tx);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'participation-event',
      recordId: id,
      detail: { changed, heldOn: input.heldOn, endsOn: input.endsOn },
    });
    return { ok: true as const, id };
  });
}

/**
 * Removes an event recorded in error (one that did not take place, or recorded twice), with why:
 * the carers and children recorded as attending go with it (their participation days no longer
 * count it), each audited on their own record. Only by someone who may read every one of them, as
 * taking one person off the event is; the event's removal is audited with the reason.
 */
export async function removeEvent(db: Db, who: Who, id: string, reason: string): Promise<Result> {
  if (!can(who.user.role, 'participation.record')) return forbidden;
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(participationEvents).where(eq(participationEvents.id, id)).for('update');
    if (!event) return notFound;
    if ((await attendanceOf(tx, who.user, id)).hidden > 0) return forbidden;
    const gone = await tx
      .delete(participationAttendance)
      .where(eq(participationAttendance.eventId, id))
      .returning({ carerId: participationAttendance.carerId, childId: participationAttendance.childId });
    await tx.delete(participationEvents).where(eq(participationEvents.id, id));
    await markProvisionalFiguresOutOfDate(tx);
    await recordAudits(tx, who.actor, [
      {
        action: 'delete',
        recordType: 'participation-event',
        recordId: id,
        detail: {
          title: event.title,
          heldOn: event.heldOn,
          carers: gone.filter((a) => a.carerId).length,
          children: gone.filter((a) => a.childId).length,
          reason,
        },
      },
      ...gone.map((a) => ({
        action: 'update',
        recordType: a.carerId ? 'carer' : 'child',
        recordId: (a.carerId ?? a.childId)!,
        detail: { part: 'participation-attendance', participationEvent: id, attended: false, eventRemoved: true },
      })),
    ]);
    return { ok: true as const, id };
  });
}
