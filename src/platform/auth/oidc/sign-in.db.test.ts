import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../../app.ts';
import { loadConfig, type IdentityProviderSettings } from '../../../config.ts';
import type { Database } from '../../db/client.ts';
import { seedDemo } from '../../../../scripts/demo/seed.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { Agent, DEMO_PASSWORD, signedIn } from '../../../../test/support/app.ts';
import { auditEvents } from '../../audit/tables.ts';
import { providerIdentities, teams, users } from '../tables.ts';
import { followToCallback, startTestProvider, type TestAccount } from './test-provider.ts';

const REDIRECT_URL = 'http://hearth.test/sign-in/oidc/callback';
const CLIENT_SECRET = 'hearth-test-client-secret-of-some-length';
const REFUSED_STATE = 'Your sign-in could not be finished';
const NOT_CHECKED = 'Your sign-in could not be checked';
const NO_ROLE = 'Your account has no role in Hearth yet';

let provider: Awaited<ReturnType<typeof startTestProvider>>;
let database: Database;
let app: FastifyInstance;
let admin: Agent;
let eastTeam1: string;
const apps: FastifyInstance[] = [];

/** Hearth on the shared test database, with the test provider set up (and any changes to the client). */
async function hearth(
  changes: Partial<IdentityProviderSettings> = {},
  env: Record<string, string> = {},
  logger: Parameters<typeof buildApp>[0]['logger'] = false,
) {
  const config = loadConfig({
    NODE_ENV: 'test',
    HEARTH_DEMO_PASSWORD: DEMO_PASSWORD,
    LOG_LEVEL: 'silent',
    SIGN_IN_LIMIT_PER_MINUTE: '10000',
    REQUIRE_SECOND_FACTOR: 'false',
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: 'hearth',
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_REDIRECT_URL: REDIRECT_URL,
    OIDC_SCOPES: 'openid profile email groups',
    ...env,
  });
  config.oidc = { ...config.oidc!, ...changes };
  const built = await buildApp({ config, database, logger });
  await built.ready();
  apps.push(built);
  return built;
}

function account(sub: string, name: string, groups: string[]): TestAccount {
  const made = { sub, name, email: `${sub}@council.example`, groups };
  provider.accounts.set(sub, made);
  return made;
}

/** Signs in at the provider as `sub` and comes back to Hearth: the callback's answer and its address. */
async function throughProvider(agent: Agent, sub: string, returnTo?: string) {
  const start = await agent.get(`/sign-in/oidc${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`);
  expect(start.statusCode, start.body).toBe(302);
  expect(agent.hasCookie('hearth_oidc')).toBe(true);
  provider.state.nextAccount = sub;
  const back = await followToCallback(String(start.headers.location), REDIRECT_URL);
  const callback = `${back.pathname}${back.search}`;
  const cookieSent = agent.cookieHeader;
  const response = await agent.get(callback);
  return { response, callback, cookieSent };
}

/** Follows local redirects from a response to the page it ends on. */
async function landing(agent: Agent, response: LightMyRequestResponse) {
  let current = response;
  for (let i = 0; i < 5 && current.statusCode >= 300 && current.statusCode < 400; i += 1) {
    current = await agent.get(String(current.headers.location));
  }
  return current;
}

async function userOf(sub: string) {
  const [row] = await database.db
    .select({ user: users })
    .from(providerIdentities)
    .innerJoin(users, eq(users.id, providerIdentities.userId))
    .where(eq(providerIdentities.subject, sub));
  return row?.user ?? null;
}

async function addMapping(form: Record<string, string>) {
  await admin.get('/admin/sign-in/mappings/new');
  const response = await admin.post('/admin/sign-in/mappings/new', { teamId: '', areaId: '', ...form });
  expect(response.statusCode, response.body).toBe(303);
}

async function removeMapping(claimValue: string) {
  const list = await admin.get('/admin/sign-in/mappings');
  const row = list.body.split(`>${claimValue}<`)[1] ?? '';
  const href = /href="(\/admin\/sign-in\/mappings\/[0-9a-f-]{36}\/remove)"/.exec(row)?.[1];
  expect(href, list.body).toBeDefined();
  const confirm = await admin.get(href!);
  expect(confirm.statusCode).toBe(200);
  expect(confirm.body).toContain('Are you sure you want to remove the role for this group?');
  const removed = await admin.post(href!, {});
  expect(removed.statusCode).toBe(303);
}

