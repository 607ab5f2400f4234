import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';
import type { OidcSettings } from './platform/auth/oidc/client.ts';

/** An address or range proxy-addr understands: an IP, an IP/prefix, or one of its named ranges. */
function isProxyAddress(value: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(value)) return true;
  const [address, prefix, extra] = value.split('/');
  if (extra !== undefined || !address) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** Every setting Hearth reads from its environment, validated once at start. */
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    /**
     * The role that owns Hearth's tables, used only to run migrations at start (then closed). Required
     * in production with DATABASE_URL, whose role must own no tables and not be a superuser.
     */
    MIGRATION_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    HEARTH_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('hearth-demo'),
    DEMO_SCALE: z.enum(['small', 'county', 'national']).default('county'),
    /** Sign-in attempts allowed per address per minute (failures are also throttled per account). */
    SIGN_IN_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    /** The mail server for messages to carers (smtp://user:pass@host:port or smtps://). Unset: messages wait in the outbox page. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    /** The sender of messages to carers. */
    MAIL_FROM: z.string().min(3).default('Fostering service <fostering@hearth.invalid>'),
    /** The address carers use to reach Hearth, for links in messages (default http://localhost:PORT). */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    /**
     * Which proxies in front of Hearth to believe about the client's address (X-Forwarded-For):
     * their addresses or ranges, comma-separated, or how many proxies to trust. Unset: none.
     */
    TRUST_PROXY: z
      .string()
      .trim()
      .optional()
      .transform((value, ctx) => {
        if (!value) return false;
        if (/^\d+$/.test(value)) {
          const hops = Number(value);
          if (hops >= 1 && hops <= 10) return hops;
        } else {
          const parts = value.split(',').map((p) => p.trim());
          if (parts.every(isProxyAddress)) return parts;
        }
        ctx.addIssue({
          code: 'custom',
          message:
            "must be the proxies' addresses or ranges, comma-separated (10.0.0.1, 10.0.0.0/8, loopback), or a number of proxies from 1 to 10",
        });
        return z.NEVER;
      }),
    /** The council or organisation running the service: in the header, the footer and documents. */
    ORGANISATION_NAME: z
      .string()
      .trim()
      .min(2, "must be the organisation's name")
      .max(80, 'must be 80 characters or fewer')
      .default('Demo County Council'),
    /** The organisation's logo: a PNG, JPEG or SVG file, shown in the header beside its name. */
    ORGANISATION_LOGO: z
      .string()
      .trim()
      .optional()
      .refine((path) => !path || /\.(png|jpe?g|svg)$/i.test(path), 'must be a .png, .jpg or .svg file')
      .refine((path) => !path || existsSync(path), 'must be the path of a file that exists'),
    /**
     * Staff must use a second factor (one-time codes from an authenticator app) after their
     * password: `true` or `false`. Unset: required when NODE_ENV=production, not otherwise.
     */
    REQUIRE_SECOND_FACTOR: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .optional()
      .transform((value) => (value === undefined ? undefined : value === 'true')),
    /**
     * Sign-in through the council's identity provider (OpenID Connect): the provider's issuer URL,
     * Hearth's client id and secret there, and the address the provider sends people back to
     * (PUBLIC_URL's /sign-in/oidc/callback). All four, or none.
     */
    OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'must be the identity provider’s issuer URL' }).optional(),
    OIDC_CLIENT_ID: z.string().trim().min(1).max(500).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
    OIDC_REDIRECT_URL: z
      .url({ protocol: /^https?$/, error: 'must be a URL ending /sign-in/oidc/callback' })
      .refine(
        (url) => new URL(url).pathname === '/sign-in/oidc/callback',
        'must be a URL ending /sign-in/oidc/callback',
      )
      .optional(),
    /** The scopes asked for: openid, and whatever makes the provider send the group or role claim. */
    OIDC_SCOPES: z
      .string()
      .trim()
      .default('openid profile email')
      .refine((scopes) => scopes.split(/\s+/).includes('openid'), 'must include openid'),
    /** The claim of the ID token whose values the role mappings match: `groups`, `roles`, `realm_access.roles` ... */
    OIDC_CLAIM: z.string().trim().min(1).max(200).default('groups'),
    /** The words on the sign-in button (default: "Sign in with your <ORGANISATION_NAME> account"). */
    OIDC_BUTTON_TEXT: z.string().trim().min(2).max(80, 'must be 80 characters or fewer').optional(),
    /**
     * How many days ahead a placement with the service's own carers may be recorded as starting: until
     * its start date it is planned, and counted nowhere. Default 28.
     */
    PLACEMENT_MAX_DAYS_AHEAD: z.coerce.number().int().min(0).max(365).default(28),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TZ: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is required when NODE_ENV=production',
      });
    }
    if (env.MIGRATION_DATABASE_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['MIGRATION_DATABASE_URL'],
        message: 'is only used with DATABASE_URL (PostgreSQL): set both, or neither for PGlite',
      });
    }
    const oidc = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL'] as const;
    const given = oidc.filter((name) => env[name] !== undefined);
    if (given.length > 0 && given.length < oidc.length) {
      for (const name of oidc.filter((n) => env[n] === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `is needed with ${given.join(', ')}: set all four OIDC_ settings, or none`,
        });
      }
    }
    if (env.NODE_ENV === 'production') {
      for (const name of ['OIDC_ISSUER', 'OIDC_REDIRECT_URL'] as const) {
        if (env[name]?.startsWith('http:')) {
          ctx.addIssue({ code: 'custom', path: [name], message: 'must be an https:// URL when NODE_ENV=production' });
        }
      }
    }
    if (env.NODE_ENV === 'production' && env.DATABASE_URL && !env.MIGRATION_DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['MIGRATION_DATABASE_URL'],
        message:
          'is required when NODE_ENV=production with DATABASE_URL: the role that owns the tables runs the ' +
          'migrations, and DATABASE_URL names a role that owns none (see "Running on PostgreSQL" in the README)',
      });
    }
  });

