/**
 * Recording an out-of-hours call on a household the user may read: checked, written and audited in
 * one transaction; every view of a call is audited.
 */
import { recordAudit, recordAudits } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { and, eq } from 'drizzle-orm';
import { forbidden, inTransaction, notFound, type Result, type Who } from '../../platform/views/results.ts';
import { households } from '../households/tables.ts';
import type { CallInput } from './forms.ts';
import { callHouseholdVisibleTo, mayRecordCalls } from './scope.ts';
import { outOfHoursCalls } from './tables.ts';

/** A call as a record of the audit trail. */
export const CALL_RECORD = 'out-of-hours-call';

/** Audits a view of the calls shown (the call's page, the household's calls, the list), in one insert. */
export async function auditCallsViewed(db: DbOrTx, who: Who, ids: string[], page: string): Promise<void> {
  await recordAudits(
    db,
    who.actor,
    ids.map((id) => ({ action: 'view', recordType: CALL_RECORD, recordId: id, detail: { page } })),
  );
}

/** The call, locked for a change, if the user may record calls on its household; else a refusal. */
async function callToChange(tx: DbOrTx, who: Who, id: string) {
  const [row] = await tx
    .select({ id: outOfHoursCalls.id, householdId: outOfHoursCalls.householdId, calledOn: outOfHoursCalls.calledOn })
    .from(outOfHoursCalls)
    .innerJoin(households, eq(households.id, outOfHoursCalls.householdId))
    .where(and(eq(outOfHoursCalls.id, id), callHouseholdVisibleTo(who.user)))
    .for('update', { of: outOfHoursCalls });
  return row ?? null;
}

/** Corrects a call recorded with a mistake (the time, who answered, what was done, the note), audited. */
export async function changeCall(db: Db, who: Who, id: string, input: CallInput): Promise<Result> {
  if (!mayRecordCalls(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const call = await callToChange(tx, who, id);
    if (!call) return notFound;
    await tx.update(outOfHoursCalls).set(input).where(eq(outOfHoursCalls.id, id));
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: CALL_RECORD,
      recordId: id,
      detail: { calledOn: input.calledOn, reason: input.reason, outcome: input.outcome },
    });
    return { ok: true as const, id };
  });
}

/**
 * Removes a call recorded in error (on the wrong household, or one that was not made), with why. The
 * removal is audited on the household, as the call's own trail leads nowhere after it.
 */
export async function removeCall(db: Db, who: Who, id: string, reason: string): Promise<Result> {
  if (!mayRecordCalls(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const call = await callToChange(tx, who, id);
    if (!call) return notFound;
    await tx.delete(outOfHoursCalls).where(eq(outOfHoursCalls.id, id));
    await recordAudit(tx, who.actor, {
      action: 'delete',
      recordType: 'household',
      recordId: call.householdId,
      detail: { part: 'out-of-hours-call', callId: id, calledOn: call.calledOn, reason },
    });
    return { ok: true as const, id: call.householdId };
  });
}

/**
 * Records a call on a household the user may read (checked again here): whoever takes the rota
 * records the calls of the households they read, not only their own caseload.
 */
export async function recordCall(db: Db, who: Who, householdId: string, input: CallInput): Promise<Result> {
  if (!mayRecordCalls(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const [visible] = await tx
      .select({ id: households.id })
      .from(households)
      .where(and(eq(households.id, householdId), callHouseholdVisibleTo(who.user)));
    if (!visible) return notFound;
    const [made] = await tx
      .insert(outOfHoursCalls)
      .values({ householdId, ...input, recordedBy: who.user.id })
      .returning({ id: outOfHoursCalls.id });
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: CALL_RECORD,
      recordId: made!.id,
      detail: { calledOn: input.calledOn, reason: input.reason, outcome: input.outcome },
    });
    return { ok: true as const, id: made!.id };
  });
}
