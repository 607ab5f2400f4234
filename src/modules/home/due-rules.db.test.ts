/**
 * Every deadline rule, with due dates worked out by hand across weekends and bank holidays (who
 * sees which items: due-scope.db.test.ts). Dates are fixed (today is passed in), never the clock's.
 */
import { describe, expect, it } from 'vitest';
import { dueFixture } from '../../../test/support/due.ts';
import { makeCarer, makeCheck, makeHousehold, makeMember } from '../../../test/support/households.ts';
import { makeChild, makeDelegatedAuthority, makePlacement } from '../../../test/support/children.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { dueFor, refreshDueItems, type DueEntry } from '../../platform/due/index.ts';
import { healthAssessments } from '../children/tables.ts';

const { db, head } = dueFixture();

/** The items of one rule for some records, as [record id, due date]. */
async function dueOf(
  user: SignedInUser,
  ruleId: string,
  recordIds: string[],
  today: string,
  horizonDays = 400,
): Promise<DueEntry[]> {
  const entries = await dueFor(db(), user, { today, horizonDays, ruleIds: [ruleId] });
  return entries.filter((e) => recordIds.includes(e.recordId));
}

async function assessment(childId: string, kind: 'initial' | 'review', completedOn: string) {
  await db().insert(healthAssessments).values({ childId, kind, completedOn });
  await refreshDueItems(db(), 'child', [childId]);
}

describe('initial health assessment: 20 working days from becoming looked after', () => {
  const rule = 'children.initial-health-assessment';

  it('skips Christmas, the Boxing Day substitute and New Year’s Day', async () => {
    // Looked after from Wednesday 16 December 2026. Working days after it:
    // Thu 17 (1), Fri 18 (2), Mon 21 (3), Tue 22 (4), Wed 23 (5), Thu 24 (6),
    // Fri 25 Christmas Day, Sat 26, Sun 27, Mon 28 Boxing Day (substitute day),
    // Tue 29 (7), Wed 30 (8), Thu 31 (9), Fri 1 Jan New Year's Day, Sat 2, Sun 3,
    // Mon 4 (10), Tue 5 (11), Wed 6 (12), Thu 7 (13), Fri 8 (14),
    // Mon 11 (15), Tue 12 (16), Wed 13 (17), Thu 14 (18), Fri 15 (19), Mon 18 January 2027 (20).
    const child = await makeChild(db(), { lookedAfterSince: '2026-12-16', firstName: 'Ivy' });
    const [entry] = await dueOf(head(), rule, [child.id], '2027-01-04');
    expect(entry).toMatchObject({ dueOn: '2027-01-18', daysLeft: 14, overdue: false, href: `/children/${child.id}` });
    expect(entry!.label).toContain('Ivy Testchild');

    // The day after, it is overdue by one day.
    const [late] = await dueOf(head(), rule, [child.id], '2027-01-19');
    expect(late).toMatchObject({ dueOn: '2027-01-18', daysLeft: -1, overdue: true });
  });

  it('is shown only once it falls within the window (due on the last day counts)', async () => {
    const child = await makeChild(db(), { lookedAfterSince: '2026-12-16' });
    // From Sunday 20 December: 28 days ahead is Sunday 17 January, one day short; 29 is Monday 18.
    expect(await dueOf(head(), rule, [child.id], '2026-12-20', 28)).toEqual([]);
    expect((await dueOf(head(), rule, [child.id], '2026-12-20', 29)).map((e) => e.dueOn)).toEqual(['2027-01-18']);
  });

  it('skips Good Friday and Easter Monday 2027', async () => {
    // From Friday 19 March 2027: Mon 22 (1) ... Thu 25 (4), Fri 26 Good Friday, Sat 27, Sun 28,
    // Mon 29 Easter Monday, Tue 30 (5), Wed 31 (6), Thu 1 Apr (7), Fri 2 (8), Mon 5 (9) ... Fri 9 (13),
    // Mon 12 (14) ... Fri 16 (18), Mon 19 (19), Tue 20 April 2027 (20).
    const child = await makeChild(db(), { lookedAfterSince: '2027-03-19' });
    expect((await dueOf(head(), rule, [child.id], '2027-03-19')).map((e) => e.dueOn)).toEqual(['2027-04-20']);
  });

  it('is no longer due once an initial assessment is recorded, or the child has left care', async () => {
    const assessed = await makeChild(db(), { lookedAfterSince: '2026-10-01' });
    await assessment(assessed.id, 'initial', '2026-10-20');
    const reviewedOnly = await makeChild(db(), { lookedAfterSince: '2026-10-01' });
    await assessment(reviewedOnly.id, 'review', '2026-10-20');
    const left = await makeChild(db(), { lookedAfterSince: '2026-10-01', leftCareOn: '2026-10-10' });
    const leaving = await makeChild(db(), { lookedAfterSince: '2026-10-01', leftCareOn: '2026-12-31' });
    const ids = [assessed.id, reviewedOnly.id, left.id, leaving.id];
    // Kept as on 1 December, whatever the clock says: the child leaving on 31 December is still in care.
    await refreshDueItems(db(), 'child', ids, '2026-12-01');
    // 1 Oct 2026 (Thu) + 20 working days = Thu 29 Oct (no bank holidays in October).
    const entries = await dueOf(head(), rule, ids, '2026-12-01');
    expect(entries.map((e) => `${e.recordId} ${e.dueOn}`).sort()).toEqual(
      [`${reviewedOnly.id} 2026-10-29`, `${leaving.id} 2026-10-29`].sort(),
    );
  });
});

