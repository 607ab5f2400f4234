import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { Agent, DEMO_PASSWORD, signedIn, testAppForFile, type TestApp } from '../../../test/support/app.ts';
import { auditOf, userId } from '../../modules/admin/test-support.ts';
import { generateTemporaryPassword } from '../../modules/admin/temporary-password.ts';
import { loadConfig } from '../../config.ts';
import { passwordProblem } from './password-policy.ts';
import { currentCode } from './second-factor.ts';
import { recoveryCodes, secondFactors } from './tables.ts';

const t = testAppForFile();

/** The key shown as text on the set-up page, as someone would type it into their app. */
function secretOn(page: LightMyRequestResponse): string {
  const match = /data-secret="([A-Z2-7]+)"/.exec(page.body);
  if (!match) throw new Error('no secret key on the page');
  return match[1]!;
}

function recoveryCodesOn(page: LightMyRequestResponse): string[] {
  return [...page.body.matchAll(/<code data-recovery-code>([^<]+)<\/code>/g)].map((m) => m[1]!);
}

/** A code the app would show half a minute from now: not the one already used. */
const nextCode = (secret: string) => currentCode(secret, new Date(Date.now() + 30_000));

/** Sets up an authenticator app from the account page; returns the secret and the recovery codes. */
async function setUpFromAccount(agent: Agent) {
  const page = await agent.get('/account/second-factor');
  expect(page.statusCode).toBe(200);
  const secret = secretOn(page);
  const done = await agent.post('/account/second-factor', { code: currentCode(secret) });
  expect(done.statusCode, done.body).toBe(303);
  expect(done.headers.location).toBe('/account/recovery-codes');
  const shown = await agent.get('/account/recovery-codes');
  return { secret, codes: recoveryCodesOn(shown), shown };
}

describe('choosing a password', () => {
  it('asks for 12 characters or more, refuses common passwords, and has no rules about symbols', async () => {
    const agent = await signedIn(t.app, 'payments');
    const change = (password: string) =>
      agent.post('/account/password', {
        currentPassword: DEMO_PASSWORD,
        newPassword: password,
        confirmPassword: password,
      });
    const short = await change('elevenchars');
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Your new password must be 12 characters or more');
    const common = await change('passwordpassword');
    expect(common.statusCode).toBe(400);
    expect(common.body).toContain('This password is too common');
    expect((await change('QwertyUiopAsdfghjkl')).body).toContain('This password is too common');
    expect((await change('x'.repeat(129))).body).toContain('128 characters or fewer');
    const fine = await change('kettle orchard lantern pebble');
    expect(fine.statusCode, fine.body).toBe(303);
  });

  it('gives new accounts temporary passwords that meet the same rules', () => {
    for (let i = 0; i < 20; i += 1) expect(passwordProblem(generateTemporaryPassword())).toBeNull();
  });
});

