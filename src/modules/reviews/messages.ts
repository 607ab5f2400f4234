/**
 * The review's outbox: the carers' copy of the report, and the chasing of links not returned (a
 * reminder after 7 days, then the requester's manager told after 14). Messages are written in the
 * transaction that calls for them and sent by `deliverReviewMessages` (retried until the mail
 * server takes them); without a mail server they are held, showing exactly what would have gone.
 */
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { recordAudit, systemActor } from '../../platform/audit/service.ts';
import { users } from '../../platform/auth/tables.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { mailFailureReason, type Mailer } from '../../platform/mail/mailer.ts';
import { carers, households } from '../households/tables.ts';
import { managerText, reminderText, reportText } from './message-text.ts';
import { MANAGER_AFTER_DAYS, REMIND_AFTER_DAYS } from './settings.ts';
import { annualReviews, reviewLinks, reviewMessages } from './tables.ts';

export type ReviewMessage = typeof reviewMessages.$inferSelect;

/** Minutes to wait before each retry after a failure; the last is repeated. */
const RETRY_MINUTES = [1, 5, 15, 30, 60] as const;
const LEASE_MINUTES = 5;
const minutesFrom = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);
const daysBefore = (date: Date, days: number) => new Date(date.getTime() - days * 86_400_000);

export const reportAttachmentName = (reference: string, reviewedOn: string) =>
  `annual-review-${reference}-${reviewedOn}.pdf`;

/** Writes a message into the outbox: pending to be sent, or held when there is no mail server (or no address). */
async function queue(
  tx: DbOrTx,
  values: Omit<typeof reviewMessages.$inferInsert, 'status'>,
  mode: Mailer['mode'],
  now: Date,
): Promise<ReviewMessage> {
  const held = mode === 'outbox' || values.recipients.length === 0;
  const [row] = await tx
    .insert(reviewMessages)
    .values({ ...values, status: held ? 'held' : 'pending', nextAttemptAt: held ? null : now, createdAt: now })
    .returning();
  return row!;
}

/**
 * The carers' copy of the report, to the household's carers with an email address (null when none
 * has one); `corrected`, the corrected report after a correction of one already sent.
 */
export async function queueReportForCarers(
  tx: DbOrTx,
  options: { reviewId: string; mode: Mailer['mode']; createdBy: string | null; now?: Date; corrected?: boolean },
): Promise<ReviewMessage | null> {
  const now = options.now ?? new Date();
  const [row] = await tx
    .select({ review: annualReviews, name: households.name, reference: households.reference })
    .from(annualReviews)
    .innerJoin(households, eq(households.id, annualReviews.householdId))
    .where(eq(annualReviews.id, options.reviewId));
  if (!row?.review.reviewedOn || !row.review.commentsDueOn) return null;
  const addresses = await tx
    .select({ email: carers.email })
    .from(carers)
    // The carers living there now: a carer who has left is sent nothing more about the household.
    .where(and(eq(carers.householdId, row.review.householdId), isNotNull(carers.email), isNull(carers.leftOn)))
    .orderBy(asc(carers.createdAt), asc(carers.id));
  const recipients = [...new Set(addresses.map((a) => a.email!.trim()).filter(Boolean))];
  if (recipients.length === 0) return null;
  const text = reportText({
    household: row.name,
    reviewedOn: row.review.reviewedOn,
    commentsDueOn: row.review.commentsDueOn,
    corrected: options.corrected ? { today: todayInLondon(now) } : undefined,
  });
  return queue(
    tx,
    {
      reviewId: options.reviewId,
      purpose: 'report',
      recipients,
      subject: text.subject,
      body: text.body,
      attachmentName: reportAttachmentName(row.reference, row.review.reviewedOn),
      createdBy: options.createdBy,
    },
    options.mode,
    now,
  );
}

