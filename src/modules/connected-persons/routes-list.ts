/**
 * The connected persons page: the temporary approvals still to be decided that the user may read,
 * the soonest to run out first, paged and counted in SQL, with how many have run out.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { listQuery } from './forms.ts';
import { connectedPersonsPath } from './paths.ts';
import { LIST_PAGE_SIZE, listUndecided } from './queries.ts';
import { approvalSummary } from './views.ts';

const view = { config: { access: { permission: 'connected-persons.view' as const } } };

export function listRoutes(app: FastifyInstance, db: Db) {
  app.get(connectedPersonsPath(), view, async (request, reply) => {
    const query = listQuery.parse(request.query ?? {});
    const today = todayInLondon();
    const list = await listUndecided(db, request.user!, query.page, today);
    return reply.page('connected-persons-list.njk', {
      title: 'Connected persons with temporary approval',
      rows: list.rows.map((r) => ({ ...approvalSummary(r, today), team: r.teamName })),
      ranOut: list.ranOut,
      pagination: pagination(request.url, query.page, LIST_PAGE_SIZE, list.total),
      breadcrumbs: [{ text: 'Home', href: '/' }],
    });
  });
}
