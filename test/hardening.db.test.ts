import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { Agent, createTestApp, DEMO_PASSWORD, signedIn, testAppForFile } from './support/app.ts';

const t = testAppForFile();

/** Every GET route a signed-in head of fostering may open without an id in the path. */
function listPages(): string[] {
  return t.app.routeTable
    .filter((r) => r.method === 'GET' && !r.url.includes(':') && !r.url.startsWith('/assets'))
    .map((r) => r.url);
}

describe('pages behind sign-in are never kept by the browser', () => {
  it('sends Cache-Control: no-store on every page and file, and lets the stylesheets be cached', async () => {
    const head = await signedIn(t.app, 'head');
    const pages = listPages();
    expect(pages).toEqual(expect.arrayContaining(['/my-work', '/households', '/scorecard', '/search']));
    const opened: string[] = [];
    for (const url of pages) {
      const response = await head.get(url);
      if (response.statusCode >= 300) continue;
      opened.push(url);
      expect(response.headers['cache-control'], url).toBe('no-store');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(String(response.headers['content-security-policy']), url).toMatch(/script-src 'self' 'nonce-/);
    }
    expect(opened.length).toBeGreaterThan(10);
    const exportFile = await head.get('/scorecard.csv');
    expect(exportFile.statusCode).toBe(200);
    expect(exportFile.headers['cache-control']).toBe('no-store');
    const stylesheet = /href="(\/assets\/[^"]+\.css)"/.exec((await head.get('/my-work')).body)?.[1];
    expect(stylesheet).toBeDefined();
    const css = await head.get(stylesheet!);
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toContain('max-age');
    // Every list page of the whole service, as the head of fostering: long on a busy machine.
  }, 120_000);
});

describe('numbers and ids in a query string', () => {
  const hostile = ['99999999999999999999999999', '-1', '1.5', 'abc', '1e400', '0x10', '%00', '', '0', '100001'];

  it('answers every list with its page, never a server error, whatever page number is asked for', async () => {
    const head = await signedIn(t.app, 'head');
    const householdId = /href="\/households\/([0-9a-f-]{36})"/.exec((await head.get('/households')).body)?.[1];
    expect(householdId).toBeDefined();
    const paged = [...listPages(), `/households/${householdId}/supervision`, `/records/household/${householdId}/audit`];
    for (const url of paged) {
      for (const value of hostile) {
        const query = ['page', 'within', 'team', 'area', 'month', 'sort', 'order', 'status'].map(
          (n) => `${n}=${value}`,
        );
        const response = await head.get(`${url}?${query.join('&')}`);
        expect(response.statusCode, `${url}?${query.join('&')}`).toBeLessThan(500);
      }
    }
    const outbox = await head.get('/supervision/outbox?page=99999999999999999999999999');
    expect(outbox.statusCode).toBe(200);
    expect(outbox.body).toContain('Notes to carers');
  }, 180_000);

  it('answers every list, never a server error, when a filter is given twice (as a hand-edited address may)', async () => {
    const head = await signedIn(t.app, 'head');
    const names = ['page', 'sort', 'dir', 'order', 'q', 'team', 'area', 'month', 'status', 'stage', 'source', 'type'];
    const query = names.map((n) => `${n}=a&${n}=b`).join('&');
    const failed: string[] = [];
    for (const url of listPages()) {
      const response = await head.get(`${url}?${query}`);
      if (response.statusCode >= 500) failed.push(url);
    }
    expect(failed).toEqual([]);
    const pipeline = await head.get('/recruitment?stage=enquiry&stage=application&area=x&area=y');
    expect(pipeline.statusCode).toBe(200);
    expect(pipeline.body).toContain('Recruitment');
  }, 180_000);
});

describe('ids in the path', () => {
  const notIds = ['not-a-record', '00000000-0000-0000-0000-000000000000', '1'];

  it('answers every page and file with an id that is not a record "not found", never a server error', async () => {
    const users = ['head', 'carer', 'admin', 'lado', 'cicsw'];
    const routes = t.app.routeTable.filter((r) => r.method === 'GET' && /\/:[a-zA-Z]+/.test(r.url));
    expect(routes.length).toBeGreaterThan(50);
    const failed: string[] = [];
    for (const username of users) {
      const agent = await signedIn(t.app, username);
      for (const route of routes) {
        for (const value of notIds) {
          const url = route.url.replace(/:[a-zA-Z]+/g, value);
          const response = await agent.get(url);
          if (response.statusCode >= 500) failed.push(`${username}: ${url} answered ${response.statusCode}`);
        }
      }
    }
    expect(failed).toEqual([]);
  }, 240_000);
});

