/**
 * Each child placed with a household is seen by its supervising social worker before the
 * household's annual review: in the 3 months before the review is due, at a finalised supervision
 * there. Dates worked out by hand; today is passed in, except on the page, which reads the clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { addDays, addYears, todayInLondon } from '../../platform/dates/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { dueFor } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { viewer } from '../home/test-support.ts';
import { makeSupervision } from '../supervision/test-support.ts';
import { makeReview } from './test-support.ts';

const RULE = 'reviews.child-seen-before-review';
let t: TestApp;
let db: Db;
let ssw: SignedInUser;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  ssw = await viewer(db, 'ssw');
});
afterAll(async () => {
  await t.close();
});

async function dueOf(recordIds: string[], today: string) {
  const entries = await dueFor(db, ssw, { today, horizonDays: 800, ruleIds: [RULE] });
  return entries
    .filter((e) => recordIds.includes(e.recordId))
    .map((e) => [e.recordId, e.dueOn, e.detail ?? null])
    .sort((a, b) => String(a[2]).localeCompare(String(b[2])));
}

describe('a placed child seen before the annual review (regulation 28(3), NMS 21.8)', () => {
  it('is due on the day the review is due, met by a supervision seeing the child in the 3 months before', async () => {
    // Approved 5 January 2026: the first review is due by 5 January 2027; the 3 months open on 5 October 2026.
    const household = await makeHousehold(db, { statusSince: '2026-01-05', name: 'Seenbefore' });
    const householdId = household.id;
    const placed = async (firstName: string, startDate: string, more: Record<string, unknown> = {}) => {
      const child = await makeChild(db, { firstName, lastName: 'Seenbefore' });
      await makePlacement(db, { childId: child.id, householdId, startDate, ...more });
      return child.id;
    };
    const seenEarly = await placed('Amara', '2026-03-02');
    const seenInTime = await placed('Bryn', '2026-03-02');
    const newlyPlaced = await placed('Cai', '2026-11-16');
    const stayingPut = await placed('Dilys', '2026-03-02', { placementType: 'staying_put' });
    const left = await placed('Efa', '2026-03-02', { endDate: '2026-11-20', endReason: 'Returned home' });
    const draftOnly = await placed('Ffion', '2026-03-02');
    await makeSupervision(db, { householdId, visitDate: '2026-09-20', seen: { [seenEarly]: 'seen' } });
    await makeSupervision(db, { householdId, visitDate: '2026-10-10', seen: { [seenInTime]: 'seen_alone' } });
    await makeSupervision(db, {
      householdId,
      visitDate: '2026-11-02',
      status: 'draft',
      seen: { [draftOnly]: 'seen' },
    });
    // Ffion was seen only at a visit still in draft.
    const all = [seenEarly, seenInTime, newlyPlaced, stayingPut, left, draftOnly];
    expect(await dueOf(all, '2026-12-01')).toEqual([
      [seenEarly, '2027-01-05', 'Review due on 5 January 2027; last seen on 20 September 2026'],
      [
        newlyPlaced,
        '2027-01-05',
        'Review due on 5 January 2027; not seen at a supervision since placed on 16 November 2026',
      ],
      [draftOnly, '2027-01-05', 'Review due on 5 January 2027; not seen at a supervision since placed on 2 March 2026'],
    ]);
    // Not shown before the 3 months open: on 1 October 2026 nothing is due yet.
    expect(await dueOf(all, '2026-10-01')).toEqual([]);

    // Seen at a supervision on 25 November: Amara's item goes as the visit is written.
    await makeSupervision(db, {
      householdId,
      visitDate: '2026-11-25',
      seen: { [seenEarly]: 'seen', [draftOnly]: 'not_seen' },
    });
    expect((await dueOf(all, '2026-12-01')).map((r) => r[0]).sort()).toEqual([draftOnly, newlyPlaced].sort());

    // The review held on 1 December 2026: the next is due by 1 December 2027, and every child is
    // owed a visit in the 3 months before it (from 1 September 2027).
    await makeReview(db, { householdId, startedOn: '2026-11-01', reviewedOn: '2026-12-01' });
    expect(await dueOf(all, '2026-12-02')).toEqual([]);
    const next = await dueOf(all, '2027-09-01');
    expect(next.map((r) => r[1])).toEqual(['2027-12-01', '2027-12-01', '2027-12-01', '2027-12-01']);
    expect(next.map((r) => r[0]).sort()).toEqual([seenEarly, seenInTime, newlyPlaced, draftOnly].sort());
  });

  it('shows in the supervising social worker’s work, with the review’s date in words', async () => {
    const today = todayInLondon();
    // Approved 11 months and 3 weeks ago: the review is due in a week, and the child was last seen 4 months ago.
    const approved = addDays(today, -358);
    const household = await makeHousehold(db, {
      statusSince: approved,
      name: 'Reviewsoon',
      allocatedSswUsername: 'ssw',
    });
    const child = await makeChild(db, { firstName: 'Gwen', lastName: 'Reviewsoon' });
    await makePlacement(db, { childId: child.id, householdId: household.id, startDate: addDays(today, -200) });
    const lastSeen = addDays(today, -120);
    await makeSupervision(db, { householdId: household.id, visitDate: lastSeen, seen: { [child.id]: 'seen' } });
    const page = await (await signedIn(t.app, 'ssw')).get(`/my-work?rule=${RULE}&within=28`);
    expect(page.statusCode).toBe(200);
    const row = page.body.split('<tr').find((r) => r.includes('Gwen Reviewsoon')) ?? '';
    expect(row).toContain('Placed child seen before the annual review');
    expect(row).toContain(`Review due on ${formatDate(addYears(approved, 1))}; last seen on ${formatDate(lastSeen)}`);
  });
});
