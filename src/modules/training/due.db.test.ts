/** The training deadlines, with due dates worked out by hand (today is passed in, never the clock's). */
import { describe, expect, it } from 'vitest';
import { dueFixture } from '../../../test/support/due.ts';
import { makeCarer, makeHousehold } from '../../../test/support/households.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { dueFor } from '../../platform/due/index.ts';
import { viewer } from '../home/test-support.ts';
import { attended, coreCourses, courseIn, makePlan, makeTsd } from './test-support.ts';

// The day the dates below were worked out on, so the carers approved in 2026 are still in their first years.
const { db, head } = dueFixture({ on: '2026-12-01' });

async function dueOf(user: SignedInUser, ruleId: string, ids: string[], today: string) {
  const entries = await dueFor(db(), user, { today, horizonDays: 400, ruleIds: [ruleId] });
  return entries.filter((e) => ids.includes(e.recordId)).map((e) => [e.recordId, e.dueOn, e.detail ?? null]);
}

/** The required training due, but first aid (every carer's, tested on its own below). */
async function requiredOf(ids: string[], today: string) {
  return (await dueOf(head(), 'training.required', ids, today)).filter((e) => !String(e[2]).startsWith('First aid'));
}

const carerOf = async (statusSince: string, values: Record<string, unknown> = {}) =>
  makeCarer(db(), (await makeHousehold(db(), { statusSince, ...values })).id);

describe('TSD standards: within 12 months of approval, 18 for family and friends carers', () => {
  it('is due a year (or 18 months) after approval until evidenced, by a record or a TSD session', async () => {
    const mainstream = await carerOf('2026-01-05');
    const family = await carerOf('2026-01-05', { householdType: 'family_and_friends' });
    const recorded = await carerOf('2026-01-05');
    await makeTsd(db(), recorded.id, '2026-06-01');
    const session = await carerOf('2026-01-05');
    const applicant = await carerOf('2026-01-05', { status: 'applicant' });
    const ids = [mainstream, family, recorded, session, applicant].map((c) => c.id);
    // In due-date order; two on the same day come in the order of their households' names.
    const due = await dueOf(head(), 'training.tsd', ids, '2026-12-01');
    expect(due.map((r) => r[1])).toEqual(['2027-01-05', '2027-01-05', '2027-07-05']);
    const sameDayById = (rows: unknown[][]) =>
      [...rows].sort((a, b) => String(a[1]).localeCompare(String(b[1])) || String(a[0]).localeCompare(String(b[0])));
    expect(sameDayById(due)).toEqual(
      sameDayById([
        [mainstream.id, '2027-01-05', '12 months after approval'],
        [session.id, '2027-01-05', '12 months after approval'],
        [family.id, '2027-07-05', '18 months after approval (family and friends carer)'],
      ]),
    );
    // Attending a session of the TSD course evidences the standards: the deadline goes.
    await attended(db(), session.id, (await courseIn(db(), 'tsd')).id, '2026-11-20');
    expect((await dueOf(head(), 'training.tsd', ids, '2026-12-01')).map((r) => r[0])).toEqual([
      mainstream.id,
      family.id,
    ]);
  });

  it('is shown to the training coordinator, and to an SSW only in their team', async () => {
    const west = await carerOf('2026-01-05', { teamName: 'West Kent Fostering Team 1' });
    expect(await dueOf(await viewer(db(), 'training'), 'training.tsd', [west.id], '2026-12-01')).toHaveLength(1);
    expect(await dueOf(await viewer(db(), 'ssw'), 'training.tsd', [west.id], '2026-12-01')).toEqual([]);
  });
});

describe('required training: core within 12 months, and what a placement needs within 3 months', () => {
  it('asks new carers for every core course by their first anniversary, shown until the second', async () => {
    const newCarer = await carerOf('2026-03-02');
    const longAgo = await carerOf('2022-01-03');
    const done = await carerOf('2026-03-02');
    for (const course of await coreCourses(db())) await attended(db(), done.id, course.id, '2026-04-01');
    const ids = [newCarer, longAgo, done].map((c) => c.id);
    expect(await requiredOf(ids, '2026-12-01')).toEqual([
      [newCarer.id, '2027-03-02', 'Core training: every course mandatory for new carers'],
    ]);
  });

  it('appears when a child of 11 or over (or turning 11) or a disabled child is placed, and goes when attended', async () => {
    const household = await makeHousehold(db(), { statusSince: '2020-01-06' });
    const carer = await makeCarer(db(), household.id);
    const teenager = await makeChild(db(), { dateOfBirth: '2013-05-10' });
    // Placed on 5 October 2026: CSE and missing training due 3 months later, 5 January 2027.
    await makePlacement(db(), { childId: teenager.id, householdId: household.id, startDate: '2026-10-05' });
    const disabled = await makeChild(db(), { dateOfBirth: '2019-04-01', disability: true });
    // Placed on 2 November 2026: disability training due 2 February 2027.
    await makePlacement(db(), { childId: disabled.id, householdId: household.id, startDate: '2026-11-02' });
    expect(await requiredOf([carer.id], '2026-12-01')).toEqual([
      [carer.id, '2027-01-05', 'CSE and missing training: a child aged 11 or over is placed'],
      [carer.id, '2027-02-02', 'Disability training: a disabled child is placed'],
    ]);
    await attended(db(), carer.id, (await courseIn(db(), 'cse_missing')).id, '2026-11-25');
    expect(await requiredOf([carer.id], '2026-12-01')).toEqual([
      [carer.id, '2027-02-02', 'Disability training: a disabled child is placed'],
    ]);

    // A child who turns 11 on 20 February 2027 while placed: shown from that day, due 20 May 2027.
    const other = await makeHousehold(db(), { statusSince: '2020-01-06' });
    const otherCarer = await makeCarer(db(), other.id);
    const ten = await makeChild(db(), { dateOfBirth: '2016-02-20' });
    await makePlacement(db(), { childId: ten.id, householdId: other.id, startDate: '2026-01-05' });
    expect(await requiredOf([otherCarer.id], '2026-12-01')).toEqual([]);
    expect(await requiredOf([otherCarer.id], '2027-03-01')).toEqual([
      [otherCarer.id, '2027-05-20', 'CSE and missing training: a child aged 11 or over is placed'],
    ]);
  });
});

