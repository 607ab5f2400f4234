/**
 * Putting right a household's latest status change recorded by hand on the change-status page:
 * undoing one recorded in error, or moving its date when the date was typed wrongly. Either needs a
 * reason; the household's status and `status_since` are rebuilt from its remaining events, its
 * deadlines and kept status periods follow, and the audit trail keeps what was changed and why, all
 * in one transaction. Only for those who may change the household's status.
 *
 * Only a change recorded by hand is put right here: its event's origin is the change-status page
 * (`origin`, kept on the event since migration 0066, which read the older ones' origin from the
 * audit trail). Recruitment's steps move a household through the same writer but from their own
 * pages, and agency decisions from the panel's, so neither can be undone here: they are put right
 * where they were recorded.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/tables.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { householdChanged } from '../../platform/modules/household-changes.ts';
import { formatDate } from '../../platform/views/format.ts';
import { invalid, type FieldError, type Invalid, type Refusal, type Who } from '../../platform/views/results.ts';
import { householdFor, type HouseholdRecord } from './scope.ts';
import { lockHousehold, type Done } from './service.ts';
import { refreshHouseholdFacts } from './facts.ts';
import { approvalStandsWhile, statusName } from './labels.ts';
import { householdStatusEvents, households } from './tables.ts';

export interface StatusEventRow {
  id: string;
  householdId: string;
  fromStatus: string | null;
  toStatus: string;
  onDate: string;
  reason: string | null;
  byName: string | null;
  origin: string | null;
}

/** The latest status change, and the one before it, when the latest may be undone or re-dated. */
export interface CorrectableChange {
  event: StatusEventRow;
  previous: StatusEventRow;
}

/** Why a status change cannot be put right here, in words for the page. */
export type NotCorrectable = { ok: false; reason: 'not-correctable'; message: string };

const notCorrectable = (message: string): NotCorrectable => ({ ok: false, reason: 'not-correctable', message });

/** The household's two latest status events, latest first (the order the kept status periods use). */
async function latestTwo(db: DbOrTx, householdId: string): Promise<StatusEventRow[]> {
  return db
    .select({
      id: householdStatusEvents.id,
      householdId: householdStatusEvents.householdId,
      fromStatus: householdStatusEvents.fromStatus,
      toStatus: householdStatusEvents.toStatus,
      onDate: householdStatusEvents.onDate,
      reason: householdStatusEvents.reason,
      byName: users.displayName,
      origin: householdStatusEvents.origin,
    })
    .from(householdStatusEvents)
    .leftJoin(users, eq(users.id, householdStatusEvents.byUserId))
    .where(eq(householdStatusEvents.householdId, householdId))
    .orderBy(desc(householdStatusEvents.onDate), desc(householdStatusEvents.createdAt), desc(householdStatusEvents.id))
    .limit(2);
}

/**
 * The household's latest status change if it may be put right here (recorded by hand on the
 * change-status form, with an earlier status to go back to), or why not. With `eventId`, that
 * event must be the latest.
 */
export async function correctableChange(
  db: DbOrTx,
  household: Pick<HouseholdRecord, 'id' | 'status'>,
  eventId?: string,
): Promise<({ ok: true } & CorrectableChange) | NotCorrectable> {
  const [event, previous] = await latestTwo(db, household.id);
  if (!event || (eventId !== undefined && event.id !== eventId)) {
    return notCorrectable(
      'Only the household’s latest status change can be undone or have its date changed. Another change has been recorded since: look at the status history again.',
    );
  }
  if (!previous || event.toStatus !== household.status || event.origin !== 'status-page') {
    return notCorrectable(
      'Only a status change recorded on the change-status page can be undone or have its date changed here. One made by an agency decision or a recruitment step is put right where it was recorded.',
    );
  }
  return { ok: true, event, previous };
}

export type Outcome = Done | Refusal | Invalid | NotCorrectable;

/** Opens the household for a change and finds its correctable latest status change, in the transaction. */
async function openChange(tx: DbOrTx, who: Who, householdId: string, eventId: string) {
  await lockHousehold(tx, householdId);
  const access = await householdFor(tx, who.user, householdId, 'change');
  if (!access.ok) return access;
  return correctableChange(tx, access.household, eventId);
}

/** Whether the change ended the household's approval, or gave it one. */
export const endedApproval = (event: StatusEventRow, previous: StatusEventRow) =>
  approvalStandsWhile(previous.toStatus) && !approvalStandsWhile(event.toStatus);
const gaveApproval = (event: StatusEventRow, previous: StatusEventRow) =>
  !approvalStandsWhile(previous.toStatus) && approvalStandsWhile(event.toStatus);

/** Deadlines and kept status periods follow the household's rebuilt status. */
async function refreshAfter(tx: DbOrTx, householdId: string): Promise<void> {
  await refreshDueItems(tx, 'household', [householdId]);
  await refreshHouseholdFacts(tx, householdId);
}

/**
 * Undoes the household's latest status change, recorded in error: the event goes, and the
 * household is back in the status (and since the date) of the event before it. Other modules'
 * records follow in the same save: an end of approval undone gives back what ended with it (a hub
 * family, a Carer Ambassador); an approval undone ends what was begun under it.
 */
