/** The review shows the carers' year from the training records: courses, events, days against 3, the PDP. */
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeCarer, makeHousehold } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { attended, attendEvent, courseIn, makeEvent, makePlan } from '../training/test-support.ts';
import { householdYear } from '../../platform/modules/household-year.ts';
import { makeReview } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();

describe('the carers’ year on the annual review', () => {
  it('lists the year’s courses, events and PDP oldest first, then each carer’s days against the 3 expected', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { statusSince: addDays(today, -700), name: 'Fenwick' });
    const sam = await makeCarer(db, household.id, { firstName: 'Sam', lastName: 'Fenwick' });
    const alex = await makeCarer(db, household.id, { firstName: 'Alex', lastName: 'Fenwick' });
    await attended(db, sam.id, (await courseIn(db, 'lgbt')).id, addDays(today, -100));
    await attended(db, sam.id, (await courseIn(db, 'lgbt')).id, addDays(today, -400)); // before the year
    const weekend = await makeEvent(db, addDays(today, -50), addDays(today, -49));
    await attendEvent(db, weekend.id, { carerId: sam.id });
    await makePlan(db, alex.id, addDays(today, -20));

    const year = await householdYear(db, household.id, addDays(today, -364), today);
    expect(year.map((e) => [e.kind, e.who, e.on, e.title, e.amount ?? null])).toEqual([
      ['course', 'Sam Fenwick', addDays(today, -100), 'Introduction to LGBT+ young people', '3 hours'],
      ['participation', 'Sam Fenwick', addDays(today, -50), 'Participation event: Fun day', '2 days'],
      ['pdp', 'Alex Fenwick', addDays(today, -20), 'Personal development plan agreed', null],
      ['participation-days', 'Sam Fenwick', today, 'Participation in the year: 2 days of the 3 expected', null],
      ['participation-days', 'Alex Fenwick', today, 'Participation in the year: 0 days of the 3 expected', null],
    ]);

    // The reviewing officer sees them on the review, not retyped.
    const reviewer = await signedIn(t.app, 'reviewer');
    const started = await reviewer.post(`/households/${household.id}/reviews/new`, { kind: 'annual' });
    expect(started.statusCode).toBe(303);
    const page = await reviewer.get(started.headers.location as string);
    expect(page.body).toContain('Introduction to LGBT+ young people');
    expect(page.body).toContain('Participation in the year: 2 days of the 3 expected');
  });

  it('while the review gathers, its page and the report so far both show the year up to today', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { statusSince: addDays(today, -900), name: 'Okafor' });
    const ada = await makeCarer(db, household.id, { firstName: 'Ada', lastName: 'Okafor' });
    const review = await makeReview(db, { householdId: household.id, startedOn: addDays(today, -30) });
    const firstAid = await courseIn(db, 'first_aid');
    await attended(db, ada.id, firstAid.id, addDays(today, -10)); // since the review started
    await attended(db, ada.id, (await courseIn(db, 'lgbt')).id, addDays(today, -380)); // a year before today

    const reviewer = await signedIn(t.app, 'reviewer');
    const page = await reviewer.get(`/reviews/${review.id}`);
    expect(page.statusCode).toBe(200);
    // Once in the page's list, once in "What has been gathered so far"; the older course in neither.
    expect(page.body.split(firstAid.title).length - 1).toBe(2);
    expect(page.body).not.toContain('Introduction to LGBT+ young people');
  });
});
