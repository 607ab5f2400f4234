import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Agent } from '../../../../test/support/app.ts';
import { auditEvents } from '../../audit/tables.ts';
import { providerIdentities } from '../tables.ts';
import { followToCallback } from './test-provider.ts';
import { providerTestBed, REDIRECT_URL } from './test-bed.ts';

/** Signing in through the council's identity provider: the good sign-in and the ones refused. */
const bed = providerTestBed();
const REFUSED_STATE = 'Your sign-in could not be finished';
const NOT_CHECKED = 'Your sign-in could not be checked';

beforeAll(async () => {
  await bed.addMapping({ claimValue: 'fostering-ssw', role: 'supervising_social_worker', teamId: bed.eastTeam1 });
});

describe('signing in with a council account', () => {
  it('shows the council’s button beside the password form', async () => {
    const page = await new Agent(bed.app).get('/sign-in?returnTo=%2Fhouseholds');
    expect(page.body).toContain('Sign in with your Demo County Council account');
    expect(page.body).toContain('href="/sign-in/oidc?returnTo=%2Fhouseholds"');
    expect(page.body).toContain('name="password"');
    expect(String(page.headers['content-security-policy'])).toContain(`form-action 'self' ${bed.provider.issuer}`);
  });

  it('lands on My work with the role, team and area of the mapping, with no second factor asked for', async () => {
    bed.account('una', 'Una Provider', ['fostering-ssw', 'some-other-group']);
    const agent = new Agent(bed.app);
    const { response } = await bed.throughProvider(agent, 'una');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    expect(agent.hasCookie('hearth_oidc')).toBe(false);
    const work = await bed.landing(agent, response);
    expect(work.statusCode).toBe(200);
    expect(work.body).toContain('<h1 class="govuk-heading-l">My work');
    expect(work.body).toContain('Una Provider');
    expect(work.body).toContain('(Supervising social worker)');

    const user = await bed.userOf('una');
    expect(user).toMatchObject({ role: 'supervising_social_worker', teamId: bed.eastTeam1, active: true });
    expect(user!.areaId).not.toBeNull();
    expect(user!.mustChangePassword).toBe(false);
    const signIns = await bed.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, user!.id), eq(auditEvents.action, 'sign-in')));
    expect(signIns.at(-1)!.detail).toMatchObject({ through: 'identity provider' });

    const own = await agent.get('/account');
    expect(own.body).toContain('Your council account');
    expect(own.body).not.toContain('/account/second-factor');
  });

  it('goes back to the page asked for, and keeps the same account at the next sign-in', async () => {
    const agent = new Agent(bed.app);
    const { response } = await bed.throughProvider(agent, 'una', '/households');
    expect(response.headers.location).toBe('/households');
    expect((await agent.get('/households')).statusCode).toBe(200);
    const accounts = await bed.database.db
      .select()
      .from(providerIdentities)
      .where(eq(providerIdentities.subject, 'una'));
    expect(accounts).toHaveLength(1);
  });

  it('is not asked for Hearth’s second factor even when the service requires one of staff', async () => {
    const strict = await bed.hearth({}, { REQUIRE_SECOND_FACTOR: 'true' });
    const agent = new Agent(strict);
    const { response } = await bed.throughProvider(agent, 'una');
    expect(response.headers.location).toBe('/');
    expect((await bed.landing(agent, response)).body).toContain('<h1 class="govuk-heading-l">My work');
    // The same service asks a member of staff with a password to set up an app.
    const withPassword = await new Agent(strict).signIn('ssw');
    expect(withPassword.headers.location).toBe('/sign-in/set-up');
  });

  it('refuses an ID token meant for another service (wrong audience), and signs no one in', async () => {
    const lines: string[] = [];
    const tampered = await bed.hearth(
      { fetch: bed.provider.tamperingFetch((claims) => ({ ...claims, aud: 'another-service' })) },
      {},
      { level: 'info', stream: { write: (line: string) => lines.push(line) } },
    );
    const agent = new Agent(tampered);
    const { response } = await bed.throughProvider(agent, 'una');
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain(NOT_CHECKED);
    expect(response.body).toContain('href="/sign-in"');
    expect((await agent.get('/my-work')).headers.location).toMatch(/^\/sign-in/);
    // The log says what failed, never who.
    const log = lines.join('\n');
    expect(log).toContain('a sign-in through the identity provider was refused');
    for (const personal of ['Una Provider', 'una@council.example', 'fostering-ssw'])
      expect(log).not.toContain(personal);
  });

  it('refuses an ID token that has expired', async () => {
    const late = await bed.hearth({ clockSkewSeconds: 2 * 60 * 60 });
    const agent = new Agent(late);
    const { response } = await bed.throughProvider(agent, 'una');
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain(NOT_CHECKED);
    expect((await agent.get('/my-work')).headers.location).toMatch(/^\/sign-in/);
  });

  it('refuses a return from the provider that is replayed, has no state, or another browser’s state', async () => {
    const agent = new Agent(bed.app);
    const { response, callback, cookieSent } = await bed.throughProvider(agent, 'una');
    expect(response.statusCode).toBe(303);

    // The same return again, from the same browser: its sign-in has been used up.
    const replayed = await new Agent(bed.app).get(callback);
    expect(replayed.statusCode).toBe(400);
    expect(replayed.body).toContain(REFUSED_STATE);
    // ... even with the cookie it came with (copied by someone else).
    const withCookie = await bed.app.inject({ method: 'GET', url: callback, headers: { cookie: cookieSent } });
    expect(withCookie.statusCode).toBe(400);
    expect(withCookie.body).toContain(REFUSED_STATE);
    expect(withCookie.cookies.find((c) => c.name === 'hearth_session')).toBeUndefined();

    // A fresh sign-in whose return carries no state, or a state this browser did not start.
    const other = new Agent(bed.app);
    const start = await other.get('/sign-in/oidc');
    bed.provider.state.nextAccount = 'una';
    const back = await followToCallback(String(start.headers.location), REDIRECT_URL);
    const code = back.searchParams.get('code')!;
    const saved = other.cookieHeader;
    const noState = await bed.app.inject({
      method: 'GET',
      url: `/sign-in/oidc/callback?code=${code}`,
      headers: { cookie: saved },
    });
    expect(noState.statusCode).toBe(400);
    expect(noState.body).toContain(REFUSED_STATE);
    const wrongState = await bed.app.inject({
      method: 'GET',
      url: `/sign-in/oidc/callback?code=${code}&state=someone-elses`,
      headers: { cookie: saved },
    });
    expect(wrongState.statusCode).toBe(400);
    const noCookie = await bed.app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
    expect(noCookie.statusCode).toBe(400);
    const forged = await bed.app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { cookie: 'hearth_oidc=not-a-sealed-value' },
    });
    expect(forged.statusCode).toBe(400);
  });

  it('says so when the provider cannot be reached', async () => {
    const away = await bed.hearth({ issuer: 'http://127.0.0.1:9/' });
    const response = await new Agent(away).get('/sign-in/oidc');
    expect(response.statusCode).toBe(502);
    expect(response.body).toContain('The council’s sign-in service is not answering');
  });
});

