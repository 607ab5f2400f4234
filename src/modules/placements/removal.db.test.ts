/**
 * A placement recorded in error (the wrong household, the wrong child) is removed with why, by
 * those who may end it: its papers and deadlines go with it, the referral it answered is reopened
 * as it was before, the placement the child left stays ended until that ending is undone, and the
 * audit trail keeps what was removed. Refused, naming them, while records of other modules hang on
 * it or the child has a later placement.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement, makeReferral } from '../../../test/support/children.ts';
import { makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { formatDate } from '../../platform/views/format.ts';
import { missingEpisodes } from '../missing/tables.ts';
import { matches, placementDocuments, placements, referralEvents, referrals } from './tables.ts';
import { auditTrail, dateFields, idFrom } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
const day = (n: number) => addDays(today, n);

const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.database.db, query))[0]!.n;

/** A child living with one household, matched and placed (a move, today) with another: the wrong one. */
async function movedToWrongHousehold(lastName: string) {
  const db = t.database.db;
  const leaving = await makeHousehold(db, { name: `${lastName} Fairfield` });
  const wrong = await makeHousehold(db, { name: `${lastName} Oakleigh` });
  const child = await makeChild(db, { firstName: 'Nell', lastName });
  const lived = await makePlacement(db, { childId: child.id, householdId: leaving.id, startDate: day(-60) });
  const referral = await makeReferral(db, { childId: child.id, status: 'matched', neededFrom: today });
  const manager = await userIdByUsername(db, 'manager');
  const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
  await db
    .update(referralEvents)
    .set({ at: minutesAgo(60) })
    .where(eq(referralEvents.referralId, referral.id));
  await db.insert(referralEvents).values([
    { referralId: referral.id, kind: 'accepted', byUserId: manager, at: minutesAgo(30) },
    { referralId: referral.id, kind: 'matched', byUserId: manager, at: minutesAgo(10) },
  ]);
  await db
    .insert(matches)
    .values({ referralId: referral.id, householdId: wrong.id, reasons: 'Near school.', supportPackage: 'Visits.' });
  return { child, lived, referral, leaving, wrong };
}

