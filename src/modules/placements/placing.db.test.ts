/**
 * Placing a child: a referral matched with a household (those that fit listed nearest the school
 * first, those that do not set apart, full or out-of-scope households hidden), the match's reasons
 * and support package asked for, and the child placed from it, the referral closed; an emergency
 * placement; the rules of placing (one open placement per child, no more children than a household
 * is approved for, a reason for an unplanned ending, the ending within the placement) and a move
 * recorded as an ending and a new placement on the same day, each audited.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement, makeReferral } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { matches, placements, referrals } from './tables.ts';
import { auditTrail, dateFields, idFrom } from './test-support.ts';

const t = testAppForFile();

const today = () => todayInLondon();

describe('matching a referral with a household, and placing the child', () => {
  it('lists the households that fit nearest the school first, hides those that do not, and places the child', async () => {
    const db = t.database.db;
    const child = await makeChild(db, {
      firstName: 'Tia',
      lastName: 'Matched',
      disability: true,
      schoolPostcode: 'CT1',
    });
    const referral = await makeReferral(db, { childId: child.id, status: 'accepted' });
    const tag = `M${Date.now().toString(36)}`;
    await makeHousehold(db, { name: `${tag} Far`, postcode: 'ME14 1AA', disability: true });
    await makeHousehold(db, { name: `${tag} Near`, postcode: 'CT2 7NZ', disability: true });
    await makeHousehold(db, { name: `${tag} Nodisability`, postcode: 'CT1 2AB' });
    const full = await makeHousehold(db, {
      name: `${tag} Full`,
      postcode: 'CT1 3AB',
      disability: true,
      approvedPlaces: 1,
    });
    await makePlacement(db, { childId: (await makeChild(db)).id, householdId: full.id });
    await makeHousehold(db, {
      name: `${tag} Westteam`,
      postcode: 'CT1 4AB',
      disability: true,
      teamName: 'West Kent Fostering Team 1',
    });

    const manager = await signedIn(t.app, 'manager');
    const page = await manager.get(`/referrals/${referral.id}/matching`);
    expect(page.statusCode).toBe(200);
    const body = page.body;
    const [fitting, notFitting] = body.split('Households with a vacancy that do not fit');
    expect(fitting!.indexOf(`${tag} Near`)).toBeGreaterThan(-1);
    expect(fitting!.indexOf(`${tag} Near`)).toBeLessThan(fitting!.indexOf(`${tag} Far`));
    expect(fitting).toContain('About 3 km from school');
    expect(fitting).toContain('Approved for children with disabilities');
    expect(fitting).not.toContain(`${tag} Nodisability`);
    expect(notFitting).toContain(`${tag} Nodisability`);
    expect(notFitting).toContain('Not approved for children with disabilities');
    expect(body).not.toContain(`${tag} Full`); // no vacancy
    expect(body).not.toContain(`${tag} Westteam`); // not in the manager's scope
    expect((await auditTrail(t, 'referral', referral.id)).some((e) => e.action === 'view')).toBe(true);

    const nearId = /href="\/referrals\/[^/]+\/match\?household=([0-9a-f-]{36})">[^<]*Near/.exec(body)![1]!;
    const missing = await manager.post(`/referrals/${referral.id}/match`, {
      householdId: nearId,
      reasons: '',
      supportPackage: '',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter the reasons for the match');
    expect(missing.body).toContain('Enter the support package for the carers');
    const matched = await manager.post(`/referrals/${referral.id}/match`, {
      householdId: nearId,
      reasons: 'Experienced with disability; five minutes from school.',
      supportPackage: 'Fortnightly SSW visits and respite one weekend a month.',
    });
    expect(matched.statusCode).toBe(303);
    expect(matched.headers.location).toBe(`/referrals/${referral.id}/place`);
    const [match] = await db.select().from(matches).where(eq(matches.referralId, referral.id));
    expect(match).toMatchObject({
      householdId: nearId,
      supportPackage: 'Fortnightly SSW visits and respite one weekend a month.',
    });

    const placed = await manager.post(`/referrals/${referral.id}/place`, {
      ...dateFields('startDate', today()),
      placementType: 'long_term',
      childSawProfile: 'yes',
    });
    expect(placed.statusCode).toBe(303);
    const placementId = idFrom(placed.headers.location, '/placements');
    const [placement] = await db.select().from(placements).where(eq(placements.id, placementId));
    expect(placement).toMatchObject({
      childId: child.id,
      householdId: nearId,
      referralId: referral.id,
      startDate: today(),
      childSawProfile: true,
      endDate: null,
    });
    const [after] = await db.select().from(referrals).where(eq(referrals.id, referral.id));
    expect(after!.status).toBe('placed');
    expect((await auditTrail(t, 'placement', placementId)).map((e) => e.action)).toEqual(['create']);
    const view = await manager.get(`/placements/${placementId}`);
    expect(view.body).toContain('Not started');
    expect(view.body).toContain('five minutes from school');
  });
});

describe('the rules of placing', () => {
  it('refuses a second open placement for a child', async () => {
    const db = t.database.db;
    const first = await makeHousehold(db, { name: 'Firsthome Household' });
    const second = await makeHousehold(db);
    const child = await makeChild(db);
    await makePlacement(db, { childId: child.id, householdId: first.id });
    const manager = await signedIn(t.app, 'manager');
    const response = await manager.post(`/children/${child.id}/emergency-placement`, {
      householdId: second.id,
      ...dateFields('startDate', today()),
      placementType: 'emergency',
      childSawProfile: 'no',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The child already lives with Firsthome Household');
    const open = await db
      .select()
      .from(placements)
      .where(and(eq(placements.childId, child.id), isNull(placements.endDate)));
    expect(open).toHaveLength(1);
  });

  it('refuses to place more children than a household is approved for', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { name: 'Oneplace Household', approvedPlaces: 1, emergency: true });
    await makePlacement(db, { childId: (await makeChild(db)).id, householdId: household.id });
    const child = await makeChild(db);
    await makeReferral(db, { childId: child.id, urgency: 'emergency', placementType: 'emergency' });
    const manager = await signedIn(t.app, 'manager');
    const response = await manager.post(`/children/${child.id}/emergency-placement`, {
      householdId: household.id,
      ...dateFields('startDate', today()),
      placementType: 'emergency',
      childSawProfile: 'unknown',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Oneplace Household is approved for 1 child and 1 is placed there');
    expect(await db.select().from(placements).where(eq(placements.childId, child.id))).toHaveLength(0);
  });

  it('places a referred child in an emergency with a household that has room, closing the referral', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { name: 'Emergencybed Household', emergency: true });
    const child = await makeChild(db);
    const referral = await makeReferral(db, { childId: child.id, urgency: 'emergency', placementType: 'emergency' });
    const manager = await signedIn(t.app, 'manager');
    const form = await manager.get(`/children/${child.id}/emergency-placement`);
    expect(form.body).toContain('Emergencybed Household');
    const response = await manager.post(`/children/${child.id}/emergency-placement`, {
      householdId: household.id,
      ...dateFields('startDate', today()),
      placementType: 'emergency',
      childSawProfile: 'no',
    });
    expect(response.statusCode).toBe(303);
    const [row] = await db.select().from(placements).where(eq(placements.childId, child.id));
    expect(row).toMatchObject({
      householdId: household.id,
      placementType: 'emergency',
      childSawProfile: false,
      referralId: referral.id,
    });
    const [closed] = await db.select().from(referrals).where(eq(referrals.id, referral.id));
    expect(closed!.status).toBe('placed');
  });

  it('needs a reason for an unplanned ending', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db);
    const child = await makeChild(db);
    const placement = await makePlacement(db, { childId: child.id, householdId: household.id });
    const cicsw = await signedIn(t.app, 'cicsw');
    const noReason = await cicsw.post(`/placements/${placement.id}/end`, {
      ...dateFields('endDate', today()),
      ending: 'unplanned',
      endReason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter the reason the placement ended unplanned');
    const beforeStart = await cicsw.post(`/placements/${placement.id}/end`, {
      ...dateFields('endDate', '2025-01-05'),
      ending: 'planned',
    });
    expect(beforeStart.statusCode).toBe(400);
    expect(beforeStart.body).toContain('End date must be on or after the start date, 6 January 2025');
    const ended = await cicsw.post(`/placements/${placement.id}/end`, {
      ...dateFields('endDate', today()),
      ending: 'unplanned',
      endReason: 'Carers gave notice after repeated missing episodes.',
    });
    expect(ended.statusCode).toBe(303);
    const [row] = await db.select().from(placements).where(eq(placements.id, placement.id));
    expect(row).toMatchObject({
      endDate: today(),
      ending: 'unplanned',
      endReason: 'Carers gave notice after repeated missing episodes.',
    });
    const trail = await auditTrail(t, 'placement', placement.id);
    expect(trail.find((e) => e.action === 'end')!.detail).toEqual({ ending: 'unplanned' });
  });

  it('records a move as an ending and a new placement on the same day, both audited', async () => {
    const db = t.database.db;
    const from = await makeHousehold(db, { name: 'Oldhome Household' });
    const to = await makeHousehold(db, { name: 'Newhome Household' });
    const child = await makeChild(db);
    const placement = await makePlacement(db, { childId: child.id, householdId: from.id });
    const manager = await signedIn(t.app, 'manager');
    const form = await manager.get(`/placements/${placement.id}/move`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Newhome Household');
    const moved = await manager.post(`/placements/${placement.id}/move`, {
      ...dateFields('endDate', today()),
      ending: 'unplanned',
      endReason: 'Placement broke down.',
      householdId: to.id,
      placementType: 'short_term',
      childSawProfile: 'yes',
    });
    expect(moved.statusCode).toBe(303);
    const newId = idFrom(moved.headers.location, '/placements');
    const rows = await db.select().from(placements).where(eq(placements.childId, child.id));
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === placement.id)).toMatchObject({
      endDate: today(),
      ending: 'unplanned',
      endReason: 'Placement broke down.',
    });
    expect(rows.find((r) => r.id === newId)).toMatchObject({
      householdId: to.id,
      startDate: today(),
      endDate: null,
      placementType: 'short_term',
    });
    expect((await auditTrail(t, 'placement', placement.id)).find((e) => e.action === 'end')!.detail).toEqual({
      ending: 'unplanned',
      movedToPlacementId: newId,
    });
    expect((await auditTrail(t, 'placement', newId)).map((e) => e.action)).toContain('create');
  });

  it('refuses a move that would take the new household over its places, leaving the old placement open', async () => {
    const db = t.database.db;
    const from = await makeHousehold(db);
    const to = await makeHousehold(db, { name: 'Fullup Household', approvedPlaces: 1 });
    await makePlacement(db, { childId: (await makeChild(db)).id, householdId: to.id });
    const child = await makeChild(db);
    const placement = await makePlacement(db, { childId: child.id, householdId: from.id });
    const manager = await signedIn(t.app, 'manager');
    const moved = await manager.post(`/placements/${placement.id}/move`, {
      ...dateFields('endDate', today()),
      ending: 'planned',
      householdId: to.id,
      placementType: 'long_term',
      childSawProfile: 'yes',
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.body).toContain('Fullup Household is approved for 1 child');
    const [row] = await db.select().from(placements).where(eq(placements.id, placement.id));
    expect(row!.endDate).toBeNull();
  });
});
