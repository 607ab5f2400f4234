/**
 * Notifications of significant events (Fostering Services (England) Regulations 2011, Schedule 7):
 * the event, when it became known, and who was told when and how. Ofsted is told within 24 hours;
 * an allegation's event is made with the allegation and seen only by those who see it. An event
 * typed wrongly is changed, or one recorded in error removed with its notices, by those who work on
 * it; an allegation's goes only with the allegation.
 */
import { aliasedTable, and, asc, eq, sql } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { areas, teams, users } from '../../platform/auth/tables.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { addYears } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { formatDateTime, named } from '../../platform/views/format.ts';
import {
  forbidden,
  invalid,
  notFound,
  type FieldError,
  type Refusal,
  type Result,
  type Who,
} from '../../platform/views/results.ts';
import { children } from '../children/tables.ts';
import { findHouseholdReadInFull } from '../households/scope.ts';
import { households } from '../households/tables.ts';
import type { z } from 'zod';
import type { eventForm, noticeForm } from './forms.ts';
import { recipientNames } from './labels.ts';
import { childrenPlacedSince } from './queries.ts';
import { eventVisibleTo, worksOn, type MatterPlace } from './scope.ts';
import { eventNotices, significantEvents } from './tables.ts';

export type EventInput = z.infer<typeof eventForm>;
export type NoticeInput = z.infer<typeof noticeForm>;

const ssw = aliasedTable(users, 'ssw');

export interface EventRecord extends MatterPlace {
  event: typeof significantEvents.$inferSelect;
  household: { id: string; name: string; reference: string };
  childName: string | null;
  teamName: string;
  sswName: string | null;
}

/** The event, if the viewer may see it; null otherwise (a 404). */
export async function findVisibleEvent(db: DbOrTx, viewer: SignedInUser, id: string): Promise<EventRecord | null> {
  const [row] = await db
    .select({
      event: significantEvents,
      name: households.name,
      reference: households.reference,
      teamId: teams.id,
      teamName: teams.name,
      areaId: areas.id,
      allocatedSswId: households.allocatedSswId,
      sswName: ssw.displayName,
      childName: sql<string | null>`${children.firstName} || ' ' || ${children.lastName}`,
    })
    .from(significantEvents)
    .innerJoin(households, eq(households.id, significantEvents.householdId))
    .innerJoin(teams, eq(teams.id, households.teamId))
    .innerJoin(areas, eq(areas.id, teams.areaId))
    .leftJoin(ssw, eq(ssw.id, households.allocatedSswId))
    .leftJoin(children, eq(children.id, significantEvents.childId))
    .where(and(eq(significantEvents.id, id), eventVisibleTo(viewer)))
    .limit(1);
  if (!row) return null;
  return {
    event: row.event,
    kind: row.event.concernId ? 'allegation' : row.event.kind,
    householdId: row.event.householdId,
    household: { id: row.event.householdId, name: row.name, reference: row.reference },
    childName: row.childName,
    teamId: row.teamId,
    teamName: row.teamName,
    areaId: row.areaId,
    allocatedSswId: row.allocatedSswId,
    sswName: row.sswName,
  };
}

/** Who was told of the event, first told first. */
export async function noticesOf(db: DbOrTx, eventId: string) {
  return db
    .select({ notice: eventNotices, byName: users.displayName })
    .from(eventNotices)
    .innerJoin(users, eq(users.id, eventNotices.recordedBy))
    .where(eq(eventNotices.eventId, eventId))
    .orderBy(asc(eventNotices.toldAt), asc(eventNotices.createdAt));
}

/** A London date and time as an instant, and whether it is in the future (worked out by the database, in Europe/London). */
export async function londonInstant(db: DbOrTx, date: string, time: string): Promise<{ at: Date; future: boolean }> {
  const [row] = await queryRows<{ at: string | Date; future: boolean }>(
    db,
    sql`select (${date}::date + ${time}::time) at time zone 'Europe/London' as at,
      (${date}::date + ${time}::time) at time zone 'Europe/London' > now() as future`,
  );
  return { at: new Date(row!.at), future: row!.future };
}

