import * as client from 'openid-client';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  /** The scopes asked for: openid, and whatever makes the provider send the group or role claim. */
  scopes?: string;
  /**
   * The claim the role mappings use (`groups`, `realm_access.roles` ...): when the ID token lacks
   * it, it is fetched from the provider's userinfo endpoint.
   */
  claim?: string;
  /** Seconds to add to this server's clock when checking tokens (for tests of expiry). */
  clockSkewSeconds?: number;
  /** How to reach the provider (tests put themselves between Hearth and the provider with it). */
  fetch?: typeof fetch;
  /** Tests and laptops run a provider on http://localhost; production is https only. */
  allowHttp?: boolean;
}

/** What the sign-in keeps between sending the user to the provider and their return. */
export interface OidcStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcIdentity {
  issuer: string;
  subject: string;
  name: string | null;
  email: string | null;
  /** The provider says it has checked the email address is theirs (email_verified: true, nothing else). */
  emailVerified: boolean;
  claims: Record<string, unknown>;
  idToken: string | undefined;
}

/**
 * The OpenID Connect client (openid-client v6): authorization code flow with PKCE, state and
 * nonce. The provider's metadata is discovered once and kept.
 */
export function oidcClient(settings: OidcSettings) {
  let configuration: Promise<client.Configuration> | undefined;
  function config(): Promise<client.Configuration> {
    configuration ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        {
          redirect_uris: [settings.redirectUrl],
          response_types: ['code'],
          ...(settings.clockSkewSeconds ? { [client.clockSkew]: settings.clockSkewSeconds } : {}),
        },
        client.ClientSecretPost(settings.clientSecret),
        settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .then((c) => {
        if (settings.fetch) c[client.customFetch] = settings.fetch as unknown as client.CustomFetch;
        return c;
      })
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  }

  return {
    config,
    async start(): Promise<OidcStart> {
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(await config(), {
        redirect_uri: settings.redirectUrl,
        scope: settings.scopes ?? 'openid profile email',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, state, nonce, codeVerifier };
    },
    /**
     * Exchanges the code for tokens and checks them: state, nonce, PKCE, and the ID token's
     * signature, issuer, audience and expiry. Throws when anything does not match.
     */
    async finish(callbackQuery: string, started: Omit<OidcStart, 'url'>): Promise<OidcIdentity> {
      const current = new URL(settings.redirectUrl);
      current.search = callbackQuery;
      const tokens = await client.authorizationCodeGrant(await config(), current, {
        pkceCodeVerifier: started.codeVerifier,
        expectedState: started.state,
        expectedNonce: started.nonce,
        idTokenExpected: true,
      });
      const fromIdToken = tokens.claims()!;
      let claims: Record<string, unknown> = { ...fromIdToken };
      if (settings.claim && claimAt(claims, settings.claim) === undefined) {
        // The provider keeps the claim for its userinfo endpoint: fetched with the access token,
        // and refused unless it is about the same person (sub). The ID token's claims come first.
        const c = await config();
        const userinfo = await client.fetchUserInfo(c, tokens.access_token, fromIdToken.sub);
        claims = { ...userinfo, ...fromIdToken };
      }
      return {
        issuer: fromIdToken.iss,
        subject: fromIdToken.sub,
        name: typeof claims.name === 'string' ? claims.name : null,
        email: typeof claims.email === 'string' ? claims.email : null,
        emailVerified: claims.email_verified === true,
        claims,
        idToken: tokens.id_token,
      };
    },
    /** The provider's sign-out address (RP-initiated logout), when it has one. */
    async endSessionUrl(idToken: string | undefined, after: string): Promise<string | null> {
      const c = await config();
      if (!c.serverMetadata().end_session_endpoint) return null;
      const parameters: Record<string, string> = { post_logout_redirect_uri: after, client_id: settings.clientId };
      if (idToken) parameters.id_token_hint = idToken;
      return client.buildEndSessionUrl(c, parameters).href;
    },
  };
}

/** A claim by its name, or else by a dotted path (realm_access.roles); undefined when absent. */
export function claimAt(claims: Record<string, unknown>, claim: string): unknown {
  if (claims[claim] !== undefined || !claim.includes('.')) return claims[claim];
  return claim
    .split('.')
    .reduce<unknown>(
      (v, key) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined),
      claims,
    );
}
