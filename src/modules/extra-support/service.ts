/**
 * Recording extra support on a household: checked (who may, the household in their scope, the
 * records it depends on), written, its deadline kept and its audit-trail entry made, in one
 * transaction. A hub family and its links are parts of the households' records; a request for
 * psychology support is a record of its own.
 */
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { refreshDueItems, workingDaysAfter } from '../../platform/due/index.ts';
import type { HouseholdChangeHandler } from '../../platform/modules/household-changes.ts';
import {
  forbidden,
  inTransaction,
  invalid,
  notFound,
  Refused,
  type Result,
  type Who,
} from '../../platform/views/results.ts';
import { householdFor, type HouseholdRecord } from '../households/scope.ts';
import type { BreakInput, ProgressInput, PsychologyInput } from './forms.ts';
import { EMERGENCY_WORKING_DAYS } from './labels.ts';
import { childrenPlaced, hubFamiliesInArea } from './queries.ts';
import { mayManageHubs, mayRecordSupport } from './scope.ts';
import { activityBreaks, hubFamilies, hubLinks, psychologyRequests } from './tables.ts';

/** A request for psychology support as a record of the audit trail and of the deadline. */
export const PSYCHOLOGY_RECORD = 'psychology-request';

/** Households that may be given extra support, or be a hub family: approved, or on hold with their approval standing. */
const SUPPORTED_STATUSES = ['approved', 'on_hold'];

/** The emergency request's first session is due this day (local rule); a planned one has no deadline. */
export const firstSessionDueOn = (requestedOn: IsoDate, urgency: string): IsoDate | null =>
  urgency === 'emergency' ? workingDaysAfter(requestedOn, EMERGENCY_WORKING_DAYS) : null;

/** The household, locked for the change, if the user may change it; a refusal otherwise. */
async function householdToChange(tx: DbOrTx, who: Who, householdId: string) {
  const found = await householdFor(tx, who.user, householdId, 'change');
  if (!found.ok) return found;
  await tx.execute(sql`select id from households where id = ${householdId} for update`);
  return found;
}

const auditHousehold = (
  tx: DbOrTx,
  who: Who,
  household: HouseholdRecord,
  action: string,
  detail: Record<string, unknown>,
) => recordAudit(tx, who.actor, { action, recordType: 'household', recordId: household.id, detail });

/** Makes an approved household a hub family from a day. */
export async function startHubFamily(db: Db, who: Who, householdId: string, startedOn: IsoDate): Promise<Result> {
  if (!mayManageHubs(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const found = await householdToChange(tx, who, householdId);
    if (!found.ok) return found;
    const { household } = found;
    if (!SUPPORTED_STATUSES.includes(household.status)) {
      return invalid({ field: 'startedOn', message: 'Only an approved household can be a hub family' });
    }
    const [open] = await tx
      .select({ id: hubFamilies.id })
      .from(hubFamilies)
      .where(and(eq(hubFamilies.householdId, household.id), isNull(hubFamilies.endedOn)));
    if (open) return invalid({ field: 'startedOn', message: 'The household is already a hub family' });
    const [link] = await tx
      .select({ id: hubLinks.id })
      .from(hubLinks)
      .where(and(eq(hubLinks.householdId, household.id), isNull(hubLinks.endedOn)));
    if (link) {
      return invalid({
        field: 'startedOn',
        message: 'The household is supported by a hub family. End that support before it becomes one',
      });
    }
    await tx.insert(hubFamilies).values({ householdId: household.id, startedOn, recordedBy: who.user.id });
    await auditHousehold(tx, who, household, 'create', { part: 'hub-family', startedOn });
    return { ok: true as const, id: household.id };
  });
}

