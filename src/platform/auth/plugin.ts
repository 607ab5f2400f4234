import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../audit/service.ts';
import { SESSION_COOKIE, findSession, type PendingSignIn, type SignedInUser } from './sessions.ts';
import { siteCookie } from './cookies.ts';
import { identityProvider, type IdentityProvider } from './oidc/provider.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: SignedInUser | null;
    /**
     * A sign-in whose password was right but whose second factor is still to come. It is not a
     * user: every page but the second-factor steps treats the request as signed out.
     */
    pendingSignIn: PendingSignIn | null;
    /** True when the request carried a session that had timed out. */
    sessionExpired: boolean;
    /** The user, route and request id, for the audit trail. */
    actor(): Actor;
    /** The records the request has written a view of (see Actor.viewed); made by the first `actor()`. */
    viewsAudited: Set<string> | null;
  }
  interface FastifyInstance {
    /** The council's identity provider (OpenID Connect), or null when OIDC_ settings are not given. */
    identityProvider: IdentityProvider | null;
  }
  interface FastifyReply {
    setSessionCookie(token: string): FastifyReply;
    clearSessionCookie(): FastifyReply;
  }
}

/** Reads the session cookie on every request and attaches the signed-in user. */
export const authPlugin = fp<{ db: Db; config: Config }>(async (app, { db, config }) => {
  app.decorate('identityProvider', config.oidc ? identityProvider(config.oidc) : null);
  app.decorateRequest('user', null);
  app.decorateRequest('pendingSignIn', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('viewsAudited', null);
  app.decorateRequest('actor', function (this: FastifyRequest): Actor {
    this.viewsAudited ??= new Set();
    return {
      userId: this.user?.id ?? null,
      username: this.user?.username ?? null,
      route: `${this.method} ${this.routeOptions.url ?? this.url}`,
      requestId: this.id,
      viewed: this.viewsAudited,
    };
  });
  const cookie = siteCookie(SESSION_COOKIE, config);
  app.decorateReply('setSessionCookie', function (this: FastifyReply, token: string) {
    return this.setCookie(cookie.name, token, cookie.options);
  });
  app.decorateReply('clearSessionCookie', function (this: FastifyReply) {
    return this.clearCookie(cookie.name, cookie.options);
  });

  // Nothing but the stylesheets, scripts and images may be kept by a browser or a proxy: a page or
  // file behind sign-in left in the cache of a shared office computer is a leak.
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/assets/')) reply.header('cache-control', 'no-store');
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/assets/')) return;
    const token = request.cookies[cookie.name];
    if (!token) return;
    const found = await findSession(db, token);
    if (found && 'user' in found) {
      request.user = found.user;
    } else if (found && 'pending' in found) {
      request.pendingSignIn = found.pending;
    } else {
      request.sessionExpired = found !== null;
      reply.clearSessionCookie();
    }
  });
});
