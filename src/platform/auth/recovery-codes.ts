import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { secretBox } from './secret-box.ts';

const COOKIE = 'hearth_recovery_codes';
const COOKIE_PATH = '/account/recovery-codes';
const LIFETIME_MS = 10 * 60 * 1000;

interface Handover {
  user: string;
  codes: string[];
  /** Where "Continue" goes after the codes are read. */
  next: string;
  expires: number;
}

/**
 * Carries new recovery codes from the form that made them to the page that shows them once
 * (post/redirect/get), without keeping them on the server: sealed in a short-lived cookie scoped
 * to that page, cleared the first time it is shown.
 */
export function recoveryCodesHandover(config: Pick<Config, 'sessionSecret' | 'NODE_ENV'>) {
  const box = secretBox(config.sessionSecret, 'hearth recovery codes handover');
  const cookieOptions = {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.NODE_ENV === 'production',
  };
  return {
    give(reply: FastifyReply, user: string, codes: string[], next: string): void {
      const value = box.seal(JSON.stringify({ user, codes, next, expires: Date.now() + LIFETIME_MS }));
      reply.setCookie(COOKIE, value, { ...cookieOptions, maxAge: LIFETIME_MS / 1000 });
    },
    take(request: FastifyRequest, reply: FastifyReply, user: string): Handover | null {
      const sealed = request.cookies[COOKIE];
      if (!sealed) return null;
      reply.clearCookie(COOKIE, cookieOptions);
      const text = box.open(sealed);
      if (!text) return null;
      const value = JSON.parse(text) as Handover;
      return value.user === user && value.expires >= Date.now() ? value : null;
    },
  };
}