beforeAll(async () => {
  provider = await startTestProvider({
    clientId: 'hearth',
    clientSecret: CLIENT_SECRET,
    redirectUrl: REDIRECT_URL,
    postLogoutUrl: 'http://hearth.test/signed-out',
  });
  database = await createTestDatabase();
  await seedDemo(database.db, { password: DEMO_PASSWORD, scale: 'small' });
  app = await hearth();
  admin = await signedIn(app, 'admin');
  const [team] = await database.db.select().from(teams).where(eq(teams.name, 'East Kent Fostering Team 1'));
  eastTeam1 = team!.id;
});
afterAll(async () => {
  for (const built of apps) await built.close();
  await database?.close();
  await provider?.close();
});

describe('the roles given by group, kept by an administrator', () => {
  it('adds a mapping through the form, with errors shown and the input kept, and audits it', async () => {
    const empty = await admin.post('/admin/sign-in/mappings/new', { claimValue: 'fostering-ssw', role: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('govuk-error-summary');
    expect(empty.body).toContain('Select a role');
    expect(empty.body).toContain('value="fostering-ssw"');

    const noTeam = await admin.post('/admin/sign-in/mappings/new', {
      claimValue: 'fostering-ssw',
      role: 'supervising_social_worker',
      teamId: '',
    });
    expect(noTeam.statusCode).toBe(400);
    expect(noTeam.body).toContain('Select the team this person works in');

    const carer = await admin.post('/admin/sign-in/mappings/new', { claimValue: 'carers', role: 'foster_carer' });
    expect(carer.statusCode).toBe(400);
    expect(carer.body).toContain('Foster carers sign in with a Hearth password');

    await addMapping({ claimValue: 'fostering-ssw', role: 'supervising_social_worker', teamId: eastTeam1 });
    const again = await admin.post('/admin/sign-in/mappings/new', { claimValue: 'fostering-ssw', role: 'lado' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('There is already a role for this group');

    const list = await admin.get('/admin/sign-in/mappings?done=added');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('The role for the group has been added');
    expect(list.body).toContain('fostering-ssw');
    expect(list.body).toContain('Supervising social worker');
    expect(list.body).toContain('East Kent Fostering Team 1');
    const audited = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'role-mapping'), eq(auditEvents.action, 'create')));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.detail).toMatchObject({ claimValue: 'fostering-ssw', role: 'supervising_social_worker' });

    const overview = await admin.get('/admin/sign-in');
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain(provider.issuer);
    expect(overview.body).toContain('1 group');
  });
});

