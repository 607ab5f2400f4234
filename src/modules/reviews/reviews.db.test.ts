/**
 * An annual review from start to report, through the pages: the reviewing officer starts it, a
 * child and their social worker answer through links without an account (once), dates out of
 * order are refused, the review is completed and goes to panel, and the carers read their copy
 * (without the child's words) and comment.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Agent, signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeCarer, makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { addDays, addYears, todayInLondon } from '../../platform/dates/index.ts';
import { users } from '../../platform/auth/tables.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { formatDate } from '../../platform/views/format.ts';
import { carers } from '../households/tables.ts';
import { firstReviewsWaitingForPanel } from './panel.ts';
import { annualReviews, reviewContributions, reviewLinks } from './tables.ts';

const t = testAppForFile();
const today = todayInLondon();
const dateBoxes = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};

let householdId: string;
/** The household's reference (H-…), which the child's form must not show. */
let householdReference: string;
let childId: string;
let reviewer: Agent;

beforeAll(async () => {
  const db = t.database.db;
  const household = await makeHousehold(db, { statusSince: addDays(today, -300), name: 'Quill' });
  householdId = household.id;
  householdReference = household.reference;
  await makeCarer(db, householdId, { firstName: 'Morgan', lastName: 'Quill', email: 'morgan.quill@example.com' });
  await makeCarer(db, householdId, { firstName: 'Ash', lastName: 'Quill' });
  const child = await makeChild(db, { firstName: 'Robin', lastName: 'Testchild', dateOfBirth: addYears(today, -10) });
  childId = child.id;
  await makePlacement(db, { childId, householdId, startDate: addDays(today, -200) });
  reviewer = await signedIn(t.app, 'reviewer');
});

/** The secret of a link from the "Link made" page. */
function secretOn(html: string): string {
  const match = /\/r\/([0-9A-Z]{4}(?:-[0-9A-Z]{1,4}){6})/.exec(html);
  if (!match) throw new Error('no link on the page');
  return match[1]!;
}

async function makeLinkFor(kind: string) {
  const page = await reviewer.get(`/reviews/${await reviewId()}/links/new?kind=${kind}&childId=${childId}`);
  expect(page.statusCode).toBe(200);
  const made = await reviewer.post(`/reviews/${await reviewId()}/links/new`, { kind, childId, delivery: 'handed' });
  expect(made.statusCode).toBe(200);
  expect(made.headers['cache-control']).toBe('no-store');
  expect(made.body).toContain('data:image/svg+xml;base64,');
  return secretOn(made.body);
}

async function reviewId(): Promise<string> {
  const [row] = await t.database.db.select().from(annualReviews).where(eq(annualReviews.householdId, householdId));
  return row!.id;
}

