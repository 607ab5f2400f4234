import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { FastifyInstance } from 'fastify';
import type { Database } from './db/client.ts';
import { createTestDatabase } from '../../test/support/db.ts';
import { Agent } from '../../test/support/app.ts';

let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }), database, logger: false });
  // A route that fails the way a bug would, with SQL in its message, to see what a user is shown.
  app.get('/test-failure', { config: { access: 'public' } }, async () => {
    throw new Error('select password_hash from users where username = $1');
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the platform', () => {
  it('reports database reachability and migration level on /health', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status).toBe('ok');
    expect(body.database.reachable).toBe(true);
    expect(body.migrations.upToDate).toBe(true);
    expect(body.migrations.applied).toBeGreaterThanOrEqual(4);
  });

  it('shows a design-system 404 page for an unknown address', async () => {
    const response = await app.inject({ method: 'GET', url: '/no-such-page' });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Page not found');
    expect(response.body).toContain('govuk-template');
  });

  it('shows a 500 page with the request id and no SQL or stack trace', async () => {
    const response = await app.inject({ method: 'GET', url: '/test-failure' });
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('Sorry, there is a problem with the service');
    const id = /class="app-request-id">([^<]+)</.exec(response.body)?.[1];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body).not.toContain('password_hash');
    expect(response.body).not.toMatch(/\.ts:\d+/);
  });

  it('sends a content security policy with script nonces and no inline styles', async () => {
    const response = await app.inject({ method: 'GET', url: '/sign-in' });
    const csp = String(response.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const scripts = response.body.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = await app.inject({ method: 'GET', url: '/sign-in' });
    const second = /'nonce-([^']+)'/.exec(String(again.headers['content-security-policy']))?.[1];
    expect(second).toBeTruthy();
    expect(second).not.toBe(nonce);
    expect(response.body).not.toMatch(/ style="/);
  });

  it('refuses to register a route without an access rule', async () => {
    const other = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }), database, logger: false });
    expect(() => other.get('/forgotten', async () => 'oops')).toThrow(/has no access rule/);
    await other.close();
  });

  it('rejects a NUL byte in a form with a message, not a server error', async () => {
    const agent = new Agent(app);
    await agent.get('/sign-in');
    const response = await agent.post('/sign-in', { username: 'ssw\u0000', password: 'x' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Remove the invalid character');
  });
});

describe('configuration', () => {
  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('requires SESSION_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET is required/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }).sessionSecret).toBe('x'.repeat(40));
  });
});
