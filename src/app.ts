import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import type { Database } from './platform/db/client.ts';
import { authPlugin } from './platform/auth/plugin.ts';
import { pageViewsPlugin } from './platform/audit/page-views.ts';
import { siteCookie } from './platform/auth/cookies.ts';
import { accessPlugin } from './platform/access/plugin.ts';
import { viewsPlugin } from './platform/views/plugin.ts';
import { securityHeadersPlugin } from './platform/views/security-headers.ts';
import { errorPagesPlugin } from './platform/views/errors.ts';
import { publicDir } from './platform/views/assets.ts';
import { healthRoutes } from './platform/db/routes.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { createMailer, type Mailer } from './platform/mail/mailer.ts';
import { modules, registerAllModules } from './modules/index.ts';

export interface AppOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** How messages to carers are sent; by default from the config (SMTP_URL, or the outbox only). */
  mailer?: Mailer;
}

const govukAssets = fileURLToPath(new URL('../node_modules/govuk-frontend/dist/govuk/assets', import.meta.url));

/** Builds Hearth: platform plugins first, then each module's routes, listed explicitly. */
export async function buildApp({ config, database, logger, mailer }: AppOptions): Promise<FastifyInstance> {
  const trust = config.TRUST_PROXY;
  const app = Fastify({
    logger: logger ?? {
      level: config.LOG_LEVEL,
      // Paths only: a query string can hold a name someone searched for.
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          method: req.method,
          path: req.url.split('?')[0],
          id: req.id,
        }),
      },
    },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Only the proxies named in TRUST_PROXY may say who the client is (sign-in limits are per address).
    trustProxy: typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust,
    bodyLimit: 1024 * 1024,
  });
  const { db } = database;
  // Forms post URL-encoded bodies (and multipart where a file is uploaded): nothing else is read.
  app.removeContentTypeParser(['application/json', 'text/plain']);

  await app.register(accessPlugin);
  await app.register(securityHeadersPlugin, {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      formAction: ["'self'", ...(config.oidc ? [new URL(config.oidc.issuer).origin] : [])], // sign-out goes on there
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: config.NODE_ENV === 'production' ? [] : null,
    },
    strictTransportSecurity: config.NODE_ENV === 'production',
  });
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody);
  const csrfCookie = siteCookie('hearth_csrf', config);
  await app.register(fastifyCsrf, { cookieKey: csrfCookie.name, cookieOpts: { ...csrfCookie.options, signed: true } });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyStatic, {
    root: [publicDir],
    prefix: '/assets/',
    decorateReply: false,
    maxAge: '1y',
    immutable: true,
    serve: true,
    allowedPath: (path) => path !== '/manifest.json',
  });
  await app.register(fastifyStatic, {
    root: govukAssets,
    prefix: '/assets/govuk/',
    decorateReply: false,
    maxAge: '1d',
  });
  await app.register(viewsPlugin, {
    organisation: { name: config.ORGANISATION_NAME, logoFile: config.ORGANISATION_LOGO },
  });
  await app.register(errorPagesPlugin);
  await app.register(authPlugin, { db, config });
  await app.register(pageViewsPlugin, { db });

  // Every state-changing request carries a CSRF token (checked once the body is parsed).
  app.addHook('preHandler', (request, reply, done) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });

  await app.register(healthRoutes, { database });
  await app.register(authRoutes, { db, config });
  await app.register(auditRoutes, { db });
  registerAllModules();
  const notesMailer = mailer ?? createMailer(config);
  if (!mailer) app.addHook('onClose', async () => notesMailer.close());
  for (const module of modules) {
    if (module.routes) await app.register(module.routes, { db, config, mailer: notesMailer });
  }
  return app;
}
