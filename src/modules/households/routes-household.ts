import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { datePartsOf } from '../../platform/views/date-input.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { allocationForm, detailsForm, statusForm, termsForm } from './forms.ts';
import { allocationOptions } from './queries.ts';
import { teamOptions } from '../../platform/auth/organisation.ts';
import { teamsUserMayChange, type HouseholdRecord } from './scope.ts';
import { allocate, changeStatus, updateDetails, updateTerms, type Result } from './service.ts';
import {
  allocateAccess,
  changeAccess,
  householdCrumbs,
  openHousehold,
  pageErrors,
  refused,
  viewAccess,
  who,
  type WithId,
} from './route-support.ts';
import { roleNames, type Role } from '../../platform/access/roles.ts';
import { showHousehold } from './show.ts';
import { allowedTransitions, isHouseholdStatus, statusesNeedingReason, statusName } from './labels.ts';
import {
  genderOptions,
  radioItems,
  selectItems,
  skillOptions,
  statusTag,
  transitionItems,
  typeOptions,
} from './views.ts';
import { editHouseholdPath, householdPath } from './paths.ts';

type Form = { values: Record<string, unknown>; errors?: FormErrors };

/** After a service call: the household page with a banner, the form again, a 404 or the 403 page. */
async function afterChange(
  reply: FastifyReply,
  id: string,
  result: Result,
  done: string,
  showAgain: (form: Form) => Promise<unknown>,
  values: Record<string, unknown>,
) {
  if (result.ok) return reply.redirect(`${householdPath(id)}?done=${done}`, 303);
  if (result.reason === 'invalid') return showAgain({ values, errors: pageErrors(result.errors) });
  return refused(reply, result.reason, { id });
}

