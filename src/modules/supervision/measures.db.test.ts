/** Each supervision measure on a small fixture, the right answer worked out by hand (September 2026). */
import { describe, expect, it } from 'vitest';
import { measureFixture } from '../../../test/support/measures.ts';
import { measureRecords } from '../../platform/measures/index.ts';
import {
  childrenSeen,
  householdsSupervised,
  notesWithinFiveDays,
  signedAgreement,
  unannouncedVisit,
} from './measures.ts';
import { makeAgreement, makeSupervision } from './test-support.ts';

// September 2026, seen from December: counted as at its last day, Wednesday 30 September 2026.
const { db, period, rowsFor, approvedHousehold, childPlaced } = measureFixture('2026-09', '2026-12-01');

const approved = () => approvedHousehold('2025-01-06');

describe('households supervised in the last 6 weeks', () => {
  it('counts approved households with a finalised visit on or after 19 August (30 September − 42 days)', async () => {
    const onTheDay = await approved();
    await makeSupervision(db(), { householdId: onTheDay.id, visitDate: '2026-08-19' });
    const dayTooEarly = await approved();
    await makeSupervision(db(), { householdId: dayTooEarly.id, visitDate: '2026-08-18' });
    const draftOnly = await approved();
    await makeSupervision(db(), { householdId: draftOnly.id, visitDate: '2026-09-20', status: 'draft' });
    const afterMonth = await approved();
    await makeSupervision(db(), { householdId: afterMonth.id, visitDate: '2026-10-02' });
    const applicant = await approvedHousehold('2025-01-06', { status: 'applicant' });
    await makeSupervision(db(), { householdId: applicant.id, visitDate: '2026-09-02' });
    const approvedLater = await approvedHousehold('2026-10-05');
    // Approved on 19 August: the first visit is due on 30 September, not yet overdue, so not counted;
    // approved on 18 August and never visited: due on 29 September, missed.
    const firstNotYetDue = await approvedHousehold('2026-08-19');
    const firstOverdue = await approvedHousehold('2026-08-18');
    const ids = [
      onTheDay,
      dayTooEarly,
      draftOnly,
      afterMonth,
      applicant,
      approvedLater,
      firstNotYetDue,
      firstOverdue,
    ].map((h) => h.id);
    // 1 of the 5 households approved at 30 September and due a visit: 20%.
    expect(await rowsFor(householdsSupervised, ids)).toEqual([
      [onTheDay.id, true],
      [dayTooEarly.id, false],
      [draftOnly.id, false],
      [afterMonth.id, false],
      [firstOverdue.id, false],
    ]);
  });
});

describe('supervision notes sent within 5 working days', () => {
  it('counts each visit in the month its deadline falls, skipping the summer bank holiday', async () => {
    const household = await approved();
    const visit = (visitDate: string, notesSentOn: string | null = null) =>
      makeSupervision(db(), { householdId: household.id, visitDate, notesSentOn });
    // Wed 26 August: Thu 27 (1), Fri 28 (2), Mon 31 bank holiday, Tue 1 (3), Wed 2 (4), Thu 3 September (5).
    const onTime = await visit('2026-08-26', '2026-09-03');
    // Mon 24 August: 25 (1), 26 (2), 27 (3), 28 (4), Mon 31 bank holiday, Tue 1 September (5).
    const late = await visit('2026-08-24', '2026-09-02');
    // Fri 21 August: deadline Fri 28 August, counted in August.
    const august = await visit('2026-08-21');
    // Thu 24 September: 25 (1), 28 (2), 29 (3), 30 (4), Thu 1 October (5), counted in October.
    const october = await visit('2026-09-24');
    // Tue 22 September: 23 (1), 24 (2), 25 (3), 28 (4), Tue 29 September (5); never sent.
    const notSent = await visit('2026-09-22');
    const ids = [onTime, late, august, october, notSent].map((s) => s.id);
    // 1 of 3 on time: 33%.
    expect(await rowsFor(notesWithinFiveDays, ids)).toEqual([
      [onTime.id, true],
      [late.id, false],
      [notSent.id, false],
    ]);
  });
});

