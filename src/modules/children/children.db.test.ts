import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeAgencyPlacement, makeChild, makePlacement } from '../../../test/support/children.ts';
import { tableRowsAfter } from '../../../test/support/html.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, addYears, todayInLondon } from '../../platform/dates/index.ts';
import { areas } from '../../platform/auth/tables.ts';
import { children, healthAssessments } from './tables.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { formatDate } from '../../platform/views/format.ts';
import { makeStaffUser } from '../staff/test-support.ts';

let t: TestApp;
let eastKent: string;
beforeAll(async () => {
  t = await createTestApp();
  const [row] = await t.database.db.select().from(areas).where(eq(areas.name, 'East Kent'));
  eastKent = row!.id;
});
afterAll(async () => {
  await t.close();
});

async function auditFor(recordId: string, action: string) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.recordType, 'child'), eq(auditEvents.recordId, recordId), eq(auditEvents.action, action)))
    .orderBy(asc(auditEvents.id));
}

/** A valid child form, dates split into GOV.UK date boxes. */
function childFormFor(overrides: Record<string, string | string[]> = {}) {
  return {
    firstName: 'Ellis',
    lastName: 'Marlowe',
    preferredName: '',
    'dateOfBirth-day': '4',
    'dateOfBirth-month': '7',
    'dateOfBirth-year': '2015',
    gender: 'male',
    ethnicity: 'White: Irish',
    legalStatus: 'interim_care_order',
    'lookedAfterSince-day': '2',
    'lookedAfterSince-month': '3',
    'lookedAfterSince-year': '2025',
    areaId: eastKent,
    needs: ['disability', 'cseRisk'],
    schoolPostcode: 'ct2 7nz',
    ...overrides,
  };
}

