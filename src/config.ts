import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';

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

export type Config = Omit<z.infer<typeof schema>, 'REQUIRE_SECOND_FACTOR'> & {
  sessionSecret: string;
  publicUrl: string;
  REQUIRE_SECOND_FACTOR: boolean;
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
  return {
    ...parsed.data,
    sessionSecret: parsed.data.SESSION_SECRET ?? DEVELOPMENT_SECRET,
    REQUIRE_SECOND_FACTOR: parsed.data.REQUIRE_SECOND_FACTOR ?? parsed.data.NODE_ENV === 'production',
    publicUrl: (parsed.data.PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/+$/, ''),
  };
}