describe('review health assessment: 6-monthly under 5, yearly from 5', () => {
  const rule = 'children.review-health-assessment';

  it('is six months after the latest assessment for a child still under 5 on that date', async () => {
    // Born 16 Dec 2021: turns 5 on 16 Dec 2026, so is 4 on 15 Dec 2026, six months after 15 June.
    const child = await makeChild(db(), { dateOfBirth: '2021-12-16', lookedAfterSince: '2026-05-01' });
    await assessment(child.id, 'initial', '2026-06-15');
    expect((await dueOf(head(), rule, [child.id], '2026-12-01')).map((e) => e.dueOn)).toEqual(['2026-12-15']);
  });

  it('is a year after the latest assessment when the child is 5 on the six-month date', async () => {
    // Born 15 Dec 2021: 5 on 15 Dec 2026, the six-month date, so the yearly rule applies: 15 June 2027.
    const child = await makeChild(db(), { dateOfBirth: '2021-12-15', lookedAfterSince: '2026-05-01' });
    await assessment(child.id, 'initial', '2026-06-15');
    expect((await dueOf(head(), rule, [child.id], '2026-12-01')).map((e) => e.dueOn)).toEqual(['2027-06-15']);
  });

  it('counts from the latest assessment, initial or review, and keeps to the month end', async () => {
    // A 10-year-old: initial 10 Jan 2025, review 20 Jan 2026 -> next review 20 Jan 2027.
    const older = await makeChild(db(), { dateOfBirth: '2016-03-10' });
    await assessment(older.id, 'initial', '2025-01-10');
    await assessment(older.id, 'review', '2026-01-20');
    // A 2-year-old reviewed on 31 August 2026: six months on is 28 February 2027 (no 31st).
    const baby = await makeChild(db(), { dateOfBirth: '2024-06-01', lookedAfterSince: '2024-07-01' });
    await assessment(baby.id, 'initial', '2024-07-20');
    await assessment(baby.id, 'review', '2026-08-31');
    const entries = await dueOf(head(), rule, [older.id, baby.id], '2026-12-01');
    expect(entries.map((e) => [e.recordId, e.dueOn])).toEqual([
      [older.id, '2027-01-20'],
      [baby.id, '2027-02-28'],
    ]);
    // Overdue a year later, and not due at all for a child who has left care.
    const [overdue] = await dueOf(head(), rule, [older.id], '2027-02-01');
    expect(overdue).toMatchObject({ overdue: true, daysLeft: -12 });
    const left = await makeChild(db(), { dateOfBirth: '2016-03-10', leftCareOn: '2026-09-01' });
    await assessment(left.id, 'review', '2025-06-01');
    expect(await dueOf(head(), rule, [left.id], '2026-12-01')).toEqual([]);
  });
});

