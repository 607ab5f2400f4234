import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import {
  makeCarer,
  makeCheck,
  makeHousehold,
  teamIdByName,
  userIdByUsername,
} from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { carers, householdMembers, households, personChecks } from './tables.ts';
import { recruitmentEnquiries } from '../recruitment/tables.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';

let t: TestApp;
let eastTeam: string;
beforeAll(async () => {
  t = await createTestApp();
  eastTeam = await teamIdByName(t.database.db, 'East Kent Fostering Team 1');
});
afterAll(async () => {
  await t.close();
});

const today = todayInLondon();

async function auditFor(recordId: string) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.recordType, 'household'), eq(auditEvents.recordId, recordId)))
    .orderBy(desc(auditEvents.id));
}

describe('recording an enquiry', () => {
  const enquiry = () => ({
    ...dateBoxes('enquiredOn', today),
    carerFirstName: 'Adaeze',
    carerLastName: 'Okonkwo-Reid',
    addressLine1: '14 Harbour View',
    addressLine2: '',
    town: 'Folkestone',
    postcode: 'ct20 1aa',
    teamId: eastTeam,
    source: 'website',
    interests: 'mainstream',
  });

  it('leads from the households list to the one enquiry form, which the recruitment pipeline and the scorecard count', async () => {
    const recruitment = await signedIn(t.app, 'recruitment');
    expect((await recruitment.get('/households')).body).toContain('href="/recruitment/enquiries/new"');
    // The old address of the households module's own form leads there too.
    const old = await recruitment.get('/households/new');
    expect(old.statusCode).toBe(303);
    expect(old.headers.location).toBe('/recruitment/enquiries/new');
    expect((await recruitment.get('/recruitment/enquiries/new')).statusCode).toBe(200);
    const response = await recruitment.post('/recruitment/enquiries/new', enquiry());
    expect(response.statusCode).toBe(303);
    const id = /\/households\/([0-9a-f-]{36})\/recruitment\?done=enquiry/.exec(
      response.headers.location as string,
    )?.[1];
    expect(id).toBeDefined();
    const [row] = await t.database.db.select().from(households).where(eq(households.id, id!));
    expect(row).toMatchObject({ status: 'enquiry', statusSince: today, postcode: 'CT20 1AA', teamId: eastTeam });
    expect(row?.reference).toMatch(/^H-\d{6}$/);
    const people = await t.database.db.select().from(carers).where(eq(carers.householdId, id!));
    expect(people.map((c) => `${c.firstName} ${c.lastName}`)).toEqual(['Adaeze Okonkwo-Reid']);
    // The enquiry itself, with how they heard of us: what the pipeline and the scorecard count.
    const [made] = await t.database.db
      .select()
      .from(recruitmentEnquiries)
      .where(eq(recruitmentEnquiries.householdId, id!));
    expect(made).toMatchObject({ enquiredOn: today, source: 'website', interests: ['mainstream'] });
    const page = await recruitment.get(response.headers.location as string);
    expect(page.body).toContain('The enquiry has been recorded');
    expect(page.body).toContain('Okonkwo-Reid');
    const trail = await auditFor(id!);
    expect(trail.map((e) => e.action)).toEqual(['view', 'update', 'create']);
  });

  it('shows each problem the GOV.UK way and keeps what was typed', async () => {
    const manager = await signedIn(t.app, 'manager');
    await manager.get('/recruitment/enquiries/new');
    const response = await manager.post('/recruitment/enquiries/new', {
      ...enquiry(),
      carerFirstName: '',
      postcode: 'NOT A POSTCODE',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('href="#carerFirstName"');
    expect(response.body).toContain('Enter a real postcode, like CT1 1AA');
    expect(response.body).toContain('value="NOT A POSTCODE"');
    expect(response.body).toContain('value="Okonkwo-Reid"');
  });

  it('turns away a NUL byte with a message, not an error', async () => {
    const manager = await signedIn(t.app, 'manager');
    await manager.get('/recruitment/enquiries/new');
    const response = await manager.post('/recruitment/enquiries/new', { ...enquiry(), town: 'Folk\u0000stone' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Remove the invalid character');
  });

  it('lets a team manager record enquiries only in their own team', async () => {
    const manager = await signedIn(t.app, 'manager');
    const west = await teamIdByName(t.database.db, 'West Kent Fostering Team 1');
    const form = await manager.get('/recruitment/enquiries/new');
    expect(form.body).toContain('East Kent Fostering Team 1');
    expect(form.body).not.toContain('West Kent Fostering Team 1');
    const response = await manager.post('/recruitment/enquiries/new', { ...enquiry(), teamId: west });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Select a team whose households you look after');
  });

  it('does not offer enquiries to a supervising social worker', async () => {
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get('/households')).body).not.toContain('Record an enquiry');
    expect((await ssw.get('/recruitment/enquiries/new')).statusCode).toBe(403);
  });
});

describe('changing a household', () => {
  it('saves approval terms, refusing an age over 17 without Staying Put', async () => {
    const h = await makeHousehold(t.database.db, { status: 'in_assessment', approvedPlaces: 0 });
    const manager = await signedIn(t.app, 'manager');
    await manager.get(`/households/${h.id}/terms`);
    const terms = {
      approvedPlaces: '3',
      ageMin: '5',
      ageMax: '19',
      genderPreference: 'any',
      skillLevel: '2',
      siblingGroups: 'yes',
    };
    const refused = await manager.post(`/households/${h.id}/terms`, terms);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Oldest age must be 17 or under, unless the household offers Staying Put');
    const saved = await manager.post(`/households/${h.id}/terms`, { ...terms, stayingPut: 'yes' });
    expect(saved.statusCode).toBe(303);
    const [row] = await t.database.db.select().from(households).where(eq(households.id, h.id));
    expect(row).toMatchObject({
      approvedPlaces: 3,
      ageMin: 5,
      ageMax: 19,
      skillLevel: 2,
      siblingGroups: true,
      stayingPut: true,
      uasc: false,
    });
    const trail = await auditFor(h.id);
    expect(trail[0]).toMatchObject({ action: 'update', username: 'manager' });
    expect(trail[0]?.detail).toMatchObject({ part: 'terms' });
    const page = await manager.get(`/households/${h.id}`);
    expect(page.body).toContain('Level 2 (Skilled)');
  });

  it('refuses 7 places', async () => {
    const h = await makeHousehold(t.database.db);
    const manager = await signedIn(t.app, 'manager');
    await manager.get(`/households/${h.id}/terms`);
    const response = await manager.post(`/households/${h.id}/terms`, {
      approvedPlaces: '7',
      ageMin: '0',
      ageMax: '17',
      genderPreference: 'any',
      skillLevel: '1',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Number of children must be between 1 and 6');
  });

  it('allocates a supervising social worker from the team, audited as an allocation', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Allocme' });
    const manager = await signedIn(t.app, 'manager');
    const form = await manager.get(`/households/${h.id}/allocation`);
    expect(form.body).toContain('Sam Sutherland');
    expect(form.body).not.toContain('Priya Walsh'); // West Kent
    const ssw = await userIdByUsername(t.database.db, 'ssw');
    const response = await manager.post(`/households/${h.id}/allocation`, {
      allocatedSswId: ssw,
      firstYearLeadId: '',
      mentorName: 'Jo Mentor',
    });
    expect(response.statusCode).toBe(303);
    const [row] = await t.database.db.select().from(households).where(eq(households.id, h.id));
    expect(row).toMatchObject({ allocatedSswId: ssw, mentorName: 'Jo Mentor' });
    expect((await auditFor(h.id))[0]).toMatchObject({ action: 'allocate' });
  });

  it('refuses to allocate a social worker from another area', async () => {
    const h = await makeHousehold(t.database.db);
    const manager = await signedIn(t.app, 'manager');
    await manager.get(`/households/${h.id}/allocation`);
    const ssw2 = await userIdByUsername(t.database.db, 'ssw2');
    const response = await manager.post(`/households/${h.id}/allocation`, { allocatedSswId: ssw2 });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Select a supervising social worker from the list');
  });

  it('adds a carer, a household member and a check, with expiry shown', async () => {
    const h = await makeHousehold(t.database.db);
    const manager = await signedIn(t.app, 'manager');
    await manager.get(`/households/${h.id}/carers/new`);
    const carer = await manager.post(`/households/${h.id}/carers/new`, {
      firstName: 'Rowan',
      lastName: 'Pike',
      'dateOfBirth-day': '3',
      'dateOfBirth-month': '11',
      'dateOfBirth-year': '1979',
      email: 'rowan@example.com',
      phone: '01632 960 001',
    });
    expect(carer.statusCode).toBe(303);
    const [saved] = await t.database.db.select().from(carers).where(eq(carers.householdId, h.id));
    expect(saved).toMatchObject({ firstName: 'Rowan', dateOfBirth: '1979-11-03', isStaff: false });

    const member = await manager.post(`/households/${h.id}/members/new`, {
      firstName: 'Ellis',
      lastName: 'Pike',
      relationship: 'birth_child',
    });
    expect(member.statusCode).toBe(303);
    expect(
      await t.database.db.select().from(householdMembers).where(eq(householdMembers.householdId, h.id)),
    ).toHaveLength(1);

    const completed = addDays(today, -30);
    const expires = addDays(today, 20);
    const [cy, cm, cd] = completed.split('-');
    const [ey, em, ed] = expires.split('-');
    await manager.get(`/households/${h.id}/checks/new`);
    const check = await manager.post(`/households/${h.id}/checks/new`, {
      person: `carer:${saved!.id}`,
      kind: 'dbs',
      'completedOn-day': cd!,
      'completedOn-month': cm!,
      'completedOn-year': cy!,
      'expiresOn-day': ed!,
      'expiresOn-month': em!,
      'expiresOn-year': ey!,
      satisfactory: 'yes',
    });
    expect(check.statusCode).toBe(303);
    const [row] = await t.database.db.select().from(personChecks).where(eq(personChecks.householdId, h.id));
    expect(row).toMatchObject({
      kind: 'dbs',
      carerId: saved!.id,
      completedOn: completed,
      expiresOn: expires,
      satisfactory: true,
    });
    const page = await manager.get(`/households/${h.id}`);
    expect(page.body).toContain('Expires soon');
  });

  it('asks for the expiry date of a DBS check', async () => {
    const h = await makeHousehold(t.database.db);
    const c = await makeCarer(t.database.db, h.id);
    const manager = await signedIn(t.app, 'manager');
    await manager.get(`/households/${h.id}/checks/new`);
    const response = await manager.post(`/households/${h.id}/checks/new`, {
      person: `carer:${c.id}`,
      kind: 'dbs',
      'completedOn-day': '1',
      'completedOn-month': '2',
      'completedOn-year': '2025',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter the expiry date');
    expect(response.body).toContain('href="#expiresOn-day"');
    expect(response.body).toContain('Select whether the outcome was satisfactory');
  });

  it('refuses a check on someone who is not of the household, keeping what was typed', async () => {
    const h = await makeHousehold(t.database.db);
    const other = await makeHousehold(t.database.db);
    const stranger = await makeCarer(t.database.db, other.id);
    const manager = await signedIn(t.app, 'manager');
    const answers = {
      kind: 'medical',
      'completedOn-day': '3',
      'completedOn-month': '2',
      'completedOn-year': '2025',
      'expiresOn-day': '3',
      'expiresOn-month': '2',
      'expiresOn-year': '2028',
      satisfactory: 'yes',
      outcome: 'Fit to foster',
    };
    for (const person of [`carer:${stranger.id}`, `member:${stranger.id}`, `carer:${'-'.repeat(36)}`]) {
      await manager.get(`/households/${h.id}/checks/new`);
      const response = await manager.post(`/households/${h.id}/checks/new`, { person, ...answers });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('Select whose check this is');
      expect(response.body).toContain('value="Fit to foster"');
    }
    expect(await t.database.db.select().from(personChecks).where(eq(personChecks.householdId, h.id))).toEqual([]);
  });

  it('records a check that was not satisfactory, with what was wrong, and shows it so', async () => {
    const h = await makeHousehold(t.database.db);
    const c = await makeCarer(t.database.db, h.id);
    const manager = await signedIn(t.app, 'manager');
    await manager.get(`/households/${h.id}/checks/new`);
    const form = {
      person: `carer:${c.id}`,
      kind: 'medical',
      ...dateBoxes('completedOn', '2025-02-01'),
      ...dateBoxes('expiresOn', '2028-02-01'),
      satisfactory: 'no',
    };
    const missing = await manager.post(`/households/${h.id}/checks/new`, form);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Say what was not satisfactory');
    expect(missing.body).toMatch(/value="no"[^>]*checked/);
    const saved = await manager.post(`/households/${h.id}/checks/new`, { ...form, outcome: 'GP advice awaited' });
    expect(saved.statusCode).toBe(303);
    const [row] = await t.database.db.select().from(personChecks).where(eq(personChecks.householdId, h.id));
    expect(row).toMatchObject({ kind: 'medical', satisfactory: false, outcome: 'GP advice awaited' });
    expect((await manager.get(`/households/${h.id}`)).body).toContain('Not satisfactory: GP advice awaited');
  });

  it('tags an expired check', async () => {
    const h = await makeHousehold(t.database.db);
    const c = await makeCarer(t.database.db, h.id);
    await makeCheck(t.database.db, h.id, { carerId: c.id, kind: 'medical', expiresOn: addDays(today, -1) });
    const manager = await signedIn(t.app, 'manager');
    const page = await manager.get(`/households/${h.id}`);
    expect(page.body).toContain('Expired');
  });
});

describe('the households list', () => {
  it('filters by status, type, worker and text, sorts on the server and pages by 25', async () => {
    const ssw = await userIdByUsername(t.database.db, 'ssw');
    for (let i = 0; i < 27; i += 1) {
      await makeHousehold(t.database.db, {
        name: `Listfamily ${String(i).padStart(2, '0')}`,
        householdType: i % 2 ? 'short_breaks' : 'mainstream',
        allocatedSswId: i < 3 ? ssw : null,
        postcode: 'ME1 2AB',
      });
    }
    const manager = await signedIn(t.app, 'manager');
    const first = await manager.get('/households?q=Listfamily');
    expect(first.body).toContain('Showing 1 to 25 of 27 households');
    expect(first.body).toContain('Listfamily 00');
    expect(first.body).not.toContain('Listfamily 26');
    const second = await manager.get('/households?q=Listfamily&page=2');
    expect(second.body).toContain('Listfamily 26');
    const desc = await manager.get('/households?q=Listfamily&sort=name&dir=desc');
    expect(desc.body.indexOf('Listfamily 26')).toBeGreaterThan(-1);
    expect(desc.body.indexOf('Listfamily 26')).toBeLessThan(desc.body.indexOf('Listfamily 25'));
    const shortBreaks = await manager.get('/households?q=Listfamily&type=short_breaks');
    expect(shortBreaks.body).toContain('of 13 households');
    const mine = await manager.get(`/households?q=Listfamily&worker=${ssw}`);
    expect(mine.body).toContain('Showing 1 to 3 of 3 households');
    // The worker filter offers the manager's own team's workers, not every worker in the service.
    expect(mine.body).toMatch(/<option value="[^"]+"[^>]*>Sam Sutherland<\/option>/);
    expect(mine.body).not.toContain('Priya Walsh');
    expect((await (await signedIn(t.app, 'head')).get('/households')).body).toContain('Priya Walsh');
    const byPostcode = await manager.get('/households?q=me12ab');
    expect(byPostcode.body).toContain('of 27 households');
    const none = await manager.get('/households?q=Listfamily&status=refused');
    expect(none.body).toContain('No households match these filters');
  });

  it('shows a social worker their own caseload', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Caseloadfamily', allocatedSswUsername: 'ssw' });
    const ssw = await signedIn(t.app, 'ssw');
    const page = await ssw.get('/households?worker=me');
    expect(page.body).toContain(`/households/${h.id}`);
    expect(page.body).toContain('My caseload');
  });
});
