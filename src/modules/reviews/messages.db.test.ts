/**
 * The carers' copy of the annual review report, sent by the background delivery: once it has gone
 * out of Hearth, the review's audit trail says so (a reminder to staff does not go on it).
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { deliverReviewMessages } from './messages.ts';
import { reviewMessages } from './tables.ts';
import { makeReview } from './test-support.ts';

const t = testAppForFile();

describe('delivering a review’s messages', () => {
  it('writes the carers’ report, once sent, on the review’s trail', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { statusSince: '2025-11-02' });
    const review = await makeReview(db, { householdId: household.id, startedOn: '2026-10-01' });
    const now = new Date('2026-11-20T12:00:00Z');
    const message = (purpose: string) => ({
      reviewId: review.id,
      purpose,
      recipients: ['carers@example.org'],
      subject: 'Your annual review',
      body: 'The report of your annual review is attached.',
      attachmentName: purpose === 'report' ? 'annual-review.pdf' : null,
      status: 'pending',
      nextAttemptAt: new Date('2026-11-20T11:00:00Z'),
    });
    await db.insert(reviewMessages).values([message('report'), message('reminder')]);
    const sent: string[] = [];
    const mailer: Mailer = {
      mode: 'smtp',
      send: async (m) => {
        sent.push(m.attachments?.[0]?.filename ?? 'no attachment');
      },
      close: () => {},
    };
    expect(await deliverReviewMessages(db, mailer, async () => Buffer.from('%PDF-'), now)).toEqual({
      sent: 2,
      failed: 0,
    });
    expect(sent.sort()).toEqual(['annual-review.pdf', 'no attachment']);
    const trail = await db
      .select({ action: auditEvents.action, username: auditEvents.username, route: auditEvents.route })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'annual-review'), eq(auditEvents.recordId, review.id)));
    expect(trail).toEqual([{ action: 'email-report', username: null, route: 'annual review messages delivery' }]);
  });
});