describe('placement plan: within 5 working days of the placement starting', () => {
  const rule = 'placements.placement-plan';

  it('skips Christmas, Boxing Day (substitute) and New Year’s Day; none once recorded or ended', async () => {
    const household = await makeHousehold(db());
    // From Wednesday 23 December 2026: Thu 24 (1), Fri 25 Christmas, Sat 26, Sun 27, Mon 28 Boxing Day
    // substitute, Tue 29 (2), Wed 30 (3), Thu 31 (4), Fri 1 Jan holiday, Sat 2, Sun 3, Mon 4 January 2027 (5).
    const christmas = await makePlacement(db(), {
      childId: (await makeChild(db())).id,
      householdId: household.id,
      startDate: '2026-12-23',
    });
    // From Thursday 25 March 2027: Fri 26 Good Friday, Sat 27, Sun 28, Mon 29 Easter Monday,
    // Tue 30 (1), Wed 31 (2), Thu 1 Apr (3), Fri 2 (4), Mon 5 April 2027 (5).
    const easter = await makePlacement(db(), {
      childId: (await makeChild(db())).id,
      householdId: household.id,
      startDate: '2027-03-25',
    });
    const planned = await makePlacement(db(), {
      childId: (await makeChild(db())).id,
      householdId: household.id,
      startDate: '2026-12-23',
      placementPlanOn: '2026-12-22',
    });
    const ended = await makePlacement(db(), {
      childId: (await makeChild(db())).id,
      householdId: household.id,
      startDate: '2026-12-23',
      endDate: '2026-12-24',
      ending: 'unplanned',
    });
    const ids = [christmas.id, easter.id, planned.id, ended.id];
    const entries = await dueOf(head(), rule, ids, '2026-12-01');
    expect(entries.map((e) => [e.recordId, e.dueOn])).toEqual([
      [christmas.id, '2027-01-04'],
      [easter.id, '2027-04-05'],
    ]);
    expect(entries[0]).toMatchObject({
      recordType: 'placement',
      href: `/placements/${christmas.id}`,
      teamId: household.teamId,
    });
  });
});

describe('delegated authority: signed and a copy given to the carer within 5 working days', () => {
  const rule = 'placements.delegated-authority';

  it('is due over the August bank holiday until signed and given, saying what is missing', async () => {
    const household = await makeHousehold(db());
    // From Friday 28 August 2026: Sat 29, Sun 30, Mon 31 Summer bank holiday,
    // Tue 1 Sep (1), Wed 2 (2), Thu 3 (3), Fri 4 (4), Mon 7 September 2026 (5).
    const start = '2026-08-28';
    const place = async () =>
      makePlacement(db(), { childId: (await makeChild(db())).id, householdId: household.id, startDate: start });
    const none = await place();
    const unsigned = await place();
    await makeDelegatedAuthority(db(), { placementId: unsigned.id });
    const notGiven = await place();
    await makeDelegatedAuthority(db(), {
      placementId: notGiven.id,
      signedOn: '2026-09-01',
      signedBy: 'carer, social worker',
    });
    const done = await place();
    await makeDelegatedAuthority(db(), {
      placementId: done.id,
      signedOn: '2026-09-01',
      copyGivenToCarerOn: '2026-09-02',
    });
    const entries = await dueOf(head(), rule, [none.id, unsigned.id, notGiven.id, done.id], '2026-09-08');
    const byId = new Map(entries.map((e) => [e.recordId, e]));
    expect(entries.map((e) => e.dueOn)).toEqual(['2026-09-07', '2026-09-07', '2026-09-07']);
    expect(byId.get(none.id)).toMatchObject({ overdue: true, daysLeft: -1, detail: 'Not yet recorded' });
    expect(byId.get(unsigned.id)?.detail).toBe('Not yet signed, and no copy given to the carer');
    expect(byId.get(notGiven.id)?.detail).toBe('No signed copy given to the carer yet');
    expect(byId.has(done.id)).toBe(false);
  });

  it('is not due, nor is a placement plan, for a Staying Put arrangement: the young person is an adult', async () => {
    const household = await makeHousehold(db());
    const place = async (placementType: 'long_term' | 'staying_put') =>
      makePlacement(db(), {
        childId: (await makeChild(db(), { dateOfBirth: '2008-08-01' })).id,
        householdId: household.id,
        startDate: '2026-08-28',
        placementType,
      });
    const fostered = await place('long_term');
    const stayingPut = await place('staying_put');
    const ids = [fostered.id, stayingPut.id];
    expect((await dueOf(head(), rule, ids, '2026-09-08')).map((e) => e.recordId)).toEqual([fostered.id]);
    const plans = await dueOf(head(), 'placements.placement-plan', ids, '2026-09-08');
    expect(plans.map((e) => e.recordId)).toEqual([fostered.id]);
  });
});

