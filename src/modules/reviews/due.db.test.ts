/**
 * The annual review deadlines and the chasing of links, with dates worked out by hand (today is
 * passed in, never the clock's).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeChild } from '../../../test/support/children.ts';
import { makeHousehold, pauseHousehold } from '../../../test/support/households.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/db/client.ts';
import { dueFor, refreshDueItems } from '../../platform/due/index.ts';
import { households } from '../households/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { viewer } from '../home/test-support.ts';
import { chaseReviewLinks } from './messages.ts';
import { reviewMessages } from './tables.ts';
import { makeReview, makeReviewLink } from './test-support.ts';

let t: TestApp;
let db: Db;
let reviewer: SignedInUser;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  reviewer = await viewer(db, 'reviewer');
});
afterAll(async () => {
  await t.close();
});

async function dueOf(user: SignedInUser, ruleId: string, recordIds: string[], today: string) {
  const entries = await dueFor(db, user, { today, horizonDays: 800, ruleIds: [ruleId] });
  return entries
    .filter((e) => recordIds.includes(e.recordId))
    .map((e) => [e.recordId, e.dueOn, e.detail ?? null, e.overdue]);
}

describe('annual review: within a year of approval, then within a year of the last review (reg 28)', () => {
  it('counts from approval for the first, then from the last completed review since approval', async () => {
    const first = await makeHousehold(db, { statusSince: '2025-10-01' });
    // Approved 1 October 2025: first review by 1 October 2026, overdue on 2 December 2026.
    const reviewed = await makeHousehold(db, { statusSince: '2023-05-10' });
    await makeReview(db, { householdId: reviewed.id, startedOn: '2024-04-01', reviewedOn: '2024-05-01' });
    await makeReview(db, { householdId: reviewed.id, startedOn: '2025-06-01', reviewedOn: '2025-06-20' });
    // The last review on 20 June 2025: the next by 20 June 2026.
    const reapproved = await makeHousehold(db, { statusSince: '2025-03-01' });
    await makeReview(db, { householdId: reapproved.id, startedOn: '2024-11-01', reviewedOn: '2024-12-01' });
    // A review before the latest approval does not count: the first since approval by 1 March 2026.
    const applicant = await makeHousehold(db, { status: 'applicant', statusSince: '2025-01-06' });
    const ids = [first.id, reviewed.id, reapproved.id, applicant.id];
    expect(await dueOf(reviewer, 'reviews.review-due', ids, '2026-09-01')).toEqual([
      [reapproved.id, '2026-03-01', 'First review since approval on 1 March 2025', true],
      [reviewed.id, '2026-06-20', 'Last review on 20 June 2025', true],
      [first.id, '2026-10-01', 'First review since approval on 1 October 2025', false],
    ]);
  });

  it('goes on while a household is on hold or inactive (its approval stands), and ends with the approval', async () => {
    const onHold = await makeHousehold(db, { statusSince: '2024-02-12' });
    await makeReview(db, { householdId: onHold.id, startedOn: '2025-01-06', reviewedOn: '2025-02-03' });
    await pauseHousehold(db, onHold, 'on_hold', '2025-09-15');
    const inactive = await makeHousehold(db, { statusSince: '2025-12-01' });
    await pauseHousehold(db, inactive, 'inactive', '2026-04-20');
    const deregistered = await makeHousehold(db, { statusSince: '2024-02-12' });
    await db.update(households).set({ status: 'deregistered' }).where(eq(households.id, deregistered.id));
    await refreshDueItems(db, 'household', [deregistered.id]);
    const ids = [onHold.id, inactive.id, deregistered.id];
    expect(await dueOf(reviewer, 'reviews.review-due', ids, '2026-09-01')).toEqual([
      [onHold.id, '2026-02-03', 'Last review on 3 February 2025; on hold since 15 September 2025', true],
      [
        inactive.id,
        '2026-12-01',
        'First review since approval on 1 December 2025; inactive since 20 April 2026',
        false,
      ],
    ]);
    // Its page says when the next review is due, and a reviewing officer starts one; not once the
    // household is deregistered.
    const officer = await signedIn(t.app, 'reviewer');
    const page = await officer.get(`/households/${inactive.id}/reviews`);
    expect(page.body).toContain('The next review is due by <strong>1 December 2026</strong>');
    const started = await officer.post(`/households/${inactive.id}/reviews/new`, { kind: 'annual' });
    expect(started.statusCode).toBe(303);
    const refused = await officer.post(`/households/${deregistered.id}/reviews/new`, { kind: 'annual' });
    expect(refused.body).toContain(
      'Only a household whose approval stands (approved, on hold or inactive) can be reviewed',
    );
  });

  it('says when a review is under way, and it is the reviewing officer’s work', async () => {
    const household = await makeHousehold(db, { statusSince: '2025-11-02' });
    await makeReview(db, { householdId: household.id, startedOn: '2026-10-12' });
    const [entry] = await dueFor(db, reviewer, {
      today: '2026-10-20',
      horizonDays: 800,
      ruleIds: ['reviews.review-due'],
    }).then((all) => all.filter((e) => e.recordId === household.id));
    expect([entry!.dueOn, entry!.detail, entry!.ownerUserId]).toEqual([
      '2026-11-02',
      'Review started on 12 October 2026',
      reviewer.id,
    ]);
    // A children's social worker is not shown the fostering service's review deadlines.
    expect(await dueOf(await viewer(db, 'cicsw'), 'reviews.review-due', [household.id], '2026-10-20')).toEqual([]);
  });
});

describe('views or feedback asked for and not returned: 14 days (local target)', () => {
  it('falls due 14 days after the link was made, until it is used', async () => {
    // Links are kept while they work (28 days), so these are dated from today.
    const today = todayInLondon();
    const asked = addDays(today, -18);
    const child = await makeChild(db);
    const household = await makeHousehold(db, { statusSince: addDays(today, -300) });
    const review = await makeReview(db, {
      householdId: household.id,
      startedOn: addDays(today, -20),
      children: [{ childId: child.id }],
    });
    const at = new Date(`${asked}T11:00:00Z`);
    const open = await makeReviewLink(db, { reviewId: review.id, childId: child.id, requestedAt: at });
    const used = await makeReviewLink(db, {
      reviewId: review.id,
      childId: child.id,
      requestedAt: at,
      usedAt: new Date(),
    });
    // Asked for 18 days ago: due 14 days after, so 4 days overdue.
    expect(await dueOf(reviewer, 'reviews.feedback-returned', [open.id, used.id], today)).toEqual([
      [open.id, addDays(asked, 14), `Asked for on ${formatDate(asked)}`, true],
    ]);
  });
});

describe('chasing links not returned', () => {
  it('reminds after 7 days and tells the requester’s manager after 14, once each', async () => {
    const child = await makeChild(db);
    const household = await makeHousehold(db, { statusSince: '2025-11-02', name: 'Chasefamily' });
    const review = await makeReview(db, {
      householdId: household.id,
      startedOn: '2026-10-01',
      children: [{ childId: child.id }],
    });
    const now = new Date('2026-10-20T12:00:00Z');
    // Made 8 days before (handed over): the reminder goes to the reviewing officer who made it.
    const eight = await makeReviewLink(db, {
      reviewId: review.id,
      childId: child.id,
      requestedAt: new Date('2026-10-12T11:00:00Z'),
      delivery: 'handed',
    });
    // Made 15 days before (emailed): a reminder to the social worker, and the head of fostering told
    // (the reviewing officer has no team or area, so no team or service manager).
    const fifteen = await makeReviewLink(db, {
      reviewId: review.id,
      childId: child.id,
      requestedAt: new Date('2026-10-05T11:00:00Z'),
    });
    // Made 3 days before: nothing yet.
    await makeReviewLink(db, { reviewId: review.id, childId: child.id, requestedAt: new Date('2026-10-17T11:00:00Z') });
    expect(await chaseReviewLinks(db, 'outbox', now)).toBeGreaterThanOrEqual(3);
    expect(await chaseReviewLinks(db, 'outbox', now)).toBe(0);
    const messages = await db.select().from(reviewMessages).where(eq(reviewMessages.reviewId, review.id));
    const summary = messages
      .map((m) => [
        m.linkId === eight.id ? 'eight' : m.linkId === fifteen.id ? 'fifteen' : '?',
        m.purpose,
        m.recipients,
        m.status,
      ])
      .sort((a, b) => String(a).localeCompare(String(b)));
    expect(summary).toEqual([
      ['eight', 'reminder', ['reviewer@hearth.example'], 'held'],
      ['fifteen', 'manager', ['head@hearth.example'], 'held'],
      ['fifteen', 'reminder', ['cic.worker@example.com'], 'held'],
    ]);
    expect(messages.find((m) => m.purpose === 'manager')!.body).toContain('Chasefamily');
  });
});
