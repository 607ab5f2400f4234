/**
 * Recording extra support on a household: checked (who may, the household in their scope, the
 * records it depends on), written, its deadline kept and its audit-trail entry made, in one
 * transaction. Activity breaks are parts of the household's record; a request for psychology
 * support is a record of its own. Hub families are in hubs.ts, on the same helpers.
 */
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { refreshDueItems, workingDaysAfter } from '../../platform/due/index.ts';
import { forbidden, inTransaction, notFound, Refused, type Result, type Who } from '../../platform/views/results.ts';
import {
  changeOnHousehold,
  changeOnHouseholdRecord,
  householdToChange,
  type HouseholdRecord,
} from '../households/scope.ts';
import type { BreakInput, ProgressInput, PsychologyInput } from './forms.ts';
import { EMERGENCY_WORKING_DAYS } from './labels.ts';
import { childrenPlaced } from './queries.ts';
import { mayRecordSupport } from './scope.ts';
import { activityBreaks, psychologyRequests } from './tables.ts';

/** A request for psychology support as a record of the audit trail and of the deadline. */
export const PSYCHOLOGY_RECORD = 'psychology-request';

/** Households that may be given extra support, or be a hub family: approved, or on hold with their approval standing. */
export const SUPPORTED_STATUSES = ['approved', 'on_hold'];

/** The emergency request's first session is due this day (local rule); a planned one has no deadline. */
export const firstSessionDueOn = (requestedOn: IsoDate, urgency: string): IsoDate | null =>
  urgency === 'emergency' ? workingDaysAfter(requestedOn, EMERGENCY_WORKING_DAYS) : null;

export const auditHousehold = (
  tx: DbOrTx,
  who: Who,
  household: HouseholdRecord,
  action: string,
  detail: Record<string, unknown>,
) => recordAudit(tx, who.actor, { action, recordType: 'household', recordId: household.id, detail });

/** Records a break at an activity centre the household had. */
export async function recordBreak(db: Db, who: Who, householdId: string, input: BreakInput): Promise<Result> {
  return changeOnHousehold(db, who, mayRecordSupport(who.user), householdId, async (tx, household) => {
    const [made] = await tx
      .insert(activityBreaks)
      .values({ householdId, ...input, note: input.note ?? '', recordedBy: who.user.id })
      .returning({ id: activityBreaks.id });
    await auditHousehold(tx, who, household, 'create', {
      part: 'activity-break',
      breakId: made!.id,
      centre: input.centre,
      fromOn: input.fromOn,
    });
    return { ok: true as const, id: householdId };
  });
}

/** Removes a break recorded in error, with why, on the household's trail. */
export function removeBreak(db: Db, who: Who, breakId: string, reason: string): Promise<Result> {
  return changeOnHouseholdRecord(
    db,
    who,
    mayRecordSupport(who.user),
    async (tx) =>
      (
        await tx
          .select({ householdId: activityBreaks.householdId, fromOn: activityBreaks.fromOn })
          .from(activityBreaks)
          .where(eq(activityBreaks.id, breakId))
      )[0],
    async (tx, household, row) => {
      await tx.delete(activityBreaks).where(eq(activityBreaks.id, breakId));
      await auditHousehold(tx, who, household, 'delete', {
        part: 'activity-break',
        breakId,
        fromOn: row.fromOn,
        reason,
      });
      return { ok: true as const, id: row.householdId };
    },
  );
}

/** Records a request for psychology support; an emergency's first session is due from its date. */
export async function recordRequest(db: Db, who: Who, householdId: string, input: PsychologyInput): Promise<Result> {
  return changeOnHousehold(db, who, mayRecordSupport(who.user), householdId, async (tx) => {
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
    const found = await requestToChange(tx, who, id);
    if (!found.ok) return found;
    const progress = { firstSessionOn: input.firstSessionOn, endedOn: input.endedOn };
    await writeRequest(tx, who, id, progress, progress);
    return { ok: true as const, id };
  });
}

/** Writes a change to a request: its deadline kept, and the change on its trail. */
async function writeRequest(
  tx: DbOrTx,
  who: Who,
  id: string,
  set: Partial<typeof psychologyRequests.$inferInsert>,
  detail: Record<string, unknown>,
) {
  await tx.update(psychologyRequests).set(set).where(eq(psychologyRequests.id, id));
  await refreshDueItems(tx, PSYCHOLOGY_RECORD, [id]);
  await recordAudit(tx, who.actor, { action: 'update', recordType: PSYCHOLOGY_RECORD, recordId: id, detail });
}

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
    await writeRequest(
      tx,
      who,
      id,
      {
        childId: input.childId,
        requestedOn: input.requestedOn,
        urgency: input.urgency,
        reason: input.reason,
        dueOn: firstSessionDueOn(input.requestedOn, input.urgency),
      },
      { requestedOn: input.requestedOn, urgency: input.urgency },
    );
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
