import type { FastifyPluginAsync, RouteShorthandOptions } from 'fastify';
import type { ModuleContext } from '../../platform/modules/index.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { areasAndTeams } from '../../platform/measures/index.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { scorecardCsv } from './csv.ts';
import { scorecardXlsx } from './xlsx.ts';
import { filtersFrom } from './forms.ts';
import { measurePage, RECORDS_PAGE_SIZE, recordsViewerOf, scopeOf, scorecardPage } from './service.ts';

/** The scorecard: every measure for a month, one measure in detail, and the CSV and Excel exports. */
export const scorecardRoutes: FastifyPluginAsync<Pick<ModuleContext, 'db' | 'config'>> = async (
  app,
  { db, config },
) => {
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
    const filters = filtersFrom(request.query);
    const { scope, name } = scopeOf(filters, await areasAndTeams(db));
    // The workbook lists people's records: who took them, for which month and scope, is kept, before
    // the first byte goes (how many records it lists is known only once it is written).
    await recordAudit(db, request.actor(), {
      action: 'export',
      recordType: 'scorecard',
      recordId: filters.month,
      detail: { scope },
    });
    // Streamed: a failure while writing ends the response and is logged (see scorecardXlsx).
    const workbook = await scorecardXlsx(db, {
      month: filters.month,
      scope,
      scopeName: name,
      viewer: recordsViewerOf(request.user!),
      baseUrl: config.publicUrl,
    });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="hearth-scorecard-${filters.month}.xlsx"`)
      .send(workbook);
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