describe('signing in with a council account', () => {
  it('shows the council’s button beside the password form', async () => {
    const page = await new Agent(app).get('/sign-in?returnTo=%2Fhouseholds');
    expect(page.body).toContain('Sign in with your Demo County Council account');
    expect(page.body).toContain('href="/sign-in/oidc?returnTo=%2Fhouseholds"');
    expect(page.body).toContain('name="password"');
    expect(String(page.headers['content-security-policy'])).toContain(`form-action 'self' ${provider.issuer}`);
  });

  it('lands on My work with the role, team and area of the mapping, with no second factor asked for', async () => {
    account('una', 'Una Provider', ['fostering-ssw', 'some-other-group']);
    const agent = new Agent(app);
    const { response } = await throughProvider(agent, 'una');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    expect(agent.hasCookie('hearth_oidc')).toBe(false);
    const work = await landing(agent, response);
    expect(work.statusCode).toBe(200);
    expect(work.body).toContain('<h1 class="govuk-heading-l">My work');
    expect(work.body).toContain('Una Provider');
    expect(work.body).toContain('(Supervising social worker)');

    const user = await userOf('una');
    expect(user).toMatchObject({ role: 'supervising_social_worker', teamId: eastTeam1, active: true });
    expect(user!.areaId).not.toBeNull();
    expect(user!.mustChangePassword).toBe(false);
    const signIns = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, user!.id), eq(auditEvents.action, 'sign-in')));
    expect(signIns.at(-1)!.detail).toMatchObject({ through: 'identity provider' });

    const own = await agent.get('/account');
    expect(own.body).toContain('Your council account');
    expect(own.body).not.toContain('/account/second-factor');
  });

  it('goes back to the page asked for, and keeps the same account at the next sign-in', async () => {
    const agent = new Agent(app);
    const { response } = await throughProvider(agent, 'una', '/households');
    expect(response.headers.location).toBe('/households');
    expect((await agent.get('/households')).statusCode).toBe(200);
    const accounts = await database.db.select().from(providerIdentities).where(eq(providerIdentities.subject, 'una'));
    expect(accounts).toHaveLength(1);
  });

  it('is not asked for Hearth’s second factor even when the service requires one of staff', async () => {
    const strict = await hearth({}, { REQUIRE_SECOND_FACTOR: 'true' });
    const agent = new Agent(strict);
    const { response } = await throughProvider(agent, 'una');
    expect(response.headers.location).toBe('/');
    expect((await landing(agent, response)).body).toContain('<h1 class="govuk-heading-l">My work');
    // The same service asks a member of staff with a password to set up an app.
    const withPassword = await new Agent(strict).signIn('ssw');
    expect(withPassword.headers.location).toBe('/sign-in/set-up');
  });

  it('refuses an ID token meant for another service (wrong audience), and signs no one in', async () => {
    const lines: string[] = [];
    const tampered = await hearth(
      { fetch: provider.tamperingFetch((claims) => ({ ...claims, aud: 'another-service' })) },
      {},
      { level: 'info', stream: { write: (line: string) => lines.push(line) } },
    );
    const agent = new Agent(tampered);
    const { response } = await throughProvider(agent, 'una');
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
    const late = await hearth({ clockSkewSeconds: 2 * 60 * 60 });
    const agent = new Agent(late);
    const { response } = await throughProvider(agent, 'una');
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain(NOT_CHECKED);
    expect((await agent.get('/my-work')).headers.location).toMatch(/^\/sign-in/);
  });

  it('refuses a return from the provider that is replayed, has no state, or another browser’s state', async () => {
    const agent = new Agent(app);
    const { response, callback, cookieSent } = await throughProvider(agent, 'una');
    expect(response.statusCode).toBe(303);

    // The same return again, from the same browser: its sign-in has been used up.
    const replayed = await new Agent(app).get(callback);
    expect(replayed.statusCode).toBe(400);
    expect(replayed.body).toContain(REFUSED_STATE);
    // ... even with the cookie it came with (copied by someone else).
    const withCookie = await app.inject({ method: 'GET', url: callback, headers: { cookie: cookieSent } });
    expect(withCookie.statusCode).toBe(400);
    expect(withCookie.body).toContain(REFUSED_STATE);
    expect(withCookie.cookies.find((c) => c.name === 'hearth_session')).toBeUndefined();

    // A fresh sign-in whose return carries no state, or a state this browser did not start.
    const other = new Agent(app);
    const start = await other.get('/sign-in/oidc');
    provider.state.nextAccount = 'una';
    const back = await followToCallback(String(start.headers.location), REDIRECT_URL);
    const code = back.searchParams.get('code')!;
    const saved = other.cookieHeader;
    const noState = await app.inject({
      method: 'GET',
      url: `/sign-in/oidc/callback?code=${code}`,
      headers: { cookie: saved },
    });
    expect(noState.statusCode).toBe(400);
    expect(noState.body).toContain(REFUSED_STATE);
    const wrongState = await app.inject({
      method: 'GET',
      url: `/sign-in/oidc/callback?code=${code}&state=someone-elses`,
      headers: { cookie: saved },
    });
    expect(wrongState.statusCode).toBe(400);
    const noCookie = await app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
    expect(noCookie.statusCode).toBe(400);
    const forged = await app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { cookie: 'hearth_oidc=not-a-sealed-value' },
    });
    expect(forged.statusCode).toBe(400);
  });

  it('says so when the provider cannot be reached', async () => {
    const away = await hearth({ issuer: 'http://127.0.0.1:9/' });
    const response = await new Agent(away).get('/sign-in/oidc');
    expect(response.statusCode).toBe(502);
    expect(response.body).toContain('The council’s sign-in service is not answering');
  });
});

