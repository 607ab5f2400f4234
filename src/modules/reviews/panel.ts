/**
 * What annual reviews bring to the fostering panel (declared in the module's entry as its panel
 * business): the first reviews (and changes of terms or referrals) waiting to be presented, and
 * recording that one was when the panel recommends. A completed review shows "to panel" on its
 * page and in the household's list until then.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { recordAudit, type Actor } from '../../platform/audit/service.ts';
import { users } from '../../platform/auth/tables.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import type { PanelBusiness, PresentedMove } from '../../platform/modules/panel-business.ts';
import { formatDate } from '../../platform/views/format.ts';
import { households } from '../households/tables.ts';
import { reviewPath } from './paths.ts';
import { annualReviews } from './tables.ts';

export interface ReviewForPanel {
  reviewId: string;
  householdId: string;
  household: string;
  reference: string;
  teamId: string;
  reviewedOn: IsoDate;
  /** The first review since approval (it always goes to panel); else a change of terms or a referral. */
  firstReview: boolean;
  outcome: string;
  reviewingOfficer: string;
  /** The review's page, with its report (PDF and Word). */
  href: string;
}

/**
 * Completed reviews waiting to be presented to the panel, oldest first: every first review, and
 * any review whose outcome changes the terms or refers to panel. `firstOnly` for first reviews alone.
 * Not scoped: the panel module lists them for those who prepare panel agendas.
 */
export async function reviewsWaitingForPanel(
  db: DbOrTx,
  options: { firstOnly?: boolean; limit?: number } = {},
): Promise<ReviewForPanel[]> {
  const rows = await db
    .select({
      reviewId: annualReviews.id,
      householdId: households.id,
      household: households.name,
      reference: households.reference,
      teamId: households.teamId,
      reviewedOn: annualReviews.reviewedOn,
      firstReview: annualReviews.firstReview,
      outcome: annualReviews.outcome,
      reviewingOfficer: users.displayName,
    })
    .from(annualReviews)
    .innerJoin(households, eq(households.id, annualReviews.householdId))
    .innerJoin(users, eq(users.id, annualReviews.reviewingOfficerId))
    .where(
      and(
        eq(annualReviews.status, 'completed'),
        eq(annualReviews.toPanel, true),
        isNull(annualReviews.presentedToPanelOn),
        options.firstOnly ? eq(annualReviews.firstReview, true) : undefined,
      ),
    )
    .orderBy(asc(annualReviews.reviewedOn), asc(households.reference))
    .limit(options.limit ?? 200);
  return rows.map((r) => ({
    ...r,
    reviewedOn: r.reviewedOn!,
    outcome: r.outcome ?? '',
    href: reviewPath(r.reviewId),
  }));
}

/** The first reviews waiting for panel (what the panel module makes agenda items of). */
export const firstReviewsWaitingForPanel = (db: DbOrTx, limit?: number) =>
  reviewsWaitingForPanel(db, { firstOnly: true, limit });

/**
 * Records that a review was presented at a panel meeting on `presentedOn` (called by the panel
 * module in its own transaction). False when the review is not waiting for panel.
 */
export async function recordReviewPresentedToPanel(
  tx: DbOrTx,
  actor: Actor,
  reviewId: string,
  presentedOn: IsoDate,
): Promise<boolean> {
  const rows = await tx
    .update(annualReviews)
    .set({ presentedToPanelOn: presentedOn, updatedAt: new Date() })
    .where(
      and(
        eq(annualReviews.id, reviewId),
        eq(annualReviews.status, 'completed'),
        eq(annualReviews.toPanel, true),
        isNull(annualReviews.presentedToPanelOn),
      ),
    )
    .returning({ id: annualReviews.id });
  if (!rows.length) return false;
  await refreshDueItems(tx, 'annual-review', [reviewId]);
  await recordAudit(tx, actor, {
    action: 'update',
    recordType: 'annual-review',
    recordId: reviewId,
    detail: { fields: ['presentedToPanelOn'] },
  });
  return true;
}

/**
 * The meeting that presented the review put right to another day: the review says it was presented
 * on that day instead, never before the review meeting itself (called by the panel module in the
 * meeting's transaction). Answers why not, before writing anything.
 */
export async function moveReviewPresentedOn(
  tx: DbOrTx,
  actor: Actor,
  reviewId: string,
  { from, to }: PresentedMove,
): Promise<string | undefined> {
  const [review] = await tx
    .select({
      reviewedOn: annualReviews.reviewedOn,
      presentedOn: annualReviews.presentedToPanelOn,
      name: households.name,
    })
    .from(annualReviews)
    .innerJoin(households, eq(households.id, annualReviews.householdId))
    .where(eq(annualReviews.id, reviewId))
    .for('update', { of: annualReviews });
  if (!review || review.presentedOn !== from) return undefined;
  if (review.reviewedOn && compareIsoDates(to, review.reviewedOn) < 0) {
    return `Date of the meeting must be on or after ${formatDate(review.reviewedOn)}, when ${review.name}’s annual review it considered was held`;
  }
  await tx
    .update(annualReviews)
    .set({ presentedToPanelOn: to, updatedAt: new Date() })
    .where(eq(annualReviews.id, reviewId));
  await refreshDueItems(tx, 'annual-review', [reviewId]);
  await recordAudit(tx, actor, {
    action: 'update',
    recordType: 'annual-review',
    recordId: reviewId,
    detail: { fields: ['presentedToPanelOn'], was: from },
  });
  return undefined;
}

/** A review waiting for panel as the agenda offers it. */
const offered = (r: ReviewForPanel, hint: string) => ({
  householdId: r.householdId,
  householdName: r.household,
  householdReference: r.reference,
  hint,
  recordId: r.reviewId,
});

/**
 * First annual reviews, and changes of terms (reviews other than first reviews whose outcome changes
 * the terms or refers to panel; taken from the first `limit` waiting, first reviews among them left
 * out). Either review is marked presented when the panel makes its recommendation.
 */
export const reviewPanelBusiness: PanelBusiness[] = [
  {
    kind: 'first_review',
    recordType: 'annual-review',
    dueForPanel: async (db, { limit }) =>
      (await reviewsWaitingForPanel(db, { firstOnly: true, limit })).map((r) =>
        offered(r, `First review held on ${formatDate(r.reviewedOn)} by ${r.reviewingOfficer}`),
      ),
    presentedToPanel: recordReviewPresentedToPanel,
    presentedOnMoved: moveReviewPresentedOn,
  },
  {
    kind: 'change_of_terms',
    recordType: 'annual-review',
    dueForPanel: async (db, { limit }) =>
      (await reviewsWaitingForPanel(db, { limit }))
        .filter((r) => !r.firstReview)
        .map((r) => offered(r, `Review held on ${formatDate(r.reviewedOn)} by ${r.reviewingOfficer}`)),
    presentedToPanel: recordReviewPresentedToPanel,
    presentedOnMoved: moveReviewPresentedOn,
  },
];
