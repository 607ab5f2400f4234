/** Each training and participation measure on a small fixture, the answer worked out by hand (September 2026). */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeCarer } from '../../../test/support/households.ts';
import { measureFixture } from '../../../test/support/measures.ts';
import { measureRecords } from '../../platform/measures/index.ts';
import { carers } from '../households/tables.ts';
import {
  childrenAttending,
  coreFirstYear,
  coreSecondYear,
  cseForCarersOf11Plus,
  currentPdp,
  noTraining12,
  noTraining6,
  participationThreeDays,
  tsdOnTime,
} from './measures.ts';
import { attended, attendEvent, coreCourses, courseIn, makeEvent, makePlan, makeTsd } from './test-support.ts';

// September 2026, seen from December: counted as at its last day, Wednesday 30 September 2026.
const { db, period, rowsFor, approvedHousehold, carerApproved, childPlaced } = measureFixture('2026-09', '2026-12-01');

describe('carers with a current personal development plan', () => {
  it('counts the latest plan agreed by 30 September whose review date is not past', async () => {
    const current = await carerApproved('2024-01-08');
    await makePlan(db(), current.id, '2025-10-01'); // review by 1 October 2026
    const past = await carerApproved('2024-01-08');
    await makePlan(db(), past.id, '2025-09-29'); // review by 29 September 2026: past
    const none = await carerApproved('2024-01-08');
    const later = await carerApproved('2024-01-08');
    await makePlan(db(), later.id, '2026-10-05'); // agreed after the day
    const renewed = await carerApproved('2024-01-08');
    await makePlan(db(), renewed.id, '2024-01-10');
    await makePlan(db(), renewed.id, '2026-09-30');
    // Approved on 19 August: the first plan is due on 30 September (6 weeks), not yet overdue, so not counted.
    const newCarer = await carerApproved('2026-08-19');
    // 2 of 5: 40%.
    expect(
      await rowsFor(
        currentPdp,
        [current, past, none, later, renewed, newCarer].map((c) => c.id),
      ),
    ).toEqual([
      [current.id, true],
      [past.id, false],
      [none.id, false],
      [later.id, false],
      [renewed.id, true],
    ]);
  });
});

describe('carers who have left their household', () => {
  it('are counted while they lived there: not after the day they left', async () => {
    const stays = await carerApproved('2024-01-08');
    await makePlan(db(), stays.id, '2025-10-01');
    // Left on 15 September, before the day: no longer one of the service's carers, so not counted.
    const gone = await approvedHousehold('2024-01-08');
    await makeCarer(db(), gone.id);
    const leftBefore = await makeCarer(db(), gone.id, { leftOn: '2026-09-15' });
    // Left on 10 October, after the day: one of the carers on 30 September, counted.
    const leftAfter = await carerApproved('2024-01-08');
    await db().update(carers).set({ leftOn: '2026-10-10' }).where(eq(carers.id, leftAfter.id));
    expect(
      await rowsFor(
        currentPdp,
        [stays, leftBefore, leftAfter].map((c) => c.id),
      ),
    ).toEqual([
      [stays.id, true],
      [leftAfter.id, false],
    ]);
    expect(
      await rowsFor(
        noTraining12,
        [stays, leftBefore, leftAfter].map((c) => c.id),
      ),
    ).toEqual([
      [stays.id, true],
      [leftAfter.id, true],
    ]);
  });
});

describe('carers with the TSD standards evidenced within 12 months (18 for family and friends)', () => {
  it('counts deadlines in the 12 months to 30 September, the still outstanding, and the early', async () => {
    const onTime = await carerApproved('2025-06-01'); // deadline 1 June 2026, in the window
    await makeTsd(db(), onTime.id, '2026-05-20');
    const late = await carerApproved('2025-06-01');
    await makeTsd(db(), late.id, '2026-07-01');
    // Family and friends: deadline 1 December 2026, still to come and not evidenced: not counted.
    const notYet = await carerApproved('2025-06-01', 'family_and_friends');
    // Family and friends, evidenced early by attending a session of the TSD course: counted, on time.
    const early = await carerApproved('2025-06-01', 'family_and_friends');
    await attended(db(), early.id, (await courseIn(db(), 'tsd')).id, '2026-08-10');
    // Deadline 1 January 2021, never evidenced: still counted against the service.
    const outstanding = await carerApproved('2020-01-01');
    // Deadline 1 January 2021, evidenced late in 2022: no longer counted.
    const longAgo = await carerApproved('2020-01-01');
    await makeTsd(db(), longAgo.id, '2022-01-01');
    // Evidenced after the day: as at 30 September, not evidenced.
    const afterDay = await carerApproved('2025-06-01');
    await makeTsd(db(), afterDay.id, '2026-10-10');
    const ids = [onTime, late, notYet, early, outstanding, longAgo, afterDay].map((c) => c.id);
    // 2 of 5: 40%.
    expect(await rowsFor(tsdOnTime, ids)).toEqual([
      [onTime.id, true],
      [late.id, false],
      [early.id, true],
      [outstanding.id, false],
      [afterDay.id, false],
    ]);
  });
});

