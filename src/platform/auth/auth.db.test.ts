import { describe, expect, it } from 'vitest';
import { Agent, signedIn, testAppForFile } from '../../../test/support/app.ts';

const t = testAppForFile();

describe('signing in and out', () => {
  it('sends a signed-out visitor to the sign-in page', async () => {
    const agent = new Agent(t.app);
    const response = await agent.get('/my-work');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/sign-in?returnTo=%2Fmy-work');
  });

  it('signs a social worker in to My work with a new HttpOnly, SameSite=Lax session cookie', async () => {
    const agent = new Agent(t.app);
    const response = await agent.signIn('ssw');
    expect(response.statusCode).toBe(303);
    const cookie = response.cookies.find((c) => c.name === 'hearth_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const home = await agent.get('/');
    expect(home.headers.location).toBe('/my-work');
    const page = await agent.get('/my-work');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sam Sutherland');
  });

  it('gives the same message for a wrong password and an unknown user', async () => {
    const agent = new Agent(t.app);
    const wrong = await agent.signIn('ssw', 'not-the-password');
    const unknown = await agent.signIn('nobody-here', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toContain('Enter a correct username and password');
    expect(unknown.body).toContain('Enter a correct username and password');
    expect(wrong.body).toContain('value="ssw"');
  });

  it('pauses sign-in for an account after five failures, even with the right password', async () => {
    const agent = new Agent(t.app);
    for (let i = 0; i < 5; i += 1) await agent.signIn('training', 'wrong-password');
    const right = await agent.signIn('training');
    expect(right.statusCode).toBe(429);
    expect(right.body).toContain('Too many attempts to sign in');
  });

  it('rejects a form without its CSRF token with a clear page', async () => {
    const agent = await signedIn(t.app, 'manager');
    const response = await agent.post('/sign-out', {}, { csrf: false });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('This form could not be sent');
    expect((await agent.get('/my-work')).statusCode).toBe(200);
  });

  it('ends the session on sign-out: the old cookie no longer works', async () => {
    const agent = await signedIn(t.app, 'head');
    const cookie = agent.cookieHeader;
    const out = await agent.post('/sign-out', {});
    expect(out.headers.location).toBe('/signed-out');
    const replay = await t.app.inject({ method: 'GET', url: '/my-work', headers: { cookie } });
    expect(replay.statusCode).toBe(302);
  });
});
