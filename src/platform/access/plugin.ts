import fp from 'fastify-plugin';
import { can, type RouteAccess } from './policy.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may use this route: required on every route. */
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every route with its access rule, for the access-matrix test and the docs. */
    routeTable: { method: string; url: string; access: RouteAccess }[];
  }
}

export class RouteWithoutAccessRule extends Error {}

/**
 * Enforces each route's access rule on the server before its handler runs, and refuses
 * to register a route that does not declare one.
 */
export const accessPlugin = fp(async (app) => {
  app.decorate('routeTable', []);
  app.addHook('onRoute', (route) => {
    let access = (route.config as { access?: RouteAccess } | undefined)?.access;
    // Static files (CSS, JS, images) are public; @fastify/static cannot pass a route config.
    if (!access && route.url.startsWith('/assets/')) {
      access = 'public';
      route.config = { ...route.config, access };
    }
    if (!access) {
      throw new RouteWithoutAccessRule(`Route ${String(route.method)} ${route.url} has no access rule (config.access)`);
    }
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      app.routeTable.push({ method, url: route.url, access });
    }
  });

  app.addHook('preHandler', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    const user = request.user;
    if (!user) {
      if (request.method === 'GET') {
        const returnTo = encodeURIComponent(request.url);
        return reply.redirect(`/sign-in?returnTo=${returnTo}`, 302);
      }
      return reply.code(401).page('error.njk', {
        title: 'You need to sign in',
        lines: ['Your session has ended. Sign in again, then go back and send the form again.'],
      });
    }
    // The recovery codes are shown once, so they come before choosing a new password.
    const allowed = ['/account/password', '/account/recovery-codes', '/sign-out'];
    if (user.mustChangePassword && !allowed.includes(request.url.split('?')[0]!)) {
      return reply.redirect('/account/password', 302);
    }
    if (access === 'signed-in') return;
    if (!can(user.role, access.permission)) {
      return reply.code(403).page('error.njk', {
        title: 'You do not have access to this page',
        lines: ['Your role does not include this part of Hearth. If you need it for your work, ask your manager.'],
      });
    }
  });
});