describe('what a form accepts', () => {
  it('refuses a JSON or plain-text body with 415 and changes nothing', async () => {
    const ssw = await signedIn(t.app, 'ssw');
    const form = await ssw.get('/account/password');
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    for (const [type, payload] of [
      [
        'application/json',
        JSON.stringify({ _csrf: token, currentPassword: DEMO_PASSWORD, newPassword: 'x'.repeat(20) }),
      ],
      ['text/plain', `_csrf=${token}`],
      ['application/xml', '<a>1</a>'],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/account/password',
        headers: { cookie: ssw.cookieHeader, 'content-type': type },
        payload,
      });
      expect(response.statusCode, type).toBe(415);
      expect(response.body).not.toContain('Error:');
    }
    // The password is unchanged: the demo password still signs in.
    const again = new Agent(t.app);
    expect((await again.signIn('ssw')).statusCode).toBe(303);
  });
});

describe('the session cookie in production', () => {
  it('is a __Host- cookie, Secure, HttpOnly and SameSite, forgotten when the browser closes; with HSTS', async () => {
    const production = await createTestApp({
      seed: true,
      // The second factor (required in production by default) has its own tests: this one is about the cookie.
      env: {
        NODE_ENV: 'production',
        SESSION_SECRET: 'a-production-secret-of-at-least-32-characters',
        REQUIRE_SECOND_FACTOR: 'false',
      },
    });
    try {
      const agent = new Agent(production.app);
      const signIn = await agent.signIn('ssw');
      expect(signIn.statusCode).toBe(303);
      const session = signIn.cookies.find((c) => c.name === '__Host-hearth_session');
      expect(session).toBeDefined();
      expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(session!.maxAge).toBeUndefined();
      expect(session!.expires).toBeUndefined();
      expect(session!.domain).toBeUndefined();
      expect(signIn.cookies.find((c) => c.name === 'hearth_session')).toBeUndefined();
      const page = await agent.get('/my-work');
      expect(page.statusCode).toBe(200);
      expect(page.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(page.headers['set-cookie'] ?? '').not.toMatch(/hearth_csrf(?!.*Secure)/);
    } finally {
      await production.close();
    }
  });
});

describe('sign-in limits per address behind a proxy', () => {
  async function attempts(env: Record<string, string>, count: number): Promise<number[]> {
    const app = await createTestApp({ seed: true, env: { SIGN_IN_LIMIT_PER_MINUTE: '3', ...env } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < count; i++) {
        const agent = new Agent(app.app);
        const form = await agent.get('/sign-in');
        const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
        const response = await app.app.inject({
          method: 'POST',
          url: '/sign-in',
          headers: {
            cookie: agent.cookieHeader,
            'content-type': 'application/x-www-form-urlencoded',
            'x-forwarded-for': `203.0.113.${i + 1}`,
          },
          payload: new URLSearchParams({ _csrf: token, username: `nobody${i}`, password: 'wrong-password' }).toString(),
        });
        statuses.push(response.statusCode);
      }
      return statuses;
    } finally {
      await app.close();
    }
  }

  it('ignores X-Forwarded-For unless a proxy is trusted, so a new address on each attempt is still limited', async () => {
    const untrusted = await attempts({}, 5);
    expect(untrusted.slice(0, 3).every((s) => s !== 429)).toBe(true);
    expect(untrusted.slice(3)).toEqual([429, 429]);
    const trusted = await attempts({ TRUST_PROXY: '127.0.0.1' }, 5);
    expect(trusted).not.toContain(429);
  });

  it('refuses a TRUST_PROXY that is not addresses or a hop count, naming the setting', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must be the proxies' addresses/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16' }).TRUST_PROXY).toEqual(['10.0.0.1', '192.168.0.0/16']);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
  });
});
