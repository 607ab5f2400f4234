/**
 * Putting a review right, through the pages: a review started in error is cancelled with why (what
 * it gathered and its links going with it, the household's deadlines back to its next review, a new
 * review can start); a completed review's date and outcome are corrected on its form, with why (the
 * next review due moves). Only those who run reviews, within their scope.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Agent, signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeCarer, makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, addYears, todayInLondon } from '../../platform/dates/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { formatDate } from '../../platform/views/format.ts';
import { annualReviews, reviewContributions, reviewLinks, reviewMessages } from './tables.ts';
import { makeReview } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
const dateBoxes = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};

let reviewer: Agent;
let manager: Agent;
let ssw: Agent;

beforeAll(async () => {
  reviewer = await signedIn(t.app, 'reviewer');
  manager = await signedIn(t.app, 'manager');
  ssw = await signedIn(t.app, 'ssw');
});

const reviewDue = (householdId: string) =>
  t.database.db
    .select({ dueOn: dueItems.dueOn, detail: dueItems.detail })
    .from(dueItems)
    .where(and(eq(dueItems.ruleId, 'reviews.review-due'), eq(dueItems.recordId, householdId)));

const audited = (recordType: string, recordId: string, action: string) =>
  t.database.db
    .select({ detail: auditEvents.detail })
    .from(auditEvents)
    .where(
      and(eq(auditEvents.recordType, recordType), eq(auditEvents.recordId, recordId), eq(auditEvents.action, action)),
    );

describe('cancelling a review started in error', () => {
  let householdId: string;
  let childId: string;
  const approvedOn = addDays(today, -300);

  beforeAll(async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { statusSince: approvedOn, name: 'Larch' });
    householdId = household.id;
    await makeCarer(db, householdId, { firstName: 'Sam', lastName: 'Larch' });
    const child = await makeChild(db, { firstName: 'Jo', lastName: 'Testchild', dateOfBirth: addYears(today, -9) });
    childId = child.id;
    await makePlacement(db, { childId, householdId, startDate: addDays(today, -100) });
  });

  it('takes the review, its contributions and links with it, and lets a new review start', async () => {
    const db = t.database.db;
    const started = await reviewer.post(`/households/${householdId}/reviews/new`, { kind: 'annual' });
    expect(started.statusCode).toBe(303);
    const reviewId = /\/reviews\/([0-9a-f-]{36})/.exec(started.headers.location as string)![1]!;
    const made = await reviewer.post(`/reviews/${reviewId}/links/new`, {
      kind: 'child_views',
      childId,
      delivery: 'handed',
    });
    expect(made.statusCode).toBe(200);
    const secret = /\/r\/([0-9A-Z]{4}(?:-[0-9A-Z]{1,4}){6})/.exec(made.body)![1]!;
    const recorded = await reviewer.post(`/reviews/${reviewId}/record/carer-report`, {
      givenBy: 'Sam Larch',
      year: 'A good year',
      support: 'The support group',
      ...dateBoxes('receivedOn', today),
    });
    expect(recorded.statusCode).toBe(303);
    expect((await reviewDue(householdId))[0]!.detail).toContain('Review started on');

    // Offered to the reviewing officer; not to the team manager, who may not run reviews.
    const page = await reviewer.get(`/reviews/${reviewId}`);
    expect(page.body).toContain(`href="/reviews/${reviewId}/cancel"`);
    expect((await manager.get(`/reviews/${reviewId}`)).body).not.toContain('Cancel this review');
    expect((await manager.get(`/reviews/${reviewId}/cancel`)).statusCode).toBe(403);
    expect((await ssw.post(`/reviews/${reviewId}/cancel`, { reason: 'Mine' })).statusCode).toBe(403);

    const form = await reviewer.get(`/reviews/${reviewId}/cancel`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`Cancel the review started on ${formatDate(today)}`);
    expect(form.body).toContain('1 report or views recorded; 1 link not yet used');
    const empty = await reviewer.post(`/reviews/${reviewId}/cancel`, { reason: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter why the review is being cancelled');
    expect(empty.body).toContain('Why is the review being cancelled?');

    const cancelled = await reviewer.post(`/reviews/${reviewId}/cancel`, { reason: 'Started for the wrong household' });
    expect(cancelled.statusCode).toBe(303);
    expect(cancelled.headers.location).toBe(`/households/${householdId}/reviews?done=cancelled`);
    const list = await reviewer.get(cancelled.headers.location as string);
    expect(list.body).toContain('Review cancelled');
    expect(list.body).not.toContain(reviewId);
    expect(list.body).toContain('Start a review');
    expect((await reviewer.get(`/reviews/${reviewId}`)).statusCode).toBe(404);

    // The child's link stops working, and what was gathered is gone.
    const child = new Agent(t.app);
    const link = await child.get(`/r/${secret}`);
    expect(link.statusCode).toBe(404);
    expect(link.body).toContain('This link does not work');
    expect(await db.select().from(reviewLinks).where(eq(reviewLinks.reviewId, reviewId))).toEqual([]);
    expect(await db.select().from(reviewContributions).where(eq(reviewContributions.reviewId, reviewId))).toEqual([]);

    // The deadlines: the household's first review is due as before, the link's chase is gone.
    const [due] = await reviewDue(householdId);
    expect(due!.dueOn).toBe(addYears(approvedOn, 1));
    expect(due!.detail).toContain('First review since approval');
    expect(await db.select().from(dueItems).where(eq(dueItems.ruleId, 'reviews.feedback-returned'))).toEqual([]);

    const [entry] = await audited('household', householdId, 'cancel');
    expect(entry!.detail).toMatchObject({
      part: 'annual-review',
      reviewId,
      startedOn: today,
      reason: 'Started for the wrong household',
      contributions: 1,
      links: 1,
    });

    const again = await reviewer.post(`/households/${householdId}/reviews/new`, { kind: 'annual' });
    expect(again.statusCode).toBe(303);
  });

  it('refuses a completed review, and a review out of the user’s reach', async () => {
    const completed = await makeReview(t.database.db, {
      householdId,
      startedOn: addDays(today, -50),
      reviewedOn: addDays(today, -40),
    });
    expect((await reviewer.get(`/reviews/${completed.id}/cancel`)).statusCode).toBe(403);
    const restricted = await makeHousehold(t.database.db, { statusSince: approvedOn, restricted: true });
    const hidden = await makeReview(t.database.db, { householdId: restricted.id, startedOn: today });
    expect((await reviewer.get(`/reviews/${hidden.id}/cancel`)).statusCode).toBe(404);
    expect((await reviewer.post(`/reviews/${hidden.id}/cancel`, { reason: 'No' })).statusCode).toBe(404);
  });
});

describe('correcting a completed review', () => {
  let householdId: string;
  let reviewId: string;
  const approvedOn = addDays(today, -400);
  const reviewedOn = addDays(today, -30);
  const form = {
    outcome: 'continue',
    summary: 'Warm, stable care',
    childrenSummary: '',
    pdpUpdated: 'yes',
  };

  beforeAll(async () => {
    const household = await makeHousehold(t.database.db, { statusSince: approvedOn, name: 'Rowan' });
    householdId = household.id;
    const review = await makeReview(t.database.db, {
      householdId,
      startedOn: addDays(today, -45),
      reviewedOn,
      dueOn: addYears(approvedOn, 1),
    });
    reviewId = review.id;
  });

  it('is offered on the review page to those who run reviews, on its form filled in', async () => {
    expect((await reviewer.get(`/reviews/${reviewId}`)).body).toContain(`href="/reviews/${reviewId}/correct"`);
    expect((await manager.get(`/reviews/${reviewId}`)).body).not.toContain('Correct this review');
    expect((await manager.get(`/reviews/${reviewId}/correct`)).statusCode).toBe(403);
    const page = await reviewer.get(`/reviews/${reviewId}/correct`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Correct the review');
    expect(page.body).toContain(`value="${Number(reviewedOn.slice(8))}"`);
    expect(page.body).toMatch(/value="continue"\s+checked/);
  });

  it('keeps what was typed when the reason is missing, and refuses a move onto the panel', async () => {
    const missing = await reviewer.post(`/reviews/${reviewId}/correct`, {
      ...form,
      ...dateBoxes('reviewedOn', addDays(today, -20)),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter why the review is being corrected');
    expect(missing.body).toContain('Warm, stable care');
    const panel = await reviewer.post(`/reviews/${reviewId}/correct`, {
      ...form,
      outcome: 'refer_to_panel',
      outcomeDetail: 'Concerns',
      reason: 'Wrong outcome',
      ...dateBoxes('reviewedOn', reviewedOn),
    });
    expect(panel.statusCode).toBe(400);
    expect(panel.body).toContain('did not go to the fostering panel');
    const future = await reviewer.post(`/reviews/${reviewId}/correct`, {
      ...form,
      reason: 'Typo',
      ...dateBoxes('reviewedOn', addDays(today, 3)),
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('must be today or in the past');
  });

  it('moves the next review due (and the review started since), auditing what it said and why', async () => {
    const db = t.database.db;
    expect((await reviewDue(householdId))[0]!.dueOn).toBe(addYears(reviewedOn, 1));
    const started = await reviewer.post(`/households/${householdId}/reviews/new`, { kind: 'annual' });
    const nextId = /\/reviews\/([0-9a-f-]{36})/.exec(started.headers.location as string)![1]!;
    const corrected = addDays(today, -20);
    const saved = await reviewer.post(`/reviews/${reviewId}/correct`, {
      ...form,
      reason: 'The meeting was moved; the old date was entered',
      ...dateBoxes('reviewedOn', corrected),
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/reviews/${reviewId}?done=corrected`);
    const page = await reviewer.get(saved.headers.location as string);
    expect(page.body).toContain('Review corrected');
    expect(page.body).toContain(formatDate(corrected));

    expect((await reviewDue(householdId))[0]!.dueOn).toBe(addYears(corrected, 1));
    const [next] = await db.select().from(annualReviews).where(eq(annualReviews.id, nextId));
    expect(next!.dueOn).toBe(addYears(corrected, 1));
    const list = await reviewer.get(`/households/${householdId}/reviews`);
    expect(list.body).toContain(formatDate(corrected));

    const [entry] = await audited('annual-review', reviewId, 'update');
    expect(entry!.detail).toMatchObject({
      part: 'review-outcome',
      changed: ['reviewedOn', 'summary', 'pdpUpdated'],
      before: { reviewedOn, outcome: 'continue', summary: null },
      reason: 'The meeting was moved; the old date was entered',
    });
  });

  it('emails the carers the corrected report when their copy was emailed, and only then', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { statusSince: approvedOn, name: 'Hazel' });
    await makeCarer(db, household.id, { firstName: 'Kit', lastName: 'Hazel', email: 'kit.hazel@example.test' });
    // A carer who has left the household is sent neither report.
    await makeCarer(db, household.id, {
      firstName: 'Lee',
      lastName: 'Hazel',
      email: 'lee.hazel@example.test',
      leftOn: '2026-01-15',
    });
    const review = async () => {
      const made = await makeReview(db, { householdId: household.id, startedOn: addDays(today, -45), reviewedOn });
      await db
        .update(annualReviews)
        .set({ commentsDueOn: addDays(reviewedOn, 28) })
        .where(eq(annualReviews.id, made.id));
      return made.id;
    };
    const reports = (id: string) =>
      db
        .select()
        .from(reviewMessages)
        .where(and(eq(reviewMessages.reviewId, id), eq(reviewMessages.purpose, 'report')));
    const correct = (id: string) =>
      reviewer.post(`/reviews/${id}/correct`, {
        ...form,
        summary: 'Warm, stable care; the respite plan agreed',
        reason: 'The respite plan was left out',
        ...dateBoxes('reviewedOn', reviewedOn),
      });

    // Their copy went by email: the corrected copy follows it (kept in the outbox here, with no mail server).
    const emailed = await review();
    await db.insert(reviewMessages).values({
      reviewId: emailed,
      purpose: 'report',
      recipients: ['kit.hazel@example.test'],
      subject: `Your annual review report (${formatDate(reviewedOn)})`,
      body: 'The report of your review',
      status: 'sent',
      sentAt: new Date(),
    });
    expect((await reviewer.get(`/reviews/${emailed}/correct`)).body).toContain(
      'If the carers were emailed their copy of the report, the corrected copy is emailed to them too.',
    );
    expect((await correct(emailed)).statusCode).toBe(303);
    const [, again] = await reports(emailed);
    expect(again).toMatchObject({
      status: 'held',
      recipients: ['kit.hazel@example.test'],
      subject: `Your corrected annual review report (${formatDate(reviewedOn)})`,
    });
    expect(again!.body).toContain('has been corrected');
    expect(again!.body).toContain('replaces the one we sent you before');
    // The 28 days to comment have passed: the carers are told how to say what is not right instead.
    expect(again!.body).toContain('If anything in it is not right, tell your reviewing officer');
    expect((await audited('annual-review', emailed, 'update'))[0]!.detail).toMatchObject({ report: 'sent again' });

    // Never emailed (no message, or one kept in the outbox): nothing is sent.
    const never = await review();
    expect((await correct(never)).statusCode).toBe(303);
    expect(await reports(never)).toEqual([]);
  });

  it('refuses a review out of the user’s reach, and one still gathering', async () => {
    const restricted = await makeHousehold(t.database.db, { statusSince: approvedOn, restricted: true });
    const hidden = await makeReview(t.database.db, {
      householdId: restricted.id,
      startedOn: addDays(today, -10),
      reviewedOn: addDays(today, -5),
    });
    expect((await reviewer.get(`/reviews/${hidden.id}/correct`)).statusCode).toBe(404);
    const open = await makeReview(t.database.db, { householdId: restricted.id, startedOn: today });
    expect((await reviewer.get(`/reviews/${open.id}/correct`)).statusCode).toBe(404);
    const [gathering] = await t.database.db
      .select()
      .from(annualReviews)
      .where(and(eq(annualReviews.householdId, householdId), eq(annualReviews.status, 'gathering')));
    expect((await reviewer.get(`/reviews/${gathering!.id}/correct`)).statusCode).toBe(403);
  });
});
