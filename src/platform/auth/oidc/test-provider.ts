import { createSign, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  sub: string;
  name: string;
  email: string;
  /** Whether the provider has checked the email address belongs to them. */
  email_verified?: boolean;
  groups: string[];
  /** The provider puts their groups in its userinfo answer only, not in the ID token. */
  groupsOnlyInUserinfo?: boolean;
}

/**
 * A real OpenID provider (oidc-provider) on a free local port, for tests. Sign-in at the provider
 * is automatic: the next authorisation signs in `provider.nextAccount`.
 */
export async function startTestProvider(options: {
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  postLogoutUrl: string;
}) {
  const accounts = new Map<string, TestAccount>();
  const state: { nextAccount: string | null } = { nextAccount: null };
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The provider's signing key, known to the test so it can forge tokens Hearth must refuse.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...(privateKey.export({ format: 'jwk' }) as JsonWebKey), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const provider = new Provider(issuer, {
    jwks: { keys: [jwk as never] },
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUrl],
        post_logout_redirect_uris: [options.postLogoutUrl],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'], groups: ['groups'] },
    scopes: ['openid', 'profile', 'email', 'groups'],
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ['test-provider-cookie-key'] },
    pkce: { required: () => true },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      const { groupsOnlyInUserinfo, ...claims } = account;
      return {
        accountId: id,
        claims: (use: string) => {
          if (use !== 'id_token' || !groupsOnlyInUserinfo) return { ...claims };
          const { groups: _inUserinfo, ...rest } = claims;
          return rest;
        },
      };
    },
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid profile email groups');
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  });
  provider.proxy = false;
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      void (async () => {
        const accountId = state.nextAccount;
        if (!accountId) {
          res.statusCode = 403;
          res.end('no account to sign in');
          return;
        }
        await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
      })().catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    callback(req, res);
  });
  /** Signs a JWT with the provider's own key, as the provider would. */
  function sign(payload: Record<string, unknown>): string {
    const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const body = `${part({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })}.${part(payload)}`;
    return `${body}.${createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url')}`;
  }

  /**
   * A fetch that changes the ID token in the provider's token response, re-signed with the
   * provider's key: a genuine signature over claims Hearth must still refuse.
   */
  function tamperingFetch(change: (claims: Record<string, unknown>) => Record<string, unknown>): typeof fetch {
    return async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input instanceof Request ? input.url : input).endsWith('/token')) return response;
      const body = (await response.json()) as { id_token: string };
      const claims = JSON.parse(Buffer.from(body.id_token.split('.')[1]!, 'base64url').toString()) as Record<
        string,
        unknown
      >;
      const tampered = { ...body, id_token: sign(change(claims)) };
      return new Response(JSON.stringify(tampered), { status: response.status, headers: response.headers });
    };
  }

  /** A fetch that changes the provider's userinfo answer (at /me) before Hearth reads it. */
  function userinfoChangingFetch(change: (claims: Record<string, unknown>) => Record<string, unknown>): typeof fetch {
    return async (input, init) => {
      const response = await fetch(input, init);
      if (!new URL(input instanceof Request ? input.url : String(input)).pathname.endsWith('/me')) return response;
      const changed = change((await response.json()) as Record<string, unknown>);
      return new Response(JSON.stringify(changed), { status: response.status, headers: response.headers });
    };
  }

  return {
    issuer,
    accounts,
    tamperingFetch,
    userinfoChangingFetch,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Follows the provider's redirects like a browser (cookies kept) until it sends the user back to `until`. */
export async function followToCallback(start: string, until: string, jar = new Map<string, string>()): Promise<URL> {
  let url = new URL(start);
  for (let i = 0; i < 10; i += 1) {
    if (url.href.startsWith(until)) return url;
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider answered ${response.status} at ${url.href}: ${await response.text()}`);
    url = new URL(location, url);
  }
  throw new Error('too many redirects at the provider');
}
