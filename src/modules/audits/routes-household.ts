/** A household's case-file audits, reached from the household's page (the link is the module's record link). */
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db } from '../../platform/db/client.ts';
import { formatDate } from '../../platform/views/format.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { isUuid, pageFrom } from '../../platform/views/params.ts';
import { who } from '../../platform/views/results.ts';
import { householdPath } from '../households/paths.ts';
import { findVisibleHousehold } from '../households/scope.ts';
import { statusNames } from './labels.ts';
import { auditPath } from './paths.ts';
import { householdAudits, LIST_PAGE_SIZE } from './queries.ts';
import { gradeTag, monthName, putRightText } from './views.ts';

type HouseholdQuery = { Params: { id: string }; Querystring: { page?: string } };

export function householdRoutes(app: FastifyInstance, db: Db) {
  app.get<HouseholdQuery>(
    '/households/:id/audits',
    { config: { access: { permission: 'audits.view' } } },
    async (request, reply) => {
      if (!isUuid(request.params.id)) return reply.callNotFound();
      const user = request.user!;
      const household = await findVisibleHousehold(db, user, request.params.id);
      if (!household) return reply.callNotFound();
      const page = pageFrom(request.query.page);
      const list = await householdAudits(db, user, household.id, page);
      await recordAudit(db, who(request).actor, {
        action: 'view',
        recordType: 'household',
        recordId: household.id,
        detail: { page: 'audits', audits: list.rows.length },
      });
      return reply.page('audits-household.njk', {
        title: `Case-file audits: ${household.name}`,
        household,
        audits: list.rows.map((a) => ({
          href: auditPath(a.id),
          sample: `${a.central ? 'Central sample' : 'Team sample'}, ${monthName(a.month)}`,
          status: statusNames[a.status] ?? a.status,
          auditedOn: a.auditedOn ? formatDate(a.auditedOn) : null,
          auditor: a.auditorName,
          tag: gradeTag(a.grade),
          putRight: putRightText(a),
        })),
        pagination: pagination(request.url, page, LIST_PAGE_SIZE, list.total),
        breadcrumbs: [
          { text: 'Households', href: '/households' },
          { text: household.name, href: householdPath(household.id) },
        ],
      });
    },
  );
}