describe('a provider that gives the groups only from its userinfo endpoint', () => {
  it('fetches them with the access token and gives the role of the mapping', async () => {
    bed.account('uri', 'Uri Userinfo', ['fostering-ssw'], { groupsOnlyInUserinfo: true });
    const agent = new Agent(bed.app);
    const { response } = await bed.throughProvider(agent, 'uri');
    expect(response.headers.location).toBe('/');
    expect((await bed.landing(agent, response)).body).toContain('(Supervising social worker)');
    expect(await bed.userOf('uri')).toMatchObject({ role: 'supervising_social_worker', teamId: bed.eastTeam1 });
  });

  it('refuses a userinfo answer about someone else (another subject), and signs no one in', async () => {
    bed.account('uma', 'Uma Userinfo', ['fostering-ssw'], { groupsOnlyInUserinfo: true });
    const swapped = await bed.hearth({ fetch: bed.provider.userinfoChangingFetch((c) => ({ ...c, sub: 'una' })) });
    const agent = new Agent(swapped);
    const { response } = await bed.throughProvider(agent, 'uma');
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain(NOT_CHECKED);
    expect((await agent.get('/my-work')).headers.location).toMatch(/^\/sign-in/);
    expect(await bed.userOf('uma')).toBeNull();
  });

  it('does not ask userinfo when the ID token has the claim, even empty: no group, no role', async () => {
    bed.account('uno', 'Uno Nogroups', []);
    const asked: string[] = [];
    const watched = await bed.hearth({
      fetch: bed.provider.userinfoChangingFetch((c) => {
        asked.push(String(c.sub));
        return c;
      }),
    });
    const { response } = await bed.throughProvider(new Agent(watched), 'uno');
    expect(response.headers.location).toBe('/sign-in/no-role');
    expect(asked).toEqual([]);
  });
});
