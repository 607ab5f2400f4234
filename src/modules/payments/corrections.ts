/**
 * Putting the payments records right, by those who record them (mayManagePayments: the head of
 * fostering and the payments officer), each in one transaction with its deadlines and audit entry
 * (what it said before, who and why):
 * - a set of published rates typed wrongly (an amount, or the day it is in force from): still one set
 *   a day; its day not moved so that a completed six-monthly review of what local agencies pay (the
 *   only record kept from the rates: service_reviews' frozen figures show the set in force on the last
 *   day of its half-year and count the sets that started in it) would no longer match. The portal, the
 *   payments page and the deadline read the rates as they stand; the yearly review of the rates (the
 *   next 1 April after the latest set) follows;
 * - a set recorded in error (a duplicate, a set never published) removed with why: never the only
 *   set, nor one such a completed review counted;
 * - a disability enhancement typed wrongly (the child, the amount, the level of need, the day agreed,
 *   the notes): its day between the agreement it reviewed and the review that replaced it (that one
 *   ending on the new day), its review deadline following; its child changed only while it is the
 *   placement's one agreement, to a child placed now without a current enhancement;
 * - an enhancement recorded in error (the wrong child) removed with why, unless reviewed since: the
 *   agreement it replaced is current again.
 */
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx, Tx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { type IsoDate, todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import {
  forbidden,
  inTransaction,
  invalid,
  notFound,
  type FieldError,
  type Result,
  type Who,
} from '../../platform/views/results.ts';
import type { EnhancementChangeInput, RatesChangeInput } from './forms.ts';
import { rateBoxes } from './forms.ts';
import { placedChildByReference, type EnhancementRow } from './queries.ts';
import { mayManagePayments } from './scope.ts';
import { reviewDueOn } from './service.ts';
import { paymentEnhancements, paymentRates } from './tables.ts';

const RATES = 'payment-rates';
const ENHANCEMENT = 'payment-enhancement';

/** Writes the view of a correction page of an enhancement (it names a child) to the audit trail. */
export const enhancementCorrectionViewed = (db: DbOrTx, who: Who, id: string, page: 'change' | 'remove') =>
  recordAudit(db, who.actor, { action: 'view', recordType: ENHANCEMENT, recordId: id, detail: { page } });

type RateRow = typeof paymentRates.$inferSelect;
type Dated = { id: string; effectiveFrom: IsoDate };

/** The set's row, locked: another change at the same moment reads it after this one. */
async function lockedRates(tx: Tx, id: string): Promise<RateRow | undefined> {
  const [row] = await tx.select().from(paymentRates).where(eq(paymentRates.id, id)).for('update');
  return row;
}

/** Every set's day (one a year: a handful), oldest first. */
const allSets = (db: DbOrTx) =>
  queryRows<Dated>(db, sql`select id, effective_from::text as "effectiveFrom" from payment_rates order by 2`);

/** The completed six-monthly reviews of what local agencies pay: the half-years whose figures were frozen. */
const completedReviews = (db: DbOrTx) =>
  queryRows<{ from: IsoDate; to: IsoDate }>(
    db,
    sql`select distinct period_start::text as "from",
        (period_start + interval '6 months' - interval '1 day')::date::text as "to"
      from service_reviews where kind = 'agency-payments' and completed_at is not null order by 1`,
  );

/** What a review counted of these sets: the set in force on the half-year's last day, and the sets started in it. */
function countedBy(sets: Dated[], r: { from: IsoDate; to: IsoDate }) {
  const inForce = sets
    .filter((s) => s.effectiveFrom <= r.to)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  const started = sets.filter((s) => s.effectiveFrom >= r.from && s.effectiveFrom <= r.to).length;
  return { inForce, started };
}

/**
 * Why the sets cannot become `after` (from `before`), in words (`what`: "The date cannot be 1 May 2026"
 * or "These rates cannot be removed"): a completed review's figures would no longer match.
 */
async function reviewRefusal(db: DbOrTx, before: Dated[], after: Dated[], what: string): Promise<string | null> {
  for (const r of await completedReviews(db)) {
    const was = countedBy(before, r);
    const now = countedBy(after, r);
    const review = `the six-monthly review of what local agencies pay, completed for ${formatDate(r.from)} to ${formatDate(r.to)}`;
    if (was.inForce?.id !== now.inForce?.id) {
      const shown = was.inForce ? `the rates from ${formatDate(was.inForce.effectiveFrom)}` : 'that no rates were';
      return `${what}: ${review}, shows ${shown} in force on ${formatDate(r.to)}`;
    }
    if (was.started !== now.started) {
      return `${what}: ${review}, counts the sets of rates that started in its half-year`;
    }
  }
  return null;
}

/** The amounts and day of a set, as the form holds them. */
const ratesOf = (r: RateRow | RatesChangeInput) => ({
  effectiveFrom: r.effectiveFrom,
  ...Object.fromEntries(rateBoxes.map((b) => [b.name, r[b.name]])),
});

/** Puts right a set of rates typed wrongly (the rules above): the yearly review of the rates follows. */
export async function changeRates(db: Db, who: Who, id: string, input: RatesChangeInput): Promise<Result> {
  if (!mayManagePayments(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const row = await lockedRates(tx, id);
    if (!row) return notFound;
    const was = ratesOf(row);
    const now = ratesOf(input);
    const changed = Object.keys(now).filter((k) => now[k as keyof typeof now] !== was[k as keyof typeof was]);
    if (!changed.length) return { ok: true as const, id };
    if (input.effectiveFrom !== row.effectiveFrom) {
      const sets = await allSets(tx);
      const other = sets.find((s) => s.id !== id && s.effectiveFrom === input.effectiveFrom);
      if (other) {
        return invalid({
          field: 'effectiveFrom',
          message: `Rates from ${formatDate(other.effectiveFrom)} are already recorded: choose another date`,
        });
      }
      const after = sets.map((s) => (s.id === id ? { id, effectiveFrom: input.effectiveFrom } : s));
      const refusal = await reviewRefusal(tx, sets, after, `The date cannot be ${formatDate(input.effectiveFrom)}`);
      if (refusal) return invalid({ field: 'effectiveFrom', message: refusal });
    }
    const { reason, ...values } = input;
    await tx.update(paymentRates).set(values).where(eq(paymentRates.id, id));
    // Only the latest set has a review due: refresh every set, as adding one does.
    const sets = await allSets(tx);
    await refreshDueItems(
      tx,
      RATES,
      sets.map((s) => s.id),
    );
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: RATES,
      recordId: id,
      detail: {
        reason,
        changed,
        was: Object.fromEntries(changed.map((k) => [k, was[k as keyof typeof was]])),
        now: Object.fromEntries(changed.map((k) => [k, now[k as keyof typeof now]])),
      },
    });
    return { ok: true as const, id };
  });
}

