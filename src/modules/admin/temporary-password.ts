import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Lowercase letters and digits without the look-alikes (0/o, 1/l/i), so it can be read out or typed. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A temporary password: 16 random characters in groups of four (about 79 bits), e.g. "k7mq-2xrt-9bnw-4hpe". */
export function generateTemporaryPassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

const COOKIE = 'hearth_temporary_password';
const COOKIE_PATH = '/admin/users';
const LIFETIME_MS = 10 * 60 * 1000;

interface Handover {
  /** The administrator who set it: nobody else's browser may show it. */
  by: string;
  /** The user it belongs to. */
  user: string;
  password: string;
  kind: 'created' | 'reset';
  expires: number;
}

/**
 * Carries a temporary password from the form post to the page that shows it (post/redirect/get)
 * without storing it anywhere on the server: in a short-lived cookie, encrypted with AES-256-GCM
 * under a key derived from the app's cookie secret (so any process behind the load balancer can
 * read it), scoped to the admin pages, and cleared the first time the page is shown.
 */
export function temporaryPasswordHandover(app: FastifyInstance) {
  // HMAC-SHA256 of a fixed label under the cookie secret: a key only this service can derive.
  const key = createHash('sha256').update(app.signCookie('hearth:admin:temporary-password-key')).digest();
  const cookieOptions = {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: process.env.NODE_ENV === 'production',
  };

  function seal(value: Handover): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  function open(sealed: string): Handover | null {
    try {
      const raw = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      return JSON.parse(text) as Handover;
    } catch {
      return null;
    }
  }

  return {
    /** Hands the password to the next page this administrator opens for this user. */
    give(reply: FastifyReply, by: string, user: string, password: string, kind: Handover['kind']): void {
      const value = seal({ by, user, password, kind, expires: Date.now() + LIFETIME_MS });
      reply.setCookie(COOKIE, value, { ...cookieOptions, maxAge: LIFETIME_MS / 1000 });
    },
    /** Takes the password once: it is cleared whether or not it was for this page. */
    take(request: FastifyRequest, reply: FastifyReply, by: string, user: string): Handover | null {
      const sealed = request.cookies[COOKIE];
      if (!sealed) return null;
      reply.clearCookie(COOKIE, cookieOptions);
      const value = open(sealed);
      if (!value || value.by !== by || value.user !== user || value.expires < Date.now()) return null;
      return value;
    },
  };
}
