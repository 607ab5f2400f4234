/** Recording a household member's views at a review: asked for only when there is a member to ask, with messages in words. */
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold, makeMember } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { makeReview } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();

describe('a household member’s views', () => {
  it('explains, instead of a form that would be refused, when no household member is recorded', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const review = await makeReview(db, { householdId: household.id, startedOn: addDays(today, -5) });
    const page = await (await signedIn(t.app, 'reviewer')).get(`/reviews/${review.id}/record/member-views`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No other household members');
    expect(page.body).toContain(`href="/reviews/${review.id}">Back to the review`);
    expect(page.body).not.toContain(`action="/reviews/${review.id}/record/member-views"`);
  });

  it('asks whose views they are in words when none is chosen', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    await makeMember(db, household.id, { firstName: 'Tamsin' });
    const review = await makeReview(db, { householdId: household.id, startedOn: addDays(today, -5) });
    const reviewer = await signedIn(t.app, 'reviewer');
    const form = await reviewer.get(`/reviews/${review.id}/record/member-views`);
    expect(form.body).toContain(`action="/reviews/${review.id}/record/member-views"`);
    expect(form.body).toContain('Tamsin');
    const refused = await reviewer.post(`/reviews/${review.id}/record/member-views`, {
      givenBy: 'Tamsin, at a visit',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Select whose views they are');
    expect(refused.body).not.toContain('Invalid input');
    expect(refused.body).toContain('value="Tamsin, at a visit"');
  });
});
