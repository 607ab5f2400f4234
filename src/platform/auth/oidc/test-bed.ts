import { afterAll, beforeAll, expect } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../../app.ts';
import { loadConfig, type IdentityProviderSettings } from '../../../config.ts';
import type { Database } from '../../db/client.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { Agent, DEMO_PASSWORD, signedIn } from '../../../../test/support/app.ts';
import { providerIdentities, teams, users } from '../tables.ts';
import { followToCallback, startTestProvider, type TestAccount } from './test-provider.ts';

export const REDIRECT_URL = 'http://hearth.test/sign-in/oidc/callback';
const CLIENT_SECRET = 'hearth-test-client-secret-of-some-length';

/**
 * What the sign-in tests share: a real test provider, Hearth on a test database with the small
 * demo service, an administrator signed in with a password, and helpers to sign in through the
 * provider and to keep the roles given by group. Made before the file's tests, closed after them;
 * use it inside tests and hooks only.
 */
export function providerTestBed() {
  const apps: FastifyInstance[] = [];
  const bed = {
    provider: undefined as unknown as Awaited<ReturnType<typeof startTestProvider>>,
    database: undefined as unknown as Database,
    app: undefined as unknown as FastifyInstance,
    admin: undefined as unknown as Agent,
    eastTeam1: '',

    /** Hearth on the file's database, with the test provider set up (and any changes to the client). */
    async hearth(
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
        OIDC_ISSUER: bed.provider.issuer,
        OIDC_CLIENT_ID: 'hearth',
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_REDIRECT_URL: REDIRECT_URL,
        OIDC_SCOPES: 'openid profile email groups',
        ...env,
      });
      config.oidc = { ...config.oidc!, ...changes };
      const built = await buildApp({ config, database: bed.database, logger });
      await built.ready();
      apps.push(built);
      return built;
    },

    /** An account at the provider (its email verified unless told otherwise). */
    account(sub: string, name: string, groups: string[], more: Partial<TestAccount> = {}): TestAccount {
      const made = { sub, name, email: `${sub}@council.example`, email_verified: true, groups, ...more };
      bed.provider.accounts.set(sub, made);
      return made;
    },

    /** Signs in at the provider as `sub` and comes back to Hearth: the callback's answer and its address. */
    async throughProvider(agent: Agent, sub: string, returnTo?: string) {
      const start = await agent.get(`/sign-in/oidc${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`);
      expect(start.statusCode, start.body).toBe(302);
      expect(agent.hasCookie('hearth_oidc')).toBe(true);
      bed.provider.state.nextAccount = sub;
      const back = await followToCallback(String(start.headers.location), REDIRECT_URL);
      const callback = `${back.pathname}${back.search}`;
      const cookieSent = agent.cookieHeader;
      const response = await agent.get(callback);
      return { response, callback, cookieSent };
    },

    /** Follows local redirects from a response to the page it ends on. */
    async landing(agent: Agent, response: LightMyRequestResponse) {
      let current = response;
      for (let i = 0; i < 5 && current.statusCode >= 300 && current.statusCode < 400; i += 1) {
        current = await agent.get(String(current.headers.location));
      }
      return current;
    },

    /** The Hearth account the provider's `sub` signs in to, or null. */
    async userOf(sub: string) {
      const [row] = await bed.database.db
        .select({ user: users })
        .from(providerIdentities)
        .innerJoin(users, eq(users.id, providerIdentities.userId))
        .where(eq(providerIdentities.subject, sub));
      return row?.user ?? null;
    },

    /** The administrator gives a group a role, through the form. */
    async addMapping(form: Record<string, string>) {
      await bed.admin.get('/admin/sign-in/mappings/new');
      const response = await bed.admin.post('/admin/sign-in/mappings/new', { teamId: '', areaId: '', ...form });
      expect(response.statusCode, response.body).toBe(303);
    },
  };

  beforeAll(async () => {
    bed.provider = await startTestProvider({
      clientId: 'hearth',
      clientSecret: CLIENT_SECRET,
      redirectUrl: REDIRECT_URL,
      postLogoutUrl: 'http://hearth.test/signed-out',
    });
    bed.database = await createTestDatabase({ demo: true });
    bed.app = await bed.hearth();
    bed.admin = await signedIn(bed.app, 'admin');
    const [team] = await bed.database.db.select().from(teams).where(eq(teams.name, 'East Kent Fostering Team 1'));
    bed.eastTeam1 = team!.id;
  });
  afterAll(async () => {
    for (const built of apps) await built.close();
    await bed.database?.close();
    await bed.provider?.close();
  });
  return bed;
}
