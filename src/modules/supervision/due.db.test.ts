/** The supervision deadlines, with due dates worked out by hand (today is passed in, never the clock's). */
import { describe, expect, it } from 'vitest';
import { dueFixture } from '../../../test/support/due.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { dueFor } from '../../platform/due/index.ts';
import { viewer } from '../home/test-support.ts';
import { makeAgreement, makeSupervision } from './test-support.ts';

const { db, head } = dueFixture();

async function dueOf(user: SignedInUser, ruleId: string, recordIds: string[], today: string) {
  const entries = await dueFor(db(), user, { today, horizonDays: 400, ruleIds: [ruleId] });
  return entries.filter((e) => recordIds.includes(e.recordId)).map((e) => [e.recordId, e.dueOn, e.overdue]);
}

describe('next supervision: within 6 weeks of the last finalised visit', () => {
  it('counts 42 days from the latest finalised visit, or from approval when there is none', async () => {
    const visited = await makeHousehold(db(), { statusSince: '2026-01-05' });
    await makeSupervision(db(), { householdId: visited.id, visitDate: '2026-07-01' });
    await makeSupervision(db(), { householdId: visited.id, visitDate: '2026-08-26' });
    // A draft is not a finalised supervision: it does not move the date.
    await makeSupervision(db(), { householdId: visited.id, visitDate: '2026-09-20', status: 'draft' });
    // 26 August + 42 days: 5 days to 31 August, 30 in September, 7 in October = 7 October.
    const never = await makeHousehold(db(), { statusSince: '2026-09-01' });
    // Approved 1 September + 42 days: 29 in September, 13 in October = 13 October.
    const notApproved = await makeHousehold(db(), { status: 'applicant', statusSince: '2026-01-05' });
    expect(await dueOf(head(), 'supervision.next-visit', [visited.id, never.id, notApproved.id], '2026-10-08')).toEqual(
      [
        [visited.id, '2026-10-07', true],
        [never.id, '2026-10-13', false],
      ],
    );
  });

  it('shows an SSW the households in their scope only', async () => {
    const west = await makeHousehold(db(), { teamName: 'West Kent Fostering Team 1', statusSince: '2026-01-05' });
    const ssw = await viewer(db(), 'ssw');
    const ssw2 = await viewer(db(), 'ssw2');
    expect(await dueOf(ssw, 'supervision.next-visit', [west.id], '2026-10-08')).toEqual([]);
    expect(await dueOf(ssw2, 'supervision.next-visit', [west.id], '2026-10-08')).toHaveLength(1);
  });
});

describe('supervision agreement: signed at approval, renewed every 12 months', () => {
  it('falls due on the latest agreement’s review date, or at approval when none is signed', async () => {
    const renewed = await makeHousehold(db(), { statusSince: '2024-03-01' });
    await makeAgreement(db(), renewed.id, '2024-03-04');
    await makeAgreement(db(), renewed.id, '2025-10-20');
    const unsigned = await makeHousehold(db(), { statusSince: '2026-09-14' });
    const current = await makeHousehold(db(), { statusSince: '2026-01-05' });
    await makeAgreement(db(), current.id, '2026-01-12');
    // Renewed 20 October 2025: reviewed by 20 October 2026 (overdue on 22 October). The one
    // signed 12 January 2026 is reviewed on 12 January 2027, outside the 60-day window.
    const entries = await dueFor(db(), head(), {
      today: '2026-10-22',
      horizonDays: 60,
      ruleIds: ['supervision.agreement-renewal'],
    });
    const ours = entries.filter((e) => [renewed.id, unsigned.id, current.id].includes(e.recordId));
    expect(ours.map((e) => [e.recordId, e.dueOn, e.overdue, e.detail])).toEqual([
      [unsigned.id, '2026-09-14', true, 'No signed supervision agreement'],
      [renewed.id, '2026-10-20', true, 'Agreement due for review on 2026-10-20'],
    ]);
  });
});

