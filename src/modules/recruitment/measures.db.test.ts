/**
 * Each recruitment measure on a small fixture, the right answer worked out by hand, for September
 * 2019 (from 1 to 30 September, long before the demo's year of enquiries).
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { countMeasure, formatValue, measureRecords, periodOf, type Measure } from '../../platform/measures/index.ts';
import {
  recommendedWithin8Months,
  daysToRecommendation,
  enquiriesReceived,
  enquiriesToApplication,
  enquiriesToApproval,
  exitInterviews,
  householdsLeft,
  mentorsAtAssessment,
  postApprovalOnTime,
} from './measures.ts';
import { refreshHouseholdFacts } from '../households/facts.ts';
import { householdStatusEvents, households } from '../households/tables.ts';
import { makeRoad } from './test-support.ts';

const t = testAppForFile();
const september = periodOf('2019-09', '2026-12-01');

/** The measure's rows for these records only, as [record id, met], in the order given. */
async function rowsFor(measure: Measure, ids: string[]) {
  const rows = await measureRecords(t.database.db, measure, september);
  return ids.flatMap((id) => rows.filter((r) => r.recordId === id).map((r) => [id, r.met]));
}

const approved = (approvedOn: string) => ({ status: 'approved', statusSince: approvedOn, approvedOn });

describe('enquiries received', () => {
  it('counts the enquiries made from 1 to 30 September, with how they heard of us', async () => {
    const first = await makeRoad(t.database.db, { enquiredOn: '2019-09-01', source: 'website' });
    const last = await makeRoad(t.database.db, { enquiredOn: '2019-09-30', source: 'social_media' });
    const august = await makeRoad(t.database.db, { enquiredOn: '2019-08-31' });
    const october = await makeRoad(t.database.db, { enquiredOn: '2019-10-01' });
    expect(await rowsFor(enquiriesReceived, [first.id, last.id, august.id, october.id])).toEqual([
      [first.id, true],
      [last.id, true],
    ]);
    const rows = await measureRecords(t.database.db, enquiriesReceived, september);
    expect(rows.find((r) => r.recordId === last.id)?.detail).toBe('Social media, enquired 2019-09-30');
  });
});

describe('conversion', () => {
  it('counts enquiries of the 12 months to 30 June as applied when the application came by 30 September', async () => {
    const applied = await makeRoad(t.database.db, { enquiredOn: '2019-06-30', appliedOn: '2019-09-30' });
    const notYet = await makeRoad(t.database.db, { enquiredOn: '2018-07-01' });
    const tooLate = await makeRoad(t.database.db, { enquiredOn: '2019-01-10', appliedOn: '2019-10-02' });
    const tooRecent = await makeRoad(t.database.db, { enquiredOn: '2019-07-01', appliedOn: '2019-08-01' });
    const tooOld = await makeRoad(t.database.db, { enquiredOn: '2018-06-30', appliedOn: '2018-08-01' });
    // 1 of the 3 enquiries in the window applied in time: 33%.
    expect(
      await rowsFor(
        enquiriesToApplication,
        [applied, notYet, tooLate, tooRecent, tooOld].map((h) => h.id),
      ),
    ).toEqual([
      [applied.id, true],
      [notYet.id, false],
      [tooLate.id, false],
    ]);
  });

  it('counts enquiries of the 12 months to 30 January as approved when approved by 30 September', async () => {
    const yes = await makeRoad(t.database.db, { enquiredOn: '2019-01-30', household: approved('2019-09-15') });
    const no = await makeRoad(t.database.db, { enquiredOn: '2018-01-31' });
    const outside = await makeRoad(t.database.db, { enquiredOn: '2019-01-31', household: approved('2019-09-01') });
    expect(await rowsFor(enquiriesToApproval, [yes.id, no.id, outside.id])).toEqual([
      [yes.id, true],
      [no.id, false],
    ]);
  });
});

describe('application to the panel’s recommendation', () => {
  it('takes the median of the days from application to the recommendations made in September', async () => {
    // 1 January to 1 September 2019 is 243 days; 1 March to 30 September 213; 1 August to 2 September
    // 32; 1 July to 20 September 81. In order 32, 81, 213, 243: the median is halfway between 81 and
    // 213, 147 (the mean would be 142.25). Recommended 1 October: not September's. Approved in
    // September without a recommendation (an imported approval): not counted.
    const db = t.database.db;
    await makeRoad(db, { appliedOn: '2019-01-01', recommendedOn: '2019-09-01', household: approved('2019-09-05') });
    await makeRoad(db, { appliedOn: '2019-03-01', recommendedOn: '2019-09-30' });
    await makeRoad(db, { appliedOn: '2019-08-01', recommendedOn: '2019-09-02', household: approved('2019-09-09') });
    await makeRoad(db, { appliedOn: '2019-07-01', recommendedOn: '2019-09-20' });
    await makeRoad(db, { appliedOn: '2019-03-01', recommendedOn: '2019-10-01' });
    await makeRoad(db, { appliedOn: '2019-05-01', household: approved('2019-09-10') });
    const { figures } = await countMeasure(db, daysToRecommendation, september);
    expect(figures[0]).toMatchObject({ scopeKind: 'service', numerator: 4, denominator: 4, value: 147 });
    expect(formatValue(daysToRecommendation, figures[0]!.value)).toBe('147 days');

    // October: 214 (above), 40 and 272 days. An odd number: the middle one, 214 (the mean would be 175.3).
    await makeRoad(db, { appliedOn: '2019-09-01', recommendedOn: '2019-10-11' });
    await makeRoad(db, { appliedOn: '2019-02-01', recommendedOn: '2019-10-31' });
    const october = await countMeasure(db, daysToRecommendation, periodOf('2019-10', '2026-12-01'));
    expect(october.figures[0]).toMatchObject({ numerator: 3, denominator: 3, value: 214 });
  });

  it('counts recommendations of the 12 months to 30 September made within 8 months of the application', async () => {
    const db = t.database.db;
    const onTheDay = await makeRoad(db, { appliedOn: '2018-11-15', recommendedOn: '2019-07-15' });
    const dayLate = await makeRoad(db, { appliedOn: '2018-11-15', recommendedOn: '2019-07-16' });
    const lastYear = await makeRoad(db, { appliedOn: '2018-01-01', recommendedOn: '2018-09-30' });
    const noPanel = await makeRoad(db, { appliedOn: '2018-11-15', household: approved('2019-07-10') });
    expect(await rowsFor(recommendedWithin8Months, [onTheDay.id, dayLate.id, lastYear.id, noPanel.id])).toEqual([
      [onTheDay.id, true],
      [dayLate.id, false],
    ]);
  });
});

