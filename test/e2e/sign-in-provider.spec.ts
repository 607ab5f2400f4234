import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startTestProvider } from '../../src/platform/auth/oidc/test-provider.ts';
import { test, expect, E2E_DEMO_PASSWORD } from './support/fixtures.ts';

/**
 * Signing in with a council account, in a browser: a Hearth of its own (the shared test server has
 * no identity provider) connected to a real OpenID provider started here, on this machine only.
 */
let provider: Awaited<ReturnType<typeof startTestProvider>>;
let server: ChildProcess | undefined;
let dataDir: string;
let base: string;
const output: string[] = [];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Every page of this journey fits a 390 px wide screen: nothing wider than the window. */
async function fitsNarrowScreen(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: document.documentElement.clientWidth,
    widest: [...document.querySelectorAll('body *')]
      .filter(
        (e) =>
          e.getBoundingClientRect().right > document.documentElement.clientWidth && !e.closest('.app-table-scroll'),
      )
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`),
  }));
  expect(
    widths.page,
    `the page at ${page.url()} is wider than the screen: ${widths.widest.join(', ')}`,
  ).toBeLessThanOrEqual(widths.window);
}

test.use({ viewport: { width: 390, height: 844 } });

test.describe('signing in with a council account', () => {
  test.setTimeout(180_000);
  // Both journeys in one worker, one after the other, on the one Hearth that beforeAll starts. In
  // the fully parallel run each would otherwise get a worker of its own, and each worker would
  // start a Hearth with the demo (about 30 s of a worker's time on CI).
  test.describe.configure({ mode: 'default' });

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    provider = await startTestProvider({
      clientId: 'hearth-e2e',
      clientSecret: 'hearth-e2e-client-secret-of-some-length',
      redirectUrl: `${base}/sign-in/oidc/callback`,
      postLogoutUrl: `${base}/signed-out`,
    });
    provider.accounts.set('una', { sub: 'una', name: 'Una Okoro', email: 'una@council.example', groups: ['ssw'] });
    provider.accounts.set('nia', { sub: 'nia', name: 'Nia Patel', email: 'nia@council.example', groups: ['new'] });
    provider.accounts.set('rob', {
      sub: 'rob',
      name: 'Rob Fenwick',
      email: 'reviewer@hearth.example',
      groups: ['new'],
    });
    dataDir = mkdtempSync(join(tmpdir(), 'hearth-e2e-oidc-'));
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        TZ: 'Europe/London',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DEMO_SCALE: 'small',
        HEARTH_DEMO_PASSWORD: E2E_DEMO_PASSWORD,
        LOG_LEVEL: 'warn',
        SIGN_IN_LIMIT_PER_MINUTE: '10000',
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: 'hearth-e2e',
        OIDC_CLIENT_SECRET: 'hearth-e2e-client-secret-of-some-length',
        OIDC_REDIRECT_URL: `${base}/sign-in/oidc/callback`,
        OIDC_SCOPES: 'openid profile email groups',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const deadline = Date.now() + 150_000;
    for (;;) {
      const healthy = await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (healthy) break;
      if (Date.now() > deadline || server.exitCode !== null) {
        throw new Error(`the Hearth server for this journey did not start:\n${output.join('')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });

  test.afterAll(async () => {
    if (server?.pid && server.exitCode === null) {
      const stopped = new Promise((resolve) => server!.once('exit', resolve));
      process.kill(server.pid, 'SIGTERM');
      await stopped;
    }
    await provider?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('an administrator gives a group a role; a new starter waits for one, and gets one', async ({ hearth }) => {
    const page = hearth.page;

    // The administrator gives the provider's "ssw" group the supervising social worker role.
    await hearth.goto(`${base}/sign-in`);
    await expect(page.getByRole('button', { name: 'Sign in with your Demo County Council account' })).toBeVisible();
    await fitsNarrowScreen(page);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill(E2E_DEMO_PASSWORD);
    await hearth.submit('Sign in', { exact: true });
    await expect(hearth.heading).toHaveText('Administration');
    await hearth.clickLink('Sign-in with council accounts');
    await expect(hearth.heading).toHaveText('Sign-in with council accounts');
    await fitsNarrowScreen(page);
    await hearth.clickLink('View roles given by group');
    await hearth.submit('Add a role for a group');
    await page.getByLabel('Group').fill('ssw');
    await hearth.submit('Add role');
    await expect(page.locator('.govuk-error-summary')).toContainText('Select a role');
    await expect(page.getByLabel('Group')).toHaveValue('ssw');
    await page.getByLabel('Role').selectOption({ label: 'Supervising social worker' });
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'East Kent Fostering Team 1' });
    await hearth.submit('Add role');
    await expect(page.locator('.govuk-notification-banner')).toContainText('The role for the group has been added');
    await expect(page.locator('table')).toContainText('Supervising social worker');
    await fitsNarrowScreen(page);
    await hearth.signOut();

    // A supervising social worker in that group lands on My work with the role.
    await hearth.goto(`${base}/sign-in`);
    provider.state.nextAccount = 'una';
    await hearth.submit('Sign in with your Demo County Council account');
    await expect(hearth.heading).toHaveText(/My work/);
    await expect(page.locator('.app-user-bar__name')).toContainText('Una Okoro');
    await expect(page.locator('.app-user-bar__name')).toContainText('(Supervising social worker)');
    await fitsNarrowScreen(page);
    await hearth.clickLink('Your account');
    await expect(page.locator('.govuk-summary-list')).toContainText('Your council account');

    // Signing out ends the session and goes on to the provider's sign-out (whose own page is the
    // provider's, not checked here: it sends people back to "You have signed out").
    let providerSignOut: URL | undefined;
    await page.route(`${base}/sign-out`, async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      providerSignOut = new URL(response.headers()['location'] ?? '', base);
      await route.fulfill({ status: 303, headers: { location: `${base}/signed-out` } });
    });
    await hearth.signOut();
    await page.unroute(`${base}/sign-out`);
    expect(providerSignOut?.origin).toBe(provider.issuer);
    expect(providerSignOut?.pathname).toBe('/session/end');
    expect(providerSignOut?.searchParams.get('id_token_hint')).toBeTruthy();
    expect(providerSignOut?.searchParams.get('post_logout_redirect_uri')).toBe(`${base}/signed-out`);
    await hearth.goto(`${base}/my-work`);
    await expect(hearth.heading).toHaveText('Sign in to Hearth');
    // The provider's own sign-out page was skipped: forget its session as it would have.
    await page.context().clearCookies({ name: /^_session/ });

    // Someone whose groups have no role is told so, with no service navigation.
    await hearth.goto(`${base}/sign-in`);
    provider.state.nextAccount = 'nia';
    await hearth.submit('Sign in with your Demo County Council account');
    await expect(hearth.heading).toHaveText('Your account has no role in Hearth yet');
    await expect(hearth.nav.getByRole('link')).toHaveCount(0);
    await fitsNarrowScreen(page);

    // The administrator sees them waiting and gives them a role.
    await hearth.goto(`${base}/sign-in`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill(E2E_DEMO_PASSWORD);
    await hearth.submit('Sign in', { exact: true });
    await hearth.goto(`${base}/admin/sign-in`);
    await hearth.clickLink('View people waiting for a role');
    await expect(page.locator('table')).toContainText('Nia Patel');
    await fitsNarrowScreen(page);
    await hearth.clickLink('Give a role to Nia Patel');
    await page.getByLabel('Role').selectOption({ label: 'Training coordinator' });
    await hearth.submit('Give role');
    await expect(page.locator('.govuk-notification-banner')).toContainText('The role has been given');
    await hearth.signOut();

    await hearth.goto(`${base}/sign-in`);
    provider.state.nextAccount = 'nia';
    await hearth.submit('Sign in with your Demo County Council account');
    await expect(page.locator('.app-user-bar__name')).toContainText('(Training coordinator)');
  });

  test('an administrator links a council account to the Hearth account someone had, sees it, and unlinks it', async ({
    hearth,
  }) => {
    const page = hearth.page;

    // Rob Fenwick, the reviewing officer with a Hearth password, signs in with his council account.
    await hearth.goto(`${base}/sign-in`);
    provider.state.nextAccount = 'rob';
    await hearth.submit('Sign in with your Demo County Council account');
    await expect(hearth.heading).toHaveText('Your account has no role in Hearth yet');

    // The administrator links him to the account he already has, chosen for its email address.
    await hearth.goto(`${base}/sign-in`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill(E2E_DEMO_PASSWORD);
    await hearth.submit('Sign in', { exact: true });
    await hearth.clickLink('Users', { exact: true, within: page.locator('main') });
    await expect(page.locator('main')).toContainText('waiting for a role or to be linked to their account');
    await hearth.clickLink('See who is waiting');
    await hearth.clickLink('Give a role to Rob Fenwick');
    await hearth.clickLink('Link Rob Fenwick to their Hearth account');
    await expect(hearth.heading).toHaveText('Link Rob Fenwick to their Hearth account');
    await expect(page.getByLabel('Their Hearth account').locator('option:checked')).toHaveText(
      'Rob Fenwick (reviewer, reviewer@hearth.example)',
    );
    await fitsNarrowScreen(page);
    await hearth.submit('Link account');
    await expect(page.locator('.govuk-notification-banner')).toContainText('Their council account has been linked');
    await hearth.signOut();

    await hearth.goto(`${base}/sign-in`);
    provider.state.nextAccount = 'rob';
    await hearth.submit('Sign in with your Demo County Council account');
    await expect(page.locator('.app-user-bar__name')).toContainText('(Reviewing officer)');
    // Signed out of Hearth and the provider alike, as a new browser would be.
    await page.context().clearCookies();

    // His page shows the council account; the administrator unlinks it, asked first.
    await hearth.goto(`${base}/sign-in`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill(E2E_DEMO_PASSWORD);
    await hearth.submit('Sign in', { exact: true });
    await hearth.goto(`${base}/admin/users?q=reviewer`);
    await hearth.clickLink('Rob Fenwick');
    await expect(page.locator('.govuk-summary-card')).toContainText('Demo County Council’s sign-in service');
    await expect(page.locator('.govuk-summary-card')).toContainText('reviewer@hearth.example');
    await fitsNarrowScreen(page);
    await hearth.clickLink('Unlink the council account reviewer@hearth.example');
    await expect(hearth.heading).toHaveText('Are you sure you want to unlink this council account?');
    await hearth.submit('Unlink council account');
    await expect(page.locator('.govuk-notification-banner')).toContainText('The council account has been unlinked');
    await expect(page.locator('main')).toContainText('Rob Fenwick does not sign in with a council account');
  });
});
