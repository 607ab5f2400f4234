/**
 * A page that shows a personal record writes a view of it to the audit trail. Most record pages
 * write their own, saying which part was read (the household page through `viewHousehold`). The
 * pages and forms under a record (a child's edit form, a visit, a placement's delegated authority,
 * a panel meeting's agenda) are covered here: each record type names the pages whose `:id` is one
 * of its records (`pages` in the registry), and a page under one, answered in full to a signed-in
 * user, that wrote no view of that record writes one before it is sent. A page answered in full has
 * passed its route's own access and scope checks (a record out of scope is "not found").
 */
import fp from 'fastify-plugin';
import type { Db } from '../db/client.ts';
import { recordTypeOfPage } from '../access/registry.ts';
import { recordAudit } from './service.ts';

export const pageViewsPlugin = fp<{ db: Db }>(async (app, { db }) => {
  const typeOfRoute = new Map<string, string | undefined>();
  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (request.method !== 'GET' || reply.statusCode !== 200 || !request.user || !route) return payload;
    if (!typeOfRoute.has(route)) typeOfRoute.set(route, recordTypeOfPage(route));
    const type = typeOfRoute.get(route);
    const id = (request.params as { id?: unknown } | undefined)?.id;
    if (!type || typeof id !== 'string' || request.viewsAudited?.has(id)) return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    await recordAudit(db, request.actor(), { action: 'view', recordType: type, recordId: id });
    return payload;
  });
});