describe('carers who completed core training within their first and second year of approval', () => {
  it('counts the carers whose anniversary fell in the 12 months to 30 September, complete when every core course is attended', async () => {
    const [a, b, c] = (await coreCourses(db())).map((k) => k.id);
    expect(c).toBeDefined();
    // First year: approved 1 March 2025, anniversary 1 March 2026.
    const inTime = await carerApproved('2025-03-01');
    for (const [course, on] of [
      [a, '2025-01-10'],
      [b, '2025-04-01'],
      [c, '2026-02-27'],
    ] as const) {
      await attended(db(), inTime.id, course!, on);
    }
    const lateOne = await carerApproved('2025-03-01');
    for (const [course, on] of [
      [a, '2025-01-10'],
      [b, '2025-04-01'],
      [c, '2026-03-05'],
    ] as const) {
      await attended(db(), lateOne.id, course!, on);
    }
    const missedOne = await carerApproved('2025-03-01');
    await attended(db(), missedOne.id, a!, '2025-01-10');
    await attended(db(), missedOne.id, b!, '2025-04-01');
    await attended(db(), missedOne.id, c!, '2025-05-01', 'absent'); // booked but did not attend
    // Second year: approved 1 March 2024, second anniversary 1 March 2026.
    const secondInTime = await carerApproved('2024-03-01');
    for (const course of [a, b, c]) await attended(db(), secondInTime.id, course!, '2025-12-01');
    const secondLate = await carerApproved('2024-03-01');
    for (const course of [a, b, c]) await attended(db(), secondLate.id, course!, '2026-04-01');
    const first = [inTime, lateOne, missedOne, secondInTime, secondLate].map((x) => x.id);
    // First year: 1 of 3 (the 2024 carers' first anniversary, 1 March 2025, is outside the window).
    expect(await rowsFor(coreFirstYear, first)).toEqual([
      [inTime.id, true],
      [lateOne.id, false],
      [missedOne.id, false],
    ]);
    // Second year: 1 of 2.
    expect(await rowsFor(coreSecondYear, first)).toEqual([
      [secondInTime.id, true],
      [secondLate.id, false],
    ]);
  });
});

describe('carers with no training in the last 6 and 12 months', () => {
  it('counts carers with no session attended on or after 30 March (6 months) or 30 September 2025 (12 months)', async () => {
    const course = (await courseIn(db(), 'lgbt')).id;
    const onBoundary = await carerApproved('2020-01-06');
    await attended(db(), onBoundary.id, course, '2026-03-30');
    const dayBefore = await carerApproved('2020-01-06');
    await attended(db(), dayBefore.id, course, '2026-03-29');
    const never = await carerApproved('2020-01-06');
    const absent = await carerApproved('2020-01-06');
    await attended(db(), absent.id, course, '2026-09-01', 'absent');
    const afterDay = await carerApproved('2020-01-06');
    await attended(db(), afterDay.id, course, '2026-10-02');
    const yearBoundary = await carerApproved('2020-01-06');
    await attended(db(), yearBoundary.id, course, '2025-09-30');
    const yearBefore = await carerApproved('2020-01-06');
    await attended(db(), yearBefore.id, course, '2025-09-29');
    const ids = [onBoundary, dayBefore, never, absent, afterDay, yearBoundary, yearBefore].map((c) => c.id);
    // 6 months: 5 of 7 had none (lower is better).
    expect(await rowsFor(noTraining6, ids)).toEqual([
      [onBoundary.id, false],
      [dayBefore.id, true],
      [never.id, true],
      [absent.id, true],
      [afterDay.id, true],
      [yearBoundary.id, true],
      [yearBefore.id, true],
    ]);
    // 12 months: 4 of 7.
    expect(await rowsFor(noTraining12, ids)).toEqual([
      [onBoundary.id, false],
      [dayBefore.id, false],
      [never.id, true],
      [absent.id, true],
      [afterDay.id, true],
      [yearBoundary.id, false],
      [yearBefore.id, true],
    ]);
    // Each carer's last training on or before the day, as the page lists it (older ones too).
    const listed = await measureRecords(db(), noTraining6, period);
    const detailOf = (id: string) => listed.find((r) => r.recordId === id)?.detail;
    expect(detailOf(dayBefore.id)).toBe('Last training 29 March 2026');
    expect(detailOf(yearBefore.id)).toBe('Last training 29 September 2025');
    expect(detailOf(afterDay.id)).toBe('No training recorded');
    expect(detailOf(never.id)).toBe('No training recorded');
  });
});

