import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeAgencyPlacement, makeChild, makePlacement, makeReferral } from '../../../test/support/children.ts';
import { makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { areas, teams } from '../../platform/auth/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { breakdownOf, measureRecords, periodOf } from '../../platform/measures/index.ts';
import { inHousePlacementRate } from './in-house-measure.ts';
import { registerMeasure } from '../../platform/measures/index.ts';
import { agencyPlacements, referralEvents, referrals } from './tables.ts';
import { auditTrail, dateFields } from './test-support.ts';

const t = testAppForFile();

const today = () => todayInLondon();

describe('recording that a referred child was placed with an agency', () => {
  it('shows errors with the input kept, then writes the placement, closes the referral and audits both', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { firstName: 'Ava', lastName: 'Agencyplaced' });
    const referral = await makeReferral(db, { childId: child.id, status: 'accepted', placementType: 'short_term' });
    const manager = await signedIn(t.app, 'manager');

    const page = await manager.get(`/referrals/${referral.id}`);
    expect(page.body).toContain(`href="/referrals/${referral.id}/agency-placement"`);
    const form = await manager.get(`/referrals/${referral.id}/agency-placement`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/value="short_term" checked/);

    const url = `/referrals/${referral.id}/agency-placement`;
    const wrong = await manager.post(url, {
      agencyName: 'Brightwater Fostering',
      'startDate-day': '31',
      'startDate-month': '2',
      'startDate-year': '2026',
      placementType: 'long_term',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Start date must be a real date');
    expect(wrong.body).toContain('value="Brightwater Fostering"');
    expect(wrong.body).toMatch(/value="long_term" checked/);
    expect(wrong.body).toContain('value="31"');
    const empty = await manager.post(url, { agencyName: '  ', ...dateFields('startDate', today()) });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the name of the fostering agency');
    expect(empty.body).toContain('Select the type of placement');
    const tooFar = await manager.post(url, {
      agencyName: 'Brightwater Fostering',
      ...dateFields('startDate', addDays(today(), 120)),
      placementType: 'long_term',
    });
    expect(tooFar.body).toContain('Start date must be within 90 days from today');
    expect(await db.select().from(agencyPlacements).where(eq(agencyPlacements.childId, child.id))).toHaveLength(0);

    const done = await manager.post(url, {
      agencyName: 'Brightwater Fostering',
      ...dateFields('startDate', today()),
      placementType: 'long_term',
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/referrals/${referral.id}?done=agency`);
    const [row] = await db.select().from(agencyPlacements).where(eq(agencyPlacements.childId, child.id));
    expect(row).toMatchObject({
      referralId: referral.id,
      agencyName: 'Brightwater Fostering',
      placementType: 'long_term',
      startDate: today(),
      endDate: null,
      createdBy: await userIdByUsername(db, 'manager'),
    });
    const [closed] = await db.select().from(referrals).where(eq(referrals.id, referral.id));
    expect(closed!.status).toBe('placed');
    const events = await db.select().from(referralEvents).where(eq(referralEvents.referralId, referral.id));
    expect(events.find((e) => e.kind === 'placed')?.reason).toContain('independent fostering agency: Brightwater');
    const childAudit = await auditTrail(t, 'child', child.id);
    expect(childAudit.find((e) => e.action === 'place-with-agency')?.detail).toMatchObject({
      agencyPlacementId: row!.id,
    });
    expect((await auditTrail(t, 'referral', referral.id)).some((e) => e.action === 'place')).toBe(true);

    const after = await manager.get(done.headers.location as string);
    expect(after.body).toContain('The agency placement has been recorded');
    expect(after.body).not.toContain('Record an agency placement');
    // The referral is closed: the form is not offered again, and a second post changes nothing.
    expect((await manager.get(url)).statusCode).toBe(303);
    const again = await manager.post(url, {
      agencyName: 'Oakfield Family Care',
      ...dateFields('startDate', today()),
      placementType: 'long_term',
    });
    expect(again.statusCode).toBe(303);
    expect(await db.select().from(agencyPlacements).where(eq(agencyPlacements.childId, child.id))).toHaveLength(1);
  });

  it('ends the agency placement when the child moves to the service’s own carers', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { lastName: 'Comesinhouse' });
    const [agency] = await db
      .insert(agencyPlacements)
      .values({
        childId: child.id,
        agencyName: 'Oakfield Family Care',
        placementType: 'long_term',
        startDate: '2025-06-02',
      })
      .returning();
    const household = await makeHousehold(db);
    const head = await signedIn(t.app, 'head');
    const placed = await head.post(`/children/${child.id}/emergency-placement`, {
      householdId: household.id,
      ...dateFields('startDate', today()),
      placementType: 'emergency',
      childSawProfile: 'no',
    });
    expect(placed.statusCode).toBe(303);
    const [ended] = await db.select().from(agencyPlacements).where(eq(agencyPlacements.id, agency!.id));
    expect(ended).toMatchObject({ endDate: today(), endReason: 'Moved to the service’s own foster carers' });
    const page = await head.get(`/children/${child.id}`);
    expect(page.body).toContain('Moved to the service’s own foster carers');
  });

  it('refuses a child who is still placed with our carers', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { lastName: 'Stillplaced' });
    const household = await makeHousehold(db, { name: 'Testfamily Stillhere' });
    await makePlacement(db, { childId: child.id, householdId: household.id, startDate: '2025-02-03' });
    const referral = await makeReferral(db, { childId: child.id, status: 'matched' });
    const manager = await signedIn(t.app, 'manager');
    const refused = await manager.post(`/referrals/${referral.id}/agency-placement`, {
      agencyName: 'Oakfield Family Care',
      ...dateFields('startDate', today()),
      placementType: 'short_term',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('The child is placed with Testfamily Stillhere already: end that placement first');
    expect(await db.select().from(agencyPlacements).where(eq(agencyPlacements.childId, child.id))).toHaveLength(0);
    const [still] = await db.select().from(referrals).where(eq(referrals.id, referral.id));
    expect(still!.status).toBe('matched');
  });

  it('is for those who place children (403 otherwise), within their area (404 outside it)', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { lastName: 'Scopecheck' });
    const referral = await makeReferral(db, { childId: child.id, status: 'accepted' });
    const west = await makeChild(db, { area: 'West Kent', lastName: 'Westagency', socialWorker: null });
    const westReferral = await makeReferral(db, { childId: west.id, status: 'accepted' });
    const body = {
      agencyName: 'Oakfield Family Care',
      ...dateFields('startDate', today()),
      placementType: 'long_term',
    };
    for (const username of ['cicsw', 'ssw']) {
      const agent = await signedIn(t.app, username);
      expect((await agent.get(`/referrals/${referral.id}/agency-placement`)).statusCode).toBe(403);
      expect((await agent.post(`/referrals/${referral.id}/agency-placement`, body)).statusCode).toBe(403);
    }
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get(`/referrals/${westReferral.id}/agency-placement`)).statusCode).toBe(404);
    expect((await manager.post(`/referrals/${westReferral.id}/agency-placement`, body)).statusCode).toBe(404);
    const written = await db.select().from(agencyPlacements).where(eq(agencyPlacements.childId, west.id));
    expect(written).toHaveLength(0);
  });
});

describe('ending an agency placement', () => {
  it('checks the date and reason, keeps the input, ends it and audits it; others get 403 or 404', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { lastName: 'Endingagency' });
    const [placement] = await db
      .insert(agencyPlacements)
      .values({
        childId: child.id,
        agencyName: 'Meadowbank Fostering',
        placementType: 'long_term',
        startDate: '2025-04-07',
      })
      .returning();
    const url = `/agency-placements/${placement!.id}/end`;
    const head = await signedIn(t.app, 'head');
    expect((await head.get(url)).statusCode).toBe(200);

    const early = await head.post(url, { ...dateFields('endDate', '2025-04-01'), endReason: 'Returned home' });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('End date must be on or after the start date, 7 April 2025');
    expect(early.body).toContain('Returned home');
    const noReason = await head.post(url, { ...dateFields('endDate', today()), endReason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter the reason the placement ended');

    expect((await (await signedIn(t.app, 'lado')).get(url)).statusCode).toBe(403);
    // A supervising social worker changes placements with their own households only; a team manager those of
    // their area's children.
    expect((await (await signedIn(t.app, 'ssw')).get(url)).statusCode).toBe(404);
    expect((await (await signedIn(t.app, 'manager')).get(url)).statusCode).toBe(200);

    const ended = await head.post(url, { ...dateFields('endDate', today()), endReason: 'Moved to one of our carers' });
    expect(ended.statusCode).toBe(303);
    expect(ended.headers.location).toBe(`/children/${child.id}?done=agency-ended`);
    expect((await head.get(ended.headers.location!)).body).toContain('The agency placement has been ended');
    const [row] = await db.select().from(agencyPlacements).where(eq(agencyPlacements.id, placement!.id));
    expect(row).toMatchObject({ endDate: today(), endReason: 'Moved to one of our carers' });
    const audit = await auditTrail(t, 'child', child.id);
    expect(audit.find((e) => e.action === 'end-agency-placement')?.detail).toMatchObject({
      agencyPlacementId: placement!.id,
    });
  });

  it('shows the child’s agency placements on their page, with an End link for those who may end them', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { lastName: 'Agencypage' });
    await db.insert(agencyPlacements).values([
      {
        childId: child.id,
        agencyName: 'Seaview Family Fostering',
        placementType: 'emergency',
        startDate: '2025-10-06',
        endDate: '2025-11-03',
        endReason: 'Step-down to a long-term placement',
      },
      { childId: child.id, agencyName: 'Harbourside Foster Care', placementType: 'long_term', startDate: '2025-11-03' },
    ]);
    const [open] = await db
      .select()
      .from(agencyPlacements)
      .where(and(eq(agencyPlacements.childId, child.id), isNull(agencyPlacements.endDate)));
    const page = await (await signedIn(t.app, 'cicsw')).get(`/children/${child.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      'Placed with Harbourside Foster Care, an independent fostering agency, since 3 November 2025',
    );
    expect(page.body).toContain('Placements with agencies');
    expect(page.body).toContain('Step-down to a long-term placement');
    expect(page.body).toContain(`href="/agency-placements/${open!.id}/end"`);
    // The assistant director reads the child's record but changes nothing.
    const read = await (await signedIn(t.app, 'director')).get(`/children/${child.id}`);
    expect(read.body).toContain('Harbourside Foster Care');
    expect(read.body).not.toContain('/agency-placements/');
  });
});

describe('the in-house placement rate', () => {
  /**
   * A small world in an area of its own, counted as at 30 June 2026:
   *   in-house at month end: Inone (team A, since January), Intwo (team A, started 30 June), Inthree (team B,
   *     ends 15 July), Moved (agency until 10 June, then team A): 4 children, all met;
   *   with an agency at month end: Agencyopen (since March): 1 child, missed;
   *   not counted: Agencyended (agency ended 20 June), Agencylater (agency from 2 July), Endedlastday (in-house
   *     ended 30 June).
   * So 4 of 5 = 80%, for the service and the area; the measure is not counted by team.
   */
  it('counts a child placed both with an agency and with our carers on the day once, as in-house', async () => {
    const db = t.database.db;
    const [area] = await db.insert(areas).values({ name: 'Bothshire' }).returning();
    const [team] = await db.insert(teams).values({ name: 'Bothshire Team', areaId: area!.id }).returning();
    const household = await makeHousehold(db, { teamId: team!.id, approvedPlaces: 2, statusSince: '2024-01-10' });
    const both = await makeChild(db, { areaId: area!.id, lastName: 'Bothways' });
    // The agency placement runs to 5 July; the move to our carers was on 28 June.
    await makeAgencyPlacement(db, { childId: both.id, startDate: '2026-03-02', endDate: '2026-07-05' });
    await makePlacement(db, { childId: both.id, householdId: household.id, startDate: '2026-06-28' });

    const all = await measureRecords(db, inHousePlacementRate, periodOf('2026-06', '2026-11-23'));
    const rows = all.filter((r) => r.recordId === both.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ met: true, teamId: team!.id, areaId: area!.id });
    expect(rows[0]!.detail).toContain('With our carers');
  });

  it('counts each child placed at month end once, in-house as met, agency placements under the child’s area', async () => {
    const db = t.database.db;
    const [area] = await db.insert(areas).values({ name: 'Agencyshire' }).returning();
    const [teamA] = await db.insert(teams).values({ name: 'Agencyshire Team A', areaId: area!.id }).returning();
    const [teamB] = await db.insert(teams).values({ name: 'Agencyshire Team B', areaId: area!.id }).returning();
    const hA = await makeHousehold(db, { teamId: teamA!.id, approvedPlaces: 4, statusSince: '2024-01-10' });
    const hB = await makeHousehold(db, { teamId: teamB!.id, statusSince: '2024-01-10' });
    const child = (lastName: string) => makeChild(db, { areaId: area!.id, lastName });
    const agency = (childId: string, startDate: string, endDate: string | null = null) =>
      makeAgencyPlacement(db, { childId, startDate, endDate });

    const inOne = await child('Inone');
    await makePlacement(db, { childId: inOne.id, householdId: hA.id, startDate: '2026-01-12' });
    const inTwo = await child('Intwo');
    await makePlacement(db, { childId: inTwo.id, householdId: hA.id, startDate: '2026-06-30' });
    const inThree = await child('Inthree');
    await makePlacement(db, {
      childId: inThree.id,
      householdId: hB.id,
      startDate: '2025-05-01',
      endDate: '2026-07-15',
    });
    const moved = await child('Moved');
    await agency(moved.id, '2026-02-02', '2026-06-10');
    await makePlacement(db, { childId: moved.id, householdId: hA.id, startDate: '2026-06-10' });
    const agencyOpen = await child('Agencyopen');
    await agency(agencyOpen.id, '2026-03-02');
    const agencyEnded = await child('Agencyended');
    await agency(agencyEnded.id, '2026-01-05', '2026-06-20');
    const agencyLater = await child('Agencylater');
    await agency(agencyLater.id, '2026-07-02');
    const endedLastDay = await child('Endedlastday');
    await makePlacement(db, {
      childId: endedLastDay.id,
      householdId: hB.id,
      startDate: '2025-09-01',
      endDate: '2026-06-30',
    });

    const ours = new Set(
      [inOne, inTwo, inThree, moved, agencyOpen, agencyEnded, agencyLater, endedLastDay].map((c) => c.id),
    );
    const all = await measureRecords(db, inHousePlacementRate, periodOf('2026-06', '2026-11-23'));
    const rows = all.filter((r) => ours.has(r.recordId));
    expect(rows.map((r) => r.recordId).sort()).toEqual(
      [inOne.id, inTwo.id, inThree.id, moved.id, agencyOpen.id].sort(),
    );
    expect(rows.filter((r) => !r.met).map((r) => r.recordId)).toEqual([agencyOpen.id]);
    const missed = rows.find((r) => !r.met)!;
    expect(missed).toMatchObject({
      recordType: 'child',
      href: `/children/${agencyOpen.id}`,
      teamId: null,
      areaId: area!.id,
    });
    expect(missed.detail).toContain('Kestrel Family Placements');

    const figures = breakdownOf(inHousePlacementRate, rows);
    const scope = (kind: string, id: string) => figures.find((f) => f.scopeKind === kind && f.scopeId === id);
    expect(scope('service', '')).toMatchObject({ numerator: 4, denominator: 5, value: 80 });
    expect(scope('area', area!.id)).toMatchObject({ numerator: 4, denominator: 5, value: 80 });
    // An agency placement is no team's work: the measure is not counted by team at all.
    expect(figures.filter((f) => f.scopeKind === 'team')).toEqual([]);
    expect(figures).toHaveLength(2);

    // On the scorecard: the area's figure, and the agency child in its list of missed records.
    registerMeasure(inHousePlacementRate);
    const head = await signedIn(t.app, 'head');
    const page = await head.get(`/scorecard/placements.in-house-rate?month=2026-06&area=${area!.id}&list=missed`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Children placed with in-house foster carers');
    expect(page.body).toContain('80%');
    expect(page.body).toContain('Agencyopen');
    expect(page.body).not.toContain('Inone');
    expect(page.body).toContain('Not counted by team');
    expect(page.body).toMatch(/<h2 class="govuk-heading-m">By area<\/h2>/);
    const forTeam = await head.get(`/scorecard?month=2026-06&team=${teamA!.id}`);
    const card = forTeam.body.slice(forTeam.body.indexOf('Children placed with in-house foster carers'));
    expect(card.slice(0, 600)).toContain('Not counted by team');
  });
});
