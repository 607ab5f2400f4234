/**
 * The review module's work in the background, run by the server every few minutes: chasing links
 * not returned (a reminder after 7 days, the manager told after 14) and sending the outbox.
 */
import { eq } from 'drizzle-orm';
import { users } from '../../platform/auth/tables.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { HouseholdRecord } from '../households/scope.ts';
import { households } from '../households/tables.ts';
import { chaseReviewLinks, deliverReviewMessages } from './messages.ts';
import { buildReport } from './report.ts';
import { reportPdf } from '../../platform/pdf/report.ts';
import { annualReviews } from './tables.ts';

/** The carers' copy of a review's report as a PDF, for attaching to their message. */
export async function carersCopyPdf(db: Db, reviewId: string): Promise<Buffer> {
  const [row] = await db
    .select({ review: annualReviews, household: households, officerName: users.displayName })
    .from(annualReviews)
    .innerJoin(households, eq(households.id, annualReviews.householdId))
    .innerJoin(users, eq(users.id, annualReviews.reviewingOfficerId))
    .where(eq(annualReviews.id, reviewId));
  if (!row) throw new Error('review not found');
  const household = row.household as HouseholdRecord;
  return reportPdf(await buildReport(db, { review: row.review, household, officerName: row.officerName }, 'carers'));
}

/** Chases the links due a reminder or a word to the manager, then sends what is waiting. */
export async function runReviewMessages(db: Db, mailer: Mailer, now = new Date()) {
  const chased = await chaseReviewLinks(db, mailer.mode, now);
  const delivered = await deliverReviewMessages(db, mailer, (id) => carersCopyPdf(db, id), now);
  return { chased, ...delivered };
}
