/** The fostering review team's list of reviews due. */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { pageFrom } from '../../platform/views/params.ts';
import { viewAccess } from './route-support.ts';
import { reviewWorklist, WORKLIST_PAGE_SIZE, worklistFilters, type WorklistFilter } from './worklist.ts';

export function worklistRoutes(app: FastifyInstance, db: Db) {
  app.get<{ Querystring: { show?: string; page?: string } }>('/reviews', viewAccess, async (request, reply) => {
    const show = (request.query.show ?? '') in worklistFilters ? (request.query.show as WorklistFilter) : 'all';
    const page = pageFrom(request.query.page);
    const { rows, total } = await reviewWorklist(db, request.user!, show, page);
    const paging = pagination(request.url, page, WORKLIST_PAGE_SIZE, total);
    return reply.page('reviews-worklist.njk', {
      title: paging.pages > 1 ? `Reviews of approval (page ${paging.page} of ${paging.pages})` : 'Reviews of approval',
      rows,
      total,
      today: todayInLondon(),
      filters: Object.entries(worklistFilters).map(([value, text]) => ({ value, text, selected: value === show })),
      pagination: paging,
    });
  });
}