/** Ends a household's time as a hub family on a day, and the support it gave each household that day. */
export async function endHubFamily(db: Db, who: Who, householdId: string, endedOn: IsoDate): Promise<Result> {
  if (!mayManageHubs(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const found = await householdToChange(tx, who, householdId);
    if (!found.ok) return found;
    const [hub] = await tx
      .select({ id: hubFamilies.id, startedOn: hubFamilies.startedOn })
      .from(hubFamilies)
      .where(and(eq(hubFamilies.householdId, householdId), isNull(hubFamilies.endedOn)));
    if (!hub) return notFound;
    if (endedOn < hub.startedOn) {
      return invalid({ field: 'endedOn', message: 'Date it stopped must be on or after the day it started' });
    }
    await tx.update(hubFamilies).set({ endedOn }).where(eq(hubFamilies.id, hub.id));
    const ended = await tx
      .update(hubLinks)
      .set({ endedOn: sql`greatest(${hubLinks.startedOn}, ${endedOn}::date)` })
      .where(and(eq(hubLinks.hubFamilyId, hub.id), isNull(hubLinks.endedOn)))
      .returning({ householdId: hubLinks.householdId });
    await auditHousehold(tx, who, found.household, 'update', { part: 'hub-family', endedOn, linksEnded: ended.length });
    for (const { householdId: supported } of ended) {
      await recordAudit(tx, who.actor, {
        action: 'update',
        recordType: 'household',
        recordId: supported,
        detail: { part: 'hub-link', endedOn, via: 'hub-family-ended' },
      });
    }
    return { ok: true as const, id: householdId };
  });
}

/** Links a household to one of its area's hub families from a day. */
export async function startHubLink(
  db: Db,
  who: Who,
  householdId: string,
  input: { hubFamilyId: string; startedOn: IsoDate },
): Promise<Result> {
  if (!mayRecordSupport(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const found = await householdToChange(tx, who, householdId);
    if (!found.ok) return found;
    const { household } = found;
    if (!SUPPORTED_STATUSES.includes(household.status)) {
      return invalid({ field: 'hubFamilyId', message: 'Only an approved household can be supported by a hub family' });
    }
    const hub = (await hubFamiliesInArea(tx, household.areaId, household.id)).find((h) => h.id === input.hubFamilyId);
    if (!hub) return invalid({ field: 'hubFamilyId', message: 'Select the hub family from the list' });
    const [own] = await tx
      .select({ id: hubFamilies.id })
      .from(hubFamilies)
      .where(and(eq(hubFamilies.householdId, household.id), isNull(hubFamilies.endedOn)));
    if (own) return invalid({ field: 'hubFamilyId', message: 'A hub family is not itself supported by one' });
    // Locked, and read again: a hub family that stopped meanwhile is no longer one to choose.
    const [hubRow] = await tx
      .select({ startedOn: hubFamilies.startedOn, endedOn: hubFamilies.endedOn })
      .from(hubFamilies)
      .where(eq(hubFamilies.id, hub.id))
      .for('update');
    if (!hubRow || hubRow.endedOn !== null) {
      return invalid({ field: 'hubFamilyId', message: 'Select the hub family from the list' });
    }
    if (input.startedOn < hubRow.startedOn) {
      return invalid({
        field: 'startedOn',
        message: 'Date the hub family’s support started must be on or after the day it became a hub family',
      });
    }
    const [open] = await tx
      .select({ id: hubLinks.id })
      .from(hubLinks)
      .where(and(eq(hubLinks.householdId, household.id), isNull(hubLinks.endedOn)));
    if (open) return invalid({ field: 'hubFamilyId', message: 'The household is already supported by a hub family' });
    await tx
      .insert(hubLinks)
      .values({ hubFamilyId: hub.id, householdId: household.id, startedOn: input.startedOn, recordedBy: who.user.id });
    await auditHousehold(tx, who, household, 'create', {
      part: 'hub-link',
      hubHouseholdId: hub.householdId,
      startedOn: input.startedOn,
    });
    return { ok: true as const, id: household.id };
  });
}

/** Ends the support a household has from its hub family on a day. */
export async function endHubLink(db: Db, who: Who, householdId: string, endedOn: IsoDate): Promise<Result> {
  if (!mayRecordSupport(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const found = await householdToChange(tx, who, householdId);
    if (!found.ok) return found;
    const [link] = await tx
      .select({ id: hubLinks.id, startedOn: hubLinks.startedOn })
      .from(hubLinks)
      .where(and(eq(hubLinks.householdId, householdId), isNull(hubLinks.endedOn)));
    if (!link) return notFound;
    if (endedOn < link.startedOn) {
      return invalid({ field: 'endedOn', message: 'Date the support ended must be on or after the day it started' });
    }
    await tx.update(hubLinks).set({ endedOn }).where(eq(hubLinks.id, link.id));
    await auditHousehold(tx, who, found.household, 'update', { part: 'hub-link', endedOn });
    return { ok: true as const, id: householdId };
  });
}