describe('carers of children aged 11 or over with the CSE and missing training', () => {
  it('counts carers with a child 11 or over placed on 30 September, their 3 months over, met when they attended by then', async () => {
    const cse = (await courseIn(db(), 'cse_missing')).id;
    const placedWith = async (dateOfBirth: string, endDate: string | null = null, startDate = '2026-01-05') => {
      const household = await approvedHousehold('2020-01-06');
      await childPlaced(household.id, startDate, { dateOfBirth, endDate });
      return makeCarer(db(), household.id);
    };
    // 11 on 29 June: the training was due by 29 September.
    const trained = await placedWith('2015-06-29');
    await attended(db(), trained.id, cse, '2026-09-30');
    const trainedAfter = await placedWith('2015-06-29');
    await attended(db(), trainedAfter.id, cse, '2026-10-01');
    const elevenOn30June = await placedWith('2015-06-30'); // due by 30 September: not yet overdue, not counted
    const placedInJuly = await placedWith('2012-05-05', null, '2026-07-01'); // due by 1 October: not counted
    const tenYearOld = await placedWith('2015-10-01'); // 10 on the day: not counted
    const moved = await placedWith('2012-05-05', '2026-09-29'); // left before the day: not counted
    // 1 of 2: 50%.
    expect(
      await rowsFor(
        cseForCarersOf11Plus,
        [trained, trainedAfter, elevenOn30June, placedInJuly, tenYearOld, moved].map((c) => c.id),
      ),
    ).toEqual([
      [trained.id, true],
      [trainedAfter.id, false],
    ]);
  });
});

describe('participation: carers with 3 days, children attending', () => {
  it('counts the days of events held from 1 October 2025 to 30 September 2026', async () => {
    const oneDay = await makeEvent(db(), '2025-10-01');
    const twoDays = await makeEvent(db(), '2026-05-01', '2026-05-02');
    const tooEarly = await makeEvent(db(), '2025-09-30');
    const three = await carerApproved('2020-01-06');
    await attendEvent(db(), oneDay.id, { carerId: three.id });
    await attendEvent(db(), twoDays.id, { carerId: three.id });
    const two = await carerApproved('2020-01-06');
    await attendEvent(db(), tooEarly.id, { carerId: two.id });
    await attendEvent(db(), twoDays.id, { carerId: two.id });
    const none = await carerApproved('2020-01-06');
    // 1 of 3: 33%.
    expect(
      await rowsFor(
        participationThreeDays,
        [three, two, none].map((c) => c.id),
      ),
    ).toEqual([
      [three.id, true],
      [two.id, false],
      [none.id, false],
    ]);
  });

  it('counts the children placed on 30 September who attended an event in the 12 months to it', async () => {
    const household = await approvedHousehold('2020-01-06');
    const child = (endDate: string | null = null) => childPlaced(household.id, '2025-01-06', { endDate });
    const went = await child();
    const wentTooEarly = await child();
    const moved = await child('2026-09-01');
    const inJanuary = await makeEvent(db(), '2026-01-10');
    const early = await makeEvent(db(), '2025-09-30');
    await attendEvent(db(), inJanuary.id, { childId: went.id });
    await attendEvent(db(), early.id, { childId: wentTooEarly.id });
    await attendEvent(db(), inJanuary.id, { childId: moved.id });
    // 1 of 2 (the child who moved on is no longer placed on the day).
    expect(
      await rowsFor(
        childrenAttending,
        [went, wentTooEarly, moved].map((c) => c.id),
      ),
    ).toEqual([
      [went.id, true],
      [wentTooEarly.id, false],
    ]);
  });
});