/** Who is told when a request is not returned: the requester's team manager, else their service manager, else the head of fostering. */
async function managersOf(tx: DbOrTx, requesterId: string): Promise<string[]> {
  const rows = await queryRows<{ email: string; rank: number }>(
    tx,
    sql`select m.email, case when m.role = 'team_manager' then 1 when m.role = 'service_manager' then 2 else 3 end as rank
      from users r join users m on m.active and m.email is not null and m.id <> r.id and (
        (m.role = 'team_manager' and m.team_id = r.team_id)
        or (m.role = 'service_manager' and m.area_id = r.area_id)
        or m.role = 'head_of_fostering')
      where r.id = ${requesterId}
      order by rank, m.email`,
  );
  const best = rows[0]?.rank;
  return rows.filter((r) => r.rank === best).map((r) => r.email);
}

const whatOf = (kind: string, recipient: string) =>
  kind === 'child_views' ? `${recipient}’s views` : `feedback from ${recipient}`;

/**
 * Chases the links not returned: a reminder once a link is 7 days old, then the requester's
 * manager is told once it is 14 days old. Each is written once (the link records it in the same
 * transaction), so several processes may run this together. Returns how many messages it wrote.
 */
export async function chaseReviewLinks(db: Db, mode: Mailer['mode'], now = new Date()): Promise<number> {
  const open = sql`${reviewLinks.usedAt} is null and ${reviewLinks.withdrawnAt} is null
    and ${reviewLinks.expiresAt} > ${now.toISOString()}::timestamptz`;
  const due = await db
    .select({ id: reviewLinks.id })
    .from(reviewLinks)
    .where(
      sql`${open} and ((${reviewLinks.remindedAt} is null and ${reviewLinks.requestedAt} <= ${daysBefore(now, REMIND_AFTER_DAYS).toISOString()}::timestamptz)
        or (${reviewLinks.managerToldAt} is null and ${reviewLinks.requestedAt} <= ${daysBefore(now, MANAGER_AFTER_DAYS).toISOString()}::timestamptz))`,
    )
    .orderBy(asc(reviewLinks.requestedAt));
  let written = 0;
  for (const { id } of due) {
    written += await db.transaction(async (tx) => {
      const [row] = await tx
        .select({
          link: reviewLinks,
          household: households.name,
          requester: users.displayName,
          requesterEmail: users.email,
        })
        .from(reviewLinks)
        .innerJoin(annualReviews, eq(annualReviews.id, reviewLinks.reviewId))
        .innerJoin(households, eq(households.id, annualReviews.householdId))
        .innerJoin(users, eq(users.id, reviewLinks.requestedBy))
        .where(and(eq(reviewLinks.id, id), sql`${open}`))
        .for('update', { of: reviewLinks });
      if (!row) return 0;
      const { link } = row;
      const what = whatOf(link.kind, link.recipient);
      const base = { reviewId: link.reviewId, linkId: link.id, createdBy: null };
      let n = 0;
      if (!link.remindedAt && link.requestedAt <= daysBefore(now, REMIND_AFTER_DAYS)) {
        const handed = link.delivery === 'handed';
        const to = handed ? row.requesterEmail : link.email;
        const text = reminderText({
          what,
          household: row.household,
          requestedOn: link.requestedOn,
          expiresOn: link.expiresAt.toISOString().slice(0, 10),
          handed,
        });
        await queue(tx, { ...base, purpose: 'reminder', recipients: to ? [to] : [], ...text }, mode, now);
        await tx.update(reviewLinks).set({ remindedAt: now }).where(eq(reviewLinks.id, link.id));
        n += 1;
      }
      if (!link.managerToldAt && link.requestedAt <= daysBefore(now, MANAGER_AFTER_DAYS)) {
        const text = managerText({
          what,
          household: row.household,
          requester: row.requester,
          requestedOn: link.requestedOn,
        });
        const to = await managersOf(tx, link.requestedBy);
        await queue(tx, { ...base, purpose: 'manager', recipients: to, ...text }, mode, now);
        await tx.update(reviewLinks).set({ managerToldAt: now }).where(eq(reviewLinks.id, link.id));
        n += 1;
      }
      await recordAudit(tx, systemActor('annual review chasing'), {
        action: 'update',
        recordType: 'annual-review',
        recordId: link.reviewId,
        detail: { chased: link.kind, messages: n },
      });
      return n;
    });
  }
  return written;
}