describe('DBS and medical renewals: due on the expiry of the latest satisfactory check of each person', () => {
  it('uses the latest check per person and kind, in approved households only, on the expiry date itself', async () => {
    const household = await makeHousehold(db());
    const carer = await makeCarer(db(), household.id, { firstName: 'Alma', lastName: 'Checkley' });
    const member = await makeMember(db(), household.id, {
      firstName: 'Bram',
      lastName: 'Checkley',
      relationship: 'adult_child',
    });
    // An old DBS expiring soon, superseded by a new one: nothing due for Alma's DBS.
    await makeCheck(db(), household.id, {
      carerId: carer.id,
      kind: 'dbs',
      completedOn: '2023-12-01',
      expiresOn: '2026-12-01',
    });
    await makeCheck(db(), household.id, {
      carerId: carer.id,
      kind: 'dbs',
      completedOn: '2026-11-01',
      expiresOn: '2029-11-01',
    });
    // Alma's medical expires on Saturday 12 December 2026: an expiry date is not moved to a working day.
    await makeCheck(db(), household.id, {
      carerId: carer.id,
      kind: 'medical',
      completedOn: '2024-12-12',
      expiresOn: '2026-12-12',
    });
    // Bram's DBS expired yesterday.
    await makeCheck(db(), household.id, {
      memberId: member.id,
      kind: 'dbs',
      completedOn: '2023-11-30',
      expiresOn: '2026-11-30',
    });
    // Cass's DBS renewal came back unsatisfactory: it renews nothing, so the satisfactory check
    // before it still sets the date.
    const cass = await makeMember(db(), household.id, {
      firstName: 'Cass',
      lastName: 'Checkley',
      relationship: 'adult_child',
    });
    await makeCheck(db(), household.id, {
      memberId: cass.id,
      kind: 'dbs',
      completedOn: '2023-12-20',
      expiresOn: '2026-12-20',
    });
    await makeCheck(db(), household.id, {
      memberId: cass.id,
      kind: 'dbs',
      completedOn: '2026-11-20',
      expiresOn: '2029-11-20',
      satisfactory: false,
      outcome: 'Disclosure to discuss',
    });
    // Dora's only medical was unsatisfactory: no check to renew, so it is due from its own day.
    const dora = await makeCarer(db(), household.id, { firstName: 'Dora', lastName: 'Checkley' });
    await makeCheck(db(), household.id, {
      carerId: dora.id,
      kind: 'medical',
      completedOn: '2026-11-25',
      expiresOn: '2029-11-25',
      satisfactory: false,
      outcome: 'Awaiting consultant',
    });
    // A check with no expiry (a reference) and one in an applicant household are never due.
    await makeCheck(db(), household.id, { carerId: carer.id, kind: 'dbs', completedOn: '2020-01-01', expiresOn: null });
    const applicant = await makeHousehold(db(), { status: 'applicant' });
    const applicantCarer = await makeCarer(db(), applicant.id);
    await makeCheck(db(), applicant.id, {
      carerId: applicantCarer.id,
      kind: 'dbs',
      completedOn: '2023-11-01',
      expiresOn: '2026-11-01',
    });

    const today = '2026-12-01';
    const dbs = await dueOf(head(), 'households.dbs-check-renewal', [household.id, applicant.id], today, 28);
    expect(dbs.map((e) => [e.dueOn, e.detail, e.daysLeft])).toEqual([
      ['2026-11-30', 'DBS check of Bram Checkley (household member)', -1],
      ['2026-12-20', 'DBS check of Cass Checkley (household member)', 19],
    ]);
    const medical = await dueOf(head(), 'households.medical-check-renewal', [household.id, applicant.id], today, 28);
    expect(medical.map((e) => [e.dueOn, e.detail, e.href])).toEqual([
      [
        '2026-11-25',
        'Medical of Dora Checkley (carer): not satisfactory, no satisfactory check recorded',
        `/households/${household.id}`,
      ],
      ['2026-12-12', 'Medical of Alma Checkley (carer)', `/households/${household.id}`],
    ]);
    // Outside a 10-day window, Alma's medical is not yet shown; Dora's stands overdue.
    expect(
      (await dueOf(head(), 'households.medical-check-renewal', [household.id], today, 10)).map((e) => e.detail),
    ).toEqual(['Medical of Dora Checkley (carer): not satisfactory, no satisfactory check recorded']);
  });
});