/** The council's identity provider, when OIDC_ settings are given. */
export type IdentityProviderSettings = OidcSettings & {
  /** The claim whose values the role mappings match. */
  claim: string;
  /** The words on the sign-in button. */
  buttonText: string;
};

export type Config = Omit<z.infer<typeof schema>, 'REQUIRE_SECOND_FACTOR'> & {
  sessionSecret: string;
  publicUrl: string;
  REQUIRE_SECOND_FACTOR: boolean;
  /** Sign-in through the council's identity provider, or null when it is not set up. */
  oidc: IdentityProviderSettings | null;
};

/** A development secret: fine on a laptop, refused in production by the schema above. */
const DEVELOPMENT_SECRET = 'hearth-development-secret-not-for-production-use';

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'} ${i.message}`);
    throw new ConfigError(`Hearth cannot start: bad configuration\n${lines.join('\n')}`);
  }
  const given = parsed.data;
  const oidc =
    given.OIDC_ISSUER && given.OIDC_CLIENT_ID && given.OIDC_CLIENT_SECRET && given.OIDC_REDIRECT_URL
      ? {
          issuer: given.OIDC_ISSUER,
          clientId: given.OIDC_CLIENT_ID,
          clientSecret: given.OIDC_CLIENT_SECRET,
          redirectUrl: given.OIDC_REDIRECT_URL,
          scopes: given.OIDC_SCOPES.split(/\s+/).join(' '),
          allowHttp: given.NODE_ENV !== 'production',
          claim: given.OIDC_CLAIM,
          buttonText: given.OIDC_BUTTON_TEXT ?? `Sign in with your ${given.ORGANISATION_NAME} account`,
        }
      : null;
  return {
    ...parsed.data,
    oidc,
    sessionSecret: parsed.data.SESSION_SECRET ?? DEVELOPMENT_SECRET,
    REQUIRE_SECOND_FACTOR: parsed.data.REQUIRE_SECOND_FACTOR ?? parsed.data.NODE_ENV === 'production',
    publicUrl: (parsed.data.PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/+$/, ''),
  };
}