/** Records a break at an activity centre the household had. */
export async function recordBreak(db: Db, who: Who, householdId: string, input: BreakInput): Promise<Result> {
  if (!mayRecordSupport(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const found = await householdToChange(tx, who, householdId);
    if (!found.ok) return found;
    const [made] = await tx
      .insert(activityBreaks)
      .values({ householdId, ...input, note: input.note ?? '', recordedBy: who.user.id })
      .returning({ id: activityBreaks.id });
    await auditHousehold(tx, who, found.household, 'create', {
      part: 'activity-break',
      breakId: made!.id,
      centre: input.centre,
      fromOn: input.fromOn,
    });
    return { ok: true as const, id: householdId };
  });
}

/** Removes a break recorded in error, with why, on the household's trail. */
export async function removeBreak(db: Db, who: Who, breakId: string, reason: string): Promise<Result> {
  if (!mayRecordSupport(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .select({ householdId: activityBreaks.householdId, fromOn: activityBreaks.fromOn })
      .from(activityBreaks)
      .where(eq(activityBreaks.id, breakId));
    if (!row) return notFound;
    const found = await householdToChange(tx, who, row.householdId);
    if (!found.ok) return found;
    await tx.delete(activityBreaks).where(eq(activityBreaks.id, breakId));
    await auditHousehold(tx, who, found.household, 'delete', {
      part: 'activity-break',
      breakId,
      fromOn: row.fromOn,
      reason,
    });
    return { ok: true as const, id: row.householdId };
  });
}

/** Records a request for psychology support; an emergency's first session is due from its date. */
export async function recordRequest(db: Db, who: Who, householdId: string, input: PsychologyInput): Promise<Result> {
  if (!mayRecordSupport(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const found = await householdToChange(tx, who, householdId);
    if (!found.ok) return found;
    if (input.childId) {
      const placed = await childrenPlaced(tx, householdId, todayInLondon());
      if (!placed.some((c) => c.id === input.childId)) {
        throw new Refused([{ field: 'childId', message: 'Select a child placed with the household, or the carers' }]);
      }
    }
    const [made] = await tx
      .insert(psychologyRequests)
      .values({
        householdId,
        childId: input.childId,
        requestedOn: input.requestedOn,
        urgency: input.urgency,
        reason: input.reason,
        dueOn: firstSessionDueOn(input.requestedOn, input.urgency),
        recordedBy: who.user.id,
      })
      .returning({ id: psychologyRequests.id });
    await refreshDueItems(tx, PSYCHOLOGY_RECORD, [made!.id]);
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: PSYCHOLOGY_RECORD,
      recordId: made!.id,
      detail: { householdId, urgency: input.urgency, requestedOn: input.requestedOn },
    });
    return { ok: true as const, id: made!.id };
  });
}

/** Records a request's first session and the day the support ended (or puts either right). */
export async function recordProgress(db: Db, who: Who, id: string, input: ProgressInput): Promise<Result> {
  if (!mayRecordSupport(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .select({ householdId: psychologyRequests.householdId })
      .from(psychologyRequests)
      .where(eq(psychologyRequests.id, id));
    if (!row) return notFound;
    const found = await householdToChange(tx, who, row.householdId);
    if (!found.ok) return found;
    await tx
      .update(psychologyRequests)
      .set({ firstSessionOn: input.firstSessionOn, endedOn: input.endedOn })
      .where(eq(psychologyRequests.id, id));
    await refreshDueItems(tx, PSYCHOLOGY_RECORD, [id]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: PSYCHOLOGY_RECORD,
      recordId: id,
      detail: { firstSessionOn: input.firstSessionOn, endedOn: input.endedOn },
    });
    return { ok: true as const, id };
  });
}

