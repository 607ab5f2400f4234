import type { FastifyPluginAsync, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { scorecardCsv } from './csv.ts';
import { scorecardXlsx } from './xlsx.ts';
import { filtersFrom } from './forms.ts';
import { measurePage, RECORDS_PAGE_SIZE, scorecardPage } from './service.ts';

/** The scorecard: every measure for a month, one measure in detail, and the CSV and Excel exports. */
export const scorecardRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const view: RouteShorthandOptions = { config: { access: { permission: 'scorecard.view' } } };

  app.get('/scorecard', view, async (request, reply) => {
    const data = await scorecardPage(db, filtersFrom(request.query));
    return reply.page('scorecard-index.njk', {
      title: `Scorecard: ${data.monthName}, ${data.scopeName}`,
      breadcrumbs: [{ text: 'Home', href: '/' }],
      ...data,
    });
  });

  app.get('/scorecard.csv', view, async (request, reply) => {
    const { month } = filtersFrom(request.query);
    const body = await scorecardCsv(db, month);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="hearth-scorecard-${month}.csv"`)
      .send(body);
  });

  app.get('/scorecard.xlsx', view, async (request, reply) => {
    const { month } = filtersFrom(request.query);
    const body = await scorecardXlsx(db, month);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="hearth-scorecard-${month}.xlsx"`)
      .send(body);
  });

  app.get<{ Params: { measureId: string } }>('/scorecard/:measureId', view, async (request, reply) => {
    const filters = filtersFrom(request.query);
    const data = await measurePage(db, request.user!, request.params.measureId, filters, request.url);
    if (!data) return reply.callNotFound();
    const pages = pagination(request.url, filters.page, RECORDS_PAGE_SIZE, data.list.total);
    return reply.page('scorecard-measure.njk', {
      title: `${data.measure.title}: ${data.monthName}, ${data.scopeName}`,
      breadcrumbs: [
        { text: 'Home', href: '/' },
        { text: 'Scorecard', href: `/scorecard?month=${filters.month}` },
      ],
      ...data,
      pages,
    });
  });
};