describe('households with a signed supervision agreement', () => {
  it('counts an agreement signed by 30 September whose review date is not past', async () => {
    const reviewToday = await approved();
    await makeAgreement(db(), reviewToday.id, '2025-09-30'); // review 30 September 2026: current
    const reviewPast = await approved();
    await makeAgreement(db(), reviewPast.id, '2025-09-29'); // review 29 September 2026: past
    const signedLater = await approved();
    await makeAgreement(db(), signedLater.id, '2026-10-01');
    const none = await approved();
    const renewed = await approved();
    await makeAgreement(db(), renewed.id, '2024-06-01');
    await makeAgreement(db(), renewed.id, '2026-06-01');
    const ids = [reviewToday, reviewPast, signedLater, none, renewed].map((h) => h.id);
    // 2 of 5: 40%.
    expect(await rowsFor(signedAgreement, ids)).toEqual([
      [reviewToday.id, true],
      [reviewPast.id, false],
      [signedLater.id, false],
      [none.id, false],
      [renewed.id, true],
    ]);
    // The list says which agreement, as at 30 September: the later of the two renewed, none signed yet.
    const detail = async (id: string) =>
      (await measureRecords(db(), signedAgreement, period)).find((r) => r.recordId === id)?.detail;
    expect(await detail(renewed.id)).toBe('Agreement review date 2027-06-01');
    expect(await detail(reviewPast.id)).toBe('Agreement review date 2026-09-29');
    expect(await detail(signedLater.id)).toBe('No signed agreement');
  });
});

describe('households with an unannounced visit in the last 12 months', () => {
  it('counts a finalised unannounced visit on or after 30 September 2025', async () => {
    const yearToTheDay = await approved();
    await makeSupervision(db(), { householdId: yearToTheDay.id, visitDate: '2025-09-30', announced: false });
    const dayTooEarly = await approved();
    await makeSupervision(db(), { householdId: dayTooEarly.id, visitDate: '2025-09-29', announced: false });
    const announcedOnly = await approved();
    await makeSupervision(db(), { householdId: announcedOnly.id, visitDate: '2026-09-01', announced: true });
    const draft = await approved();
    await makeSupervision(db(), { householdId: draft.id, visitDate: '2026-09-01', announced: false, status: 'draft' });
    // Approved on 30 September 2025: the first unannounced visit is due on 30 September 2026, not counted yet.
    const firstNotYetDue = await approvedHousehold('2025-09-30');
    const ids = [yearToTheDay, dayTooEarly, announcedOnly, draft, firstNotYetDue].map((h) => h.id);
    // 1 of 4: 25%.
    expect(await rowsFor(unannouncedVisit, ids)).toEqual([
      [yearToTheDay.id, true],
      [dayTooEarly.id, false],
      [announcedOnly.id, false],
      [draft.id, false],
    ]);
  });
});

describe('placed children seen in the last 3 months', () => {
  it('counts children placed on 30 September seen at a finalised visit on or after 30 June', async () => {
    const household = await approved();
    const child = (firstName: string, endDate: string | null = null) =>
      childPlaced(household.id, '2026-01-05', { firstName, endDate });
    const seenOnTheDay = await child('Aster');
    const seenTooEarly = await child('Birch');
    const notSeen = await child('Cedar');
    const leftBefore = await child('Dune', '2026-09-15');
    const draftOnly = await child('Elm');
    await makeSupervision(db(), {
      householdId: household.id,
      visitDate: '2026-06-30',
      seen: { [seenOnTheDay.id]: 'seen' },
    });
    await makeSupervision(db(), {
      householdId: household.id,
      visitDate: '2026-06-29',
      seen: { [seenTooEarly.id]: 'seen_alone' },
    });
    await makeSupervision(db(), {
      householdId: household.id,
      visitDate: '2026-09-10',
      seen: { [notSeen.id]: 'not_seen', [leftBefore.id]: 'seen' },
    });
    await makeSupervision(db(), {
      householdId: household.id,
      visitDate: '2026-09-11',
      status: 'draft',
      seen: { [draftOnly.id]: 'seen_alone' },
    });
    // Placed on 30 June: first due to be seen on 30 September, not yet overdue, so not counted.
    const placedRecently = await childPlaced(household.id, '2026-06-30', { firstName: 'Fir' });
    const ids = [seenOnTheDay, seenTooEarly, notSeen, leftBefore, draftOnly, placedRecently].map((c) => c.id);
    // 1 of the 4 children placed on 30 September and due to be seen: 25%.
    expect(await rowsFor(childrenSeen, ids)).toEqual([
      [seenOnTheDay.id, true],
      [seenTooEarly.id, false],
      [notSeen.id, false],
      [draftOnly.id, false],
    ]);
  });
});