describe('removing a placement recorded in error', () => {
  it('asks why, then removes it with its papers and deadlines, reopening the referral', async () => {
    const db = t.database.db;
    const { child, lived, referral, wrong } = await movedToWrongHousehold('Removewrong');
    const manager = await signedIn(t.app, 'manager');
    const placed = await manager.post(`/referrals/${referral.id}/place`, {
      ...dateFields('startDate', today),
      placementType: 'long_term',
      childSawProfile: 'yes',
    });
    expect(placed.statusCode).toBe(303);
    const id = idFrom(placed.headers.location, '/placements');
    await db.insert(placementDocuments).values({ placementId: id, kind: 'referral', givenOn: today });
    const dueItems = () => count(sql`select count(*)::int as n from due_items where record_id = ${id}`);
    expect(await dueItems()).toBe(2);

    const page = await manager.get(`/placements/${id}`);
    expect(page.body).toContain(`href="/placements/${id}/remove"`);
    const form = await manager.get(`/placements/${id}/remove`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`Remove the placement with ${wrong.name}`);
    expect(form.body).toContain('Its papers go with it: the date a document was given to the carer.');
    expect(form.body).toContain('The referral it answered is reopened');
    expect(form.body).toContain(
      `Nell’s placement with Removewrong Fairfield ended on ${formatDate(today)}, when this one began: it stays ended.`,
    );

    const blank = await manager.post(`/placements/${id}/remove`, { reason: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Enter why the placement is being removed');
    const removed = await manager.post(`/placements/${id}/remove`, { reason: 'Matched with the wrong household' });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/referrals/${referral.id}?done=placement-removed`);

    const referralPage = await manager.get(removed.headers.location!);
    expect(referralPage.body).toContain('The placement has been removed and the referral reopened');
    expect(referralPage.body).toContain('Reopened: the placement was removed, recorded in error');
    expect(referralPage.body).toContain(`href="/referrals/${referral.id}/place"`);
    expect((await db.select().from(referrals).where(eq(referrals.id, referral.id)))[0]!.status).toBe('matched');
    expect((await manager.get(`/placements/${id}`)).statusCode).toBe(404);
    expect(await db.select().from(placements).where(eq(placements.id, id))).toEqual([]);
    expect(await dueItems()).toBe(0);
    expect(await count(sql`select count(*)::int as n from kept_placements where id = ${id}`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from placement_documents where placement_id = ${id}`)).toBe(0);
    const childPage = await manager.get(`/children/${child.id}`);
    expect(childPage.body).toContain('Not placed with a fostering household at the moment');
    expect(childPage.body).not.toContain(`href="/placements/${id}"`);

    const [entry] = (await auditTrail(t, 'placement', id)).filter((e) => e.action === 'delete');
    expect(entry?.detail).toMatchObject({
      reason: 'Matched with the wrong household',
      childId: child.id,
      householdId: wrong.id,
      startDate: today,
      referralStatus: 'matched',
      documents: [{ kind: 'referral', givenOn: today }],
    });
    const onChild = (await auditTrail(t, 'child', child.id)).find((e) => e.action === 'delete');
    expect(onChild?.detail).toMatchObject({ part: 'placement', placementId: id });

    // The placement Nell left stays ended until that ending is undone: now it can be.
    const reopen = await manager.post(`/placements/${lived.id}/reopen`, {});
    expect(reopen.statusCode).toBe(303);
    expect((await db.select().from(placements).where(eq(placements.id, lived.id)))[0]!.endDate).toBeNull();
    const livesWith = await manager.get(`/children/${child.id}`);
    expect(livesWith.body).toContain(`href="/placements/${lived.id}"`);
    expect(livesWith.body).toContain('No past placements recorded.');
  });

  it('is refused, naming them, while records hang on it or a later placement follows it', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { name: 'Removeheld Oakleigh', allocatedSswUsername: 'ssw' });
    const later = await makeHousehold(db, { name: 'Removeheld Fairfield' });
    const child = await makeChild(db, { firstName: 'Osian', lastName: 'Removeheld' });
    const placement = await makePlacement(db, { childId: child.id, householdId: household.id, startDate: day(-30) });
    await db.insert(missingEpisodes).values({
      childId: child.id,
      placementId: placement.id,
      householdId: household.id,
      missingOn: day(-10),
      reportedToPolice: true,
      returnedOn: day(-9),
    });
    const ssw = await signedIn(t.app, 'ssw');
    const page = await ssw.get(`/placements/${placement.id}/remove`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This placement cannot be removed');
    expect(page.body).toContain(`the record of going missing on ${formatDate(day(-10))}`);
    expect(page.body).not.toContain('name="reason"');
    const posted = await ssw.post(`/placements/${placement.id}/remove`, { reason: 'Wrong child' });
    expect(posted.statusCode).toBe(400);
    expect(posted.body).toContain('Records are kept during this placement');
    expect(posted.body).toContain('Wrong child');
    expect(await db.select().from(placements).where(eq(placements.id, placement.id))).toHaveLength(1);

    // Once ended and followed by another placement, the later one is put right first.
    await db.delete(missingEpisodes).where(eq(missingEpisodes.placementId, placement.id));
    await db
      .update(placements)
      .set({ endDate: day(-5), ending: 'planned' })
      .where(eq(placements.id, placement.id));
    await makePlacement(db, { childId: child.id, householdId: later.id, startDate: day(-5) });
    const followed = await ssw.get(`/placements/${placement.id}/remove`);
    expect(followed.body).toContain(
      `Osian has a later placement, the placement with Removeheld Fairfield since ${formatDate(day(-5))}: only the child’s latest placement can be removed.`,
    );
  });

  it('takes a placement of one day, ended by a move that day, as the earlier one', async () => {
    const db = t.database.db;
    const first = await makeHousehold(db, { name: 'Sameday Fairfield', allocatedSswUsername: 'ssw' });
    const second = await makeHousehold(db, { name: 'Sameday Oakleigh', allocatedSswUsername: 'ssw' });
    const child = await makeChild(db, { firstName: 'Rhys', lastName: 'Sameday' });
    const left = await makePlacement(db, { childId: child.id, householdId: first.id, startDate: today });
    await db.update(placements).set({ endDate: today, ending: 'unplanned' }).where(eq(placements.id, left.id));
    const moved = await makePlacement(db, { childId: child.id, householdId: second.id, startDate: today });
    const ssw = await signedIn(t.app, 'ssw');
    // The placement moved to is the latest: it may be removed, and the one left is followed by it.
    const latest = await ssw.get(`/placements/${moved.id}/remove`);
    expect(latest.body).toContain('name="reason"');
    expect(latest.body).not.toContain('This placement cannot be removed');
    const earlier = await ssw.get(`/placements/${left.id}/remove`);
    expect(earlier.body).toContain('This placement cannot be removed');
    expect(earlier.body).toContain('Rhys has a later placement, the placement with Sameday Oakleigh');
  });

  it('is refused to a role that changes no placement (403) and to another team’s worker (404)', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { name: 'Removewho Oakleigh' });
    const child = await makeChild(db, { firstName: 'Ivy', lastName: 'Removewho' });
    const placement = await makePlacement(db, { childId: child.id, householdId: household.id, startDate: day(-3) });
    const director = await signedIn(t.app, 'director');
    expect((await director.get(`/placements/${placement.id}/remove`)).statusCode).toBe(403);
    expect((await director.post(`/placements/${placement.id}/remove`, { reason: 'x' })).statusCode).toBe(403);
    const other = await signedIn(t.app, 'ssw2');
    expect((await other.get(`/placements/${placement.id}/remove`)).statusCode).toBe(404);
    expect((await other.post(`/placements/${placement.id}/remove`, { reason: 'x' })).statusCode).toBe(404);
    expect((await other.post(`/placements/${placement.id}/reopen`, {})).statusCode).toBe(404);
    expect(await db.select().from(placements).where(eq(placements.id, placement.id))).toHaveLength(1);
  });
});
