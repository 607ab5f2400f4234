import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { householdListQuery } from './forms.ts';
import { teamsUserMayChange } from './scope.ts';
import { HOUSEHOLDS_PAGE_SIZE, listHouseholds, workerOptions } from './queries.ts';
import { teamOptions } from '../../platform/auth/organisation.ts';
import { changeAccess, viewAccess } from './route-support.ts';
import { householdTypeName, statusName } from './labels.ts';
import { doneMessage, isFiltered, selectItems, sortColumns, statusOptions, statusTag, typeOptions } from './views.ts';
import { newEnquiryPath } from '../recruitment/paths.ts';
import { can } from '../../platform/access/policy.ts';

/** The households list, and the old address of the new-enquiry form. */
export function listRoutes(app: FastifyInstance, db: Db): void {
  app.get('/households', viewAccess, async (request, reply) => {
    const query = householdListQuery.parse(request.query ?? {});
    const [list, teams, workers] = await Promise.all([
      listHouseholds(db, request.user!, query),
      teamOptions(db),
      workerOptions(db, request.user!),
    ]);
    // Whoever may record a fostering enquiry in one of the teams (the form is the recruitment module's).
    const canRecord =
      can(request.user!.role, 'recruitment.record') && teamsUserMayChange(request.user!, teams).length > 0;
    const workerChoices = [
      ...(request.user!.role === 'supervising_social_worker' || request.user!.role === 'assessing_social_worker'
        ? [{ value: 'me', text: 'My caseload' }]
        : []),
      { value: 'none', text: 'Not allocated' },
      ...workers.map((w) => ({ value: w.id, text: w.displayName })),
    ];
    return reply.page('households-list.njk', {
      title: 'Households',
      query,
      list: {
        ...list,
        households: list.households.map((h) => ({
          ...h,
          statusTag: statusTag(h.status),
          statusName: statusName(h.status),
          typeName: householdTypeName(h.householdType),
        })),
      },
      filtered: isFiltered(query),
      sort: sortColumns(query),
      pagination: pagination(request.url, list.page, HOUSEHOLDS_PAGE_SIZE, list.total),
      statusItems: selectItems(statusOptions(), 'Any status', query.status),
      teamItems: selectItems(
        teams.map((t) => ({ value: t.id, text: t.name })),
        'Any team',
        query.team,
      ),
      typeItems: selectItems(typeOptions(), 'Any type', query.type),
      workerItems: selectItems(workerChoices, 'Anyone', query.worker),
      canRecord,
      newEnquiryHref: newEnquiryPath,
      flash: doneMessage((request.query as { done?: string }).done),
    });
  });

  // One form records a fostering enquiry, with how they heard of us, so the recruitment pipeline, the
  // scorecard and the quarterly report all count it: the recruitment module's. This address, once
  // the households module's own form, leads there.
  app.get('/households/new', changeAccess, async (_request, reply) => reply.redirect(newEnquiryPath, 303));
}