/** Why this set of rates cannot be removed, in words (none when it can): the rules above. */
export async function removeRatesRefusals(db: DbOrTx, id: string): Promise<string[]> {
  const sets = await allSets(db);
  if (!sets.some((s) => s.id === id)) return [];
  if (sets.length === 1) {
    return ['These are the only rates recorded: change them instead, or add the right set before removing these'];
  }
  const refusal = await reviewRefusal(
    db,
    sets,
    sets.filter((s) => s.id !== id),
    'These rates cannot be removed',
  );
  return refusal ? [refusal] : [];
}

/** Removes a set of rates recorded in error, with why (the rules above): the yearly review of the rates follows. */
export async function removeRates(db: Db, who: Who, id: string, reason: string): Promise<Result> {
  if (!mayManagePayments(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const row = await lockedRates(tx, id);
    if (!row) return notFound;
    const refusals = await removeRatesRefusals(tx, id);
    if (refusals.length) return invalid(...refusals.map((message) => ({ field: 'reason', message })));
    await tx.delete(paymentRates).where(eq(paymentRates.id, id));
    const sets = await allSets(tx);
    await refreshDueItems(tx, RATES, [id, ...sets.map((s) => s.id)]);
    await recordAudit(tx, who.actor, {
      action: 'delete',
      recordType: RATES,
      recordId: id,
      detail: { reason, was: ratesOf(row) },
    });
    return { ok: true as const, id };
  });
}