/**
 * What is wrong with an event, recorded or changed: known in the past, and the child one placed in
 * the household in the year before it became known. Gives the instant it became known.
 */
async function eventErrors(tx: DbOrTx, householdId: string, input: EventInput) {
  const errors: FieldError[] = [];
  const known = await londonInstant(tx, input.knownOn, input.knownAtTime);
  if (known.future) errors.push({ field: 'knownOn', message: 'The date and time it became known must be in the past' });
  if (input.childId) {
    const placed = await childrenPlacedSince(tx, householdId, addYears(input.knownOn, -1));
    if (!placed.some((c) => c.id === input.childId))
      errors.push({ field: 'childId', message: 'Select the child from the list' });
  }
  return { known, errors };
}

/**
 * The event to record a notice of, change or remove, its row locked to the end of the transaction
 * (so a notice and a change saved at once cannot both pass a check made before the other), if the
 * user works on it; a refusal otherwise.
 */
async function eventToChange(tx: DbOrTx, who: Who, id: string): Promise<EventRecord | Refusal> {
  await tx.execute(sql`select id from significant_events where id = ${id} for update`);
  const record = await findVisibleEvent(tx, who.user, id);
  if (!record) return notFound;
  return worksOn(who.user, record) ? record : forbidden;
}

/** Records a significant event on a household (an allegation's is made with the allegation). */
export async function recordEvent(db: DbOrTx, who: Who, householdId: string, input: EventInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const household = await findHouseholdReadInFull(tx, who.user, householdId);
    if (!household) return notFound;
    const place = {
      kind: input.kind,
      householdId,
      teamId: household.teamId,
      areaId: household.areaId,
      allocatedSswId: household.allocatedSswId,
    };
    if (!worksOn(who.user, place)) return forbidden;
    const { known, errors } = await eventErrors(tx, householdId, input);
    if (errors.length) return invalid(...errors);
    const [row] = await tx
      .insert(significantEvents)
      .values({
        householdId,
        childId: input.childId,
        kind: input.kind,
        summary: input.summary,
        knownAt: known.at,
        recordedBy: who.user.id,
      })
      .returning({ id: significantEvents.id });
    await refreshDueItems(tx, 'significant-event', [row!.id]);
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: 'significant-event',
      recordId: row!.id,
      detail: { kind: input.kind, householdId },
    });
    return { ok: true as const, id: row!.id };
  });
}

/** Records who was told of an event, when and how: not before it became known, nor in the future. */
export async function recordNotice(db: DbOrTx, who: Who, eventId: string, input: NoticeInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const record = await eventToChange(tx, who, eventId);
    if ('reason' in record) return record;
    const told = await londonInstant(tx, input.toldOn, input.toldAtTime);
    const errors: FieldError[] = [];
    if (told.future) errors.push({ field: 'toldOn', message: 'The date and time they were told must be in the past' });
    if (told.at < record.event.knownAt) {
      errors.push({
        field: 'toldOn',
        message: 'The date and time they were told must be after the event became known',
      });
    }
    if (errors.length) return invalid(...errors);
    await tx.insert(eventNotices).values({
      eventId,
      recipient: input.recipient,
      toldAt: told.at,
      method: input.method,
      recordedBy: who.user.id,
    });
    await refreshDueItems(tx, 'significant-event', [eventId]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'significant-event',
      recordId: eventId,
      detail: { step: 'notice', recipient: input.recipient },
    });
    return { ok: true as const, id: eventId };
  });
}

/** Writes a view of the event (its page, or a form to change or remove it) to the audit trail. */
export async function auditEventViewed(db: DbOrTx, who: Who, id: string, detail: Record<string, string>) {
  await recordAudit(db, who.actor, { action: 'view', recordType: 'significant-event', recordId: id, detail });
}