describe('required training: a placement that ended', () => {
  it('no longer dates the need once the child has moved on, when a younger child is placed now', async () => {
    const household = await makeHousehold(db(), { statusSince: '2020-01-06' });
    const carer = await makeCarer(db(), household.id);
    const teenager = await makeChild(db(), { dateOfBirth: '2011-04-19' });
    await makePlacement(db(), {
      childId: teenager.id,
      householdId: household.id,
      startDate: '2022-07-20',
      endDate: '2023-09-30',
      ending: 'planned',
    });
    const six = await makeChild(db(), { dateOfBirth: '2020-08-23' });
    await makePlacement(db(), { childId: six.id, householdId: household.id, startDate: '2026-11-02' });
    // Nothing due now; the need comes back when the six-year-old turns 11 (23 August 2031).
    expect(await requiredOf([carer.id], '2026-12-01')).toEqual([]);
    expect(await requiredOf([carer.id], '2031-09-01')).toEqual([
      [carer.id, '2031-11-23', 'CSE and missing training: a child aged 11 or over is placed'],
    ]);
  });
});

describe('first aid: renewed every 3 years', () => {
  it('is due 12 months after approval until attended, then 3 years after the last first aid session', async () => {
    const firstAid = (await courseIn(db(), 'first_aid')).id;
    const never = await carerOf('2026-03-02'); // due 2 March 2027
    const renewed = await carerOf('2020-01-06');
    await attended(db(), renewed.id, firstAid, '2021-02-01');
    await attended(db(), renewed.id, firstAid, '2024-11-20'); // due again 20 November 2027
    const lapsed = await carerOf('2020-01-06');
    await attended(db(), lapsed.id, firstAid, '2023-06-14'); // due 14 June 2026: overdue
    const absent = await carerOf('2020-01-06');
    await attended(db(), absent.id, firstAid, '2025-05-05', 'absent'); // booked, did not attend: due a year after approval
    const ids = [never, renewed, lapsed, absent].map((c) => c.id);
    const firstAidOf = async (today: string) =>
      (await dueOf(head(), 'training.required', ids, today)).filter((e) => String(e[2]).startsWith('First aid'));
    expect(await firstAidOf('2026-12-01')).toEqual([
      [absent.id, '2021-01-06', 'First aid: not attended yet (renewed every 3 years)'],
      [lapsed.id, '2026-06-14', 'First aid: renewed every 3 years, last attended 14 June 2023'],
      [never.id, '2027-03-02', 'First aid: not attended yet (renewed every 3 years)'],
      [renewed.id, '2027-11-20', 'First aid: renewed every 3 years, last attended 20 November 2024'],
    ]);
    // Attending first aid today renews it for 3 years: no longer due within the next 400 days.
    await attended(db(), lapsed.id, firstAid, '2026-11-30');
    expect((await firstAidOf('2026-12-01')).map((e) => e[0])).toEqual([absent.id, never.id, renewed.id]);
  });
});

describe('PDP due for review', () => {
  it('is due 6 weeks after approval when there is no plan, then on the current plan’s review date', async () => {
    const none = await carerOf('2026-10-05'); // 5 October + 42 days = 16 November 2026
    const planned = await carerOf('2025-01-06');
    await makePlan(db(), planned.id, '2025-02-01');
    await makePlan(db(), planned.id, '2026-02-10'); // review by 10 February 2027
    expect(await dueOf(head(), 'training.pdp-review', [none.id, planned.id], '2026-12-01')).toEqual([
      [none.id, '2026-11-16', 'No personal development plan'],
      [planned.id, '2027-02-10', 'Plan agreed on 10 February 2026: due for review'],
    ]);
  });
});