/** A household's page and the pages that change its details, status, terms and allocation. */
export function householdRoutes(app: FastifyInstance, db: Db): void {
  app.get<WithId & { Querystring: { done?: string } }>('/households/:id', viewAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'household');
    if (!household) return reply;
    return showHousehold(db, request, reply, household);
  });

  /** Each form page: opened for a change (404/403 first), shown with the stored or submitted values. */
  function formPage(
    path: string,
    need: 'change' | 'allocate' | 'restricted-access',
    render: (
      request: FastifyRequest<WithId>,
      reply: FastifyReply,
      household: HouseholdRecord,
      form: Form,
    ) => Promise<unknown>,
    initial: (household: HouseholdRecord) => Record<string, unknown>,
    submit: (
      request: FastifyRequest<WithId>,
      household: HouseholdRecord,
    ) => Promise<
      { result: Result; values: Record<string, unknown> } | { errors: FormErrors; values: Record<string, unknown> }
    >,
    done: string,
  ) {
    const access = need === 'allocate' || need === 'restricted-access' ? allocateAccess : changeAccess;
    app.get<WithId>(path, access, async (request, reply) => {
      const household = await openHousehold(db, request, reply, path.split('/').pop()!, need);
      if (!household) return reply;
      return render(request, reply, household, { values: initial(household) });
    });
    app.post<WithId>(path, access, async (request, reply) => {
      const household = await openHousehold(db, request, reply, path.split('/').pop()!, need);
      if (!household) return reply;
      const outcome = await submit(request, household);
      const again = (form: Form) => render(request, reply, household, form);
      if ('errors' in outcome) return again({ values: outcome.values, errors: outcome.errors });
      return afterChange(reply, household.id, outcome.result, done, again, outcome.values);
    });
  }

  formPage(
    '/households/:id/edit',
    'change',
    async (request, reply, household, { values, errors }) => {
      // The household's own team, and those the user may move it to.
      const all = await teamOptions(db);
      const mayChange = new Set(teamsUserMayChange(request.user!, all).map((t) => t.id));
      const teams = all.filter((t) => t.id === household.teamId || mayChange.has(t.id));
      return reply.code(errors ? 400 : 200).page('households-details-form.njk', {
        title: `Change details: ${household.name}`,
        action: editHouseholdPath(household.id),
        household,
        values,
        errors,
        teamItems: selectItems(
          teams.map((t) => ({ value: t.id, text: t.name })),
          null,
          values.teamId,
        ),
        typeItems: radioItems(typeOptions(), values.householdType),
        breadcrumbs: householdCrumbs(household),
      });
    },
    (h) => ({ ...h, addressLine2: h.addressLine2 ?? '' }),
    async (request, household) => {
      const form = parseForm(detailsForm, request.body);
      if (!form.ok) return { errors: pageErrors(form.errors), values: form.input };
      return { result: await updateDetails(db, who(request), household.id, form.value), values: form.value };
    },
    'details',
  );

  formPage(
    '/households/:id/status',
    'change',
    async (_request, reply, household, { values, errors }) => {
      const status = isHouseholdStatus(household.status) ? household.status : 'enquiry';
      return reply.code(errors ? 400 : 200).page('households-status.njk', {
        title: `Change status: ${household.name}`,
        household,
        values,
        errors,
        statusTag: statusTag(household.status),
        statusName: statusName(household.status),
        transitions: transitionItems(status, values.toStatus),
        final: allowedTransitions[status].length === 0,
        reasonHint: `Needed for ${statusesNeedingReason
          .map((s) => statusName(s).toLowerCase())
          .join(', ')
          .replace(/, ([^,]*)$/, ' and $1')}`,
        onDate: datePartsOf(values, 'onDate'),
        breadcrumbs: householdCrumbs(household),
      });
    },
    () => ({}),
    async (request, household) => {
      const form = parseForm(statusForm, request.body);
      if (!form.ok) return { errors: pageErrors(form.errors), values: form.input };
      const values = { ...(request.body as Record<string, unknown>) };
      return { result: await changeStatus(db, who(request), household.id, form.value), values };
    },
    'status',
  );

  formPage(
    '/households/:id/terms',
    'change',
    async (_request, reply, household, { values, errors }) => {
      const ticked = (name: string) =>
        values[name] === true || (typeof values[name] === 'string' && values[name] !== '');
      const options: [string, string, string?][] = [
        ['siblingGroups', 'Sibling groups'],
        ['disability', 'Disabled children'],
        ['uasc', 'Unaccompanied asylum-seeking children (UASC)'],
        ['emergency', 'Emergency placements'],
        ['shortBreaks', 'Short breaks'],
        ['stayingPut', 'Staying Put (young people up to 21)'],
      ];
      return reply.code(errors ? 400 : 200).page('households-terms.njk', {
        title: `Approval terms: ${household.name}`,
        household,
        values,
        errors,
        genderItems: radioItems(genderOptions(), values.genderPreference ?? 'any'),
        skillItems: radioItems(skillOptions(), values.skillLevel),
        offerItems: options.map(([value, text]) => ({
          value: 'yes',
          text,
          name: value,
          id: value,
          checked: ticked(value),
        })),
        breadcrumbs: householdCrumbs(household),
      });
    },
    (h) => ({
      ...h,
      approvedPlaces: h.approvedPlaces > 0 ? String(h.approvedPlaces) : '',
      ageMin: String(h.ageMin),
      ageMax: String(h.ageMax),
      skillLevel: String(h.skillLevel),
    }),
    async (request, household) => {
      const form = parseForm(termsForm, request.body);
      if (!form.ok) return { errors: pageErrors(form.errors), values: form.input };
      return {
        result: await updateTerms(db, who(request), household.id, form.value),
        values: { ...(request.body as Record<string, unknown>) },
      };
    },
    'terms',
  );

  formPage(
    '/households/:id/allocation',
    'allocate',
    async (_request, reply, household, { values, errors }) => {
      const options = await allocationOptions(db, household);
      const label = (u: { displayName: string; teamName: string; role: string }) =>
        `${u.displayName} (${u.role === 'team_manager' ? `${roleNames[u.role as Role]}, ` : ''}${u.teamName})`;
      return reply.code(errors ? 400 : 200).page('households-allocation.njk', {
        title: `Allocate: ${household.name}`,
        household,
        values,
        errors,
        sswItems: selectItems(
          options.supervisingSocialWorkers.map((u) => ({ value: u.id, text: label(u) })),
          'Not allocated',
          values.allocatedSswId,
        ),
        leadItems: selectItems(
          options.leadWorkers.map((u) => ({ value: u.id, text: label(u) })),
          'None',
          values.firstYearLeadId,
        ),
        breadcrumbs: householdCrumbs(household),
      });
    },
    (h) => ({ allocatedSswId: h.allocatedSswId, firstYearLeadId: h.firstYearLeadId, mentorName: h.mentorName ?? '' }),
    async (request, household) => {
      const form = parseForm(allocationForm, request.body);
      if (!form.ok) return { errors: pageErrors(form.errors), values: form.input };
      return { result: await allocate(db, who(request), household.id, form.value), values: form.value };
    },
    'allocation',
  );
}
