import type { IdentityProviderSettings } from '../../../config.ts';
import { claimAt, oidcClient } from './client.ts';

/** The council's identity provider as the rest of Hearth sees it. */
export interface IdentityProvider {
  client: ReturnType<typeof oidcClient>;
  issuer: string;
  /** The claim whose values the role mappings match. */
  claim: string;
  buttonText: string;
  /** Where the provider sends people back after signing out there: Hearth's "You have signed out" page. */
  signedOutUrl: string;
  /**
   * The provider's sign-out address for this ID token (RP-initiated logout), or null when it has
   * none, or it is not on the issuer's own site (pages may send forms only there: see the CSP).
   */
  endSessionUrl(idToken: string | null): Promise<string | null>;
}

export function identityProvider(settings: IdentityProviderSettings): IdentityProvider {
  const client = oidcClient(settings);
  const signedOutUrl = new URL('/signed-out', settings.redirectUrl).href;
  return {
    client,
    issuer: settings.issuer,
    claim: settings.claim,
    buttonText: settings.buttonText,
    signedOutUrl,
    async endSessionUrl(idToken) {
      const url = await client.endSessionUrl(idToken ?? undefined, signedOutUrl);
      if (!url || new URL(url).origin !== new URL(settings.issuer).origin) return null;
      return url;
    },
  };
}

/** The values of a claim as strings: the claim by its name, or else a dotted path (realm_access.roles). */
export function claimValues(claims: Record<string, unknown>, claim: string): string[] {
  const value = claimAt(claims, claim);
  const list: unknown[] = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const strings = list
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map((v) => String(v).trim())
    .filter((v) => v.length > 0 && v.length <= 200 && !v.includes('\u0000'));
  return [...new Set(strings)].slice(0, 100);
}