describe('the road out and after approval', () => {
  it('counts households that left in the 12 months to 30 September, met when the exit interview was held', async () => {
    const held = await makeRoad(t.database.db, {
      household: { status: 'deregistered', statusSince: '2019-05-01' },
      leaving: { leftOn: '2019-05-01', exitInterview: 'done', interviewOn: '2019-05-20' },
    });
    const declined = await makeRoad(t.database.db, {
      household: { status: 'deregistered', statusSince: '2019-09-30' },
      leaving: { leftOn: '2019-09-30', exitInterview: 'declined', interviewOn: '2019-09-30' },
    });
    const nothing = await makeRoad(t.database.db, { household: { status: 'deregistered', statusSince: '2018-10-01' } });
    const before = await makeRoad(t.database.db, { household: { status: 'deregistered', statusSince: '2018-09-30' } });
    expect(await rowsFor(exitInterviews, [held.id, declined.id, nothing.id, before.id])).toEqual([
      [held.id, true],
      [declined.id, false],
      [nothing.id, false],
    ]);
  });

  it('counts the households that left in the 12 months to 30 September, with why when recorded', async () => {
    const deregistered = (on: string) => ({ status: 'deregistered', statusSince: on });
    const resigned = await makeRoad(t.database.db, {
      household: deregistered('2019-09-30'),
      leaving: { leftOn: '2019-09-30', exitInterview: 'declined' },
    });
    const unrecorded = await makeRoad(t.database.db, { household: deregistered('2018-10-01') });
    const yearBefore = await makeRoad(t.database.db, { household: deregistered('2018-09-30') });
    const october = await makeRoad(t.database.db, { household: deregistered('2019-10-01') });
    const ids = [resigned.id, unrecorded.id, yearBefore.id, october.id];
    expect(await rowsFor(householdsLeft, ids)).toEqual([
      [resigned.id, true],
      [unrecorded.id, true],
    ]);
    const rows = await measureRecords(t.database.db, householdsLeft, september);
    expect(rows.find((r) => r.recordId === resigned.id)?.detail).toBe('Left 2019-09-30: Resignation');
    expect(rows.find((r) => r.recordId === unrecorded.id)?.detail).toBe('Left 2018-10-01, why not recorded');
    // Counted to show: no target, so never rated.
    expect(householdsLeft.target).toBeNull();
  });

  it('counts post-approval interviews due in September, met when held by the day', async () => {
    // Approved 1 March: due 1 September. Approved 31 March: due 30 September.
    const early = await makeRoad(t.database.db, { household: approved('2019-03-01'), interviewedOn: '2019-08-20' });
    const late = await makeRoad(t.database.db, { household: approved('2019-03-31'), interviewedOn: '2019-10-01' });
    const none = await makeRoad(t.database.db, { household: approved('2019-03-15') });
    const notDue = await makeRoad(t.database.db, { household: approved('2019-04-01') });
    // Approved 10 March, deregistered 1 July: its approval had ended by 10 September, not counted.
    const left = await makeRoad(t.database.db, { household: approved('2019-03-10') });
    await t.database.db
      .update(households)
      .set({ status: 'deregistered', statusSince: '2019-07-01' })
      .where(eq(households.id, left.id));
    await t.database.db
      .insert(householdStatusEvents)
      .values({ householdId: left.id, fromStatus: 'approved', toStatus: 'deregistered', onDate: '2019-07-01' });
    await refreshHouseholdFacts(t.database.db, left.id);
    expect(await rowsFor(postApprovalOnTime, [early.id, late.id, none.id, notDue.id, left.id])).toEqual([
      [early.id, true],
      [late.id, false],
      [none.id, false],
    ]);
  });

  it('counts assessments started in the 12 months to 30 September, met with a mentor by then', async () => {
    const status = { status: 'in_assessment' };
    const mentor = await makeRoad(t.database.db, {
      appliedOn: '2019-01-01',
      startedOn: '2019-02-01',
      mentorAllocatedOn: '2019-02-10',
      household: status,
    });
    const later = await makeRoad(t.database.db, {
      appliedOn: '2019-08-01',
      startedOn: '2019-09-01',
      mentorAllocatedOn: '2019-10-01',
      household: status,
    });
    const old = await makeRoad(t.database.db, { appliedOn: '2018-08-01', startedOn: '2018-09-30', household: status });
    expect(await rowsFor(mentorsAtAssessment, [mentor.id, later.id, old.id])).toEqual([
      [mentor.id, true],
      [later.id, false],
    ]);
  });
});
