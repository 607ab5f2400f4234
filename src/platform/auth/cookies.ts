import type { Config } from '../../config.ts';

/**
 * A site-wide cookie's name and attributes. In production the name carries the `__Host-` prefix,
 * which browsers accept only with Secure, Path=/ and no Domain: no other site or subdomain can set
 * or overwrite it. No Max-Age or Expires: the browser forgets it when it closes, which ends the
 * session on a shared office computer (the server's idle and absolute limits still apply).
 */
export function siteCookie(base: string, config: Pick<Config, 'NODE_ENV'>) {
  const production = config.NODE_ENV === 'production';
  return {
    name: production ? `__Host-${base}` : base,
    options: { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: production },
  };
}
