import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeCarer, makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { households } from './tables.ts';

const t = testAppForFile();

describe('who may see a household', () => {
  it('hides an East household from a West social worker: 404 on the record, absent from the list', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Eastonly', allocatedSswUsername: 'ssw' });
    const ssw2 = await signedIn(t.app, 'ssw2');
    for (const path of ['', '/profile', '/profile.pdf', '/status', '/photo']) {
      const response = await ssw2.get(`/households/${h.id}${path}`);
      expect(response.statusCode, path).toBe(404);
      expect(response.body).not.toContain('Eastonly');
    }
    const list = await ssw2.get('/households?q=Eastonly');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('No households found');
    const ssw = await signedIn(t.app, 'ssw');
    const own = await ssw.get('/households?q=Eastonly');
    expect(own.body).toContain(`/households/${h.id}`);
  });

  it('does not let a West social worker change an East household by posting to it', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Eastpost' });
    const ssw2 = await signedIn(t.app, 'ssw2');
    await ssw2.get('/households');
    const response = await ssw2.post(`/households/${h.id}/edit`, {
      name: 'Changed',
      addressLine1: '1 Road',
      town: 'Town',
      postcode: 'CT1 1AA',
      teamId: h.teamId,
      householdType: 'mainstream',
    });
    expect(response.statusCode).toBe(404);
    const [row] = await t.database.db.select().from(households).where(eq(households.id, h.id));
    expect(row?.name).toBe('Eastpost');
  });

  it('turns a foster carer and a panel member away from every households page and form with a 403', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Matrixhouse' });
    const carer = await makeCarer(t.database.db, h.id);
    const routes = t.app.routeTable.filter((r) => r.url === '/households' || r.url.startsWith('/households/'));
    expect(routes.length).toBeGreaterThanOrEqual(25);
    for (const username of ['carer', 'panel']) {
      const agent = await signedIn(t.app, username);
      for (const route of routes) {
        const url = route.url.replace(':id', h.id).replace(':personId', carer.id);
        const response = route.method === 'GET' ? await agent.get(url) : await agent.post(url, {});
        expect(response.statusCode, `${username} ${route.method} ${url}`).toBe(403);
        expect(response.body).not.toContain('Matrixhouse');
      }
    }
  });

  it('turns a foster carer away from the staff households pages with a 403', async () => {
    const carer = await signedIn(t.app, 'carer');
    const response = await carer.get('/households');
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('You do not have access to this page');
    expect((await carer.get('/households/new')).statusCode).toBe(403);
  });

  it('lets a social worker in the team read a household they are not allocated to, but not change it (403)', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Teamread' });
    const ssw = await signedIn(t.app, 'ssw');
    const page = await ssw.get(`/households/${h.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(`/households/${h.id}/edit`);
    expect(page.body).not.toContain(`/households/${h.id}/status"`);
    const edit = await ssw.get(`/households/${h.id}/edit`);
    expect(edit.statusCode).toBe(403);
    expect(edit.body).toContain('You cannot make this change');
  });

  it('lets the allocated social worker change the household, but not allocate it', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Mycase', allocatedSswUsername: 'ssw' });
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/households/${h.id}/edit`)).statusCode).toBe(200);
    expect((await ssw.get(`/households/${h.id}/allocation`)).statusCode).toBe(403);
  });

  it('answers 404, not an error, for an id that is not a record id', async () => {
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get('/households/not-an-id')).statusCode).toBe(404);
    expect((await manager.get('/households/not-an-id/status')).statusCode).toBe(404);
  });
});

describe('restricted households (a carer on the staff)', () => {
  it('is hidden from a team manager not named on it, visible once named, and always to the head of fostering', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Staffcarer' });
    await makeCarer(t.database.db, h.id, { isStaff: true });
    const manager = await signedIn(t.app, 'manager');
    const head = await signedIn(t.app, 'head');

    expect((await manager.get(`/households/${h.id}`)).statusCode).toBe(404);
    expect((await manager.get('/households?q=Staffcarer')).body).toContain('No households found');
    const headPage = await head.get(`/households/${h.id}`);
    expect(headPage.statusCode).toBe(200);
    expect(headPage.body).toContain('Restricted record');
    expect((await head.get('/households?q=Staffcarer')).body).toContain(`/households/${h.id}`);

    // The head of fostering names the team manager.
    const accessPage = await head.get(`/households/${h.id}/restricted-access`);
    expect(accessPage.statusCode).toBe(200);
    const managerId = await userIdByUsername(t.database.db, 'manager');
    const named = await head.post(`/households/${h.id}/restricted-access`, { userId: managerId });
    expect(named.statusCode).toBe(303);
    expect((await head.get(`/households/${h.id}/restricted-access`)).body).toContain('Maya Mensah');

    expect((await manager.get(`/households/${h.id}`)).statusCode).toBe(200);
    expect((await manager.get('/households?q=Staffcarer')).body).toContain(`/households/${h.id}`);

    // And removes them again.
    await head.get(`/households/${h.id}/restricted-access`);
    const removed = await head.post(`/households/${h.id}/restricted-access/remove`, { userId: managerId });
    expect(removed.statusCode).toBe(303);
    expect((await manager.get(`/households/${h.id}`)).statusCode).toBe(404);
  });

  it('only the head of fostering manages the access list', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Staffcarer2' });
    await makeCarer(t.database.db, h.id, { isStaff: true });
    const manager = await signedIn(t.app, 'manager');
    // Not named: cannot even see it.
    expect((await manager.get(`/households/${h.id}/restricted-access`)).statusCode).toBe(404);
    const plain = await makeHousehold(t.database.db, { name: 'Plainhouse' });
    expect((await manager.get(`/households/${plain.id}/restricted-access`)).statusCode).toBe(403);
  });

  it('becomes restricted when a carer is recorded as staff, and stops being when that changes', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Turnsrestricted' });
    const carer = await makeCarer(t.database.db, h.id, { firstName: 'Dana', lastName: 'Turner' });
    const manager = await signedIn(t.app, 'manager');
    await manager.get(`/households/${h.id}/carers/${carer.id}/edit`);
    const response = await manager.post(`/households/${h.id}/carers/${carer.id}/edit`, {
      firstName: 'Dana',
      lastName: 'Turner',
      isStaff: 'yes',
    });
    expect(response.statusCode).toBe(303);
    // The manager is not named on it, so they are told and sent to the list.
    expect(response.headers.location).toBe('/households?done=restricted');
    const [row] = await t.database.db.select().from(households).where(eq(households.id, h.id));
    expect(row?.restricted).toBe(true);
    expect((await manager.get(`/households/${h.id}`)).statusCode).toBe(404);

    const head = await signedIn(t.app, 'head');
    await head.get(`/households/${h.id}/carers/${carer.id}/edit`);
    await head.post(`/households/${h.id}/carers/${carer.id}/edit`, { firstName: 'Dana', lastName: 'Turner' });
    const [after] = await t.database.db.select().from(households).where(eq(households.id, h.id));
    expect(after?.restricted).toBe(false);
    expect((await manager.get(`/households/${h.id}`)).statusCode).toBe(200);
  });
});

describe('the audit trail', () => {
  it('records a view of the household page and of its profile and PDF', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Audited' });
    const manager = await signedIn(t.app, 'manager');
    await manager.get(`/households/${h.id}`);
    await manager.get(`/households/${h.id}/profile`);
    await manager.get(`/households/${h.id}/profile.pdf`);
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'household'), eq(auditEvents.recordId, h.id)));
    expect(rows.filter((r) => r.action === 'view' && r.username === 'manager').map((r) => r.detail?.page)).toEqual([
      'household',
      'profile',
      'profile-pdf',
    ]);
  });

  it('links the record to "who has seen or changed this record" for a manager, not for a social worker', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Auditlink', allocatedSswUsername: 'ssw' });
    const manager = await signedIn(t.app, 'manager');
    const page = await manager.get(`/households/${h.id}`);
    expect(page.body).toContain(`/records/household/${h.id}/audit`);
    const trail = await manager.get(`/records/household/${h.id}/audit`);
    expect(trail.statusCode).toBe(200);
    expect(trail.body).toContain('Household: Auditlink');
    // In words: who by name and role, what they did; no route templates or request ids.
    expect(trail.body).toContain('Maya Mensah (Team manager)');
    expect(trail.body).toContain('Viewed the household record');
    expect(trail.body).not.toContain('GET /households/:id');
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/households/${h.id}`)).body).not.toContain(`/records/household/${h.id}/audit`);
    const ssw2Manager = await signedIn(t.app, 'ssw2');
    expect((await ssw2Manager.get(`/records/household/${h.id}/audit`)).statusCode).toBe(403);
  });
});
