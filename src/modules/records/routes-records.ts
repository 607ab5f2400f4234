/** The Records page: the open requests across the service, and the records past their retention date. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { pageNumber } from '../../platform/views/params.ts';
import { householdPath } from '../households/paths.ts';
import { CHILD_RETENTION_RULE, retentionRules } from './labels.ts';
import { householdRequestsPath, recordsPath, requestSentPath, retentionPath } from './paths.ts';
import { childrenPastRetention, householdsPastRetention, LIST_PAGE_SIZE, openRequests } from './queries.ts';
import { mayRecordRequests } from './scope.ts';
import { pastRetentionView, requestView } from './views.ts';

const overseeAccess = { config: { access: { permission: 'records.oversee' as const } } };
const pageQuery = z.object({ page: pageNumber });

export function recordsRoutes(app: FastifyInstance, db: Db) {
  app.get(recordsPath(), overseeAccess, async (request, reply) => {
    const { page } = pageQuery.parse(request.query ?? {});
    const user = request.user!;
    const today = todayInLondon();
    const list = await openRequests(db, user, today, page);
    const mayRecord = mayRecordRequests(user);
    return reply.page('records-home.njk', {
      title: 'Records',
      area: user.role === 'service_manager',
      requests: list.rows.map((r) => ({
        ...requestView(r, today),
        href: householdRequestsPath(r.householdId),
        sentHref: mayRecord ? requestSentPath(r.id) : null,
      })),
      overdue: list.overdue,
      retentionHref: retentionPath(),
      pagination: pagination(request.url, page, LIST_PAGE_SIZE, list.total),
    });
  });

  app.get(retentionPath(), overseeAccess, async (request, reply) => {
    const { page } = pageQuery.parse(request.query ?? {});
    const user = request.user!;
    const today = todayInLondon();
    const [list, children] = [
      await householdsPastRetention(db, user, today, page),
      await childrenPastRetention(db, user, today),
    ];
    return reply.page('records-retention.njk', {
      title: 'Records past their retention date',
      area: user.role === 'service_manager',
      households: list.rows.map((h) => ({ ...pastRetentionView(h), href: householdPath(h.id) })),
      rules: Object.values(retentionRules).map((r) => r.words),
      childRule: CHILD_RETENTION_RULE,
      children,
      pagination: pagination(request.url, page, LIST_PAGE_SIZE, list.total),
      breadcrumbs: [{ text: 'Records', href: recordsPath() }],
    });
  });
}