describe('unannounced visit: at least once in every 12 months', () => {
  it('counts a year from the latest finalised unannounced visit, ignoring announced ones', async () => {
    const household = await makeHousehold(db(), { statusSince: '2025-01-10' });
    await makeSupervision(db(), { householdId: household.id, visitDate: '2026-02-10', announced: false });
    await makeSupervision(db(), { householdId: household.id, visitDate: '2026-08-26', announced: true });
    const none = await makeHousehold(db(), { statusSince: '2025-11-30' });
    await makeSupervision(db(), { householdId: none.id, visitDate: '2026-08-26', announced: true });
    expect(await dueOf(head(), 'supervision.unannounced-visit', [household.id, none.id], '2026-12-01')).toEqual([
      // Approved 30 November 2025, never an unannounced visit: due 30 November 2026, overdue.
      [none.id, '2026-11-30', true],
      [household.id, '2027-02-10', false],
    ]);
  });
});

describe('placed children seen at least every 3 months', () => {
  it('counts from the last visit the child was seen at, or from the start of the placement', async () => {
    const household = await makeHousehold(db(), { statusSince: '2025-01-10' });
    const seenChild = await makeChild(db(), { firstName: 'Seen' });
    const unseenChild = await makeChild(db(), { firstName: 'Unseen' });
    const leftChild = await makeChild(db(), { firstName: 'Left' });
    await makePlacement(db(), { childId: seenChild.id, householdId: household.id, startDate: '2026-03-01' });
    await makePlacement(db(), { childId: unseenChild.id, householdId: household.id, startDate: '2026-07-15' });
    await makePlacement(db(), {
      childId: leftChild.id,
      householdId: household.id,
      startDate: '2026-03-01',
      endDate: '2026-09-01',
    });
    await makeSupervision(db(), {
      householdId: household.id,
      visitDate: '2026-08-26',
      seen: { [seenChild.id]: 'seen_alone', [unseenChild.id]: 'not_seen', [leftChild.id]: 'not_seen' },
    });
    const ids = [seenChild.id, unseenChild.id, leftChild.id];
    expect(await dueOf(head(), 'supervision.child-seen', ids, '2026-10-20')).toEqual([
      // Placed 15 July, never seen: due 15 October, overdue on 20 October.
      [unseenChild.id, '2026-10-15', true],
      // Seen alone on 26 August: due 26 November.
      [seenChild.id, '2026-11-26', false],
    ]);
  });
});

describe('notes sent within 5 working days of the visit', () => {
  it('skips the weekend and the summer bank holiday', async () => {
    const household = await makeHousehold(db(), { statusSince: '2025-01-10' });
    // Visit on Wednesday 26 August 2026. Working days after it: Thu 27 (1), Fri 28 (2), Sat 29, Sun 30,
    // Mon 31 August (summer bank holiday), Tue 1 September (3), Wed 2 (4), Thu 3 September (5).
    const pending = await makeSupervision(db(), { householdId: household.id, visitDate: '2026-08-26' });
    const sent = await makeSupervision(db(), {
      householdId: household.id,
      visitDate: '2026-08-26',
      notesSentOn: '2026-08-28',
    });
    // Drafts owe notes too: the visit has happened.
    const draft = await makeSupervision(db(), { householdId: household.id, visitDate: '2026-09-02', status: 'draft' });
    // 2 September + 5 working days: Thu 3 (1), Fri 4 (2), Mon 7 (3), Tue 8 (4), Wed 9 (5).
    expect(await dueOf(head(), 'supervision.notes-sent', [pending.id, sent.id, draft.id], '2026-09-04')).toEqual([
      [pending.id, '2026-09-03', true],
      [draft.id, '2026-09-09', false],
    ]);
  });
});

describe('a household on hold', () => {
  it('still owes the notes of a visit and the visits to the children placed there, as the scorecard counts them', async () => {
    const household = await makeHousehold(db(), { status: 'on_hold', statusSince: '2026-09-01' });
    const child = await makeChild(db(), { firstName: 'Onhold' });
    await makePlacement(db(), { childId: child.id, householdId: household.id, startDate: '2026-03-02' });
    const visit = await makeSupervision(db(), { householdId: household.id, visitDate: '2026-08-26' });
    // Placed 2 March, never seen: due 2 June. Visit on 26 August: notes due 3 September.
    expect(await dueOf(head(), 'supervision.child-seen', [child.id], '2026-10-20')).toEqual([
      [child.id, '2026-06-02', true],
    ]);
    expect(await dueOf(head(), 'supervision.notes-sent', [visit.id], '2026-10-20')).toEqual([
      [visit.id, '2026-09-03', true],
    ]);
  });
});
