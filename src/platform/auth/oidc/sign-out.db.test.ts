import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Agent, signedIn } from '../../../../test/support/app.ts';
import { auditEvents } from '../../audit/tables.ts';
import { providerTestBed } from './test-bed.ts';

/** Signing out (of Hearth, and of the provider when signed in through it), and staff passwords switched off. */
const bed = providerTestBed();

beforeAll(async () => {
  await bed.addMapping({ claimValue: 'fostering-ssw', role: 'supervising_social_worker', teamId: bed.eastTeam1 });
  bed.account('una', 'Una Provider', ['fostering-ssw']);
});

describe('signing out', () => {
  it('ends the Hearth session and signs out at the provider too', async () => {
    const agent = new Agent(bed.app);
    await bed.throughProvider(agent, 'una');
    await agent.get('/my-work');
    const out = await agent.post('/sign-out', {});
    expect(out.statusCode).toBe(303);
    const location = new URL(String(out.headers.location));
    expect(location.origin).toBe(bed.provider.issuer);
    expect(location.pathname).toBe('/session/end');
    expect(location.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe('http://hearth.test/signed-out');
    expect((await agent.get('/my-work')).headers.location).toMatch(/^\/sign-in/);
    // The provider accepts it: its sign-out page answers.
    expect((await fetch(location, { redirect: 'manual' })).status).toBeLessThan(400);
  });

  it('signs someone with a password out of Hearth only', async () => {
    const agent = await signedIn(bed.app, 'ssw');
    await agent.get('/my-work');
    const out = await agent.post('/sign-out', {});
    expect(out.headers.location).toBe('/signed-out');
  });
});

describe('staff sign in only with their council account', () => {
  it('cannot be switched on by an administrator who signed in with a password', async () => {
    await bed.admin.get('/admin/sign-in/staff-passwords');
    const refused = await bed.admin.post('/admin/sign-in/staff-passwords', { staffPasswords: 'refused' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Sign in with your council account first');
    const empty = await bed.admin.post('/admin/sign-in/staff-passwords', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Select how staff sign in');
  });

  it('when switched on, refuses staff passwords, keeps carers’ passwords, and is audited', async () => {
    await bed.addMapping({ claimValue: 'hearth-admins', role: 'admin' });
    bed.account('ada', 'Ada Administrator', ['hearth-admins', 'fostering-ssw']);
    const providerAdmin = new Agent(bed.app);
    const { response } = await bed.throughProvider(providerAdmin, 'ada');
    expect((await bed.landing(providerAdmin, response)).body).toContain('<h1 class="govuk-heading-l">Administration');
    const ssw = await signedIn(bed.app, 'ssw');

    await providerAdmin.get('/admin/sign-in/staff-passwords');
    const switched = await providerAdmin.post('/admin/sign-in/staff-passwords', { staffPasswords: 'refused' });
    expect(switched.statusCode).toBe(303);
    const overview = await providerAdmin.get(String(switched.headers.location));
    expect(overview.body).toContain('Staff now sign in only with their council account');
    expect(overview.body).toContain('Only with their council account');
    const audited = await bed.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'setting'), eq(auditEvents.action, 'change-setting')));
    expect(audited.at(-1)!.detail).toEqual({ from: 'allowed', to: 'refused' });

    // Staff signed in with a password are signed out; the administrator signed in with the provider is not.
    expect((await ssw.get('/my-work')).headers.location).toMatch(/^\/sign-in/);
    expect((await bed.admin.get('/admin')).headers.location).toMatch(/^\/sign-in/);
    expect((await providerAdmin.get('/admin')).statusCode).toBe(200);

    const staff = await new Agent(bed.app).signIn('ssw');
    expect(staff.statusCode).toBe(403);
    expect(staff.body).toContain('Staff sign in with their council account, not a password');
    const wrongPassword = await new Agent(bed.app).signIn('ssw', 'not-the-password');
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.body).toContain('Enter a correct username and password');
    const carer = await new Agent(bed.app).signIn('carer');
    expect(carer.statusCode).toBe(303);
    expect((await new Agent(bed.app).get('/sign-in')).body).toContain('Staff sign in with their council account above');

    // Switched back: passwords work again.
    await providerAdmin.get('/admin/sign-in/staff-passwords');
    const back = await providerAdmin.post('/admin/sign-in/staff-passwords', { staffPasswords: 'allowed' });
    expect(back.statusCode).toBe(303);
    expect((await new Agent(bed.app).signIn('ssw')).statusCode).toBe(303);
    bed.admin = await signedIn(bed.app, 'admin');
  });
});
