import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oidcClient } from './client.ts';
import { followToCallback, startTestProvider } from './test-provider.ts';

const redirectUrl = 'http://hearth.test/sign-in/oidc/callback';
let provider: Awaited<ReturnType<typeof startTestProvider>>;

beforeAll(async () => {
  provider = await startTestProvider({
    clientId: 'hearth',
    clientSecret: 'hearth-test-client-secret-of-some-length',
    redirectUrl,
    postLogoutUrl: 'http://hearth.test/signed-out',
  });
  provider.accounts.set('u1', {
    sub: 'u1',
    name: 'Una Provider',
    email: 'una@council.example',
    groups: ['fostering-ssw'],
  });
});
afterAll(async () => {
  await provider.close();
});

const settings = () => ({
  issuer: provider.issuer,
  clientId: 'hearth',
  clientSecret: 'hearth-test-client-secret-of-some-length',
  redirectUrl,
  scopes: 'openid profile email groups',
  allowHttp: true,
});

describe('the OpenID Connect client against a real provider', () => {
  it('signs a user in with the code flow and PKCE, and gives their claims', async () => {
    const oidc = oidcClient(settings());
    const started = await oidc.start();
    expect(started.url).toContain('code_challenge_method=S256');
    provider.state.nextAccount = 'u1';
    const back = await followToCallback(started.url, redirectUrl);
    const identity = await oidc.finish(back.search, started);
    expect(identity).toMatchObject({ subject: 'u1', name: 'Una Provider', issuer: provider.issuer });
    expect(identity.claims.groups).toEqual(['fostering-ssw']);
    expect(await oidc.endSessionUrl(identity.idToken, 'http://hearth.test/signed-out')).toContain('/session/end');
  });

  it('refuses a replayed callback and a state that does not match', async () => {
    const oidc = oidcClient(settings());
    const started = await oidc.start();
    provider.state.nextAccount = 'u1';
    const back = await followToCallback(started.url, redirectUrl);
    await oidc.finish(back.search, started);
    await expect(oidc.finish(back.search, started)).rejects.toThrow();
    const other = await oidc.start();
    const again = await followToCallback(other.url, redirectUrl);
    await expect(oidc.finish(again.search, { ...other, state: 'another-state' })).rejects.toThrow();
  });

  it('refuses an ID token meant for another client (wrong audience), though the provider signed it', async () => {
    const fetchVia = provider.tamperingFetch((claims) => ({ ...claims, aud: 'another-service' }));
    const oidc = oidcClient({ ...settings(), fetch: fetchVia });
    const started = await oidc.start();
    provider.state.nextAccount = 'u1';
    const back = await followToCallback(started.url, redirectUrl);
    await expect(oidc.finish(back.search, started)).rejects.toThrow('unexpected JWT claim value encountered');
  });

  it('accepts the same tampering path when nothing is changed (the test itself is sound)', async () => {
    const oidc = oidcClient({ ...settings(), fetch: provider.tamperingFetch((claims) => claims) });
    const started = await oidc.start();
    provider.state.nextAccount = 'u1';
    const back = await followToCallback(started.url, redirectUrl);
    expect((await oidc.finish(back.search, started)).subject).toBe('u1');
  });

  it('refuses an ID token that has expired', async () => {
    // This server's clock two hours ahead: the provider's one-hour ID token has run out.
    const oidc = oidcClient({ ...settings(), clockSkewSeconds: 2 * 60 * 60 });
    const started = await oidc.start();
    provider.state.nextAccount = 'u1';
    const back = await followToCallback(started.url, redirectUrl);
    await expect(oidc.finish(back.search, started)).rejects.toThrow(/exp|expired|timestamp/i);
  });
});
