import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/platform/db/client.ts';
import { createTestDatabase } from './db.ts';
import { DEMO_PASSWORD } from './demo.ts';

export { DEMO_PASSWORD };

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/**
 * Hearth on a fresh test database with the small demo service loaded, for app.inject() tests.
 * The demo is not loaded again for each app: the database is a copy of a template that has it
 * (made once per run by the global setup). `seed: false` gives an app on a migrated, empty database.
 * `env` adds settings (SMTP_URL, PUBLIC_URL ...) to the test configuration.
 */
export async function createTestApp(options: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase({ demo: options.seed !== false });
  const config = loadConfig({
    NODE_ENV: 'test',
    HEARTH_DEMO_PASSWORD: DEMO_PASSWORD,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * The app of a test file: created before its tests run, closed after them. The object is filled
 * in by beforeAll, so use it inside tests and hooks only.
 */
export function testAppForFile(options: Parameters<typeof createTestApp>[0] = {}): TestApp {
  const holder = {} as TestApp;
  beforeAll(async () => {
    Object.assign(holder, await createTestApp(options));
  });
  afterAll(async () => {
    await holder.close();
  });
  return holder;
}

/**
 * A user agent for inject tests: keeps cookies between requests and fills in the CSRF token
 * from the last page it loaded, as a browser submitting a form would.
 */
export class Agent {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse): void {
    for (const c of response.cookies) {
      if (
        c.value === '' ||
        (c.maxAge !== undefined && c.maxAge <= 0) ||
        (c.expires && c.expires.getTime() < Date.now())
      ) {
        this.cookies.delete(c.name);
      } else {
        this.cookies.set(c.name, c.value);
      }
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (token) this.csrf = token[1] ?? null;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader } });
    this.remember(response);
    return response;
  }

  /** Posts a form. Loads `from` first (default: the same URL) to pick up a CSRF token, unless one is held. */
  async post(
    url: string,
    form: Record<string, string | string[]>,
    options: { csrf?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one);
    if (options.csrf !== false) {
      if (!this.csrf) await this.get('/sign-in');
      body.set('_csrf', this.csrf ?? '');
    }
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    this.remember(response);
    return response;
  }

  async signIn(username: string, password = DEMO_PASSWORD): Promise<LightMyRequestResponse> {
    await this.get('/sign-in');
    return this.post('/sign-in', { username, password });
  }
}

/** Signs a demo user in and returns their agent. */
export async function signedIn(app: FastifyInstance, username: string): Promise<Agent> {
  const agent = new Agent(app);
  const response = await agent.signIn(username);
  if (response.statusCode !== 303) throw new Error(`sign-in for ${username} failed with ${response.statusCode}`);
  return agent;
}