type EnhancementTableRow = typeof paymentEnhancements.$inferSelect;

/** The placement's agreements, locked, oldest first, with this one's place: the one it reviewed, and its review. */
async function agreementsAround(tx: Tx, e: EnhancementRow) {
  const rows = await tx
    .select()
    .from(paymentEnhancements)
    .where(eq(paymentEnhancements.placementId, e.placementId))
    .orderBy(paymentEnhancements.agreedOn, paymentEnhancements.recordedAt)
    .for('update');
  const at = rows.findIndex((r) => r.id === e.id);
  if (at < 0) return null;
  return { row: rows[at]!, reviewed: rows[at - 1] ?? null, reviewedBy: rows[at + 1] ?? null };
}

/** Why the day agreed cannot be `agreedOn`, in words: after today, before the agreement it reviewed, after its review. */
function dayRefusals(
  agreedOn: IsoDate,
  reviewed: EnhancementTableRow | null,
  reviewedBy: EnhancementTableRow | null,
  row: EnhancementTableRow,
): string[] {
  if (agreedOn > todayInLondon()) return ['Date of the funding panel decision must be today or in the past'];
  if (reviewed && agreedOn < reviewed.agreedOn) {
    return [
      `The date cannot be before ${formatDate(reviewed.agreedOn)}, when the agreement this one reviewed was made`,
    ];
  }
  const end = reviewedBy?.agreedOn ?? row.endedOn;
  if (end && agreedOn > end) {
    return [
      `The date cannot be after ${formatDate(end)}, ${reviewedBy ? 'when the funding panel reviewed it' : 'when it ended'}`,
    ];
  }
  return [];
}

/** The words of the agreement the enhancement's child cannot be changed from, or null when it can. */
function childRefusal(e: EnhancementRow, reviewed: EnhancementTableRow | null, reviewedBy: EnhancementTableRow | null) {
  const tie = reviewedBy
    ? `it was reviewed on ${formatDate(reviewedBy.agreedOn)}`
    : reviewed
      ? `it reviewed the one agreed on ${formatDate(reviewed.agreedOn)}`
      : null;
  return tie
    ? `The child cannot be changed: ${tie} for ${e.childName}. Remove it and record the enhancement for the right child instead`
    : null;
}

/** Puts right an enhancement typed wrongly (the rules above): its review deadline, and the agreement it reviewed, follow. */
export async function changeEnhancement(
  db: Db,
  who: Who,
  e: EnhancementRow,
  input: EnhancementChangeInput,
): Promise<Result> {
  if (!mayManagePayments(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const around = await agreementsAround(tx, e);
    if (!around) return notFound;
    const { row, reviewed, reviewedBy } = around;
    const errors: FieldError[] = dayRefusals(input.agreedOn, reviewed, reviewedBy, row).map((message) => ({
      field: 'agreedOn',
      message,
    }));
    let placementId = row.placementId;
    if (input.child !== e.childReference) {
      const tied = childRefusal(e, reviewed, reviewedBy);
      const placed = tied ? null : await placedChildByReference(tx, who.user, input.child, todayInLondon());
      if (tied) errors.push({ field: 'child', message: tied });
      else if (!placed) {
        errors.push({
          field: 'child',
          message: `No child with the reference ${input.child} is placed with one of the service’s households now`,
        });
      } else if (placed.currentId) {
        errors.push({
          field: 'child',
          message: `${placed.childName} (${placed.childReference}) already has an enhancement, agreed on ${formatDate(placed.currentAgreedOn!)}: record its review instead`,
        });
      } else placementId = placed.placementId;
    }
    if (errors.length) return invalid(...errors);
    const now = {
      child: input.child,
      weeklyAmount: input.weeklyAmount,
      levelOfNeed: input.levelOfNeed,
      agreedOn: input.agreedOn,
      notes: input.notes,
    };
    const was = {
      child: e.childReference,
      weeklyAmount: row.weeklyAmount,
      levelOfNeed: row.levelOfNeed,
      agreedOn: row.agreedOn,
      notes: row.notes,
    };
    const changed = (Object.keys(now) as (keyof typeof now)[]).filter((k) => now[k] !== was[k]);
    if (!changed.length) return { ok: true as const, id: e.id };
    await tx
      .update(paymentEnhancements)
      .set({
        placementId,
        weeklyAmount: input.weeklyAmount,
        levelOfNeed: input.levelOfNeed,
        agreedOn: input.agreedOn,
        reviewDueOn: reviewDueOn(input.agreedOn),
        notes: input.notes,
      })
      .where(eq(paymentEnhancements.id, e.id));
    // The agreement it reviewed ended on its day: it ends on the new one.
    const followed = reviewed && input.agreedOn !== row.agreedOn && reviewed.endedOn === row.agreedOn;
    if (followed) {
      await tx
        .update(paymentEnhancements)
        .set({ endedOn: input.agreedOn })
        .where(eq(paymentEnhancements.id, reviewed.id));
      await recordAudit(tx, who.actor, {
        action: 'update',
        recordType: ENHANCEMENT,
        recordId: reviewed.id,
        detail: { step: 'replaced', endedOn: input.agreedOn, was: { endedOn: reviewed.endedOn }, reason: input.reason },
      });
    }
    await refreshDueItems(tx, ENHANCEMENT, [e.id, followed ? reviewed.id : null]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: ENHANCEMENT,
      recordId: e.id,
      detail: {
        reason: input.reason,
        changed,
        was: Object.fromEntries(changed.map((k) => [k, was[k]])),
        now: Object.fromEntries(changed.map((k) => [k, now[k]])),
      },
    });
    return { ok: true as const, id: e.id };
  });
}

