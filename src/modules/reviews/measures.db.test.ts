/** Each annual review measure on a small fixture, the right answer worked out by hand (September 2026). */
import { describe, expect, it } from 'vitest';
import { makeChild } from '../../../test/support/children.ts';
import { pauseHousehold } from '../../../test/support/households.ts';
import { addDays } from '../../platform/dates/index.ts';
import { measureFixture } from '../../../test/support/measures.ts';
import {
  firstReviewsToPanel,
  pausedHouseholdsReviewed,
  reviewsOnTime,
  reviewsWithChildrensViews,
  reviewsWithSocialWorkerFeedback,
} from './measures.ts';
import { makeReview } from './test-support.ts';

// September 2026, seen from December: reviews whose meeting fell from 1 to 30 September.
const { db, rowsFor, approvedHousehold } = measureFixture('2026-09', '2026-12-01');

const household = () => approvedHousehold('2024-01-08');

describe('annual reviews on time', () => {
  it('counts annual reviews held in September, on time when held on or before their due date', async () => {
    const onTheDay = await makeReview(db(), {
      householdId: (await household()).id,
      startedOn: '2026-08-20',
      dueOn: '2026-09-15',
      reviewedOn: '2026-09-15',
    });
    const dayLate = await makeReview(db(), {
      householdId: (await household()).id,
      startedOn: '2026-08-20',
      dueOn: '2026-09-10',
      reviewedOn: '2026-09-11',
    });
    const early = await makeReview(db(), {
      householdId: (await household()).id,
      startedOn: '2026-08-01',
      dueOn: '2026-10-30',
      reviewedOn: '2026-09-01',
    });
    // Not counted: an extra review, one held in October, one still gathering views.
    const extra = await makeReview(db(), {
      householdId: (await household()).id,
      kind: 'extra',
      startedOn: '2026-09-01',
      reviewedOn: '2026-09-20',
    });
    const october = await makeReview(db(), {
      householdId: (await household()).id,
      startedOn: '2026-09-01',
      dueOn: '2026-09-20',
      reviewedOn: '2026-10-01',
    });
    const gathering = await makeReview(db(), {
      householdId: (await household()).id,
      startedOn: '2026-09-01',
      dueOn: '2026-09-20',
    });
    const ids = [onTheDay, dayLate, early, extra, october, gathering].map((r) => r.id);
    // 2 of the 3 annual reviews held in September were on time: 67%.
    expect(await rowsFor(reviewsOnTime, ids)).toEqual([
      [onTheDay.id, true],
      [dayLate.id, false],
      [early.id, true],
    ]);
  });
});

describe('reviews with every placed child’s views, and with their social workers’ feedback', () => {
  it('counts the reviews held in September with a child placed, met when every child gave', async () => {
    const c = await Promise.all([1, 2, 3, 4, 5].map(() => makeChild(db())));
    const held = (children: NonNullable<Parameters<typeof makeReview>[1]['children']>) =>
      household().then((h) =>
        makeReview(db(), { householdId: h.id, startedOn: '2026-08-25', reviewedOn: '2026-09-22', children }),
      );
    const everyone = await held([
      { childId: c[0]!.id, gave: ['child_views', 'social_worker_feedback'] },
      { childId: c[1]!.id, gave: ['child_views', 'social_worker_feedback'] },
    ]);
    const oneOfTwo = await held([
      { childId: c[2]!.id, gave: ['child_views', 'social_worker_feedback'] },
      { childId: c[3]!.id },
    ]);
    const workerOnly = await held([{ childId: c[4]!.id, gave: ['social_worker_feedback'] }]);
    const noChild = await held([]);
    const ids = [everyone, oneOfTwo, workerOnly, noChild].map((r) => r.id);
    // Children's views: only the first of the 3 reviews with a child placed has every child's (33%).
    expect(await rowsFor(reviewsWithChildrensViews, ids)).toEqual([
      [everyone.id, true],
      [oneOfTwo.id, false],
      [workerOnly.id, false],
    ]);
    // Social workers' feedback: the first and the third have it for every child (67%).
    expect(await rowsFor(reviewsWithSocialWorkerFeedback, ids)).toEqual([
      [everyone.id, true],
      [oneOfTwo.id, false],
      [workerOnly.id, true],
    ]);
  });
});

describe('first reviews presented to panel', () => {
  it('counts first reviews held in September, met when presented to panel by 30 September', async () => {
    const review = async (presentedToPanelOn: string | null, firstReview = true) =>
      makeReview(db(), {
        householdId: (await household()).id,
        startedOn: '2026-08-10',
        reviewedOn: '2026-09-08',
        firstReview,
        presentedToPanelOn,
      });
    const presented = await review('2026-09-25');
    const october = await review('2026-10-08');
    const waiting = await review(null);
    const notFirst = await review(null, false);
    const ids = [presented, october, waiting, notFirst].map((r) => r.id);
    // 1 of the 3 first reviews was presented by 30 September: 33%.
    expect(await rowsFor(firstReviewsToPanel, ids)).toEqual([
      [presented.id, true],
      [october.id, false],
      [waiting.id, false],
    ]);
  });
});

describe('households on hold or inactive with their approval reviewed in time', () => {
  it('counts the households on hold or inactive on 30 September, met when no review was overdue that day', async () => {
    const reviewed = (h: { id: string }, reviewedOn: string) =>
      makeReview(db(), { householdId: h.id, startedOn: addDays(reviewedOn, -20), reviewedOn });
    const paused = async (approvedOn: string, status: 'on_hold' | 'inactive', since: string) => {
      const h = await approvedHousehold(approvedOn);
      await pauseHousehold(db(), h, status, since);
      return h;
    };
    // Last reviewed 1 March 2025, on hold from May: the next was due by 1 March 2026, overdue.
    const lapsed = await approvedHousehold('2024-01-08');
    await reviewed(lapsed, '2025-03-01');
    await pauseHousehold(db(), lapsed, 'on_hold', '2026-05-01');
    // Approved 20 October 2025, inactive from June, never reviewed: first due by 20 October 2026.
    const firstYear = await paused('2025-10-20', 'inactive', '2026-06-01');
    // Last reviewed 30 September 2025: due on 30 September 2026 itself, not yet overdue.
    const onTheDay = await approvedHousehold('2024-01-08');
    await reviewed(onTheDay, '2025-09-30');
    await pauseHousehold(db(), onTheDay, 'on_hold', '2026-08-01');
    // Reviewed late, on 5 October 2026: still overdue on 30 September.
    const late = await approvedHousehold('2024-01-08');
    await reviewed(late, '2025-03-01');
    await pauseHousehold(db(), late, 'inactive', '2026-02-01');
    await reviewed(late, '2026-10-05');
    // Not counted: on hold only from October, and an approved household.
    const october = await paused('2024-01-08', 'on_hold', '2026-10-10');
    const approved = await approvedHousehold('2024-01-08');
    const ids = [lapsed, firstYear, onTheDay, late, october, approved].map((h) => h.id);
    // 2 of the 4 households on hold or inactive on 30 September had no review overdue: 50%.
    expect(await rowsFor(pausedHouseholdsReviewed, ids)).toEqual([
      [lapsed.id, false],
      [firstYear.id, true],
      [onTheDay.id, true],
      [late.id, false],
    ]);
  });
});