describe('recording a child', () => {
  it('lets a children’s social worker add a child, allocated to them, keeping only the postcode district', async () => {
    const cicsw = await signedIn(t.app, 'cicsw');
    const response = await cicsw.post('/children/new', childFormFor());
    expect(response.statusCode).toBe(303);
    const location = String(response.headers.location);
    expect(location).toMatch(/^\/children\/[0-9a-f-]{36}\?done=created$/);
    const id = location.split('/')[2]!.split('?')[0]!;
    const [saved] = await t.database.db.select().from(children).where(eq(children.id, id));
    expect(saved).toMatchObject({
      firstName: 'Ellis',
      dateOfBirth: '2015-07-04',
      lookedAfterSince: '2025-03-02',
      legalStatus: 'interim_care_order',
      disability: true,
      uasc: false,
      cseRisk: true,
      missingRisk: false,
      schoolPostcode: 'CT2',
    });
    expect(saved!.reference).toMatch(/^C-\d{6}$/);
    const page = await cicsw.get(location);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The child’s record has been created');
    expect(page.body).toContain('Chris Okafor');
    expect((await auditFor(id, 'create')).length).toBe(1);
    expect((await auditFor(id, 'view')).length).toBe(1);
  });

  it('refuses a date of birth in the future, with the error linked to the day box and input kept', async () => {
    const cicsw = await signedIn(t.app, 'cicsw');
    const tomorrow = addDays(todayInLondon(), 1);
    const [y, m, d] = tomorrow.split('-');
    const response = await cicsw.post(
      '/children/new',
      childFormFor({ 'dateOfBirth-day': d!, 'dateOfBirth-month': m!, 'dateOfBirth-year': y! }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Date of birth must be today or in the past');
    expect(response.body).toContain('href="#dateOfBirth-day"');
    expect(response.body).toContain('value="Marlowe"');
  });

  it('asks for the GOV.UK date messages: missing parts and impossible dates', async () => {
    const cicsw = await signedIn(t.app, 'cicsw');
    const missing = await cicsw.post('/children/new', childFormFor({ 'dateOfBirth-month': '' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Date of birth must include a month');
    const impossible = await cicsw.post(
      '/children/new',
      childFormFor({ 'dateOfBirth-day': '30', 'dateOfBirth-month': '2' }),
    );
    expect(impossible.body).toContain('Date of birth must be a real date');
    // What was typed is kept in the boxes, marked as in error.
    expect(impossible.body).toMatch(/<input[^>]*name="dateOfBirth-day"[^>]*value="30"/);
    expect(impossible.body).toMatch(/<input[^>]*govuk-input--error[^>]*name="dateOfBirth-month"[^>]*value="2"/);
  });

  it('takes a young person of 18 to 20 only in Staying Put, and nobody of 21 or over', async () => {
    const cicsw = await signedIn(t.app, 'cicsw');
    const nineteen = addYears(todayInLondon(), -19).split('-');
    const dob = {
      'dateOfBirth-day': nineteen[2]!,
      'dateOfBirth-month': nineteen[1]!,
      'dateOfBirth-year': nineteen[0]!,
    };
    const refused = await cicsw.post('/children/new', childFormFor({ ...dob, 'lookedAfterSince-year': '2020' }));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('confirm they are in a Staying Put arrangement');
    const stayingPut = await cicsw.post(
      '/children/new',
      childFormFor({ ...dob, 'lookedAfterSince-year': '2020', stayingPut: 'yes' }),
    );
    expect(stayingPut.statusCode).toBe(303);
    // 21st birthday today: too old, whatever the box says.
    const twentyOne = addYears(todayInLondon(), -21).split('-');
    const tooOld = await cicsw.post(
      '/children/new',
      childFormFor({
        'dateOfBirth-day': twentyOne[2]!,
        'dateOfBirth-month': twentyOne[1]!,
        'dateOfBirth-year': twentyOne[0]!,
        'lookedAfterSince-year': '2020',
        stayingPut: 'yes',
      }),
    );
    expect(tooOld.statusCode).toBe(400);
    expect(tooOld.body).toContain('must be under 21');
  });

  it('changes a child’s details and audits the fields changed, not their values', async () => {
    const child = await makeChild(t.database.db, { firstName: 'Noor', lastName: 'Haddad' });
    const cicsw = await signedIn(t.app, 'cicsw');
    const form = await cicsw.get(`/children/${child.id}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Noor"');
    const response = await cicsw.post(
      `/children/${child.id}/edit`,
      childFormFor({
        firstName: 'Noor',
        lastName: 'Haddad',
        'dateOfBirth-day': '10',
        'dateOfBirth-month': '3',
        'dateOfBirth-year': '2016',
        needs: 'uasc',
      }),
    );
    expect(response.statusCode).toBe(303);
    const [saved] = await t.database.db.select().from(children).where(eq(children.id, child.id));
    expect(saved!.uasc).toBe(true);
    const [entry] = await auditFor(child.id, 'update');
    expect(entry!.detail).toEqual({
      changed: expect.arrayContaining(['gender', 'legalStatus', 'uasc', 'lookedAfterSince', 'schoolPostcode']),
    });
    expect(JSON.stringify(entry!.detail)).not.toContain('Haddad');
  });

  it('records a health assessment, refusing one dated before the child was born', async () => {
    const child = await makeChild(t.database.db, { dateOfBirth: '2019-05-01' });
    const cicsw = await signedIn(t.app, 'cicsw');
    const early = await cicsw.post(`/children/${child.id}/health-assessments/new`, {
      kind: 'initial',
      'completedOn-day': '30',
      'completedOn-month': '4',
      'completedOn-year': '2019',
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('must be on or after the child’s date of birth');
    const ok = await cicsw.post(`/children/${child.id}/health-assessments/new`, {
      kind: 'initial',
      'completedOn-day': '12',
      'completedOn-month': '2',
      'completedOn-year': '2024',
    });
    expect(ok.statusCode).toBe(303);
    const rows = await t.database.db.select().from(healthAssessments).where(eq(healthAssessments.childId, child.id));
    expect(rows).toMatchObject([{ kind: 'initial', completedOn: '2024-02-12' }]);
    const page = await cicsw.get(`/children/${child.id}`);
    expect(page.body).toContain('Initial health assessment');
    expect(page.body).toContain('12 February 2024');
  });

  it('removes a health assessment recorded in error, saying why, and its deadline comes back', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { lookedAfterSince: addDays(todayInLondon(), -10) });
    const other = await makeChild(db);
    const cicsw = await signedIn(t.app, 'cicsw');
    const dueNow = async () =>
      (await db.select().from(dueItems).where(eq(dueItems.recordId, child.id))).filter(
        (d) => d.ruleId === 'children.initial-health-assessment',
      );
    expect(await dueNow()).toHaveLength(1);
    await cicsw.post(`/children/${child.id}/health-assessments/new`, {
      kind: 'initial',
      ...Object.fromEntries(
        ['day', 'month', 'year'].map((p, i) => [`completedOn-${p}`, todayInLondon().split('-').reverse()[i]!]),
      ),
    });
    expect(await dueNow()).toHaveLength(0);
    const [assessment] = await db.select().from(healthAssessments).where(eq(healthAssessments.childId, child.id));
    const removePath = `/children/${child.id}/health-assessments/${assessment!.id}/remove`;
    expect((await cicsw.get(`/children/${child.id}`)).body).toContain(`href="${removePath}"`);
    // Through another child's address it is not found; a reader who may not change the child is refused.
    expect((await cicsw.get(`/children/${other.id}/health-assessments/${assessment!.id}/remove`)).statusCode).toBe(404);
    expect((await (await signedIn(t.app, 'ssw')).get(removePath)).statusCode).toBe(403);
    const form = await cicsw.get(removePath);
    expect(form.body).toContain(`Remove the initial health assessment on ${formatDate(todayInLondon())}`);
    const noReason = await cicsw.post(removePath, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the health assessment is being removed');
    const removed = await cicsw.post(removePath, { reason: 'Recorded for the wrong child' });
    expect(removed.statusCode).toBe(303);
    expect(await db.select().from(healthAssessments).where(eq(healthAssessments.childId, child.id))).toEqual([]);
    expect(await dueNow()).toHaveLength(1);
    expect((await cicsw.get(String(removed.headers.location))).body).toContain(
      'The health assessment has been removed',
    );
    const audit = (await auditFor(child.id, 'update')).at(-1);
    expect(audit!.detail).toMatchObject({ removed: 'health-assessment', reason: 'Recorded for the wrong child' });
  });
});

describe('who sees which children', () => {
  it('shows a children’s social worker only their allocated children: 404 for anyone else’s', async () => {
    const mine = await makeChild(t.database.db, { firstName: 'Mina', lastName: 'Allocatedtome' });
    const other = await makeChild(t.database.db, { firstName: 'Otto', lastName: 'Notmine', socialWorker: null });
    const cicsw = await signedIn(t.app, 'cicsw');
    expect((await cicsw.get(`/children/${mine.id}`)).statusCode).toBe(200);
    expect((await cicsw.get(`/children/${other.id}`)).statusCode).toBe(404);
    expect((await cicsw.get(`/children/${other.id}/edit`)).statusCode).toBe(404);
    const list = await cicsw.get('/children?q=Allocatedtome');
    expect(list.body).toContain('Mina Allocatedtome');
    const hidden = await cicsw.get('/children?q=Notmine');
    expect(hidden.body).not.toContain('Otto Notmine');
    expect(hidden.body).toContain('No children found');
  });

  it('shows a supervising social worker the children placed in their team’s households, not elsewhere', async () => {
    const east = await makeHousehold(t.database.db, { name: 'Eastteam Household' });
    const west = await makeHousehold(t.database.db, { teamName: 'West Kent Fostering Team 1' });
    const here = await makeChild(t.database.db, { firstName: 'Ivy', lastName: 'Placedeast' });
    const westWorker = await makeStaffUser(t.database.db, {
      displayName: 'Wendell Westonly',
      role: 'childrens_social_worker',
      team: null,
    });
    const there = await makeChild(t.database.db, {
      firstName: 'Wren',
      lastName: 'Placedwest',
      socialWorker: westWorker.username,
    });
    const ended = await makeChild(t.database.db, { firstName: 'Ada', lastName: 'Leftthehousehold' });
    await makePlacement(t.database.db, { childId: here.id, householdId: east.id });
    await makePlacement(t.database.db, { childId: there.id, householdId: west.id });
    await makePlacement(t.database.db, {
      childId: ended.id,
      householdId: east.id,
      endDate: '2025-02-01',
      ending: 'planned',
    });
    const ssw = await signedIn(t.app, 'ssw');
    const page = await ssw.get(`/children/${here.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Eastteam Household');
    expect((await ssw.get(`/children/${there.id}`)).statusCode).toBe(404);
    expect((await ssw.get(`/children/${ended.id}`)).statusCode).toBe(404);
    const list = await ssw.get('/children?q=Placed');
    expect(list.body).toContain('Ivy Placedeast');
    expect(list.body).not.toContain('Wren Placedwest');
    // The social worker filter offers those who hold a child the reader sees: not the west child's.
    expect(list.body).toMatch(/<option value="[^"]+"[^>]*>Chris Okafor<\/option>/);
    expect(list.body).not.toContain('Wendell Westonly');
    expect((await (await signedIn(t.app, 'head')).get('/children')).body).toContain('Wendell Westonly');
  });

  it('filters the list by legal status and needs on the server', async () => {
    await makeChild(t.database.db, { firstName: 'Remy', lastName: 'Filtertest', legalStatus: 'remand', uasc: true });
    await makeChild(t.database.db, { firstName: 'Sol', lastName: 'Filtertest', legalStatus: 's20_accommodated' });
    const head = await signedIn(t.app, 'head');
    const remand = await head.get('/children?q=Filtertest&legalStatus=remand');
    expect(remand.body).toContain('Remy Filtertest');
    expect(remand.body).not.toContain('Sol Filtertest');
    const uasc = await head.get('/children?q=Filtertest&need=uasc');
    expect(uasc.body).toContain('Remy Filtertest');
    expect(uasc.body).not.toContain('Sol Filtertest');
    expect(uasc.body).toContain('Showing 1 to 1 of 1 child');
  });

  it('says where each child lives: with a household, an agency, or not placed', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { name: 'Livesfinch' });
    const atHome = await makeChild(db, { firstName: 'Ada', lastName: 'Liveswhere' });
    await makePlacement(db, { childId: atHome.id, householdId: household.id });
    const withAgency = await makeChild(db, { firstName: 'Bo', lastName: 'Liveswhere' });
    await makeAgencyPlacement(db, { childId: withAgency.id, agencyName: 'Brightwater Fostering' });
    const endedAgency = await makeChild(db, { firstName: 'Cy', lastName: 'Liveswhere' });
    await makeAgencyPlacement(db, { childId: endedAgency.id, endDate: addDays(todayInLondon(), -1) });
    const rows = tableRowsAfter((await (await signedIn(t.app, 'head')).get('/children?q=Liveswhere')).body, '<table');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^Ada Liveswhere .* Livesfinch$/);
    expect(rows[1]).toMatch(/^Bo Liveswhere .* Brightwater Fostering \(agency\)$/);
    expect(rows[2]).toMatch(/^Cy Liveswhere .* Not placed$/);
  });

  it('gives a foster carer 403 on the staff children pages', async () => {
    const child = await makeChild(t.database.db);
    const carer = await signedIn(t.app, 'carer');
    expect((await carer.get('/children')).statusCode).toBe(403);
    expect((await carer.get(`/children/${child.id}`)).statusCode).toBe(403);
    expect((await carer.get('/children/new')).statusCode).toBe(403);
  });

  it('lets a supervising social worker read but not add children (403)', async () => {
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get('/children/new')).statusCode).toBe(403);
  });
});