describe('an annual review, from start to report', () => {
  it('is started by the reviewing officer, noting the child placed and the first review', async () => {
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/households/${householdId}/reviews/new`)).statusCode).toBe(403);
    const list = await reviewer.get(`/households/${householdId}/reviews`);
    expect(list.body).toContain('a year after approval');
    const started = await reviewer.post(`/households/${householdId}/reviews/new`, { kind: 'annual' });
    expect(started.statusCode).toBe(303);
    const page = await reviewer.get(started.headers.location as string);
    expect(page.body).toContain('Robin Testchild');
    expect(page.body).toContain('8 to 12 form');
    expect(page.body).toContain('Gathering views');
    // A second review cannot start while one is under way.
    const again = await reviewer.post(`/households/${householdId}/reviews/new`, { kind: 'annual' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('already under way');
  });

  it('refuses an extra review without its reason', async () => {
    const other = await makeHousehold(t.database.db);
    const response = await reviewer.post(`/households/${other.id}/reviews/new`, { kind: 'extra' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Select why an extra review is needed');
  });

  it('takes the child’s views through a link without an account, once, showing only the carers’ first names', async () => {
    const secret = await makeLinkFor('child_views');
    const [stored] = await t.database.db.select().from(reviewLinks).where(eq(reviewLinks.childId, childId));
    expect(stored!.tokenHash).not.toContain(secret.replace(/-/g, ''));
    const child = new Agent(t.app);
    const form = await child.get(`/r/${secret.toLowerCase()}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Morgan and Ash');
    // Not 'H-' alone: the form's random CSRF token can hold those two characters.
    for (const hidden of ['Quill', 'Robin', 'Orchard Lane', householdReference, 'Main menu']) {
      expect(form.body).not.toContain(hidden);
    }
    const empty = await child.post(`/r/${secret}`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Answer at least one question before you send it');
    const sent = await child.post(`/r/${secret}`, { safe: '4', best: 'The dog', helped: 'yes', helper: 'My teacher' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/r/thank-you');
    // Sent again (the back button, a second tab): not kept twice, and the link shows nothing.
    const twice = await child.post(`/r/${secret}`, { safe: '1' });
    expect(twice.statusCode).toBe(410);
    expect(twice.body).toContain('This link does not work');
    expect(twice.body).not.toContain('Morgan');
    const kept = await t.database.db
      .select()
      .from(reviewContributions)
      .where(eq(reviewContributions.kind, 'child_views'));
    expect(kept.filter((c) => c.childId === childId)).toHaveLength(1);
    expect(kept.find((c) => c.childId === childId)!.answers.scales).toEqual({ safe: 4 });
  });

  it('shows an unknown or expired link as the same clear page', async () => {
    const visitor = new Agent(t.app);
    const unknown = await visitor.get('/r/AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GG');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('This link does not work');
    const secret = await makeLinkFor('social_worker_feedback');
    await t.database.db
      .update(reviewLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(reviewLinks.kind, 'social_worker_feedback'));
    const expired = await visitor.get(`/r/${secret}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This link does not work');
  });

  it('takes the social worker’s feedback through a new link', async () => {
    const secret = await makeLinkFor('social_worker_feedback');
    const sw = new Agent(t.app);
    const form = await sw.get(`/r/${secret}`);
    expect(form.body).toContain('Feedback about foster carers Morgan and Ash');
    const missing = await sw.post(`/r/${secret}`, { name: 'Chris Okafor' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Choose how well the placement meets the child’s needs');
    const sent = await sw.post(`/r/${secret}`, {
      rating: '4',
      needs: 'Well met',
      plan: 'Supports family time',
      working: 'Keeps me informed',
      name: 'Chris Okafor',
    });
    expect(sent.statusCode).toBe(303);
    const page = await reviewer.get(`/reviews/${await reviewId()}`);
    expect(page.body).toContain('Chris Okafor, children’s social worker');
    expect(page.body).toContain('Very good');
  });

  it('records the carers’ report, refusing a date in the future', async () => {
    const url = `/reviews/${await reviewId()}/record/carer-report`;
    const form = { givenBy: 'Morgan and Ash Quill', year: 'A good year', support: 'The support group' };
    const future = await reviewer.post(url, { ...form, ...dateBoxes('receivedOn', addDays(today, 2)) });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The date must be today or in the past');
    expect(future.body).toContain('href="#receivedOn-day"');
    const saved = await reviewer.post(url, { ...form, ...dateBoxes('receivedOn', today) });
    expect(saved.statusCode).toBe(303);
  });

  it('records a check renewed as the household’s own check, whose it is, so its renewal deadline moves', async () => {
    const db = t.database.db;
    const id = await reviewId();
    const [morgan] = await db
      .select()
      .from(carers)
      .where(and(eq(carers.householdId, householdId), eq(carers.firstName, 'Morgan')));
    const form = await reviewer.get(`/reviews/${id}/checks`);
    expect(form.body).toContain('Whose check is it?');
    expect(form.body).toContain('Morgan Quill (carer)');

    // A DBS check is a person's: asked whose, and what it found, keeping what was typed.
    const checkedOn = addDays(today, -10);
    const unnamed = await reviewer.post(`/reviews/${id}/checks`, {
      kind: 'dbs',
      ...dateBoxes('checkedOn', checkedOn),
      note: 'Certificate 0012',
    });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.body).toContain('Select whose check this is');
    expect(unnamed.body).toContain('Select whether the outcome was satisfactory');
    expect(unnamed.body).toContain('value="Certificate 0012"');

    const dbsRenewals = () =>
      db
        .select({ dueOn: dueItems.dueOn, detail: dueItems.detail })
        .from(dueItems)
        .where(and(eq(dueItems.ruleId, 'households.dbs-check-renewal'), eq(dueItems.recordId, householdId)));
    expect(await dbsRenewals()).toEqual([]);
    const saved = await reviewer.post(`/reviews/${id}/checks`, {
      kind: 'dbs',
      person: `carer:${morgan!.id}`,
      ...dateBoxes('checkedOn', checkedOn),
      satisfactory: 'yes',
      note: 'Certificate 0012',
    });
    expect(saved.statusCode).toBe(303);
    // The household's own record holds it: the renewal is due 3 years on, in the same transaction.
    expect(await dbsRenewals()).toEqual([
      { dueOn: addYears(checkedOn, 3), detail: 'DBS check of Morgan Quill (carer)' },
    ]);
    const household = await reviewer.get(`/households/${householdId}`);
    expect(household.body).toContain(formatDate(addYears(checkedOn, 3)));

    // The health and safety check is of the home: nobody to name. Not satisfactory: say why.
    const home = { kind: 'health_and_safety', ...dateBoxes('checkedOn', today), satisfactory: 'no' };
    const why = await reviewer.post(`/reviews/${id}/checks`, home);
    expect(why.statusCode).toBe(400);
    expect(why.body).toContain('Say what was not satisfactory');
    expect(why.body).not.toContain('Select whose check this is');
    expect(
      (await reviewer.post(`/reviews/${id}/checks`, { ...home, outcome: 'No smoke alarm upstairs' })).statusCode,
    ).toBe(303);
    const page = await reviewer.get(`/reviews/${id}`);
    expect(page.body).toContain(`DBS check of Morgan Quill: ${formatDate(checkedOn)} (Certificate 0012)`);
    expect(page.body).toContain(
      `Health and safety check of the home: ${formatDate(today)} (not satisfactory: No smoke alarm upstairs)`,
    );
  });

  it('is completed with dates in order, goes to panel and sends the carers their copy', async () => {
    const id = await reviewId();
    const form = {
      outcome: 'continue',
      summary: 'Approval continues.',
      pdpUpdated: 'yes',
      childrenSummary: 'Robin feels safe.',
    };
    const before = await reviewer.post(`/reviews/${id}/complete`, {
      ...form,
      ...dateBoxes('reviewedOn', addDays(today, -1)),
    });
    expect(before.statusCode).toBe(400);
    expect(before.body).toContain('must be on or after');
    const done = await reviewer.post(`/reviews/${id}/complete`, { ...form, ...dateBoxes('reviewedOn', today) });
    expect(done.statusCode).toBe(303);
    const page = await reviewer.get(`/reviews/${id}`);
    expect(page.body).toContain('To panel');
    expect(page.body).toContain('the first review since approval always goes to panel');
    expect(page.body).toContain('What is the best thing about living here?');
    expect((await firstReviewsWaitingForPanel(t.database.db)).map((r) => r.reviewId)).toContain(id);
    const pdf = await reviewer.get(`/reviews/${id}/report.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const docx = await reviewer.get(`/reviews/${id}/report.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('lets the carers read their copy without the child’s words, and comment once', async () => {
    const db = t.database.db;
    const carerId = await userIdByUsername(db, 'carer');
    const [carerUser] = await db.select().from(users).where(eq(users.id, carerId));
    await db.update(users).set({ householdId }).where(eq(users.id, carerId));
    try {
      const carer = await signedIn(t.app, 'carer');
      const list = await carer.get('/portal/reviews');
      expect(list.statusCode).toBe(200);
      const id = await reviewId();
      const copy = await carer.get(`/portal/reviews/${id}`);
      expect(copy.statusCode).toBe(200);
      expect(copy.body).toContain('Robin feels safe.');
      expect(copy.body).toContain('A child’s own words are not shared with the carers');
      expect(copy.body).not.toContain('The dog');
      expect(copy.body).not.toContain('My teacher');
      const sent = await carer.post(`/portal/reviews/${id}/comment`, { comment: 'We agree.' });
      expect(sent.statusCode).toBe(303);
      const again = await carer.post(`/portal/reviews/${id}/comment`, { comment: 'And more.' });
      expect(again.statusCode).toBe(400);
      const [row] = await db.select().from(annualReviews).where(eq(annualReviews.id, id));
      expect(row!.carerComment).toBe('We agree.');
      // The list reads "Annual review, 6 December 2026: you commented on …", no space before the colon.
      expect((await carer.get('/portal/reviews')).body).toMatch(/<\/a><span class="govuk-body-s">: you commented on /);
    } finally {
      await db.update(users).set({ householdId: carerUser!.householdId }).where(eq(users.id, carerId));
    }
  });
});
