import { describe, expect, it } from 'vitest';
import { helmetHeaders, nonceSource } from './security-headers.ts';

describe('security headers', () => {
  it('gives every response its own nonce, past the end of each pool of random bytes', () => {
    const next = nonceSource();
    const nonces = Array.from({ length: 600 }, () => next());
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(nonces).size).toBe(600);
  });

  it('makes helmet’s headers once, with a place for the script’s and the styles’ nonces', () => {
    const headers = helmetHeaders({
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], frameAncestors: ["'none'"] },
      strictTransportSecurity: true,
    });
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-hearth-script-nonce'/);
    expect(headers['content-security-policy']).toMatch(/style-src 'self' 'nonce-hearth-style-nonce'/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const plain = helmetHeaders({ directives: { defaultSrc: ["'self'"] }, strictTransportSecurity: false });
    expect(plain['strict-transport-security']).toBeUndefined();
  });
});