/** Takes the messages due to be sent, marking each as being tried so no other process sends it. */
async function claimDue(db: Db, now: Date) {
  return queryRows<{ id: string }>(
    db,
    sql`update review_messages
        set attempts = attempts + 1, next_attempt_at = ${minutesFrom(now, LEASE_MINUTES).toISOString()}::timestamptz
        where id in (select id from review_messages
                     where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
                     order by next_attempt_at limit 20 for update skip locked)
        returning id`,
  );
}

/**
 * Sends every pending message, attaching the carers' copy of the report where one belongs;
 * failures are tried again later. `reportPdf` makes the carers' copy of a review's report.
 */
export async function deliverReviewMessages(
  db: Db,
  mailer: Mailer,
  reportPdf: (reviewId: string) => Promise<Buffer>,
  now = new Date(),
): Promise<{ sent: number; failed: number }> {
  if (mailer.mode !== 'smtp') return { sent: 0, failed: 0 };
  const claimed = await claimDue(db, now);
  if (claimed.length === 0) return { sent: 0, failed: 0 };
  const messages = await db
    .select()
    .from(reviewMessages)
    .where(
      inArray(
        reviewMessages.id,
        claimed.map((c) => c.id),
      ),
    );
  let sent = 0;
  let failed = 0;
  for (const message of messages) {
    try {
      const attachments = message.attachmentName
        ? [
            {
              filename: message.attachmentName,
              contentType: 'application/pdf',
              content: await reportPdf(message.reviewId),
            },
          ]
        : undefined;
      await mailer.send({ to: message.recipients, subject: message.subject, text: message.body, attachments });
      await db.transaction(async (tx) => {
        await tx
          .update(reviewMessages)
          .set({ status: 'sent', sentAt: new Date(), lastError: null, nextAttemptAt: null })
          .where(and(eq(reviewMessages.id, message.id), eq(reviewMessages.status, 'pending')));
        // The carers' copy of the report has gone out of Hearth: on the review's trail, as the link's email is.
        if (message.purpose === 'report') {
          await recordAudit(tx, systemActor('annual review messages delivery'), {
            action: 'email-report',
            recordType: 'annual-review',
            recordId: message.reviewId,
            detail: { attempts: message.attempts },
          });
        }
      });
      sent += 1;
    } catch (error) {
      failed += 1;
      const wait = RETRY_MINUTES[Math.min(message.attempts, RETRY_MINUTES.length) - 1] ?? 60;
      await db
        .update(reviewMessages)
        .set({ lastError: mailFailureReason(error), nextAttemptAt: minutesFrom(new Date(), wait) })
        .where(eq(reviewMessages.id, message.id));
    }
  }
  return { sent, failed };
}

/** The messages of a review that are waiting, held or failed, for the review page. */
export function messageStatusText(message: Pick<ReviewMessage, 'status' | 'recipients' | 'sentAt'>): string {
  if (message.recipients.length === 0) return 'Not sent: no email address';
  switch (message.status) {
    case 'sent':
      return 'Sent';
    case 'held':
      return 'Kept in the outbox (no mail server)';
    case 'failed':
      return 'Could not be sent';
    default:
      return 'Waiting to be sent';
  }
}

/** Whether the carers were emailed the review's report (so a corrected one goes to them too). */
export async function reportWasSent(tx: DbOrTx, reviewId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: reviewMessages.id })
    .from(reviewMessages)
    .where(
      and(
        eq(reviewMessages.reviewId, reviewId),
        eq(reviewMessages.purpose, 'report'),
        eq(reviewMessages.status, 'sent'),
      ),
    )
    .limit(1);
  return row !== undefined;
}