/** Reads an event for its page, with who was told, and writes the 'view' to the audit trail. */
export async function viewEvent(db: DbOrTx, who: Who, id: string): Promise<EventRecord | null> {
  const record = await findVisibleEvent(db, who.user, id);
  if (!record) return null;
  await auditEventViewed(db, who, id, { page: 'event' });
  return record;
}

/** Why an event cannot be changed or removed on its own, in words; null when it can. */
export const heldBy = (record: EventRecord) =>
  record.event.concernId
    ? 'It is the notification of an allegation, made with the allegation from what it says, and goes only with it.'
    : null;

/** Who was told first, how it reads in a sentence ("Ofsted", "the police"). */
const toldWords = (recipient: string) =>
  recipient === 'ofsted' ? 'Ofsted' : named(recipientNames, recipient).replace(/^./, (c) => c.toLowerCase());

/**
 * Changes an event typed wrongly (what happened, the child, when it became known), with recording's
 * rules; when it became known cannot move after the first notice recorded as sent. Its deadline
 * follows; the audit entry keeps the fields changed and what they said.
 */
export async function changeEvent(db: DbOrTx, who: Who, id: string, input: EventInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const record = await eventToChange(tx, who, id);
    if ('reason' in record) return record;
    if (heldBy(record)) return forbidden;
    const { event } = record;
    const { known, errors } = await eventErrors(tx, event.householdId, input);
    const [first] = await noticesOf(tx, id);
    if (first && known.at > first.notice.toldAt) {
      errors.push({
        field: 'knownOn',
        message: `The date and time it became known must be no later than ${formatDateTime(first.notice.toldAt)}, when ${toldWords(first.notice.recipient)} was told`,
      });
    }
    if (errors.length) return invalid(...errors);
    const now = { kind: input.kind, childId: input.childId, knownAt: known.at, summary: input.summary };
    const said = (field: keyof typeof now) => (field === 'knownAt' ? event.knownAt.toISOString() : event[field]);
    const says = (field: keyof typeof now) => (field === 'knownAt' ? known.at.toISOString() : now[field]);
    const changed = (['kind', 'childId', 'knownAt', 'summary'] as const).filter((f) => said(f) !== says(f));
    if (changed.length === 0) return { ok: true as const, id };
    await tx.update(significantEvents).set(now).where(eq(significantEvents.id, id));
    await refreshDueItems(tx, 'significant-event', [id]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'significant-event',
      recordId: id,
      detail: { part: 'event-details', changed, was: Object.fromEntries(changed.map((f) => [f, said(f)])) },
    });
    return { ok: true as const, id };
  });
}

/**
 * Deletes an event and who was told of it, its Ofsted deadline going with it, in the caller's
 * transaction; returns who was told, as the audit trail keeps it.
 */
export async function deleteEvent(tx: DbOrTx, id: string) {
  const notices = (await noticesOf(tx, id)).map(({ notice: n }) => ({
    recipient: n.recipient,
    toldAt: n.toldAt.toISOString(),
    method: n.method,
  }));
  await tx.delete(eventNotices).where(eq(eventNotices.eventId, id));
  await tx.delete(significantEvents).where(eq(significantEvents.id, id));
  await refreshDueItems(tx, 'significant-event', [id]);
  return notices;
}

/**
 * Removes an event recorded in error (on the wrong household, or one that did not happen), with why:
 * who was told goes with it, and its deadline. Audited on the household, with what it said, as the
 * event's own trail leads nowhere after it.
 */
export async function removeEvent(db: DbOrTx, who: Who, id: string, reason: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const record = await eventToChange(tx, who, id);
    if ('reason' in record) return record;
    if (heldBy(record)) return forbidden;
    const { kind, childId, knownAt, summary, householdId } = record.event;
    const notices = await deleteEvent(tx, id);
    await recordAudit(tx, who.actor, {
      action: 'delete',
      recordType: 'household',
      recordId: householdId,
      detail: {
        part: 'significant-event',
        eventId: id,
        was: { kind, childId, knownAt: knownAt.toISOString(), summary, notices },
        reason,
      },
    });
    return { ok: true as const, id: householdId };
  });
}
