import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Agent, createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { users } from '../../platform/auth/tables.ts';
import { invalid } from '../../platform/views/results.ts';
import { addUser, auditOf, teamId, temporaryPasswordOn, userId } from './test-support.ts';
import { createUser } from './service.ts';

let t: TestApp;
let admin: Agent;
let eastTeam1: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t.app, 'admin');
  eastTeam1 = await teamId(t, 'East Kent Fostering Team 1');
});
afterAll(async () => {
  await t.close();
});

describe('adding a user', () => {
  it('creates the account, shows the temporary password once, and makes the user choose their own', async () => {
    const { id, password, page } = await addUser(admin, {
      username: 'Jo.Bloggs',
      displayName: 'Jo Bloggs',
      email: 'jo.bloggs@hearth.example',
      role: 'supervising_social_worker',
      teamId: eastTeam1,
      areaId: '',
    });
    expect(page.body).toContain('User account created');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    const again = await admin.get(`/admin/users/${id}/temporary-password`);
    expect(again.body).not.toContain(password);
    expect(again.body).toContain('The temporary password is no longer shown');

    const [row] = await t.database.db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({ username: 'jo.bloggs', role: 'supervising_social_worker', mustChangePassword: true });
    expect(row!.areaId).not.toBeNull(); // the team's area
    expect(row!.passwordHash).not.toContain(password);

    const newcomer = new Agent(t.app);
    const signIn = await newcomer.signIn('jo.bloggs', password);
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/account/password');
    expect((await newcomer.get('/my-work')).headers.location).toBe('/account/password');
    const changed = await newcomer.post('/account/password', {
      currentPassword: password,
      newPassword: 'a-password-of-my-own',
      confirmPassword: 'a-password-of-my-own',
    });
    expect(changed.headers.location).toBe('/?changed=password');
    expect((await newcomer.get(String(changed.headers.location))).headers.location).toBe('/my-work?changed=password');
    const home = await newcomer.get('/my-work');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Jo Bloggs');

    const created = await auditOf(t, id, 'create');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ username: 'admin', route: 'POST /admin/users/new' });
  });

  it('refuses a username that is taken, keeping what was typed', async () => {
    await admin.get('/admin/users/new');
    const response = await admin.post('/admin/users/new', {
      username: 'ssw',
      displayName: 'Another Sam',
      email: 'another.sam@hearth.example',
      role: 'payments_officer',
      teamId: '',
      areaId: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('That username is already taken');
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('href="#username"');
    expect(response.body).toContain('value="Another Sam"');
    expect(response.body).toContain('value="another.sam@hearth.example"');
    expect(response.body).toMatch(/<option value="payments_officer" selected>/);
    expect(response.body).toMatch(/<title>Error: /);
  });

  it('explains each invalid answer', async () => {
    await admin.get('/admin/users/new');
    const response = await admin.post('/admin/users/new', {
      username: 'Jo Smith!',
      displayName: '',
      email: 'not-an-email',
      role: 'team_manager',
      teamId: '',
      areaId: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Username must start with a letter or digit and contain only lowercase letters');
    expect(response.body).toContain('Enter the user’s full name');
    expect(response.body).toContain('Enter an email address in the correct format');
    expect(response.body).toContain('value="Jo Smith!"');

    const manager = await admin.post('/admin/users/new', {
      username: 'new.manager',
      displayName: 'New Manager',
      role: 'team_manager',
      teamId: '',
      areaId: '',
    });
    expect(manager.body).toContain('Select the team this person works in');
    const serviceManager = await admin.post('/admin/users/new', {
      username: 'new.sm',
      displayName: 'New Service Manager',
      role: 'service_manager',
      teamId: '',
      areaId: '',
    });
    expect(serviceManager.body).toContain('Select the area this service manager oversees');
  });

  it('gives a message, not a server error, for a NUL byte in any field or search', async () => {
    await admin.get('/admin/users/new');
    const response = await admin.post('/admin/users/new', {
      username: 'nul.user',
      displayName: 'Nul\u0000Byte',
      role: 'lado',
      teamId: '',
      areaId: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Remove the invalid character from this answer');
    const id = await userId(t, 'lado');
    await admin.get(`/admin/users/${id}/edit`);
    const edit = await admin.post(`/admin/users/${id}/edit`, { displayName: 'x', email: 'a\u0000@b.c', role: 'lado' });
    expect(edit.statusCode).toBe(400);
    expect(edit.body).toContain('Remove the invalid character from this answer');
    const search = await admin.get('/admin/users?q=%00sam&role=%00');
    expect(search.statusCode).toBe(200);
  });
});

describe('the list of users', () => {
  it('filters by search, role, team and status, and sorts on the server', async () => {
    const all = await admin.get('/admin/users');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('Sam Sutherland');
    expect(all.body).toContain('Supervising social worker');
    expect(all.body).toContain('aria-sort="ascending"');

    const search = await admin.get('/admin/users?q=sutherland');
    expect(search.body).toContain('Sam Sutherland');
    expect(search.body).not.toContain('Priya Walsh');

    const byRole = await admin.get('/admin/users?role=supervising_social_worker');
    expect(byRole.body).toContain('Sam Sutherland');
    expect(byRole.body).toContain('Priya Walsh');
    expect(byRole.body).not.toContain('Helen Hartley');

    const byTeam = await admin.get(`/admin/users?team=${eastTeam1}`);
    expect(byTeam.body).toContain('Maya Mensah');
    expect(byTeam.body).not.toContain('Priya Walsh');

    const inactive = await admin.get('/admin/users?status=inactive');
    expect(inactive.body).toContain('No users match these filters');

    const byUsernameDesc = await admin.get('/admin/users?sort=username&dir=desc');
    const order = [...byUsernameDesc.body.matchAll(/<td class="govuk-table__cell app-mono">([^<]+)</g)].map(
      (m) => m[1],
    );
    expect(order.length).toBeGreaterThan(5);
    expect(order).toEqual([...order].sort().reverse());

    const wild = await admin.get('/admin/users?sort=nonsense&page=-4&team=not-a-uuid');
    expect(wild.statusCode).toBe(200);
  });

  it('pages 25 at a time', async () => {
    for (let i = 0; i < 20; i += 1) {
      await t.database.db.insert(users).values({
        username: `bulk.${String(i).padStart(2, '0')}`,
        displayName: `Bulk User ${String(i).padStart(2, '0')}`,
        role: 'panel_member',
        passwordHash: 'x',
      });
    }
    const first = await admin.get('/admin/users');
    expect(first.body).toMatch(/Showing 1 to 25 of \d+ users/);
    expect(first.body).toContain('govuk-pagination');
    const second = await admin.get('/admin/users?page=2');
    expect(second.body).toMatch(/Showing 26 to \d+ of \d+ users/);
  });
});

describe('a user’s account page and changes', () => {
  it('records the view and an update naming the changed fields, not their values', async () => {
    const id = await userId(t, 'reviewer');
    const page = await admin.get(`/admin/users/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Rob Fenwick');
    expect(page.body).toContain(`/records/user/${id}/audit`);
    const views = await auditOf(t, id, 'view');
    expect(views.at(-1)).toMatchObject({ username: 'admin', route: 'GET /admin/users/:id' });

    const form = await admin.get(`/admin/users/${id}/edit`);
    expect(form.body).toContain('value="Rob Fenwick"');
    const saved = await admin.post(`/admin/users/${id}/edit`, {
      displayName: 'Robert Fenwick',
      email: 'reviewer@hearth.example',
      role: 'team_manager',
      teamId: eastTeam1,
      areaId: '',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/admin/users/${id}?done=updated`);
    expect((await admin.get(String(saved.headers.location))).body).toContain('The user’s details have been changed');
    const [update] = await auditOf(t, id, 'update');
    expect(update).toMatchObject({ username: 'admin', route: 'POST /admin/users/:id/edit' });
    expect(update!.detail).toEqual({ changed: ['displayName', 'role', 'teamId', 'areaId'] });
    expect(JSON.stringify(update!.detail)).not.toContain('Robert');
  });

  it('keeps input on an error when editing, and stops an administrator changing their own role', async () => {
    const id = await userId(t, 'admin');
    await admin.get(`/admin/users/${id}/edit`);
    const response = await admin.post(`/admin/users/${id}/edit`, {
      displayName: 'Alex Admin-Changed',
      email: '',
      role: 'head_of_fostering',
      teamId: '',
      areaId: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('You cannot change your own role');
    expect(response.body).toContain('value="Alex Admin-Changed"');
  });

  it('answers 404 for an account that does not exist or a malformed id', async () => {
    expect((await admin.get('/admin/users/not-a-uuid')).statusCode).toBe(404);
    expect((await admin.get('/admin/users/00000000-0000-4000-8000-000000000000/edit')).statusCode).toBe(404);
    expect((await admin.get('/records/user/not-a-uuid/audit')).statusCode).toBe(404);
  });

  it('never shows a temporary password twice or on another user’s page', async () => {
    const { id } = await addUser(admin, {
      username: 'once.only',
      displayName: 'Once Only',
      role: 'training_coordinator',
      teamId: '',
      areaId: '',
    });
    await admin.get(`/admin/users/${id}/reset-password`);
    const reset = await admin.post(`/admin/users/${id}/reset-password`, {});
    const other = await admin.get(`/admin/users/${await userId(t, 'ssw')}/temporary-password`);
    expect(() => temporaryPasswordOn(other)).toThrow();
    const shown = await admin.get(String(reset.headers.location));
    expect(shown.body).toContain('The temporary password is no longer shown');
  });
});

describe('two administrators adding the same username at once', () => {
  it('creates one account and tells the other the username is taken', async () => {
    const actor = { userId: await userId(t, 'admin'), username: 'admin', route: 'test', requestId: null };
    const input = {
      username: 'same.time',
      displayName: 'Same Time',
      email: null,
      role: 'lado' as const,
      teamId: null,
      areaId: null,
    };
    const results = await Promise.all([
      createUser(t.database.db, actor, input),
      createUser(t.database.db, actor, input),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual(
      invalid({ field: 'username', message: 'That username is already taken: choose another' }),
    );
  });
});
