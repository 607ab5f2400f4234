/**
 * A carer's development: the date their TSD standards were evidenced, and their personal
 * development plan (a new version each time it is agreed or reviewed). Kept by the household's
 * workers and the reviewing officers; each change is audited and refreshes the carer's deadlines.
 */
import { desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { markProvisionalFiguresOutOfDate } from '../../platform/measures/snapshots.ts';
import { addMonths } from '../../platform/dates/index.ts';
import { forbidden, notFound, type Refusal, type Result, type Who } from '../../platform/views/results.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { PlanInput, TsdInput } from './forms.ts';
import { canKeepDevelopment, findVisibleCarer, type CarerInScope } from './scope.ts';
import { developmentPlans, tsdEvidence } from './tables.ts';

/** A PDP is reviewed 12 months after it was agreed, unless an earlier date is set (at the annual review). */
export const PDP_REVIEW_MONTHS = 12;

/** The carer for a change to their development record: 404 out of scope, 403 when not theirs to keep. */
export async function carerToDevelop(
  db: DbOrTx,
  user: SignedInUser,
  carerId: string,
): Promise<{ ok: true; carer: CarerInScope } | Refusal> {
  const carer = await findVisibleCarer(db, user, carerId);
  if (!carer) return notFound;
  return canKeepDevelopment(user, carer) ? { ok: true, carer } : forbidden;
}

/** Records (or corrects) the date the carer's TSD standards were evidenced. */
export async function recordTsd(db: Db, who: Who, carerId: string, input: TsdInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const found = await carerToDevelop(tx, who.user, carerId);
    if (!found.ok) return found;
    const values = {
      evidencedOn: input.evidencedOn,
      notes: input.notes,
      recordedBy: who.user.id,
      recordedAt: new Date(),
    };
    await tx
      .insert(tsdEvidence)
      .values({ carerId, ...values })
      .onConflictDoUpdate({ target: tsdEvidence.carerId, set: values });
    await refreshDueItems(tx, 'carer', [carerId]);
    await markProvisionalFiguresOutOfDate(tx);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'carer',
      recordId: carerId,
      detail: { fields: ['tsdEvidencedOn'] },
    });
    return { ok: true as const, id: carerId };
  });
}

/** Records a PDP as agreed (or reviewed) with the carer: a new version, the current one from now. */
export async function recordPlan(db: Db, who: Who, carerId: string, input: PlanInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const found = await carerToDevelop(tx, who.user, carerId);
    if (!found.ok) return found;
    const [row] = await tx
      .insert(developmentPlans)
      .values({
        carerId,
        householdId: found.carer.householdId,
        agreedOn: input.agreedOn,
        occasion: input.occasion,
        goals: input.goals,
        trainingToDo: input.trainingToDo,
        support: input.support,
        reviewBy: input.reviewBy ?? addMonths(input.agreedOn, PDP_REVIEW_MONTHS),
        recordedBy: who.user.id,
      })
      .returning({ id: developmentPlans.id });
    await refreshDueItems(tx, 'carer', [carerId]);
    await markProvisionalFiguresOutOfDate(tx);
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: 'development-plan',
      recordId: row!.id,
      detail: { carerId, occasion: input.occasion },
    });
    return { ok: true as const, id: row!.id };
  });
}

export type PlanRow = typeof developmentPlans.$inferSelect;

/** The carer's PDPs, the current (latest agreed) first. */
export async function plansOf(db: DbOrTx, carerId: string): Promise<PlanRow[]> {
  return db
    .select()
    .from(developmentPlans)
    .where(eq(developmentPlans.carerId, carerId))
    .orderBy(desc(developmentPlans.agreedOn), desc(developmentPlans.createdAt));
}
