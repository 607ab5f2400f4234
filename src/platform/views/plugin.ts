import { readFileSync } from 'node:fs';
import fp from 'fastify-plugin';
import fastifyView from '@fastify/view';
import nunjucks from 'nunjucks';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { roleNames } from '../access/roles.ts';
import { configureNunjucks, templatePaths } from './nunjucks.ts';
import { navigationFor } from './navigation.ts';
import { loadAssetManifest } from './assets.ts';
import { wrapTables } from './table-scroll.ts';

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page in the layout with the user, navigation, CSRF token and CSP nonce. */
    page(template: string, data?: Record<string, unknown>): Promise<FastifyReply>;
  }
}

/** The council running the service, as its pages show it. */
export interface Organisation {
  name: string;
  /** The logo file (PNG, JPEG or SVG), served at /organisation-logo; none: the name alone. */
  logoFile?: string;
}

const logoTypes: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  svg: 'image/svg+xml',
};

/** What every page needs, whatever the route. */
function pageContext(
  request: FastifyRequest,
  reply: FastifyReply,
  assets: Record<string, string>,
  organisation: { name: string; logoUrl: string | null },
) {
  const user = request.user;
  return {
    currentUser: user ? { ...user, roleName: roleNames[user.role] } : null,
    nav: navigationFor(user, request.url),
    cspNonce: reply.cspNonce?.script ?? '',
    csrfToken: reply.generateCsrf(),
    assets,
    requestUrl: request.url,
    organisation,
  };
}

export const viewsPlugin = fp<{ organisation: Organisation }>(async (app, { organisation }) => {
  const assets = loadAssetManifest();
  const logo = organisation.logoFile ? readFileSync(organisation.logoFile) : null;
  const logoType = logoTypes[organisation.logoFile?.split('.').pop()?.toLowerCase() ?? ''] ?? 'image/png';
  const shown = { name: organisation.name, logoUrl: logo ? '/organisation-logo' : null };
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: templatePaths(),
    options: { onConfigure: (env: nunjucks.Environment) => configureNunjucks(env) },
  });
  app.decorateReply('page', function (this: FastifyReply, template: string, data: Record<string, unknown> = {}) {
    this.type('text/html; charset=utf-8');
    return this.viewAsync(template, { ...pageContext(this.request, this, assets, shown), ...data }).then((html) =>
      this.send(wrapTables(html)),
    );
  });
  app.get('/organisation-logo', { config: { access: 'public' } }, async (_request, reply) => {
    if (!logo) return reply.callNotFound();
    return reply
      .type(logoType)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(logo);
  });
});