describe('a second factor chosen from the account page', () => {
  it('sets up an app with a QR code and a typed key, then asks for a code at every sign-in', async () => {
    const carer = await signedIn(t.app, 'carer');
    const account = await carer.get('/account');
    expect(account.body).toContain('Your account');
    expect(account.body).toContain('Not set up');

    const page = await carer.get('/account/second-factor');
    expect(page.body).toContain('<h1 class="govuk-heading-l">Set up your authenticator app</h1>');
    expect(page.body).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"[^>]*alt="QR code/);
    const secret = secretOn(page);
    expect((await carer.get('/account/second-factor')).body).toContain(secret);

    const wrong = await carer.post('/account/second-factor', {
      code: '000000' === currentCode(secret) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('govuk-error-summary');
    expect(wrong.body).toContain('The code is not correct');

    const done = await carer.post('/account/second-factor', { code: currentCode(secret) });
    expect(done.headers.location).toBe('/account/recovery-codes');
    const shown = await carer.get('/account/recovery-codes');
    const codes = recoveryCodesOn(shown);
    expect(codes).toHaveLength(10);
    expect(shown.body).toContain('You will not see these codes again');
    const again = await carer.get('/account/recovery-codes');
    expect(recoveryCodesOn(again)).toEqual([]);
    expect(again.body).toContain('cannot be shown again');
    expect((await carer.get('/account')).body).toContain('10 recovery codes left');

    // The secret is kept encrypted, the recovery codes only as hashes.
    const id = await userId(t, 'carer');
    const [stored] = await t.database.db.select().from(secondFactors).where(eq(secondFactors.userId, id));
    expect(stored!.secretSealed).not.toContain(secret);
    const hashes = await t.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, id));
    expect(hashes.map((h) => h.codeHash)).not.toContain(codes[0]);

    // Password alone does not open anything.
    const next = new Agent(t.app);
    const password = await next.signIn('carer');
    expect(password.headers.location).toBe('/sign-in/code');
    const portal = await next.get('/portal');
    expect(portal.statusCode).toBe(302);
    expect(portal.headers.location).toMatch(/^\/sign-in/);
    const codePage = await next.get('/sign-in/code');
    expect(codePage.body).toContain('Enter the 6-digit code from your authenticator app');
    const empty = await next.post('/sign-in/code', { code: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#code"');

    const code = nextCode(secret);
    const inside = await next.post('/sign-in/code', { code });
    expect(inside.statusCode).toBe(303);
    expect((await next.get('/portal')).statusCode).toBe(200);

    // The same code does not work twice.
    const replay = new Agent(t.app);
    await replay.signIn('carer');
    const refused = await replay.post('/sign-in/code', { code });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('has been used already');

    // A recovery code works once.
    const recovered = await replay.post('/sign-in/code', { code: codes[0]!.toUpperCase() });
    expect(recovered.statusCode).toBe(303);
    expect((await replay.get('/portal')).statusCode).toBe(200);
    const third = new Agent(t.app);
    await third.signIn('carer');
    expect((await third.post('/sign-in/code', { code: codes[0]! })).statusCode).toBe(400);
    expect((await third.post('/sign-in/code', { code: codes[1]! })).statusCode).toBe(303);
    expect((await third.get('/account')).body).toContain('8 recovery codes left');

    const audit = await auditOf(t, id, 'set-up-second-factor');
    expect(audit).toHaveLength(1);
  });

  it('pauses the account after five wrong codes and ends the half-finished sign-in', async () => {
    const agent = await signedIn(t.app, 'recruitment');
    const { secret } = await setUpFromAccount(agent);
    const attacker = new Agent(t.app);
    await attacker.signIn('recruitment');
    for (let i = 0; i < 5; i += 1) {
      expect((await attacker.post('/sign-in/code', { code: '12345' + String(i) })).statusCode).toBe(400);
    }
    const paused = await attacker.post('/sign-in/code', { code: nextCode(secret) });
    expect(paused.statusCode).toBe(429);
    expect(paused.body).toContain('Too many attempts to sign in');
    expect((await attacker.get('/sign-in/code')).headers.location).toBe('/sign-in');
    // The right password does not reset the count of wrong codes.
    expect((await new Agent(t.app).signIn('recruitment')).statusCode).toBe(429);
  });
});

describe('an administrator resetting a second factor', () => {
  it('signs the user out everywhere, is audited, and has them set up a new app at next sign-in', async () => {
    const panel = await signedIn(t.app, 'panel');
    await setUpFromAccount(panel);
    const id = await userId(t, 'panel');

    const admin = await signedIn(t.app, 'admin');
    const page = await admin.get(`/admin/users/${id}`);
    expect(page.body).toContain('Authenticator app, set up');
    const confirm = await admin.get(`/admin/users/${id}/reset-second-factor`);
    expect(confirm.body).toContain('Are you sure you want to reset this user’s second factor?');
    const reset = await admin.post(`/admin/users/${id}/reset-second-factor`, {});
    expect(reset.headers.location).toBe(`/admin/users/${id}?done=second-factor-reset`);
    const after = await admin.get(String(reset.headers.location));
    expect(after.body).toContain('The second factor has been reset');
    expect(after.body).toContain('they will set up their authenticator app when they next sign in');
    expect(await auditOf(t, id, 'reset-second-factor')).toHaveLength(1);

    expect((await panel.get('/account')).headers.location).toMatch(/^\/sign-in/);
    const again = new Agent(t.app);
    expect((await again.signIn('panel')).headers.location).toBe('/sign-in/set-up');
    expect((await again.get('/my-work')).headers.location).toMatch(/^\/sign-in/);
    const setUp = await again.get('/sign-in/set-up');
    const done = await again.post('/sign-in/set-up', { code: currentCode(secretOn(setUp)) });
    expect(done.headers.location).toBe('/account/recovery-codes');
    expect(recoveryCodesOn(await again.get('/account/recovery-codes'))).toHaveLength(10);
    expect((await again.get('/account')).statusCode).toBe(200);
  });

  it('refuses to reset the administrator’s own second factor', async () => {
    const admin = await signedIn(t.app, 'admin');
    const own = await admin.get(`/admin/users/${await userId(t, 'admin')}/reset-second-factor`);
    expect(own.statusCode).toBe(400);
    expect(own.body).toContain('You cannot reset your own second factor');
  });
});

describe('a service that requires a second factor of staff', () => {
  const required: TestApp = testAppForFile({ env: { REQUIRE_SECOND_FACTOR: 'true' } });

  it('has staff set one up at their first sign-in, before any page opens', async () => {
    const ssw = new Agent(required.app);
    const password = await ssw.signIn('ssw');
    expect(password.headers.location).toBe('/sign-in/set-up');
    expect((await ssw.get('/my-work')).headers.location).toBe('/sign-in?returnTo=%2Fmy-work');
    expect((await ssw.get('/sign-in/code')).headers.location).toBe('/sign-in/set-up');
    const page = await ssw.get('/sign-in/set-up');
    expect(page.body).toContain('You need to set this up once');
    const done = await ssw.post('/sign-in/set-up', { code: currentCode(secretOn(page)) });
    expect(done.headers.location).toBe('/account/recovery-codes');
    const codes = await ssw.get('/account/recovery-codes');
    expect(recoveryCodesOn(codes)).toHaveLength(10);
    expect(codes.body).toContain('href="/"');
    expect((await ssw.get('/my-work')).statusCode).toBe(200);
  });

  it('keeps the return address through the second step', async () => {
    const manager = new Agent(required.app);
    await manager.get('/sign-in?returnTo=%2Fsearch');
    const password = await manager.post('/sign-in', {
      username: 'manager',
      password: DEMO_PASSWORD,
      returnTo: '/search',
    });
    expect(password.headers.location).toBe('/sign-in/set-up?returnTo=%2Fsearch');
    const page = await manager.get(String(password.headers.location));
    await manager.post('/sign-in/set-up', { code: currentCode(secretOn(page)), returnTo: '/search' });
    expect((await manager.get('/account/recovery-codes')).body).toContain('href="/search"');
  });

  it('lets foster carers sign in with their password alone unless they choose one', async () => {
    const carer = new Agent(required.app);
    expect((await carer.signIn('carer')).headers.location).toBe('/');
  });
});

describe('the REQUIRE_SECOND_FACTOR setting', () => {
  it('is on in production and off elsewhere unless set', () => {
    const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) } as const;
    expect(loadConfig(production).REQUIRE_SECOND_FACTOR).toBe(true);
    expect(loadConfig({ ...production, REQUIRE_SECOND_FACTOR: 'false' }).REQUIRE_SECOND_FACTOR).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).REQUIRE_SECOND_FACTOR).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', REQUIRE_SECOND_FACTOR: 'true' }).REQUIRE_SECOND_FACTOR).toBe(true);
    expect(() => loadConfig({ REQUIRE_SECOND_FACTOR: 'yes' })).toThrow('REQUIRE_SECOND_FACTOR must be true or false');
  });
});
