/**
 * The joint training deadlines, worked out by hand (the service's own rules under action 10.2). With
 * the demo's days cleared: days held on 16 October 2025 and 15 October 2026. On 1 December 2026 the
 * head of fostering has one item, the next day due by 15 October 2027 (318 days left); the 2025
 * day's item ended when the 2026 one was held. A day then recorded for 20 November 2027, after that,
 * leaves the 2026 item in the head's work until it is held: on 20 October 2027 it is 5 days overdue;
 * moved to 14 October 2027 it is held in time, and from 15 October 2027 the item is the next one's,
 * due 14 October 2028. Sam attended the 2026 day and gave no evaluation: due by 29 October 2026, 33
 * days overdue on 1 December, Sam's own and the head's; Priya gave hers; on 14 December (60 days on)
 * it is no longer chased.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dueFixture } from '../../../test/support/due.ts';
import { userIdByUsername } from '../../../test/support/households.ts';
import { dueFor, refreshDueItems, type DueEntry } from '../../platform/due/index.ts';
import { viewer } from '../home/test-support.ts';
import { DAY_RECORD } from './service.ts';
import { jointTrainingDays } from './tables.ts';
import { clearJointTraining, makeAttendance, makeDay } from './test-support.ts';

const { db, head } = dueFixture();
const ruleIds = ['joint-training.next-day', 'joint-training.evaluation'];
const on = (today: string) => ({ today, horizonDays: 730, ruleIds });
const summary = (entries: DueEntry[]) => entries.map((e) => [e.ruleId, e.label, e.detail, e.dueOn, e.daysLeft]);

let days: string[] = [];
const refreshOn = (today: string) => refreshDueItems(db(), DAY_RECORD, days, today);

describe('the joint training deadlines', () => {
  beforeAll(async () => {
    await clearJointTraining(db());
    const earlier = await makeDay(db(), '2025-10-16');
    const latest = await makeDay(db(), '2026-10-15', { title: 'Joint training day 2026' });
    await makeAttendance(db(), latest.id, { userId: await userIdByUsername(db(), 'ssw') });
    await makeAttendance(db(), latest.id, { userId: await userIdByUsername(db(), 'ssw2') }, { before: 2, after: 3 });
    days = [earlier.id, latest.id];
    await refreshOn('2026-12-01');
  });

  it('makes the next day due 12 months after the last held, the head’s, and an evaluation due 2 weeks after the day', async () => {
    expect(summary(await dueFor(db(), head(), on('2026-12-01')))).toEqual([
      [
        'joint-training.evaluation',
        'Sam Sutherland',
        'Evaluation of the joint training day of 15 October 2026 not yet given',
        '2026-10-29',
        -33,
      ],
      [
        'joint-training.next-day',
        'The next joint training day for fostering staff and panel members',
        'The last was held on 15 October 2026: Joint training day 2026',
        '2027-10-15',
        318,
      ],
    ]);
    const sam = await viewer(db(), 'ssw');
    expect((await dueFor(db(), sam, on('2026-12-01'))).map((e) => e.label)).toEqual(['Sam Sutherland']);
    expect(await dueFor(db(), await viewer(db(), 'ssw2'), on('2026-12-01'))).toEqual([]);
    expect((await dueFor(db(), head(), on('2026-12-14'))).map((e) => e.ruleId)).toEqual(['joint-training.next-day']);
  });

  it('keeps the last day’s item until the next is held, overdue when it is held late', async () => {
    const next = await makeDay(db(), '2027-11-20', { title: 'Joint training day 2027' });
    days.push(next.id);
    await refreshOn('2026-12-01');
    const late = (await dueFor(db(), head(), on('2027-10-20'))).filter((e) => e.ruleId === 'joint-training.next-day');
    expect(summary(late)).toEqual([
      [
        'joint-training.next-day',
        'The next joint training day for fostering staff and panel members',
        'The last was held on 15 October 2026: Joint training day 2026',
        '2027-10-15',
        -5,
      ],
    ]);
    await db()
      .update(jointTrainingDays)
      .set({ heldOn: '2027-10-14' })
      .where(sql`id = ${next.id}`);
    await refreshOn('2026-12-01');
    const inTime = (await dueFor(db(), head(), on('2027-10-20'))).filter((e) => e.ruleId === 'joint-training.next-day');
    expect(inTime.map((e) => [e.detail, e.dueOn])).toEqual([
      ['The last was held on 14 October 2027: Joint training day 2027', '2028-10-14'],
    ]);
  });
});
