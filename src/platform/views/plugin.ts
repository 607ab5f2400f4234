import fp from 'fastify-plugin';
import fastifyView from '@fastify/view';
import nunjucks from 'nunjucks';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { roleNames } from '../access/roles.ts';
import { configureNunjucks, templatePaths } from './nunjucks.ts';
import { navigationFor } from './navigation.ts';
import { loadAssetManifest } from './assets.ts';

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page in the layout with the user, navigation, CSRF token and CSP nonce. */
    page(template: string, data?: Record<string, unknown>): FastifyReply;
  }
}

/** What every page needs, whatever the route. */
function pageContext(request: FastifyRequest, reply: FastifyReply, assets: Record<string, string>) {
  const user = request.user;
  const nonce = (reply as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script ?? '';
  return {
    currentUser: user ? { ...user, roleName: roleNames[user.role] } : null,
    nav: navigationFor(user, request.url),
    cspNonce: nonce,
    csrfToken: reply.generateCsrf(),
    assets,
    requestUrl: request.url,
  };
}

export const viewsPlugin = fp(async (app) => {
  const assets = loadAssetManifest();
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: templatePaths(),
    options: { onConfigure: (env: nunjucks.Environment) => configureNunjucks(env) },
  });
  app.decorateReply('page', function (this: FastifyReply, template: string, data: Record<string, unknown> = {}) {
    this.type('text/html; charset=utf-8');
    return this.view(template, { ...pageContext(this.request, this, assets), ...data });
  });
});
