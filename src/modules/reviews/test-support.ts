/**
 * Test support: reviews, their children, contributions and links written straight to the database
 * (their kept deadlines refreshed, as the service does). Not used by the app.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../platform/db/client.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { userIdByUsername } from '../../../test/support/households.ts';
import { annualReviews, reviewChildren, reviewContributions, reviewLinks } from './tables.ts';

export interface ReviewFixture {
  householdId: string;
  startedOn: string;
  /** Completed on this date (the review meeting); gathering when absent. */
  reviewedOn?: string;
  kind?: 'annual' | 'extra';
  dueOn?: string | null;
  firstReview?: boolean;
  presentedToPanelOn?: string | null;
  /** Children placed when it started, with the kinds each one gave. */
  children?: { childId: string; gave?: ('child_views' | 'social_worker_feedback')[] }[];
}

/** A review by the demo's reviewing officer. */
export async function makeReview(db: DbOrTx, f: ReviewFixture) {
  const officer = await userIdByUsername(db, 'reviewer');
  const completed = Boolean(f.reviewedOn);
  const first = f.firstReview ?? false;
  const [row] = await db
    .insert(annualReviews)
    .values({
      householdId: f.householdId,
      kind: f.kind ?? 'annual',
      reason: f.kind === 'extra' ? 'complaint' : null,
      firstReview: first,
      dueOn: f.dueOn ?? null,
      startedOn: f.startedOn,
      reviewingOfficerId: officer,
      status: completed ? 'completed' : 'gathering',
      reviewedOn: f.reviewedOn ?? null,
      outcome: completed ? 'continue' : null,
      toPanel: completed && first,
      presentedToPanelOn: f.presentedToPanelOn ?? null,
    })
    .returning();
  for (const child of f.children ?? []) {
    await db.insert(reviewChildren).values({ reviewId: row!.id, childId: child.childId, ageGroup: '8_to_12' });
    for (const kind of child.gave ?? []) {
      await db.insert(reviewContributions).values({
        reviewId: row!.id,
        kind,
        childId: child.childId,
        receivedOn: f.startedOn,
        source: 'link',
        givenBy: 'the child',
        answers: { words: { best: 'The dog' } },
      });
    }
  }
  await refreshDueItems(db, 'annual-review', [row!.id]);
  return row!;
}

/** A link asked of a child's social worker on `requestedAt`, by the reviewing officer. */
export async function makeReviewLink(
  db: DbOrTx,
  f: {
    reviewId: string;
    childId: string;
    requestedAt: Date;
    delivery?: 'email' | 'handed';
    usedAt?: Date | null;
    withdrawnAt?: Date | null;
  },
) {
  const officer = await userIdByUsername(db, 'reviewer');
  const [row] = await db
    .insert(reviewLinks)
    .values({
      reviewId: f.reviewId,
      kind: 'social_worker_feedback',
      childId: f.childId,
      tokenHash: createHash('sha256').update(randomUUID()).digest('hex'),
      delivery: f.delivery ?? 'email',
      email: (f.delivery ?? 'email') === 'email' ? 'cic.worker@example.com' : null,
      recipient: 'Chris Okafor, children’s social worker',
      requestedBy: officer,
      requestedOn: f.requestedAt.toISOString().slice(0, 10),
      requestedAt: f.requestedAt,
      expiresAt: new Date(f.requestedAt.getTime() + 28 * 86_400_000),
      usedAt: f.usedAt ?? null,
      withdrawnAt: f.withdrawnAt ?? null,
    })
    .returning();
  await refreshDueItems(db, 'annual-review', [f.reviewId]);
  return row!;
}
