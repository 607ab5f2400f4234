/**
 * Extra support's pages: the service's overview (the hub families and whom they support, the
 * emergency requests waiting, the year's counts); a household's own pages are in
 * routes-household.ts, requests for psychology support in routes-requests.ts, a hub family put right
 * in routes-corrections.ts. Thin: parse, call the service, render or redirect.
 */
import type { FastifyPluginAsync } from 'fastify';
import { recordAudits } from '../../platform/audit/service.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { financialYearOf } from '../../platform/dates/quarters.ts';
import type { ModuleContext } from '../../platform/modules/index.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { pageNumber } from '../../platform/views/params.ts';
import { who } from '../../platform/views/results.ts';
import { HUB_FAMILIES_TARGET, HUB_SUPPORTS_UP_TO } from './labels.ts';
import { extraSupportPath, householdSupportPath, psychologyPath } from './paths.ts';
import { OVERVIEW_PAGE_SIZE, supportOverview } from './queries.ts';
import { view } from './route-support.ts';
import { correctionRoutes } from './routes-corrections.ts';
import { householdSupportRoutes } from './routes-household.ts';
import { requestRoutes } from './routes-requests.ts';
import { PSYCHOLOGY_RECORD } from './service.ts';

export const extraSupportRoutes: FastifyPluginAsync<ModuleContext> = async (app, { db }) => {
  app.get<{ Querystring: { page?: string } }>(extraSupportPath(), view, async (request, reply) => {
    const page = pageNumber.parse(request.query?.page);
    const today = todayInLondon();
    const year = financialYearOf(today);
    const overview = await supportOverview(db, request.user!, year.start, page);
    await recordAudits(
      db,
      who(request).actor,
      overview.waiting.map((r) => ({
        action: 'view',
        recordType: PSYCHOLOGY_RECORD,
        recordId: r.id,
        detail: { page: 'list' },
      })),
    );
    return reply.page('extra-support-list.njk', {
      title: page > 1 ? `Extra support for carers (page ${page})` : 'Extra support for carers',
      hubs: overview.hubs.map((h) => ({
        ...h,
        href: householdSupportPath(h.householdId),
        supportingText: `${h.supporting} ${h.supporting === 1 ? 'household' : 'households'}`,
        full: h.supporting >= HUB_SUPPORTS_UP_TO,
      })),
      hubTotal: overview.hubTotal,
      hubTarget: HUB_FAMILIES_TARGET,
      waiting: overview.waiting.map((r) => ({
        href: psychologyPath(r.id),
        household: r.householdName,
        who: r.childName ?? 'The carers',
        requestedOn: r.requestedOn,
        dueOn: r.dueOn,
        overdue: r.dueOn !== null && r.dueOn < today,
      })),
      waitingCut: overview.waitingTotal > overview.waiting.length ? overview.waitingTotal : null,
      year: { from: year.start, ...overview.year },
      pagination: pagination(request.url, page, OVERVIEW_PAGE_SIZE, overview.hubTotal),
      breadcrumbs: [{ text: 'Home', href: '/' }],
    });
  });

  householdSupportRoutes(app, db);
  requestRoutes(app, db);
  correctionRoutes(app, db);
};
