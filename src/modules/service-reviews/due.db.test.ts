/**
 * The six-monthly reviews' deadlines, worked out by hand. The service wrote every review of the two
 * half-years from 1 April 2025 to 31 March 2026 in Hearth and completed them on time. On 1 December
 * 2026 the latest half-year that has ended is 1 April to 30 September 2026: its reviews were due one
 * month after, by 31 October 2026, so 31 days overdue. On 2 April 2027 (with nothing written since)
 * the latest ended is 1 October 2026 to 31 March 2027, due by 30 April 2027 (28 days left), and the
 * April to September ones are still in My work, 153 days overdue (30 November to 31 March is 151
 * days, and two more): a review stays until it is completed, as it stays on the list. Each item is
 * its writer's: the area's service manager (the head while the area has none), the head, the
 * recruitment coordinator.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dueFixture } from '../../../test/support/due.ts';
import {
  ACCOUNT_RECORD,
  dueFor,
  dueRules,
  rebuildDueItems,
  refreshDueItems,
  renewDailyDueRules,
  type DueEntry,
} from '../../platform/due/index.ts';
import { dueRuleDefinitions } from '../../platform/due/tables.ts';
import { serviceManager, viewer } from '../home/test-support.ts';
import { listReviews } from './queries.ts';
import { saveReview, findPlace } from './service.ts';
import { areaIdOf, clearServiceReviews, completeHalfYear, serviceReviewRuleIds, whoIs } from './test-support.ts';

const { db, head } = dueFixture();
const today = '2026-12-01';
const window = { today, horizonDays: 28, ruleIds: serviceReviewRuleIds };
/** The rules renewed each day: the reviews', and any other module's (leaving care at 18). */
const dailyRuleIds = () => {
  const ids = dueRules()
    .filter((r) => r.renewDaily)
    .map((r) => r.id)
    .sort();
  expect(ids).toEqual(expect.arrayContaining([...serviceReviewRuleIds]));
  return ids;
};

const answers = { heard: 'Themes', learnt: 'Learning', willDo: 'Actions', sharedWith: null, sharedOn: null };

/** The due dates of one kind's items, in order. */
const dueDates = (entries: DueEntry[], label: string) =>
  entries
    .filter((e) => e.label === label)
    .map((e) => e.dueOn)
    .sort();

/** The reviews the list shows the head overdue and due on the day. */
const listed = async (day: string) => {
  const list = await listReviews(db(), head(), day, { kind: null, page: 1 });
  return { overdue: list.overdue, due: list.due };
};

