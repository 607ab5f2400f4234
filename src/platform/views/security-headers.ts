/**
 * The security headers on every response (helmet's: a content security policy with a nonce for
 * the page's script and styles, nosniff, frame denial, HSTS in production ...), worked out once
 * when Hearth starts, not for each request.
 *
 * @fastify/helmet, used before, built a new helmet middleware for every request (parsing the whole
 * policy again) and drew two nonces from the operating system's random source each time: under
 * load on the county demo that was about a fifth of the server's CPU for My work. Here helmet
 * makes the headers once with a placeholder nonce; each response gets them with a fresh nonce from
 * a pool of random bytes drawn a few kilobytes at a time.
 */
import { randomFillSync } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

declare module 'fastify' {
  interface FastifyReply {
    /** This response's nonces, in its content security policy (the layout's script carries it). */
    cspNonce: { script: string; style: string } | null;
  }
}

export interface SecurityHeaderOptions {
  /** The policy's directives, as helmet takes them (without nonces: each response adds its own). */
  directives: Record<string, string[] | null>;
  /** Strict-Transport-Security (production, behind HTTPS). */
  strictTransportSecurity: boolean;
}

const SCRIPT_NONCE = 'hearth-script-nonce';
const STYLE_NONCE = 'hearth-style-nonce';
const NONCE_BYTES = 16;
const POOL_BYTES = NONCE_BYTES * 256;

/** Random nonces, 16 bytes each as hex, cut from a pool refilled 256 nonces at a time. */
export function nonceSource(): () => string {
  const pool = Buffer.alloc(POOL_BYTES);
  let used = POOL_BYTES;
  return () => {
    if (used === POOL_BYTES) {
      randomFillSync(pool);
      used = 0;
    }
    const nonce = pool.toString('hex', used, used + NONCE_BYTES);
    used += NONCE_BYTES;
    return nonce;
  };
}

/** The headers helmet sets for these options, with placeholders where each response's nonces go. */
export function helmetHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const withNonce = (list: string[] | null | undefined, nonce: string) => [...(list ?? []), `'nonce-${nonce}'`];
  const config: HelmetOptions = {
    contentSecurityPolicy: {
      directives: {
        ...options.directives,
        scriptSrc: withNonce(options.directives.scriptSrc, SCRIPT_NONCE),
        styleSrc: withNonce(options.directives.styleSrc, STYLE_NONCE),
      },
    },
    strictTransportSecurity: options.strictTransportSecurity,
  };
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(config)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

export const securityHeadersPlugin = fp<SecurityHeaderOptions>(async (app, options) => {
  const { 'content-security-policy': policy, ...fixed } = helmetHeaders(options);
  if (!policy?.includes(SCRIPT_NONCE) || !policy.includes(STYLE_NONCE)) {
    throw new Error('security headers: the policy has no place for its nonces');
  }
  const nonce = nonceSource();
  app.decorateReply('cspNonce', null);
  app.addHook('onRequest', (_request, reply, done) => {
    const script = nonce();
    const style = nonce();
    reply.cspNonce = { script, style };
    reply.headers(fixed);
    reply.header('content-security-policy', policy.replace(SCRIPT_NONCE, script).replace(STYLE_NONCE, style));
    done();
  });
});
