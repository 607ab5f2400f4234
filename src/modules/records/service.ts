/**
 * Recording requests for a carer's records and the day the records were sent. Every change checks
 * who may make it, keeps the deadline in step and writes its audit-trail entry in one transaction;
 * every view of a household's requests is written to the trail too.
 */
import { eq, sql } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { refreshDueItems, workingDaysAfter } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { forbidden, inTransaction, invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import { findVisibleHousehold, type HouseholdRecord } from '../households/scope.ts';
import type { RequestInput, SentInput } from './forms.ts';
import { REQUEST_RECORD, SEND_WORKING_DAYS } from './labels.ts';
import { findVisibleRequest, requestsOf, type RequestRow } from './queries.ts';
import { mayRecordRequests } from './scope.ts';
import { recordsRequests } from './tables.ts';

/** The day the records asked for on this day are due: 15 working days on (England and Wales bank holidays excluded). */
export const sendDueOn = (receivedOn: IsoDate) => workingDaysAfter(receivedOn, SEND_WORKING_DAYS);

/** The household, if the user may read its requests (`records.view`, and the household in their scope); null otherwise. */
async function householdWithRequests(db: DbOrTx, who: Who, householdId: string): Promise<HouseholdRecord | null> {
  if (!can(who.user.role, 'records.view')) return null;
  return findVisibleHousehold(db, who.user, householdId);
}

/** A household's requests for its page (null when the user may not read them); the view is audited. */
export async function viewHouseholdRequests(
  db: DbOrTx,
  who: Who,
  householdId: string,
): Promise<{ household: HouseholdRecord; requests: RequestRow[] } | null> {
  const household = await householdWithRequests(db, who, householdId);
  if (!household) return null;
  const requests = await requestsOf(db, household.id);
  await recordAudit(db, who.actor, {
    action: 'view',
    recordType: 'household',
    recordId: household.id,
    detail: { part: 'records-requests' },
  });
  return { household, requests };
}

/** Records a request received for a household's records; the deadline is kept from its date. */
export async function recordRequest(db: Db, who: Who, householdId: string, input: RequestInput): Promise<Result> {
  if (!mayRecordRequests(who.user)) return forbidden;
  const today = todayInLondon();
  if (input.receivedOn > today) {
    return invalid({ field: 'receivedOn', message: 'Date the request was received must be today or in the past' });
  }
  return inTransaction(db, async (tx) => {
    const household = await findVisibleHousehold(tx, who.user, householdId);
    if (!household) return notFound;
    const [made] = await tx
      .insert(recordsRequests)
      .values({
        householdId: household.id,
        organisation: input.organisation,
        kind: input.kind,
        receivedOn: input.receivedOn,
        dueOn: sendDueOn(input.receivedOn),
        notes: input.notes,
        recordedBy: who.user.id,
      })
      .returning({ id: recordsRequests.id });
    await refreshDueItems(tx, REQUEST_RECORD, [made!.id]);
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: REQUEST_RECORD,
      recordId: made!.id,
      detail: { householdId: household.id, kind: input.kind, receivedOn: input.receivedOn },
    });
    return { ok: true as const, id: made!.id };
  });
}

/**
 * Corrects a request recorded with a mistake (who asked, the day it came, the notes) while the
 * records are still to be sent; the due date follows the day received.
 */
/**
 * A request the user may read whose records are still to be sent, its row locked until the transaction
 * ends, so a change and "records sent" saved at the same moment cannot both pass; otherwise not found,
 * or a message on `field` saying when they were sent and what can no longer be done.
 */
async function stillToSend(tx: DbOrTx, who: Who, id: string, field: string, refusal: string) {
  await tx.execute(sql`select 1 from ${recordsRequests} where ${recordsRequests.id} = ${id} for update`);
  const request = await findVisibleRequest(tx, who.user, id);
  if (!request) return notFound;
  if (request.sentOn) {
    return invalid({ field, message: `The records were sent on ${formatDate(request.sentOn)}: ${refusal}` });
  }
  return request;
}

export async function changeRequest(db: Db, who: Who, id: string, input: RequestInput): Promise<Result> {
  if (!mayRecordRequests(who.user)) return forbidden;
  if (input.receivedOn > todayInLondon()) {
    return invalid({ field: 'receivedOn', message: 'Date the request was received must be today or in the past' });
  }
  return inTransaction(db, async (tx) => {
    const request = await stillToSend(tx, who, id, 'organisation', 'the request can no longer be changed');
    if ('reason' in request) return request;
    await tx
      .update(recordsRequests)
      .set({
        organisation: input.organisation,
        kind: input.kind,
        receivedOn: input.receivedOn,
        dueOn: sendDueOn(input.receivedOn),
        notes: input.notes,
      })
      .where(eq(recordsRequests.id, id));
    await refreshDueItems(tx, REQUEST_RECORD, [id]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: REQUEST_RECORD,
      recordId: id,
      detail: { step: 'changed', kind: input.kind, receivedOn: input.receivedOn },
    });
    return { ok: true as const, id };
  });
}

/** A request for the "records sent" form (null when the user may not read it); the view is audited. */
export async function viewRequest(db: DbOrTx, who: Who, id: string): Promise<RequestRow | null> {
  const request = await findVisibleRequest(db, who.user, id);
  if (!request) return null;
  await recordAudit(db, who.actor, { action: 'view', recordType: REQUEST_RECORD, recordId: id });
  return request;
}

/** Records the day the records were sent, or access given, by the user; the deadline goes. */
export async function recordSent(
  db: Db,
  who: Who,
  id: string,
  input: SentInput,
): Promise<Result<{ id: string; householdId: string }>> {
  if (!mayRecordRequests(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const request = await stillToSend(tx, who, id, 'sentOn', 'they cannot be recorded as sent again');
    if ('reason' in request) return request;
    if (input.sentOn > todayInLondon()) {
      return invalid({ field: 'sentOn', message: 'Date the records were sent must be today or in the past' });
    }
    if (input.sentOn < request.receivedOn) {
      return invalid({
        field: 'sentOn',
        message: `Date the records were sent must be on or after the request was received, ${formatDate(request.receivedOn)}`,
      });
    }
    await tx
      .update(recordsRequests)
      .set({ sentOn: input.sentOn, sentBy: who.user.id })
      .where(eq(recordsRequests.id, id));
    await refreshDueItems(tx, REQUEST_RECORD, [id]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: REQUEST_RECORD,
      recordId: id,
      detail: { step: 'sent', sentOn: input.sentOn, onTime: input.sentOn <= request.dueOn },
    });
    return { ok: true as const, id, householdId: request.householdId };
  });
}