describe('someone whose groups have no role in Hearth', () => {
  it('sees that they have no role yet, without the service’s navigation, and waits on the administrator’s list', async () => {
    account('newstarter', 'Nia Newstarter', ['fostering-newstarters']);
    const agent = new Agent(app);
    const { response } = await throughProvider(agent, 'newstarter');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in/no-role');
    const page = await agent.get('/sign-in/no-role');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(NO_ROLE);
    expect(page.body).not.toContain('govuk-service-navigation__link');
    expect(page.body).not.toContain('Sign out');
    expect((await agent.get('/my-work')).headers.location).toMatch(/^\/sign-in/);
    expect(await userOf('newstarter')).toBeNull();

    const waiting = await admin.get('/admin/sign-in/waiting');
    expect(waiting.statusCode).toBe(200);
    expect(waiting.body).toContain('Nia Newstarter');
    expect(waiting.body).toContain('fostering-newstarters');
    expect(waiting.body).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4}/); // "1 December 2026"
  });

  it('can be given a role by the administrator, then signs in', async () => {
    const waiting = await admin.get('/admin/sign-in/waiting');
    const href = /href="(\/admin\/sign-in\/waiting\/[0-9a-f-]{36})"/.exec(waiting.body)?.[1];
    expect(href).toBeDefined();
    const form = await admin.get(href!);
    expect(form.body).toContain('Give a role to Nia Newstarter');
    const noTeam = await admin.post(href!, { role: 'assessing_social_worker', teamId: '', areaId: '' });
    expect(noTeam.statusCode).toBe(400);
    expect(noTeam.body).toContain('Select the team this person works in');
    expect(noTeam.body).toMatch(/<option value="assessing_social_worker" selected/);
    const given = await admin.post(href!, { role: 'assessing_social_worker', teamId: eastTeam1, areaId: '' });
    expect(given.statusCode).toBe(303);
    expect((await admin.get(String(given.headers.location))).body).toContain('No one is waiting');

    const agent = new Agent(app);
    const { response } = await throughProvider(agent, 'newstarter');
    expect(response.headers.location).toBe('/');
    expect((await landing(agent, response)).body).toContain('(Assessing social worker)');
    expect(await userOf('newstarter')).toMatchObject({ role: 'assessing_social_worker', teamId: eastTeam1 });
  });
});

describe('losing access', () => {
  it('ends access at the next sign-in when the provider no longer puts them in a mapped group', async () => {
    account('ola', 'Ola Leaver', ['fostering-ssw']);
    const earlier = new Agent(app);
    await throughProvider(earlier, 'ola');
    expect((await earlier.get('/my-work')).statusCode).toBe(200);

    account('ola', 'Ola Leaver', []);
    const later = new Agent(app);
    const { response } = await throughProvider(later, 'ola');
    expect(response.headers.location).toBe('/sign-in/no-role');
    // Their other session ends too, and the account is deactivated.
    expect((await earlier.get('/my-work')).headers.location).toMatch(/^\/sign-in/);
    expect(await userOf('ola')).toMatchObject({ active: false });
    const waiting = await admin.get('/admin/sign-in/waiting');
    expect(waiting.body).toContain('Ola Leaver');
    expect(waiting.body).toContain('Lost access when their groups changed');

    // Back in the group: the account is theirs again.
    account('ola', 'Ola Leaver', ['fostering-ssw']);
    const back = new Agent(app);
    const returned = await throughProvider(back, 'ola');
    expect(returned.response.headers.location).toBe('/');
    expect(await userOf('ola')).toMatchObject({ active: true, role: 'supervising_social_worker' });
  });

  it('ends access at the next sign-in when the administrator removes the mapping', async () => {
    account('mo', 'Mo Mapped', ['fostering-reviewers']);
    await addMapping({ claimValue: 'fostering-reviewers', role: 'reviewing_officer' });
    const agent = new Agent(app);
    const first = await throughProvider(agent, 'mo');
    expect((await landing(agent, first.response)).body).toContain('(Reviewing officer)');

    await removeMapping('fostering-reviewers');
    const audited = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'role-mapping'), eq(auditEvents.action, 'delete')));
    expect(audited.at(-1)!.detail).toMatchObject({ claimValue: 'fostering-reviewers' });

    const next = new Agent(app);
    const { response } = await throughProvider(next, 'mo');
    expect(response.headers.location).toBe('/sign-in/no-role');
    expect((await agent.get('/my-work')).headers.location).toMatch(/^\/sign-in/);
    expect((await admin.get('/admin/sign-in/waiting')).body).toContain('Mo Mapped');
  });

  it('ends access on the next request when an administrator deactivates the account, and refuses sign-in', async () => {
    account('dee', 'Dee Activated', ['fostering-ssw']);
    const agent = new Agent(app);
    await throughProvider(agent, 'dee');
    expect((await agent.get('/my-work')).statusCode).toBe(200);
    const id = (await userOf('dee'))!.id;
    await admin.get(`/admin/users/${id}/deactivate`);
    expect((await admin.post(`/admin/users/${id}/deactivate`, {})).statusCode).toBe(303);

    const next = await agent.get('/my-work');
    expect(next.statusCode).toBe(302);
    expect(next.headers.location).toMatch(/^\/sign-in/);
    const again = await throughProvider(new Agent(app), 'dee');
    expect(again.response.statusCode).toBe(403);
    expect(again.response.body).toContain('Your Hearth account has been deactivated');
  });
});

