/**
 * The six-monthly reviews' deadlines, worked out by hand. On 1 December 2026 the latest half-year
 * that has ended is 1 April to 30 September 2026: its reviews were due one month after, by 31
 * October 2026, so 31 days overdue. On 2 April 2027 (with nothing written since) the latest ended
 * is 1 October 2026 to 31 March 2027, due by 30 April 2027 (28 days left), and the April to
 * September one is no longer in My work. Each item is its writer's: the area's service manager
 * (the head while the area has none), the head, the recruitment coordinator.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dueFixture } from '../../../test/support/due.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import {
  ACCOUNT_RECORD,
  dueFor,
  dueRules,
  refreshDueItems,
  renewDailyDueRules,
  type DueEntry,
} from '../../platform/due/index.ts';
import { serviceManager, viewer } from '../home/test-support.ts';
import { saveReview, findPlace } from './service.ts';
import { areaIdOf, clearServiceReviews, serviceReviewRuleIds, whoIs } from './test-support.ts';

const { db, head } = dueFixture();
const today = '2026-12-01';
const window = { today, horizonDays: 28, ruleIds: serviceReviewRuleIds };

const summary = (entries: DueEntry[]) =>
  entries
    .map((e) => [e.label, e.detail, e.dueOn, e.daysLeft, e.overdue])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe('the six-monthly reviews’ deadlines', () => {
  beforeAll(async () => {
    await clearServiceReviews(db(), today);
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

  it('move on to October to March once it has ended, with nothing written in between', async () => {
    const items = await dueFor(db(), head(), { ...window, today: '2027-04-02' });
    expect(new Set(items.map((e) => e.detail))).toEqual(
      new Set(['1 October 2026 to 31 March 2027: not yet completed']),
    );
    expect(new Set(items.map((e) => [e.dueOn, e.daysLeft].join(' ')))).toEqual(new Set(['2027-04-30 28']));
    // The day before it ends, the April to September ones are still the ones due.
    const before = await dueFor(db(), head(), { ...window, today: '2027-03-31' });
    expect(new Set(before.map((e) => e.dueOn))).toEqual(new Set(['2026-10-31']));
  });

  it('go when the review is marked as complete, in the same change', async () => {
    const place = (await findPlace(db(), head(), { kind: 'allegations-complaints', period: '2026-04' }, today))!;
    const result = await saveReview(
      db(),
      whoIs(head()),
      place,
      { heard: 'Themes', learnt: 'Learning', willDo: 'Actions', sharedWith: null, sharedOn: null, intent: 'complete' },
      today,
    );
    expect(result.ok).toBe(true);
    const labels = (await dueFor(db(), head(), window)).map((e) => e.label);
    expect(labels).not.toContain('Review of allegations and complaints');
    expect(labels).toContain('What local agencies pay foster carers');
    // The next half-year's is kept all the same, shown once that half-year has ended.
    const april = await dueFor(db(), head(), { ...window, today: '2027-04-02' });
    expect(april.map((e) => e.label)).toContain('Review of allegations and complaints');
  });

  it('are renewed each day, so a half-year years ahead with nothing written still has its reviews due', async () => {
    // Built today: renewing again today does nothing.
    expect(await renewDailyDueRules(db(), todayInLondon())).toEqual([]);
    // Nearly three years on, past the half-years kept ahead, nothing would be due without renewal.
    const later = { ...window, today: '2029-10-10' };
    expect(await dueFor(db(), head(), later)).toEqual([]);
    expect((await renewDailyDueRules(db(), later.today)).sort()).toEqual([...serviceReviewRuleIds].sort());
    const renewed = await dueFor(db(), head(), later);
    expect(new Set(renewed.map((e) => `${e.detail} by ${e.dueOn}`))).toEqual(
      new Set(['1 April to 30 September 2029: not yet completed by 2029-10-31']),
    );
    expect(renewed.map((e) => e.label)).toContain('Review of allegations and complaints');
    await clearServiceReviews(db(), today);
  });
});
