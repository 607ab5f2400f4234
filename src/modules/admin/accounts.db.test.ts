import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { Agent, createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { sessions, users } from '../../platform/auth/tables.ts';
import { addDays, addMonths, bankHolidaysKnownUntil } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { addUser, auditOf, teamId, userId } from './test-support.ts';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t.app, 'admin');
});
afterAll(async () => {
  await t.close();
});

describe('deactivating and reactivating an account', () => {
  it('asks first, ends the user’s live sessions at once and blocks sign-in', async () => {
    const ssw2 = await signedIn(t.app, 'ssw2');
    expect((await ssw2.get('/account/password')).statusCode).toBe(200);
    const id = await userId(t, 'ssw2');

    const confirm = await admin.get(`/admin/users/${id}/deactivate`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Are you sure you want to deactivate this account?');
    const done = await admin.post(`/admin/users/${id}/deactivate`, {});
    expect(done.headers.location).toBe(`/admin/users/${id}?done=deactivated`);
    expect((await admin.get(String(done.headers.location))).body).toContain('The account has been deactivated');

    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(0);
    const after = await ssw2.get('/account/password');
    expect(after.statusCode).toBe(302);
    expect(String(after.headers.location)).toMatch(/^\/sign-in/);
    const again = await new Agent(t.app).signIn('ssw2');
    expect(again.statusCode).toBe(401);
    expect(again.body).toContain('Enter a correct username and password');

    const listed = await admin.get('/admin/users?status=inactive');
    expect(listed.body).toContain('Priya Walsh');
    expect(listed.body).toContain('Deactivated');
    expect(await auditOf(t, id, 'deactivate')).toMatchObject([{ username: 'admin' }]);

    await admin.get(`/admin/users/${id}/reactivate`);
    const back = await admin.post(`/admin/users/${id}/reactivate`, {});
    expect(back.headers.location).toBe(`/admin/users/${id}?done=reactivated`);
    expect((await new Agent(t.app).signIn('ssw2')).statusCode).toBe(303);
    expect(await auditOf(t, id, 'reactivate')).toHaveLength(1);
  });

  it('does not let an administrator deactivate themselves or reset their own password here', async () => {
    const id = await userId(t, 'admin');
    expect((await admin.get(`/admin/users/${id}/deactivate`)).body).toContain('You cannot deactivate your own account');
    const post = await admin.post(`/admin/users/${id}/deactivate`, {});
    expect(post.statusCode).toBe(400);
    expect(post.body).toContain('You cannot deactivate your own account');
    expect((await admin.post(`/admin/users/${id}/reset-password`, {})).statusCode).toBe(400);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, id));
    expect(row!.active).toBe(true);
    expect((await admin.get('/admin')).statusCode).toBe(200);
  });
});

describe('resetting a password', () => {
  it('shows a new temporary password once, ends the user’s sessions and makes them choose their own', async () => {
    const training = await signedIn(t.app, 'training');
    expect((await training.get('/account/password')).statusCode).toBe(200);
    const id = await userId(t, 'training');
    const confirm = await admin.get(`/admin/users/${id}/reset-password`);
    expect(confirm.body).toContain('Are you sure you want to reset this user’s password?');
    const reset = await admin.post(`/admin/users/${id}/reset-password`, {});
    expect(reset.statusCode).toBe(303);
    const shown = await admin.get(String(reset.headers.location));
    expect(shown.body).toContain('Password reset');
    const password = /data-temporary-password>([^<]+)</.exec(shown.body)?.[1];
    expect(password).toBeTruthy();

    expect((await training.get('/account/password')).statusCode).toBe(302);
    expect((await new Agent(t.app).signIn('training')).statusCode).toBe(401);
    const fresh = new Agent(t.app);
    const signIn = await fresh.signIn('training', password!);
    expect(signIn.headers.location).toBe('/account/password');
    expect(await auditOf(t, id, 'reset-password')).toMatchObject([
      { username: 'admin', route: 'POST /admin/users/:id/reset-password' },
    ]);
  });
});

