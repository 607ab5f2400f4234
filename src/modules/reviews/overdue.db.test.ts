/** A review under way: overdue once past its due date, and the one to go to rather than starting another. */
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { makeReview } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
const overdueTag = /govuk-tag--red">\s*Overdue/;

describe('a review under way past its due date', () => {
  it('is marked overdue until it is completed', async () => {
    const db = t.database.db;
    const late = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const lateReview = await makeReview(db, {
      householdId: late.id,
      startedOn: addDays(today, -40),
      dueOn: addDays(today, -3),
    });
    const reviewer = await signedIn(t.app, 'reviewer');
    expect((await reviewer.get(`/reviews/${lateReview.id}`)).body).toMatch(overdueTag);
    expect((await reviewer.get(`/households/${late.id}/reviews`)).body).toMatch(overdueTag);

    const inTime = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const inTimeReview = await makeReview(db, {
      householdId: inTime.id,
      startedOn: addDays(today, -10),
      dueOn: addDays(today, 20),
    });
    expect((await reviewer.get(`/reviews/${inTimeReview.id}`)).body).not.toMatch(overdueTag);
  });

  it('leads from the start form to the review already under way, instead of a form that would be refused', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const reviewer = await signedIn(t.app, 'reviewer');
    expect((await reviewer.get(`/households/${household.id}/reviews/new`)).body).toContain('Start a review');
    const open = await makeReview(db, { householdId: household.id, startedOn: addDays(today, -2) });
    const again = await reviewer.get(`/households/${household.id}/reviews/new`);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(`/reviews/${open.id}`);
  });
});