export async function undoStatusChange(
  db: Db,
  who: Who,
  householdId: string,
  eventId: string,
  reason: string,
): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const found = await openChange(tx, who, householdId, eventId);
    if (!found.ok) return found;
    const { event, previous } = found;
    await tx.delete(householdStatusEvents).where(eq(householdStatusEvents.id, event.id));
    await tx
      .update(households)
      .set({ status: previous.toStatus, statusSince: previous.onDate, updatedAt: new Date() })
      .where(eq(households.id, householdId));
    if (endedApproval(event, previous)) {
      await householdChanged(tx, who, { kind: 'approval-restored', householdId, endedOn: event.onDate });
    } else if (gaveApproval(event, previous)) {
      await householdChanged(tx, who, { kind: 'approval-ended', householdId, endedOn: event.onDate });
    }
    await refreshAfter(tx, householdId);
    await recordAudit(tx, who.actor, {
      action: 'delete',
      recordType: 'household',
      recordId: householdId,
      detail: {
        part: 'status-event',
        eventId: event.id,
        from: event.fromStatus,
        to: event.toStatus,
        onDate: event.onDate,
        recordedReason: event.reason,
        backTo: previous.toStatus,
        backToSince: previous.onDate,
        reason,
      },
    });
    return { ok: true };
  });
}

/**
 * Moves the date of the household's latest status change (typed wrongly): not in the future, not
 * before the change before it, and not the date it already has. What ended with an end of approval
 * ends on the new day.
 */
export async function redateStatusChange(
  db: Db,
  who: Who,
  householdId: string,
  eventId: string,
  input: { onDate: string; reason: string },
): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const found = await openChange(tx, who, householdId, eventId);
    if (!found.ok) return found;
    const { event, previous } = found;
    const errors: FieldError[] = [];
    if (input.onDate > todayInLondon()) {
      errors.push({ field: 'onDate', message: 'The date of the change must be today or in the past' });
    } else if (input.onDate < previous.onDate) {
      errors.push({
        field: 'onDate',
        message: `The date of the change must be on or after ${formatDate(previous.onDate)}, when the household became ${statusName(previous.toStatus).toLowerCase()}`,
      });
    } else if (input.onDate === event.onDate) {
      errors.push({
        field: 'onDate',
        message: `The change is already dated ${formatDate(event.onDate)}: enter the date it should have`,
      });
    }
    if (errors.length) return invalid(...errors);
    await tx
      .update(householdStatusEvents)
      .set({ onDate: input.onDate })
      .where(and(eq(householdStatusEvents.id, event.id), eq(householdStatusEvents.householdId, householdId)));
    await tx
      .update(households)
      .set({ statusSince: input.onDate, updatedAt: new Date() })
      .where(eq(households.id, householdId));
    if (endedApproval(event, previous)) {
      await householdChanged(tx, who, {
        kind: 'approval-ended',
        householdId,
        endedOn: input.onDate,
        wasOn: event.onDate,
      });
    }
    await refreshAfter(tx, householdId);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'household',
      recordId: householdId,
      detail: {
        part: 'status-date',
        eventId: event.id,
        status: event.toStatus,
        wasOn: event.onDate,
        nowOn: input.onDate,
        reason: input.reason,
      },
    });
    return { ok: true };
  });
}

/**
 * Moves the date of a status change recruitment's step recorded (the move to applicant with the
 * application, say) when the step's date is put right, in the step's transaction: found by its
 * status and the day it says, kept between the changes before and after it; the household's
 * `status_since` (when it is the latest), its date of approval (a first approval), its kept status
 * periods and deadlines follow. The step's
 * own audit entry records the correction. Returns why not, in words for the step's date field, or
 * null (also when no such change is recorded: a status set on the status page on another day).
 */
export async function redateStepMove(
  db: DbOrTx,
  householdId: string,
  move: { toStatus: string; wasOn: string; nowOn: string },
  who: Who,
): Promise<string | null> {
  const events = await db
    .select({
      id: householdStatusEvents.id,
      toStatus: householdStatusEvents.toStatus,
      onDate: householdStatusEvents.onDate,
    })
    .from(householdStatusEvents)
    .where(eq(householdStatusEvents.householdId, householdId))
    .orderBy(asc(householdStatusEvents.onDate), asc(householdStatusEvents.createdAt), asc(householdStatusEvents.id));
  const at = events.findIndex((e) => e.toStatus === move.toStatus && e.onDate === move.wasOn);
  if (at < 0) return null;
  const [before, after] = [events[at - 1], events[at + 1]];
  const became = (e: { toStatus: string; onDate: string }) =>
    `${formatDate(e.onDate)}, when the household became ${statusName(e.toStatus).toLowerCase()}`;
  if (before && move.nowOn < before.onDate) return `must be on or after ${became(before)}`;
  if (after && move.nowOn > after.onDate) return `must be on or before ${became(after)}`;
  await db
    .update(householdStatusEvents)
    .set({ onDate: move.nowOn })
    .where(eq(householdStatusEvents.id, events[at]!.id));
  // The household's first approval is its date of approval: it moves with it.
  const firstApproval = move.toStatus === 'approved' && !events.slice(0, at).some((e) => e.toStatus === 'approved');
  const approvedOn = firstApproval
    ? {
        approvedOn: sql`case when ${households.approvedOn} = ${move.wasOn}::date then ${move.nowOn}::date else ${households.approvedOn} end`,
      }
    : {};
  if (!after || firstApproval) {
    await db
      .update(households)
      .set({ ...(after ? {} : { statusSince: move.nowOn }), ...approvedOn, updatedAt: new Date() })
      .where(eq(households.id, householdId));
  }
  // A deregistration decided at panel, re-dated: what ended with it ends on the new day.
  if (before && approvalStandsWhile(before.toStatus) && !approvalStandsWhile(move.toStatus)) {
    await householdChanged(db, who, { kind: 'approval-ended', householdId, endedOn: move.nowOn, wasOn: move.wasOn });
  }
  await refreshAfter(db, householdId);
  return null;
}
