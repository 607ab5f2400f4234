import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../audit/service.ts';
import { SESSION_COOKIE, ABSOLUTE_TIMEOUT_MS, findSession, type SignedInUser } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: SignedInUser | null;
    /** True when the request carried a session that had timed out. */
    sessionExpired: boolean;
    /** The user, route and request id, for the audit trail. */
    actor(): Actor;
  }
  interface FastifyReply {
    setSessionCookie(token: string): FastifyReply;
    clearSessionCookie(): FastifyReply;
  }
}

/** Reads the session cookie on every request and attaches the signed-in user. */
export const authPlugin = fp<{ db: Db; config: Config }>(async (app, { db, config }) => {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('actor', function (this: FastifyRequest): Actor {
    return {
      userId: this.user?.id ?? null,
      username: this.user?.username ?? null,
      route: `${this.method} ${this.routeOptions.url ?? this.url}`,
      requestId: this.id,
    };
  });
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.NODE_ENV === 'production',
  };
  app.decorateReply('setSessionCookie', function (this: FastifyReply, token: string) {
    return this.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: ABSOLUTE_TIMEOUT_MS / 1000 });
  });
  app.decorateReply('clearSessionCookie', function (this: FastifyReply) {
    return this.clearCookie(SESSION_COOKIE, cookieOptions);
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/assets/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await findSession(db, token);
    if (found && 'user' in found) {
      request.user = found.user;
    } else {
      request.sessionExpired = found !== null;
      reply.clearSessionCookie();
    }
  });
});
