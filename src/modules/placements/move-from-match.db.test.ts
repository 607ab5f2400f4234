/**
 * A child matched with new carers while living with others (a short-term placement moving to
 * long-term carers): placing them from the match records the move, ending the placement they leave
 * on the day they move, as planned, and closing the referral. Before, it was refused ("end that
 * placement first, or record a move"), and neither way answered the referral.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement, makeReferral } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { matches, placements, referrals } from './tables.ts';
import { auditTrail, dateFields, idFrom } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();

async function matchedWhilePlaced(name: string) {
  const db = t.database.db;
  const leaving = await makeHousehold(db, { name: `${name} Shortstay` });
  const matched = await makeHousehold(db, { name: `${name} Longstay` });
  const child = await makeChild(db, { firstName: 'Nell', lastName: name });
  const current = await makePlacement(db, {
    childId: child.id,
    householdId: leaving.id,
    placementType: 'short_term',
    startDate: addDays(today, -60),
  });
  const referral = await makeReferral(db, { childId: child.id, status: 'matched', neededFrom: addDays(today, 10) });
  await db.insert(matches).values({
    referralId: referral.id,
    householdId: matched.id,
    reasons: 'Close to school.',
    supportPackage: 'Fortnightly visits.',
  });
  return { child, current, referral, matched };
}

const placeForm = (startDate: string) => ({
  ...dateFields('startDate', startDate),
  placementType: 'long_term',
  childSawProfile: 'yes',
});

describe('placing a matched child who lives with other carers now', () => {
  it('says so on the form, refuses a day to come, and on the day records the move and closes the referral', async () => {
    const db = t.database.db;
    const { child, current, referral, matched } = await matchedWhilePlaced('Movemake');
    const manager = await signedIn(t.app, 'manager');
    const placePath = `/referrals/${referral.id}/place`;

    const form = await manager.get(placePath);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`lives with Movemake Shortstay now, since ${formatDate(current.startDate)}`);
    expect(form.body).toContain('The day the child moves in: today, or a day that has passed');
    // The start date offered is today, the day it is recorded, not the day needed from.
    const todayDay = String(Number(today.split('-')[2]));
    expect(form.body).toMatch(new RegExp(`name="startDate-day"[^>]*value="${todayDay}"`));

    const ahead = await manager.post(placePath, placeForm(addDays(today, 10)));
    expect(ahead.statusCode).toBe(400);
    expect(ahead.body).toContain(
      'Nell lives with Movemake Shortstay until the move: record the placement on the day Nell moves, with that day as the start date',
    );
    const tooEarly = await manager.post(placePath, placeForm(addDays(today, -61)));
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.body).toContain(
      `Start date must be on or after ${formatDate(current.startDate)}, when Nell started living with Movemake Shortstay`,
    );
    expect((await db.select().from(placements).where(eq(placements.id, current.id)))[0]!.endDate).toBeNull();

    const placed = await manager.post(placePath, placeForm(today));
    expect(placed.statusCode).toBe(303);
    const newId = idFrom(placed.headers.location, '/placements');
    const [left] = await db.select().from(placements).where(eq(placements.id, current.id));
    expect(left).toMatchObject({
      endDate: today,
      ending: 'planned',
      endReason: 'Moved to Movemake Longstay, as matched',
    });
    const [now] = await db.select().from(placements).where(eq(placements.id, newId));
    expect(now).toMatchObject({ childId: child.id, householdId: matched.id, referralId: referral.id, endDate: null });
    expect((await db.select().from(referrals).where(eq(referrals.id, referral.id)))[0]!.status).toBe('placed');
    const ended = (await auditTrail(t, 'placement', current.id)).find((e) => e.action === 'end');
    expect(ended?.detail).toMatchObject({ ending: 'planned', movedToPlacementId: newId });
    const childPage = await manager.get(`/children/${child.id}`);
    expect(childPage.body).toContain('Movemake Longstay');
  });

  it('still refuses a child who lives with the matched household already', async () => {
    const db = t.database.db;
    const { child, current, referral, matched } = await matchedWhilePlaced('Movesame');
    await db.update(placements).set({ householdId: matched.id }).where(eq(placements.id, current.id));
    const manager = await signedIn(t.app, 'manager');
    const refused = await manager.post(`/referrals/${referral.id}/place`, placeForm(today));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('The child already lives with Movesame Longstay');
    expect((await manager.get(`/referrals/${referral.id}/place`)).body).not.toContain('lives with Movesame');
    expect((await db.select().from(placements).where(eq(placements.childId, child.id))).length).toBe(1);
  });
});