describe('signing out', () => {
  it('ends the Hearth session and signs out at the provider too', async () => {
    const agent = new Agent(app);
    await throughProvider(agent, 'una');
    await agent.get('/my-work');
    const out = await agent.post('/sign-out', {});
    expect(out.statusCode).toBe(303);
    const location = new URL(String(out.headers.location));
    expect(location.origin).toBe(provider.issuer);
    expect(location.pathname).toBe('/session/end');
    expect(location.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe('http://hearth.test/signed-out');
    expect((await agent.get('/my-work')).headers.location).toMatch(/^\/sign-in/);
    // The provider accepts it: its sign-out page answers.
    expect((await fetch(location, { redirect: 'manual' })).status).toBeLessThan(400);
  });

  it('signs someone with a password out of Hearth only', async () => {
    const agent = await signedIn(app, 'ssw');
    await agent.get('/my-work');
    const out = await agent.post('/sign-out', {});
    expect(out.headers.location).toBe('/signed-out');
  });
});

describe('staff sign in only with their council account', () => {
  it('cannot be switched on by an administrator who signed in with a password', async () => {
    await admin.get('/admin/sign-in/staff-passwords');
    const refused = await admin.post('/admin/sign-in/staff-passwords', { staffPasswords: 'refused' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Sign in with your council account first');
    const empty = await admin.post('/admin/sign-in/staff-passwords', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Select how staff sign in');
  });

  it('when switched on, refuses staff passwords, keeps carers’ passwords, and is audited', async () => {
    await addMapping({ claimValue: 'hearth-admins', role: 'admin' });
    account('ada', 'Ada Administrator', ['hearth-admins', 'fostering-ssw']);
    const providerAdmin = new Agent(app);
    const { response } = await throughProvider(providerAdmin, 'ada');
    expect((await landing(providerAdmin, response)).body).toContain('<h1 class="govuk-heading-l">Administration');
    const ssw = await signedIn(app, 'ssw');

    await providerAdmin.get('/admin/sign-in/staff-passwords');
    const switched = await providerAdmin.post('/admin/sign-in/staff-passwords', { staffPasswords: 'refused' });
    expect(switched.statusCode).toBe(303);
    const overview = await providerAdmin.get(String(switched.headers.location));
    expect(overview.body).toContain('Staff now sign in only with their council account');
    expect(overview.body).toContain('Only with their council account');
    const audited = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'setting'), eq(auditEvents.action, 'change-setting')));
    expect(audited.at(-1)!.detail).toEqual({ from: 'allowed', to: 'refused' });

    // Staff signed in with a password are signed out; the administrator signed in with the provider is not.
    expect((await ssw.get('/my-work')).headers.location).toMatch(/^\/sign-in/);
    expect((await admin.get('/admin')).headers.location).toMatch(/^\/sign-in/);
    expect((await providerAdmin.get('/admin')).statusCode).toBe(200);

    const staff = await new Agent(app).signIn('ssw');
    expect(staff.statusCode).toBe(403);
    expect(staff.body).toContain('Staff sign in with their council account, not a password');
    const wrongPassword = await new Agent(app).signIn('ssw', 'not-the-password');
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.body).toContain('Enter a correct username and password');
    const carer = await new Agent(app).signIn('carer');
    expect(carer.statusCode).toBe(303);
    expect((await new Agent(app).get('/sign-in')).body).toContain('Staff sign in with their council account above');

    // Switched back: passwords work again.
    await providerAdmin.get('/admin/sign-in/staff-passwords');
    const back = await providerAdmin.post('/admin/sign-in/staff-passwords', { staffPasswords: 'allowed' });
    expect(back.statusCode).toBe(303);
    expect((await new Agent(app).signIn('ssw')).statusCode).toBe(303);
    admin = await signedIn(app, 'admin');
  });
});
