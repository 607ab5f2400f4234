import { describe, expect, it } from 'vitest';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loadConfig } from '../../../config.ts';
import { claimValues } from './provider.ts';
import { SIGN_IN_LIFETIME_MS, signInCookie } from './sign-in-cookie.ts';

const oidcEnv = {
  OIDC_ISSUER: 'https://login.council.example/tenant/v2.0',
  OIDC_CLIENT_ID: 'hearth',
  OIDC_CLIENT_SECRET: 'a-client-secret',
  OIDC_REDIRECT_URL: 'https://hearth.council.example/sign-in/oidc/callback',
};

describe('the OIDC settings', () => {
  it('are off unless all four are given, and say which are missing', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).oidc).toBeNull();
    const { OIDC_CLIENT_SECRET: _secret, OIDC_REDIRECT_URL: _redirect, ...partial } = oidcEnv;
    expect(() => loadConfig({ NODE_ENV: 'test', ...partial })).toThrow(/OIDC_CLIENT_SECRET is needed with/);
    expect(() => loadConfig({ NODE_ENV: 'test', ...partial })).toThrow(/OIDC_REDIRECT_URL is needed with/);
  });

  it('give the provider with the claim and the button’s words, defaulting to groups and the council’s name', () => {
    const config = loadConfig({ NODE_ENV: 'test', ORGANISATION_NAME: 'Kent County Council', ...oidcEnv });
    expect(config.oidc).toMatchObject({
      issuer: oidcEnv.OIDC_ISSUER,
      clientId: 'hearth',
      redirectUrl: oidcEnv.OIDC_REDIRECT_URL,
      scopes: 'openid profile email',
      claim: 'groups',
      buttonText: 'Sign in with your Kent County Council account',
    });
    const custom = loadConfig({ ...oidcEnv, OIDC_CLAIM: 'roles', OIDC_BUTTON_TEXT: 'Sign in with Entra' });
    expect(custom.oidc).toMatchObject({ claim: 'roles', buttonText: 'Sign in with Entra' });
  });

  it('refuse a callback address that is not /sign-in/oidc/callback, scopes without openid, and http in production', () => {
    expect(() => loadConfig({ ...oidcEnv, OIDC_REDIRECT_URL: 'https://hearth.example/callback' })).toThrow(
      /OIDC_REDIRECT_URL must be a URL ending \/sign-in\/oidc\/callback/,
    );
    expect(() => loadConfig({ ...oidcEnv, OIDC_SCOPES: 'profile email' })).toThrow(/OIDC_SCOPES must include openid/);
    const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig({ ...production, ...oidcEnv, OIDC_ISSUER: 'http://login.council.example' })).toThrow(
      /OIDC_ISSUER must be an https:\/\/ URL when NODE_ENV=production/,
    );
    expect(loadConfig({ ...production, ...oidcEnv }).oidc?.allowHttp).toBe(false);
  });
});

describe('the values of the group or role claim', () => {
  it('reads a list, a single value, or a dotted path, keeping strings only, once each', () => {
    expect(claimValues({ groups: ['a', 'b', 'a', 3, null, ' c '] }, 'groups')).toEqual(['a', 'b', '3', 'c']);
    expect(claimValues({ role: 'fostering-ssw' }, 'role')).toEqual(['fostering-ssw']);
    expect(claimValues({ realm_access: { roles: ['x', 'y'] } }, 'realm_access.roles')).toEqual(['x', 'y']);
    expect(claimValues({ 'https://council.example/roles': ['z'] }, 'https://council.example/roles')).toEqual(['z']);
    expect(claimValues({}, 'groups')).toEqual([]);
    expect(claimValues({ groups: ['bad\u0000value', 'x'.repeat(201), ''] }, 'groups')).toEqual([]);
  });
});

describe('the cookie that carries a sign-in to the provider and back', () => {
  const cookie = signInCookie({ sessionSecret: 's'.repeat(40), NODE_ENV: 'test' });
  const started = { state: 'st', nonce: 'no', codeVerifier: 'cv', returnTo: '/households' };

  function roundTrip(change: (value: string) => string = (v) => v, later = 0) {
    let set: { name: string; value: string; options: Record<string, unknown> } | undefined;
    const reply = {
      setCookie: (name: string, value: string, options: Record<string, unknown>) => (set = { name, value, options }),
      clearCookie: () => reply,
    } as unknown as FastifyReply;
    cookie.give(reply, started, 1_000_000);
    const request = { cookies: { [set!.name]: change(set!.value) } } as unknown as FastifyRequest;
    return { set: set!, taken: cookie.take(request, reply, 1_000_000 + later) };
  }

  it('is HttpOnly, lasts 10 minutes, and cannot be read by the browser', () => {
    const { set, taken } = roundTrip();
    expect(set.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', maxAge: 600 });
    expect(set.value).not.toContain('/households');
    expect(taken).toEqual(started);
  });

  it('is refused when changed or more than 10 minutes old', () => {
    expect(roundTrip((v) => `${v.slice(0, -2)}AA`).taken).toBeNull();
    expect(roundTrip(undefined, SIGN_IN_LIFETIME_MS + 1).taken).toBeNull();
  });
});