describe('who may manage users', () => {
  it('refuses every administration page and form to anyone but an administrator', async () => {
    const target = await userId(t, 'ssw');
    const routes = t.app.routeTable.filter((r) => r.url === '/admin' || r.url.startsWith('/admin/'));
    expect(routes.length).toBeGreaterThanOrEqual(13);
    for (const route of routes) expect(route.access).toEqual({ permission: 'users.manage' });
    for (const username of ['head', 'director', 'manager', 'ssw', 'lado', 'carer']) {
      const agent = await signedIn(t.app, username);
      for (const route of routes) {
        const url = route.url.replace(':id', target);
        const response = route.method === 'GET' ? await agent.get(url) : await agent.post(url, {});
        expect(response.statusCode, `${username} ${route.method} ${url}`).toBe(403);
      }
    }
    const [row] = await t.database.db.select().from(users).where(eq(users.id, target));
    expect(row!.active).toBe(true);
  });
});

describe('who has seen or changed a user’s record', () => {
  it('lets a team manager see the trail of a user in their team, not of another team', async () => {
    const ssw = await userId(t, 'ssw');
    const ssw2 = await userId(t, 'ssw2');
    await admin.get(`/admin/users/${ssw}`);
    const manager = await signedIn(t.app, 'manager');
    const own = await manager.get(`/records/user/${ssw}/audit`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('User: Sam Sutherland (ssw)');
    expect(own.body).toContain('Viewed the user account');
    expect(own.body).not.toContain('GET /admin/users/:id');
    expect((await manager.get(`/records/user/${ssw2}/audit`)).statusCode).toBe(404);
    const worker = await signedIn(t.app, 'ssw');
    expect((await worker.get(`/records/user/${ssw}/audit`)).statusCode).toBe(403);
  });

  it('lets a team manager see a new user added to their team', async () => {
    const { id } = await addUser(admin, {
      username: 'east.newcomer',
      displayName: 'East Newcomer',
      role: 'assessing_social_worker',
      teamId: await teamId(t, 'East Kent Fostering Team 1'),
      areaId: '',
    });
    const manager = await signedIn(t.app, 'manager');
    const trail = await manager.get(`/records/user/${id}/audit`);
    expect(trail.statusCode).toBe(200);
    expect(trail.body).toContain('Created the user account');
    expect(trail.body).toContain('Alex Admin (Administrator)');
    // Route templates and request ids are for administrators only.
    expect(trail.body).not.toContain('Technical detail');
    expect(trail.body).not.toContain('/admin/users/new');
    const technical = await admin.get(`/records/user/${id}/audit`);
    expect(technical.body).toContain('Technical detail');
    expect(technical.body).toContain('POST /admin/users/new');
  });
});

describe('the administration page', () => {
  it('says up to when Hearth knows the bank holidays, warns from a year before they end, and says when they have', async () => {
    const knownUntil = bankHolidaysKnownUntil();
    const sentence = `Hearth knows the bank holidays up to ${formatDate(knownUntil)}.`;
    const warning = `From ${formatDate(addDays(knownUntil, 1))} Hearth knows no bank holidays`;
    // The page as it is on a day, signed in that day (a session from another day would have run out).
    const pageOn = async (day: string) => {
      vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
      vi.setSystemTime(new Date(`${day}T12:00:00Z`));
      try {
        return (await (await signedIn(t.app, 'admin')).get('/admin')).body;
      } finally {
        vi.useRealTimers();
      }
    };
    const yearBefore = addMonths(knownUntil, -12);
    const quiet = await pageOn(yearBefore);
    expect(quiet).toContain(sentence);
    expect(quiet).not.toContain(warning);
    const warned = await pageOn(addDays(yearBefore, 1));
    expect(warned).toContain(sentence);
    expect(warned).toContain(warning);
    expect(warned).toContain(
      'Ask whoever runs Hearth for the council to refresh the bank holidays from GOV.UK before then',
    );
    const ended = await pageOn(addDays(knownUntil, 1));
    expect(ended).toContain(`Since ${formatDate(addDays(knownUntil, 1))} Hearth has known no bank holidays`);
    expect(ended).not.toContain(warning);
  });
});
