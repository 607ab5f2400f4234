/**
 * The agenda is built from what is due: ONE function per kind of item says which households (and
 * which records behind them) may be put on a meeting's agenda. Each candidate's `value` is what
 * the add-item form sends back; the service re-derives the list to accept only a due candidate.
 */
import { and, asc, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { formatDate } from '../../platform/views/format.ts';
import { allegationsAwaitingPanel } from '../concerns/panel.ts';
import { households } from '../households/tables.ts';
import { householdsReadyForPanel } from '../recruitment/panel.ts';
import { reviewsWaitingForPanel } from '../reviews/panel.ts';
import type { ItemKind } from './labels.ts';
import { panelItems } from './tables.ts';

export interface Candidate {
  value: string;
  householdId: string;
  text: string;
  hint: string;
  sourceType: 'annual-review' | 'concern' | null;
  sourceId: string | null;
}

const LIMIT = 200;

/** Households in these statuses with no open item of this kind on any agenda (no decision yet). */
async function householdsIn(db: DbOrTx, kind: ItemKind, statuses: string[], hint: (h: { since: string }) => string) {
  const open = db
    .select({ one: sql`1` })
    .from(panelItems)
    .where(
      and(
        eq(panelItems.householdId, households.id),
        eq(panelItems.kind, kind),
        sql`not exists (select 1 from agency_decisions d where d.item_id = ${panelItems.id})`,
      ),
    );
  const rows = await db
    .select({
      id: households.id,
      name: households.name,
      reference: households.reference,
      since: households.statusSince,
    })
    .from(households)
    .where(and(inArray(households.status, statuses), notExists(open)))
    .orderBy(asc(households.statusSince), asc(households.reference))
    .limit(LIMIT);
  return rows.map((h): Candidate => ({
    value: `h:${h.id}`,
    householdId: h.id,
    text: `${h.name} (${h.reference})`,
    hint: hint(h),
    sourceType: null,
    sourceId: null,
  }));
}

/**
 * Approval: households in assessment whose assessment is complete (the recruitment module's
 * `householdsReadyForPanel`), leaving out those already put to the panel for approval (waiting
 * for its recommendation, or holding one).
 */
export async function approvalCandidates(db: DbOrTx): Promise<Candidate[]> {
  const alreadyPut = sql`select ${panelItems.householdId} from ${panelItems} where ${panelItems.kind} = 'approval'`;
  const ready = await householdsReadyForPanel(db, { without: alreadyPut });
  return ready.slice(0, LIMIT).map((h) => ({
    value: `h:${h.householdId}`,
    householdId: h.householdId,
    text: `${h.householdName} (${h.householdReference})`,
    hint: `Assessment completed on ${formatDate(h.assessmentCompletedOn)}`,
    sourceType: null,
    sourceId: null,
  }));
}

/** First annual reviews completed and waiting to be presented. */
export async function firstReviewCandidates(db: DbOrTx): Promise<Candidate[]> {
  const reviews = await reviewsWaitingForPanel(db, { firstOnly: true, limit: LIMIT });
  return reviews.map((r) => ({
    value: `r:${r.reviewId}`,
    householdId: r.householdId,
    text: `${r.household} (${r.reference})`,
    hint: `First review held on ${formatDate(r.reviewedOn)} by ${r.reviewingOfficer}`,
    sourceType: 'annual-review',
    sourceId: r.reviewId,
  }));
}

/** Changes of terms: reviews (not first reviews) whose outcome changes the terms or refers to panel. */
export async function changeOfTermsCandidates(db: DbOrTx): Promise<Candidate[]> {
  const reviews = await reviewsWaitingForPanel(db, { limit: LIMIT });
  return reviews
    .filter((r) => !r.firstReview)
    .map((r) => ({
      value: `r:${r.reviewId}`,
      householdId: r.householdId,
      text: `${r.household} (${r.reference})`,
      hint: `Review held on ${formatDate(r.reviewedOn)} by ${r.reviewingOfficer}`,
      sourceType: 'annual-review',
      sourceId: r.reviewId,
    }));
}

/** Standards of care: allegations with an outcome, not yet presented. */
export async function standardsOfCareCandidates(db: DbOrTx): Promise<Candidate[]> {
  const allegations = await allegationsAwaitingPanel(db, { limit: LIMIT });
  return allegations.map((a) => ({
    value: `c:${a.concernId}`,
    householdId: a.householdId,
    text: `${a.householdName} (${a.householdReference})`,
    hint: `Allegation: outcome recorded on ${formatDate(a.outcomeOn)}`,
    sourceType: 'concern',
    sourceId: a.concernId,
  }));
}

/** Deregistration: households paused (on hold or inactive) whose future the panel considers. */
export const deregistrationCandidates = (db: DbOrTx) =>
  householdsIn(db, 'deregistration', ['on_hold', 'inactive'], (h) => `Paused since ${formatDate(h.since)}`);

/** Skills level 2 or 3: approved households (the worker's report says why). */
export const skillsLevelCandidates = (db: DbOrTx) =>
  householdsIn(db, 'skills_level', ['approved'], (h) => `Approved; status since ${formatDate(h.since)}`);

/** Exemptions (more than three children): approved households (the recruitment module will list exemptions due for review). */
export const exemptionCandidates = (db: DbOrTx) =>
  householdsIn(db, 'exemption', ['approved'], (h) => `Approved; status since ${formatDate(h.since)}`);

export const candidatesFor: Record<ItemKind, (db: DbOrTx) => Promise<Candidate[]>> = {
  approval: approvalCandidates,
  first_review: firstReviewCandidates,
  change_of_terms: changeOfTermsCandidates,
  deregistration: deregistrationCandidates,
  standards_of_care: standardsOfCareCandidates,
  skills_level: skillsLevelCandidates,
  exemption: exemptionCandidates,
};