/**
 * When a household's approval ends (`whenHouseholdChanges`, in the status change's save): its time as
 * a hub family ends that day, with the support it gave each household, and so does any support it
 * had from a hub family. Each on the households' trails.
 */
export const endSupportWhenApprovalEnds: HouseholdChangeHandler = async (tx, who, change) => {
  if (change.kind !== 'approval-ended') return;
  const { householdId, endedOn } = change;
  const ended = (column: typeof hubLinks.startedOn | typeof hubFamilies.startedOn) =>
    sql`greatest(${column}, ${endedOn}::date)`;
  const hubs = await tx
    .update(hubFamilies)
    .set({ endedOn: ended(hubFamilies.startedOn) })
    .where(and(eq(hubFamilies.householdId, householdId), isNull(hubFamilies.endedOn)))
    .returning({ id: hubFamilies.id });
  const links = await tx
    .update(hubLinks)
    .set({ endedOn: ended(hubLinks.startedOn) })
    .where(
      and(
        isNull(hubLinks.endedOn),
        or(
          eq(hubLinks.householdId, householdId),
          hubs.length
            ? inArray(
                hubLinks.hubFamilyId,
                hubs.map((h) => h.id),
              )
            : sql`false`,
        ),
      ),
    )
    .returning({ householdId: hubLinks.householdId });
  const touched = new Set([...(hubs.length ? [householdId] : []), ...links.map((l) => l.householdId)]);
  for (const id of touched) {
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'household',
      recordId: id,
      detail: { part: id === householdId && hubs.length ? 'hub-family' : 'hub-link', endedOn, via: 'approval-ended' },
    });
  }
};

/** The request, locked, and its household, if the user may change the household; a refusal otherwise. */
async function requestToChange(tx: DbOrTx, who: Who, id: string) {
  const [row] = await tx
    .select({ householdId: psychologyRequests.householdId, childId: psychologyRequests.childId })
    .from(psychologyRequests)
    .where(eq(psychologyRequests.id, id))
    .for('update');
  if (!row) return notFound;
  const found = await householdToChange(tx, who, row.householdId);
  return found.ok ? { ok: true as const, household: found.household, childId: row.childId } : found;
}

/**
 * Corrects a request typed wrongly (when it was asked for, for whom, how urgent, why): an
 * emergency's first session is due again from the day, in the same save. The child is one placed
 * there now, or the one it was for.
 */
export async function changeRequest(db: Db, who: Who, id: string, input: PsychologyInput): Promise<Result> {
  if (!mayRecordSupport(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const found = await requestToChange(tx, who, id);
    if (!found.ok) return found;
    if (input.childId && input.childId !== found.childId) {
      const placed = await childrenPlaced(tx, found.household.id, todayInLondon());
      if (!placed.some((c) => c.id === input.childId)) {
        throw new Refused([{ field: 'childId', message: 'Select a child placed with the household, or the carers' }]);
      }
    }
    await tx
      .update(psychologyRequests)
      .set({
        childId: input.childId,
        requestedOn: input.requestedOn,
        urgency: input.urgency,
        reason: input.reason,
        dueOn: firstSessionDueOn(input.requestedOn, input.urgency),
      })
      .where(eq(psychologyRequests.id, id));
    await refreshDueItems(tx, PSYCHOLOGY_RECORD, [id]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: PSYCHOLOGY_RECORD,
      recordId: id,
      detail: { requestedOn: input.requestedOn, urgency: input.urgency },
    });
    return { ok: true as const, id };
  });
}

/**
 * Removes a request recorded in error (on the wrong household, or never made), with why: its
 * deadline goes in the same save. On the household's trail, as the request's own leads nowhere after.
 */
export async function removeRequest(db: Db, who: Who, id: string, reason: string): Promise<Result> {
  if (!mayRecordSupport(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const found = await requestToChange(tx, who, id);
    if (!found.ok) return found;
    await tx.delete(psychologyRequests).where(eq(psychologyRequests.id, id));
    await refreshDueItems(tx, PSYCHOLOGY_RECORD, [id]);
    await auditHousehold(tx, who, found.household, 'delete', { part: 'psychology-request', requestId: id, reason });
    return { ok: true as const, id: found.household.id };
  });
}
