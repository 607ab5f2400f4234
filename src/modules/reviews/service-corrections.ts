/**
 * Putting a review right, by those who run reviews: a review started in error (not yet completed)
 * is cancelled with why, what it gathered and its links going with it; a completed review's date,
 * outcome and assessment are corrected on its completion form, with why. The household's next
 * review, the deadlines and the on-time measure follow in the same transaction, and the audit
 * trail keeps what the review said, who changed it and why.
 */
import { and, asc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { addYears, todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { forbidden, invalid, notFound, type Refusal, type Result, type Who } from '../../platform/views/results.ts';
import type { CorrectInput } from './forms.ts';
import { findVisibleReview, type ReviewRecord } from './queries.ts';
import { queueReportForCarers, reportWasSent } from './messages.ts';
import { canRunReviews, reviewDateError } from './service.ts';
import {
  annualReviews,
  reviewChildren,
  reviewContributions,
  reviewLinks,
  reviewMessages,
  reviewRenewedChecks,
} from './tables.ts';

/**
 * The review, if the user may cancel it (`cancel`: still gathering) or correct it (`correct`:
 * completed): 404 out of scope, 403 when they do not run reviews or the review is not in that state.
 */
export async function reviewToPutRight(
  db: DbOrTx,
  user: SignedInUser,
  id: string,
  change: 'cancel' | 'correct',
): Promise<{ ok: true; record: ReviewRecord } | Refusal> {
  const record = await findVisibleReview(db, user, id);
  if (!record) return notFound;
  if (!canRunReviews(user)) return forbidden;
  const wanted = change === 'cancel' ? 'gathering' : 'completed';
  return record.review.status === wanted ? { ok: true, record } : forbidden;
}

/** Whether the user may cancel or correct this review (for the links on its page). */
export const mayPutRight = (user: SignedInUser, review: { status: string }, change: 'cancel' | 'correct') =>
  canRunReviews(user) && review.status === (change === 'cancel' ? 'gathering' : 'completed');

/** How much a review under way has gathered, for the page that says what goes with it. */
export async function gatheredCounts(db: DbOrTx, reviewId: string) {
  const [row] = await db
    .select({
      contributions: sql<number>`(select count(*)::int from ${reviewContributions} where review_id = ${reviewId})`,
      links: sql<number>`(select count(*)::int from ${reviewLinks} where review_id = ${reviewId}
        and used_at is null and withdrawn_at is null)`,
      checks: sql<number>`(select count(*)::int from ${reviewRenewedChecks} where review_id = ${reviewId})`,
    })
    .from(sql`(select 1) one`);
  return row!;
}

/** Locks the review's row for the change, so a completion and a cancellation cannot cross. */
const lockReview = (tx: DbOrTx, id: string) =>
  tx.execute(sql`select 1 from annual_reviews where id = ${id} for update`);

/**
 * Cancels a review started in error: the review goes, with the children noted, what it gathered,
 * its links (which stop working) and its messages; checks renewed at it stay in the household's
 * record. The household's deadlines are worked out again, so its next review is due as before the
 * review started, and another can be started.
 */
export async function cancelReview(db: Db, who: Who, reviewId: string, reason: string): Promise<Result> {
  return db.transaction(async (tx) => {
    await lockReview(tx, reviewId);
    const found = await reviewToPutRight(tx, who.user, reviewId, 'cancel');
    if (!found.ok) return found;
    const { review, household } = found.record;
    const counts = await gatheredCounts(tx, reviewId);
    const links = await tx.select({ id: reviewLinks.id }).from(reviewLinks).where(eq(reviewLinks.reviewId, reviewId));
    const linkIds = links.map((l) => l.id);
    await tx.delete(reviewContributions).where(eq(reviewContributions.reviewId, reviewId));
    await tx.delete(reviewMessages).where(eq(reviewMessages.reviewId, reviewId));
    if (linkIds.length) await tx.delete(reviewLinks).where(inArray(reviewLinks.id, linkIds));
    await tx.delete(reviewRenewedChecks).where(eq(reviewRenewedChecks.reviewId, reviewId));
    await tx.delete(reviewChildren).where(eq(reviewChildren.reviewId, reviewId));
    await tx.delete(annualReviews).where(eq(annualReviews.id, reviewId));
    // The review is gone, so what it touched is found from the household and the links themselves.
    await refreshDueItems(tx, 'review-link', linkIds);
    await refreshDueItems(tx, 'annual-review', [reviewId]);
    await refreshDueItems(tx, 'household', [household.id]);
    const detail = {
      reviewId,
      kind: review.kind,
      extraReason: review.reason,
      startedOn: review.startedOn,
      dueOn: review.dueOn,
      reviewingOfficerId: review.reviewingOfficerId,
      contributions: counts.contributions,
      links: linkIds.length,
      reason,
    };
    await recordAudit(tx, who.actor, {
      action: 'cancel',
      recordType: 'household',
      recordId: household.id,
      detail: { part: 'annual-review', ...detail },
    });
    await recordAudit(tx, who.actor, { action: 'cancel', recordType: 'annual-review', recordId: reviewId, detail });
    return { ok: true as const, id: household.id };
  });
}

/** Whether a review with this outcome goes to the fostering panel (the first review always does). */
const goesToPanel = (firstReview: boolean, outcome: string) => firstReview || outcome !== 'continue';

/**
 * Corrects a completed review's date, outcome and assessment. The date keeps completion's rules,
 * and stays before the household's next review started and any panel it was presented to; an
 * outcome that would take it to the panel, or off it, is refused (ask the panel adviser). When the
 * carers were emailed their copy of the report, the corrected copy goes to them through the outbox.
 * The next review's due date (a year after this one) and the deadlines follow.
 */
export async function correctReview(
  db: Db,
  who: Who,
  reviewId: string,
  input: CorrectInput,
  mail: { mode: Mailer['mode'] },
): Promise<Result> {
  return db.transaction(async (tx) => {
    await lockReview(tx, reviewId);
    const found = await reviewToPutRight(tx, who.user, reviewId, 'correct');
    if (!found.ok) return found;
    const { review } = found.record;
    const today = todayInLondon();
    const wrongDate = reviewDateError(review.startedOn, input.reviewedOn, today);
    if (wrongDate) return wrongDate;
    if (review.presentedToPanelOn && input.reviewedOn > review.presentedToPanelOn) {
      return invalid({
        field: 'reviewedOn',
        message: `The date of the review meeting must be on or before ${formatDate(review.presentedToPanelOn)}, when it was presented to the fostering panel`,
      });
    }
    const [later] = await tx
      .select()
      .from(annualReviews)
      .where(
        and(
          eq(annualReviews.householdId, review.householdId),
          ne(annualReviews.id, reviewId),
          gt(annualReviews.startedOn, review.startedOn),
        ),
      )
      .orderBy(asc(annualReviews.startedOn))
      .limit(1);
    if (later && input.reviewedOn > later.startedOn) {
      return invalid({
        field: 'reviewedOn',
        message: `The date of the review meeting must be on or before ${formatDate(later.startedOn)}, when the household’s next review started`,
      });
    }
    const toPanel = goesToPanel(review.firstReview, input.outcome);
    if (toPanel !== review.toPanel) {
      return invalid({
        field: 'outcome',
        message: review.toPanel
          ? 'This review goes to the fostering panel: its outcome cannot be changed to continue on the same terms here. Ask the panel adviser'
          : 'This review did not go to the fostering panel: its outcome cannot be changed to one that goes to panel here. Start an extra review instead',
      });
    }
    const before = {
      reviewedOn: review.reviewedOn,
      outcome: review.outcome,
      outcomeDetail: review.outcomeDetail,
      summary: review.summary,
      childrenSummary: review.childrenSummary,
      pdpUpdated: review.pdpUpdated,
    };
    const after = {
      reviewedOn: input.reviewedOn,
      outcome: input.outcome,
      outcomeDetail: input.outcome === 'continue' ? null : input.outcomeDetail,
      summary: input.summary,
      childrenSummary: input.childrenSummary,
      pdpUpdated: input.pdpUpdated,
    };
    await tx
      .update(annualReviews)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(annualReviews.id, reviewId));
    // The household's next yearly review was due a year after this one: it moves with it.
    if (later && later.kind === 'annual' && review.reviewedOn && later.dueOn === addYears(review.reviewedOn, 1)) {
      await tx
        .update(annualReviews)
        .set({ dueOn: addYears(input.reviewedOn, 1), updatedAt: new Date() })
        .where(eq(annualReviews.id, later.id));
    }
    await refreshDueItems(tx, 'annual-review', [reviewId]);
    // The carers were emailed the report: the corrected one goes to them too (the outbox sends it).
    const resent =
      (await reportWasSent(tx, reviewId)) &&
      (await queueReportForCarers(tx, { reviewId, mode: mail.mode, createdBy: who.user.id, corrected: true })) !== null;
    const changed = Object.keys(after).filter(
      (k) => before[k as keyof typeof before] !== after[k as keyof typeof after],
    );
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'annual-review',
      recordId: reviewId,
      detail: {
        part: 'review-outcome',
        changed,
        before,
        nextReviewDueOnBefore: later?.dueOn ?? null,
        reason: input.reason,
        ...(resent ? { report: 'sent again' } : {}),
      },
    });
    return { ok: true as const, id: reviewId };
  });
}