/** Why the enhancement cannot be removed, in words (none when it can): reviewed since. */
export async function removeEnhancementRefusals(db: DbOrTx, e: EnhancementRow): Promise<string[]> {
  const [later] = await queryRows<{ agreedOn: IsoDate }>(
    db,
    sql`select l.agreed_on::text as "agreedOn" from payment_enhancements l join payment_enhancements e on e.id = ${e.id}
      where l.placement_id = e.placement_id and l.id <> e.id
        and (l.agreed_on, l.recorded_at) > (e.agreed_on, e.recorded_at)
      order by l.agreed_on, l.recorded_at limit 1`,
  );
  return later
    ? [
        `It was reviewed at the funding panel on ${formatDate(later.agreedOn)}: remove that review first, or change this one instead`,
      ]
    : [];
}

/** Removes an enhancement recorded in error, with why (the rules above): the agreement it replaced is current again. */
export async function removeEnhancement(db: Db, who: Who, e: EnhancementRow, reason: string): Promise<Result> {
  if (!mayManagePayments(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const around = await agreementsAround(tx, e);
    if (!around) return notFound;
    const { row, reviewed } = around;
    const refusals = await removeEnhancementRefusals(tx, e);
    if (refusals.length) return invalid(...refusals.map((message) => ({ field: 'reason', message })));
    await tx.delete(paymentEnhancements).where(eq(paymentEnhancements.id, e.id));
    const reopened = reviewed && row.endedOn === null && reviewed.endedOn === row.agreedOn ? reviewed : null;
    if (reopened) {
      await tx.update(paymentEnhancements).set({ endedOn: null }).where(eq(paymentEnhancements.id, reopened.id));
      await recordAudit(tx, who.actor, {
        action: 'update',
        recordType: ENHANCEMENT,
        recordId: reopened.id,
        detail: { step: 'current-again', was: { endedOn: reopened.endedOn }, reason },
      });
    }
    await refreshDueItems(tx, ENHANCEMENT, [e.id, reopened?.id]);
    await recordAudit(tx, who.actor, {
      action: 'delete',
      recordType: ENHANCEMENT,
      recordId: e.id,
      detail: {
        reason,
        was: {
          child: e.childReference,
          weeklyAmount: row.weeklyAmount,
          levelOfNeed: row.levelOfNeed,
          agreedOn: row.agreedOn,
          endedOn: row.endedOn,
          notes: row.notes,
        },
      },
    });
    return { ok: true as const, id: e.id };
  });
}
