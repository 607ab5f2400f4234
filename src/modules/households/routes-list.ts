import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { canChangeHousehold } from '../../platform/access/scope.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { enquiryForm, householdListQuery } from './forms.ts';
import { HOUSEHOLDS_PAGE_SIZE, listHouseholds, workerOptions } from './queries.ts';
import { teamOptions } from '../../platform/auth/organisation.ts';
import { recordEnquiry } from './service.ts';
import { changeAccess, forbiddenPage, pageErrors, viewAccess, who } from './route-support.ts';
import { householdTypeName, statusName } from './labels.ts';
import {
  doneMessage,
  isFiltered,
  radioItems,
  selectItems,
  sortColumns,
  statusOptions,
  statusTag,
  typeOptions,
} from './views.ts';
import { householdPath } from './paths.ts';

/** Of the service's teams, those this user may record an enquiry in (those whose households they may change). */
function enquiryTeamsOf<T extends { id: string; areaId: string }>(teams: T[], request: FastifyRequest): T[] {
  return teams.filter((t) =>
    canChangeHousehold(request.user!, { teamId: t.id, areaId: t.areaId, allocatedSswId: null }),
  );
}

async function enquiryTeams(db: Db, request: FastifyRequest) {
  return enquiryTeamsOf(await teamOptions(db), request);
}

/** The households list and the new-enquiry form. */
export function listRoutes(app: FastifyInstance, db: Db): void {
  app.get('/households', viewAccess, async (request, reply) => {
    const query = householdListQuery.parse(request.query ?? {});
    const [list, teams, workers] = await Promise.all([
      listHouseholds(db, request.user!, query),
      teamOptions(db),
      workerOptions(db),
    ]);
    const canRecord = enquiryTeamsOf(teams, request).length > 0;
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
      flash: doneMessage((request.query as { done?: string }).done),
    });
  });

  async function showEnquiryForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const teams = await enquiryTeams(db, request);
    if (teams.length === 0) return forbiddenPage(reply);
    const teamId = values.teamId ?? (teams.length === 1 ? teams[0]!.id : request.user!.teamId);
    return reply.code(errors ? 400 : 200).page('households-details-form.njk', {
      title: 'Record an enquiry',
      isNew: true,
      action: '/households/new',
      values,
      errors,
      teamItems: selectItems(
        teams.map((t) => ({ value: t.id, text: t.name })),
        teams.length === 1 ? null : 'Select a team',
        teamId,
      ),
      typeItems: radioItems(typeOptions(), values.householdType ?? 'mainstream'),
      breadcrumbs: [{ text: 'Households', href: '/households' }],
    });
  }

  app.get('/households/new', changeAccess, async (request, reply) => showEnquiryForm(request, reply, {}));

  app.post('/households/new', changeAccess, async (request, reply) => {
    const form = parseForm(enquiryForm, request.body);
    if (!form.ok) return showEnquiryForm(request, reply, form.input, pageErrors(form.errors));
    const result = await recordEnquiry(db, who(request), form.value);
    if (!result.ok) {
      if (result.reason !== 'invalid') return forbiddenPage(reply);
      return showEnquiryForm(request, reply, form.value, pageErrors(result.errors));
    }
    return reply.redirect(`${householdPath(result.id)}?done=created`, 303);
  });
}
