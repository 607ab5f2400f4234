/**
 * Putting a personal development plan right: a version typed wrongly (its date, when it was agreed,
 * what it says, its review date) changed on its form filled in, with why; or a version recorded in
 * error (for the wrong carer, or twice) removed, with why, so the one before it is current again. By
 * those who keep the carer's development (carerToDevelop). Each writes in one transaction with its
 * audit entry (what the plan said before, who, why), refreshes the carer's PDP deadline and marks
 * the current month's figures to be counted again; a closed month's snapshot is never touched.
 */
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { addMonths } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { markProvisionalFiguresOutOfDate } from '../../platform/measures/snapshots.ts';
import { isUuid } from '../../platform/views/params.ts';
import { inTransaction, notFound, type Refusal, type Result, type Who } from '../../platform/views/results.ts';
import { carerToDevelop, PDP_REVIEW_MONTHS, type PlanRow } from './development.ts';
import type { PlanChangeInput } from './forms.ts';
import type { CarerInScope } from './scope.ts';
import { developmentPlans } from './tables.ts';

/** What a plan says, as the audit trail keeps it. */
const contentOf = (p: PlanRow) => ({
  agreedOn: p.agreedOn,
  occasion: p.occasion,
  goals: p.goals,
  trainingToDo: p.trainingToDo,
  support: p.support,
  reviewBy: p.reviewBy,
});

/** The plan and its carer, for someone who keeps the carer's development: 404 when not theirs to see. */
export async function planToCorrect(
  db: DbOrTx,
  who: Who,
  carerId: string,
  planId: string,
): Promise<{ ok: true; carer: CarerInScope; plan: PlanRow } | Refusal> {
  if (!isUuid(carerId) || !isUuid(planId)) return notFound;
  const found = await carerToDevelop(db, who.user, carerId);
  if (!found.ok) return found;
  const [plan] = await db
    .select()
    .from(developmentPlans)
    .where(and(eq(developmentPlans.id, planId), eq(developmentPlans.carerId, carerId)))
    .for('update');
  return plan ? { ok: true, carer: found.carer, plan } : notFound;
}

async function afterwards(tx: DbOrTx, carerId: string) {
  await refreshDueItems(tx, 'carer', [carerId]);
  await markProvisionalFiguresOutOfDate(tx);
}

/** A plan typed wrongly, put right (the rules above). */
export async function changePlan(
  db: Db,
  who: Who,
  carerId: string,
  planId: string,
  input: PlanChangeInput,
): Promise<Result> {
  return inTransaction(db, async (tx) => {
    const found = await planToCorrect(tx, who, carerId, planId);
    if (!found.ok) return found;
    const { reason, ...typed } = input;
    const now = { ...typed, reviewBy: typed.reviewBy ?? addMonths(typed.agreedOn, PDP_REVIEW_MONTHS) };
    const was = contentOf(found.plan);
    const fields = (Object.keys(now) as (keyof typeof now)[]).filter((f) => now[f] !== was[f]);
    if (fields.length === 0) return { ok: true as const, id: planId };
    await tx.update(developmentPlans).set(now).where(eq(developmentPlans.id, planId));
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'development-plan',
      recordId: planId,
      detail: { carerId, fields, was, reason },
    });
    await afterwards(tx, carerId);
    return { ok: true as const, id: planId };
  });
}

/** A plan recorded in error, removed (the rules above). */
export async function removePlan(db: Db, who: Who, carerId: string, planId: string, reason: string): Promise<Result> {
  return inTransaction(db, async (tx) => {
    const found = await planToCorrect(tx, who, carerId, planId);
    if (!found.ok) return found;
    await tx.delete(developmentPlans).where(eq(developmentPlans.id, planId));
    await recordAudit(tx, who.actor, {
      action: 'delete',
      recordType: 'development-plan',
      recordId: planId,
      detail: { carerId, was: contentOf(found.plan), reason },
    });
    await afterwards(tx, carerId);
    return { ok: true as const, id: planId };
  });
}