const summary = (entries: DueEntry[]) =>
  entries
    .map((e) => [e.label, e.detail, e.dueOn, e.daysLeft, e.overdue])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe('the six-monthly reviews’ deadlines', () => {
  beforeAll(async () => {
    await clearServiceReviews(db(), today);
    const by = (await viewer(db(), 'head')).id;
    await completeHalfYear(db(), '2025-04-01', '2025-10-20', by);
    await completeHalfYear(db(), '2025-10-01', '2026-04-21', by);
    await rebuildDueItems(db(), { ruleIds: serviceReviewRuleIds, today });
    // Every daily rule built on this file's day, whatever day the tests run: a day's renewal renews
    // the rules not yet built on or after it, and the real clock would otherwise say they were built
    // later than the "year on" below once that day has come.
    await db()
      .update(dueRuleDefinitions)
      .set({ rebuiltAt: new Date(`${today}T06:00:00Z`) });
  });

  it('cites the plan’s action as the service’s own timescale', () => {
    const rule = dueRules().find((r) => r.id === 'service-reviews.childrens-feedback');
    expect(rule?.cites).toBe('Business plan action 1.1 (the service’s own timescale)');
    expect(dueRules().find((r) => r.id === 'service-reviews.agency-payments')?.cites).toBe(
      'Business plan action 6.3 (the service’s own timescale)',
    );
  });

  it('are due by 31 October for April to September, in the head’s My work, the head’s where no one else writes them', async () => {
    const items = await dueFor(db(), head(), window);
    const half = '1 April to 30 September 2026: not yet completed';
    // The demo's one service manager (East Kent) writes that area's summary; the head writes the others until
    // their areas have one.
    expect(summary(items)).toEqual([
      ['Retention of foster carers', half, '2026-10-31', -31, true],
      ['Review of allegations and complaints', half, '2026-10-31', -31, true],
      ['Summary of children’s feedback: East Kent', half, '2026-10-31', -31, true],
      ['Summary of children’s feedback: North Kent', half, '2026-10-31', -31, true],
      ['Summary of children’s feedback: West Kent', half, '2026-10-31', -31, true],
      ['What local agencies pay foster carers', half, '2026-10-31', -31, true],
    ]);
    const headId = head().id;
    const owners = Object.fromEntries(items.map((e) => [e.label, e.ownerUserId]));
    expect(owners).toEqual({
      'Retention of foster carers': (await viewer(db(), 'recruitment')).id,
      'Review of allegations and complaints': headId,
      'Summary of children’s feedback: East Kent': (await viewer(db(), 'servicemanager')).id,
      'Summary of children’s feedback: North Kent': headId,
      'Summary of children’s feedback: West Kent': headId,
      'What local agencies pay foster carers': headId,
    });
    expect(items.find((e) => e.ruleId === 'service-reviews.allegations-complaints')?.href).toBe(
      '/service-reviews/allegations-complaints/2026-04',
    );
  });

  it('are the recruitment coordinator’s (retention only) and, once appointed, the area’s service manager’s', async () => {
    const coordinator = await viewer(db(), 'recruitment');
    expect((await dueFor(db(), coordinator, window)).map((e) => e.label)).toEqual(['Retention of foster carers']);

    const west = await serviceManager(db(), 'West Kent');
    await refreshDueItems(db(), ACCOUNT_RECORD, [west.id], today);
    const mine = await dueFor(db(), west, window);
    expect(mine.map((e) => [e.label, e.ownerUserId])).toEqual([['Summary of children’s feedback: West Kent', west.id]]);
    expect(mine[0]!.href).toBe(
      `/service-reviews/childrens-feedback/2026-04/areas/${await areaIdOf(db(), 'West Kent')}`,
    );
    // A West Kent supervising social worker, the LADO and a team manager are shown none of them.
    for (const username of ['ssw2', 'lado', 'manager']) {
      expect(await dueFor(db(), await viewer(db(), username), window), username).toEqual([]);
    }
  });

  it('stay in My work, overdue, once the next half-year’s are due, with nothing written in between', async () => {
    const items = await dueFor(db(), head(), { ...window, today: '2027-04-02' });
    expect(new Set(items.map((e) => `${e.detail} by ${e.dueOn}, ${e.daysLeft} days`))).toEqual(
      new Set([
        '1 April to 30 September 2026: not yet completed by 2026-10-31, -153 days',
        '1 October 2026 to 31 March 2027: not yet completed by 2027-04-30, 28 days',
      ]),
    );
    // Each of the six places, for both half-years; the older ones overdue, as the list shows them.
    expect(items).toHaveLength(12);
    expect(items.filter((e) => e.overdue)).toHaveLength(6);
    expect(await listed('2027-04-02')).toEqual({ overdue: 6, due: 6 });
    // The day before it ends, the April to September ones are the only ones due.
    const before = await dueFor(db(), head(), { ...window, today: '2027-03-31' });
    expect(new Set(before.map((e) => e.dueOn))).toEqual(new Set(['2026-10-31']));
  });

  it('go when the review is marked as complete, in the same change', async () => {
    const place = (await findPlace(db(), head(), { kind: 'allegations-complaints', period: '2026-04' }, today))!;
    const result = await saveReview(db(), whoIs(head()), place, { ...answers, intent: 'complete' }, today);
    expect(result.ok).toBe(true);
    const labels = (await dueFor(db(), head(), window)).map((e) => e.label);
    expect(labels).not.toContain('Review of allegations and complaints');
    expect(labels).toContain('What local agencies pay foster carers');
    // The next half-year's is kept all the same, shown once that half-year has ended; the completed one is not.
    const april = await dueFor(db(), head(), { ...window, today: '2027-04-02' });
    expect(dueDates(april, 'Review of allegations and complaints')).toEqual(['2027-04-30']);
    expect(dueDates(april, 'What local agencies pay foster carers')).toEqual(['2026-10-31', '2027-04-30']);
  });

  it('are still due a year on, after the daily renewals, until completed late', async () => {
    // A year on, the engine replaces the rules' items with the day's: the half-years not completed stay.
    const later = '2027-12-01';
    expect((await renewDailyDueRules(db(), later)).sort()).toEqual(dailyRuleIds());
    const items = await dueFor(db(), head(), { ...window, today: later });
    expect(dueDates(items, 'What local agencies pay foster carers')).toEqual([
      '2026-10-31',
      '2027-04-30',
      '2027-10-31',
    ]);
    expect(dueDates(items, 'Review of allegations and complaints')).toEqual(['2027-04-30', '2027-10-31']);
    // Six places for three half-years, less the one completed: all overdue, as on the list.
    expect(items).toHaveLength(17);
    expect(items.every((e) => e.overdue)).toBe(true);
    expect(await listed(later)).toEqual({ overdue: 17, due: 0 });

    // Completed at last: gone from My work in the same change, and from the list's overdue.
    const place = (await findPlace(db(), head(), { kind: 'agency-payments', period: '2026-04' }, later))!;
    expect((await saveReview(db(), whoIs(head()), place, { ...answers, intent: 'complete' }, later)).ok).toBe(true);
    const after = await dueFor(db(), head(), { ...window, today: later });
    expect(dueDates(after, 'What local agencies pay foster carers')).toEqual(['2027-04-30', '2027-10-31']);
    expect(after).toHaveLength(16);
    expect(await listed(later)).toEqual({ overdue: 16, due: 0 });
  });

  it('are renewed each day, so a half-year years ahead with nothing written still has its reviews due', async () => {
    // Built on the day (or since): renewing again that day does nothing.
    expect(await renewDailyDueRules(db(), today)).toEqual([]);
    // Kept ahead (from 1 December 2027) to April to September 2029: without renewal, nothing of 2030.
    const later = { ...window, today: '2030-10-10' };
    const stillDue = ['2027-04-30', '2027-10-31', '2028-04-30', '2028-10-31', '2029-04-30', '2029-10-31'];
    const kept = await dueFor(db(), head(), later);
    expect(dueDates(kept, 'Review of allegations and complaints')).toEqual(stillDue);
    expect((await renewDailyDueRules(db(), later.today)).sort()).toEqual(dailyRuleIds());
    const renewed = await dueFor(db(), head(), later);
    expect(dueDates(renewed, 'Review of allegations and complaints')).toEqual([
      ...stillDue,
      '2030-04-30',
      '2030-10-31',
    ]);
    expect(new Set(renewed.filter((e) => !e.overdue).map((e) => `${e.detail} by ${e.dueOn}`))).toEqual(
      new Set(['1 April to 30 September 2030: not yet completed by 2030-10-31']),
    );
  });

  it('with none written yet, are the last three half-years’ as the list shows them; a review long past brings back none older', async () => {
    await clearServiceReviews(db(), today);
    const items = await dueFor(db(), head(), window);
    expect(new Set(items.map((e) => e.dueOn))).toEqual(new Set(['2025-10-31', '2026-04-30', '2026-10-31']));
    expect(items).toHaveLength(18);
    expect(await listed(today)).toEqual({ overdue: 18, due: 0 });
    // A review of October 2019 to March 2020 saved now, catching up: none of the half-years since comes back.
    const old = (await findPlace(db(), head(), { kind: 'allegations-complaints', period: '2019-10' }, today))!;
    expect((await saveReview(db(), whoIs(head()), old, { ...answers, intent: 'save' }, today)).ok).toBe(true);
    expect(await dueFor(db(), head(), window)).toHaveLength(18);
    expect(await listed(today)).toEqual({ overdue: 18, due: 0 });
    // April to September 2025 leaves My work on 1 April 2027, when it is no longer one of the last three.
    const april = await dueFor(db(), head(), { ...window, today: '2027-04-01', horizonDays: 60 });
    expect(new Set(april.map((e) => e.dueOn))).toEqual(new Set(['2026-04-30', '2026-10-31', '2027-04-30']));
    expect(await listed('2027-04-01')).toEqual({ overdue: 12, due: 6 });
    await clearServiceReviews(db(), today);
  });
});
