/**
 * Carer Ambassadors' pages: the service's list (the ambassadors now, against the plan's 30, and
 * what they did this year); a household's own pages are in routes-household.ts. Thin: parse, read,
 * render.
 */
import type { FastifyPluginAsync } from 'fastify';
import { recordAudits } from '../../platform/audit/service.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { financialYearOf } from '../../platform/dates/quarters.ts';
import type { ModuleContext } from '../../platform/modules/index.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { pageNumber } from '../../platform/views/params.ts';
import { who } from '../../platform/views/results.ts';
import { activityKindNames, activityKinds, AMBASSADORS_TARGET } from './labels.ts';
import { ambassadorsPath, householdAmbassadorsPath } from './paths.ts';
import { ambassadorList, LIST_PAGE_SIZE } from './queries.ts';
import { view } from './route-support.ts';
import { ambassadorCorrectionRoutes } from './routes-corrections.ts';
import { portalAmbassadorRoutes } from './routes-portal.ts';
import { householdAmbassadorRoutes } from './routes-household.ts';

export const ambassadorRoutes: FastifyPluginAsync<ModuleContext> = async (app, { db }) => {
  app.get<{ Querystring: { page?: string } }>(ambassadorsPath(), view, async (request, reply) => {
    const page = pageNumber.parse(request.query?.page);
    const year = financialYearOf(todayInLondon());
    const list = await ambassadorList(db, request.user!, year.start, page);
    // Each household whose carer is listed is seen.
    await recordAudits(
      db,
      who(request).actor,
      [...new Set(list.rows.map((r) => r.householdId))].map((id) => ({
        action: 'view',
        recordType: 'household',
        recordId: id,
        detail: { page: 'ambassadors' },
      })),
    );
    const byKind = new Map(list.kinds.map((k) => [k.kind, k.n]));
    return reply.page('ambassadors-list.njk', {
      title: page > 1 ? `Carer Ambassadors (page ${page})` : 'Carer Ambassadors',
      rows: list.rows.map((r) => ({ ...r, href: householdAmbassadorsPath(r.householdId) })),
      visibleTotal: list.visibleTotal,
      serviceTotal: list.serviceTotal,
      enquiries: list.enquiries,
      target: AMBASSADORS_TARGET,
      year: year.start,
      kinds: activityKinds.map((k) => ({ name: activityKindNames[k], n: byKind.get(k) ?? 0 })).filter((k) => k.n > 0),
      activities: list.kinds.reduce((sum, k) => sum + k.n, 0),
      pagination: pagination(request.url, page, LIST_PAGE_SIZE, list.visibleTotal),
      breadcrumbs: [{ text: 'Home', href: '/' }],
    });
  });

  householdAmbassadorRoutes(app, db);
  ambassadorCorrectionRoutes(app, db);
  portalAmbassadorRoutes(app, db);
};
