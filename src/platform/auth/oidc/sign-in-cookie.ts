import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../config.ts';
import { siteCookie } from '../cookies.ts';
import { secretBox } from '../secret-box.ts';

/** How long someone has at the identity provider before the sign-in they started lapses. */
export const SIGN_IN_LIFETIME_MS = 10 * 60 * 1000;

/** What a sign-in through the provider keeps between leaving Hearth and coming back. */
export interface StartedSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The page to open once signed in (a local path). */
  returnTo: string;
}

/**
 * Carries the state, nonce and PKCE verifier of a sign-in through the provider in a cookie,
 * sealed (AES-256-GCM under a key derived from SESSION_SECRET) so the browser can neither read
 * nor change it, HttpOnly, for 10 minutes, and taken (cleared) when the provider sends the user back.
 */
export function signInCookie(config: Pick<Config, 'sessionSecret' | 'NODE_ENV'>) {
  const box = secretBox(config.sessionSecret, 'hearth identity provider sign-in');
  const cookie = siteCookie('hearth_oidc', config);
  return {
    give(reply: FastifyReply, started: StartedSignIn, now = Date.now()): void {
      const sealed = box.seal(JSON.stringify({ ...started, expires: now + SIGN_IN_LIFETIME_MS }));
      reply.setCookie(cookie.name, sealed, { ...cookie.options, maxAge: SIGN_IN_LIFETIME_MS / 1000 });
    },
    /** The sign-in this browser started, if it is there, untouched and not lapsed; the cookie is cleared. */
    take(request: FastifyRequest, reply: FastifyReply, now = Date.now()): StartedSignIn | null {
      const sealed = request.cookies[cookie.name];
      if (!sealed) return null;
      reply.clearCookie(cookie.name, cookie.options);
      const text = box.open(sealed);
      if (!text) return null;
      try {
        const value = JSON.parse(text) as StartedSignIn & { expires: number };
        if (typeof value.expires !== 'number' || value.expires < now) return null;
        const { state, nonce, codeVerifier, returnTo } = value;
        return [state, nonce, codeVerifier, returnTo].every((v) => typeof v === 'string')
          ? { state, nonce, codeVerifier, returnTo }
          : null;
      } catch {
        return null;
      }
    },
  };
}
