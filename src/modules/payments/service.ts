/**
 * Recording published rates and disability enhancements. Every change checks who may make it,
 * keeps the deadlines in step and writes its audit-trail entry in one transaction; every view of an
 * enhancement (it names a child) is written to the trail too.
 */
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { addMonths, todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { forbidden, inTransaction, invalid, type Result, type Who } from '../../platform/views/results.ts';
import type { EnhancementInput, RatesInput } from './forms.ts';
import { REVIEW_MONTHS } from './labels.ts';
import { agreementsOf, findVisibleEnhancement, placedChildByReference, type EnhancementRow } from './queries.ts';
import { mayManagePayments } from './scope.ts';
import { paymentEnhancements, paymentRates } from './tables.ts';

/** The day an enhancement agreed on this day is due for review. */
export const reviewDueOn = (agreedOn: string) => addMonths(agreedOn, REVIEW_MONTHS);

/** Records a new set of rates; one set a day. The yearly review deadline moves to the next 1 April after the latest set. */
export async function addRates(db: Db, who: Who, input: RatesInput): Promise<Result> {
  if (!mayManagePayments(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const [made] = await tx
      .insert(paymentRates)
      .values({ ...input, recordedBy: who.user.id })
      .onConflictDoNothing()
      .returning({ id: paymentRates.id });
    if (!made) {
      return invalid({
        field: 'effectiveFrom',
        message: `Rates from ${formatDate(input.effectiveFrom)} are already recorded: choose another date`,
      });
    }
    // Only the latest set has a review due: refresh every set (one a year), so an earlier latest one loses it.
    const sets = await queryRows<{ id: string }>(tx, sql`select id from payment_rates`);
    await refreshDueItems(
      tx,
      'payment-rates',
      sets.map((s) => s.id),
    );
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: 'payment-rates',
      recordId: made.id,
      detail: { effectiveFrom: input.effectiveFrom },
    });
    return { ok: true as const, id: made.id };
  });
}

/**
 * Records a disability enhancement agreed at the funding panel for a child placed now with one of
 * the service's households. A review is a new agreement: the current one is ended on its date.
 */
export async function recordEnhancement(db: Db, who: Who, input: EnhancementInput): Promise<Result> {
  if (!mayManagePayments(who.user)) return forbidden;
  const today = todayInLondon();
  if (input.agreedOn > today) {
    return invalid({ field: 'agreedOn', message: 'Date of the funding panel decision must be today or in the past' });
  }
  return inTransaction(db, async (tx) => {
    const placed = await placedChildByReference(tx, who.user, input.child, today);
    if (!placed) {
      return invalid({
        field: 'child',
        message: `No child with the reference ${input.child} is placed with one of the service’s households now`,
      });
    }
    if (placed.currentAgreedOn && input.agreedOn < placed.currentAgreedOn) {
      return invalid({
        field: 'agreedOn',
        message: `Date of the funding panel decision must be on or after the last agreement, ${formatDate(placed.currentAgreedOn)}`,
      });
    }
    if (placed.currentId) {
      await tx
        .update(paymentEnhancements)
        .set({ endedOn: input.agreedOn })
        .where(eq(paymentEnhancements.id, placed.currentId));
      await recordAudit(tx, who.actor, {
        action: 'update',
        recordType: 'payment-enhancement',
        recordId: placed.currentId,
        detail: { step: 'replaced', endedOn: input.agreedOn },
      });
    }
    const [made] = await tx
      .insert(paymentEnhancements)
      .values({
        placementId: placed.placementId,
        weeklyAmount: input.weeklyAmount,
        levelOfNeed: input.levelOfNeed,
        agreedOn: input.agreedOn,
        reviewDueOn: reviewDueOn(input.agreedOn),
        notes: input.notes,
        recordedBy: who.user.id,
      })
      .returning({ id: paymentEnhancements.id });
    await refreshDueItems(tx, 'payment-enhancement', [made!.id, placed.currentId]);
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: 'payment-enhancement',
      recordId: made!.id,
      detail: { levelOfNeed: input.levelOfNeed, agreedOn: input.agreedOn, review: placed.currentId !== null },
    });
    return { ok: true as const, id: made!.id };
  });
}

/** An enhancement for its page, with every agreement for the placement (null when the user may not see it); the view is audited. */
export async function viewEnhancement(
  db: DbOrTx,
  who: Who,
  id: string,
): Promise<{ record: EnhancementRow; agreements: EnhancementRow[] } | null> {
  const record = await findVisibleEnhancement(db, who.user, id);
  if (!record) return null;
  const agreements = await agreementsOf(db, record.placementId);
  await recordAudit(db, who.actor, { action: 'view', recordType: 'payment-enhancement', recordId: id });
  return { record, agreements };
}
