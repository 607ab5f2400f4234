/** A household's requests for records: the list, recording a request, and recording the records sent. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { choicesOf } from '../../platform/views/fields.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { formatDate } from '../../platform/views/format.ts';
import { findVisibleHousehold } from '../households/scope.ts';
import { householdPath } from '../households/paths.ts';
import { requestForm, sentForm } from './forms.ts';
import { requesterKindName, requesterKindNames, requesterKinds } from './labels.ts';
import { changeRequestPath, householdRequestsPath, newRequestPath, requestSentPath } from './paths.ts';
import { mayRecordRequests } from './scope.ts';
import { findVisibleRequest, type RequestRow } from './queries.ts';
import { changeRequest, recordRequest, recordSent, viewHouseholdRequests, viewRequest } from './service.ts';
import { requestView } from './views.ts';

export const viewAccess = { config: { access: { permission: 'records.view' as const } } };
export const recordAccess = { config: { access: { permission: 'records.record' as const } } };

type WithId = { Params: { id: string } };

const householdCrumbs = (household: { id: string; name: string }) => [
  { text: 'Households', href: '/households' },
  { text: household.name, href: householdPath(household.id) },
];

const flashes: Record<string, string> = {
  recorded: 'The request has been recorded',
  sent: 'The records have been recorded as sent',
  changed: 'The request has been changed',
};

/** The request form: recording a new request, or changing one recorded with a mistake. */
interface RequestFormPage {
  household: { id: string; name: string; reference: string };
  action: string;
  changing?: boolean;
}

export function householdRequestRoutes(app: FastifyInstance, db: Db) {
  app.get<WithId & { Querystring: { done?: string } }>(
    '/households/:id/records-requests',
    viewAccess,
    async (request, reply) => {
      if (!isUuid(request.params.id)) return reply.callNotFound();
      const seen = await viewHouseholdRequests(db, who(request), request.params.id);
      if (!seen) return reply.callNotFound();
      const today = todayInLondon();
      const mayRecord = mayRecordRequests(request.user!);
      return reply.page('records-household.njk', {
        title: `Requests for records: ${seen.household.name} (${seen.household.reference})`,
        household: seen.household,
        requests: seen.requests.map((r) => ({
          ...requestView(r, today),
          sentHref: mayRecord && !r.sentOn ? requestSentPath(r.id) : null,
          changeHref: mayRecord && !r.sentOn ? changeRequestPath(r.id) : null,
        })),
        newHref: mayRecord ? newRequestPath(seen.household.id) : null,
        flash: flashes[request.query.done ?? ''],
        breadcrumbs: householdCrumbs(seen.household),
      });
    },
  );

  const showRequestForm = (
    reply: FastifyReply,
    { household, action, changing = false }: RequestFormPage,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) =>
    reply.code(errors ? 400 : 200).page('records-request-form.njk', {
      title: `${changing ? 'Change the request for records' : 'Record a request for records'}: ${household.name}`,
      heading: changing ? 'Change the request for records' : 'Record a request for records',
      button: changing ? 'Save the changes' : 'Save the request',
      household,
      action,
      cancel: householdRequestsPath(household.id),
      kinds: choicesOf(requesterKinds, requesterKindNames).map((c) => ({ ...c, checked: values.kind === c.value })),
      values,
      errors,
      breadcrumbs: [
        ...householdCrumbs(household),
        { text: 'Requests for records', href: householdRequestsPath(household.id) },
      ],
    });

  app.get<WithId>('/households/:id/records-requests/new', recordAccess, async (request, reply) => {
    const household = isUuid(request.params.id)
      ? await findVisibleHousehold(db, request.user!, request.params.id)
      : null;
    if (!household) return reply.callNotFound();
    return showRequestForm(reply, { household, action: newRequestPath(household.id) }, {});
  });
  app.post<WithId>('/households/:id/records-requests/new', recordAccess, async (request, reply) => {
    const household = isUuid(request.params.id)
      ? await findVisibleHousehold(db, request.user!, request.params.id)
      : null;
    if (!household) return reply.callNotFound();
    const form = parseDatedForm(requestForm, request.body, ['receivedOn']);
    const page = { household, action: newRequestPath(household.id) };
    if (!form.ok) return showRequestForm(reply, page, form.input, form.errors);
    const result = await recordRequest(db, who(request), household.id, form.value);
    return answerForm(reply, result, `${householdRequestsPath(household.id)}?done=recorded`, (errors) =>
      showRequestForm(reply, page, request.body as Record<string, unknown>, linkDateErrors(errors, ['receivedOn'])),
    );
  });

  /** The household of a request, as the request form shows it. */
  const changePage = (r: RequestRow): RequestFormPage => ({
    household: { id: r.householdId, name: r.householdName, reference: r.householdReference },
    action: changeRequestPath(r.id),
    changing: true,
  });
  const sentAlready = (reply: FastifyReply, r: RequestRow) =>
    reply.code(403).page('error.njk', {
      title: 'The request can no longer be changed',
      lines: [`The records were sent on ${formatDate(r.sentOn!)}: the request stays as it was when they were sent.`],
      backLink: { href: householdRequestsPath(r.householdId) },
    });

  app.get<WithId>('/records-requests/:id/change', recordAccess, async (request, reply) => {
    const r = isUuid(request.params.id) ? await viewRequest(db, who(request), request.params.id) : null;
    if (!r) return reply.callNotFound();
    if (r.sentOn) return sentAlready(reply, r);
    return showRequestForm(reply, changePage(r), {
      organisation: r.organisation,
      kind: r.kind,
      notes: r.notes ?? '',
      ...dateBoxes('receivedOn', r.receivedOn),
    });
  });
  app.post<WithId>('/records-requests/:id/change', recordAccess, async (request, reply) => {
    const r = isUuid(request.params.id) ? await findVisibleRequest(db, request.user!, request.params.id) : null;
    if (!r) return reply.callNotFound();
    const form = parseDatedForm(requestForm, request.body, ['receivedOn']);
    if (!form.ok) return showRequestForm(reply, changePage(r), form.input, form.errors);
    const result = await changeRequest(db, who(request), r.id, form.value);
    return answerForm(reply, result, `${householdRequestsPath(r.householdId)}?done=changed`, (errors) =>
      showRequestForm(
        reply,
        changePage(r),
        request.body as Record<string, unknown>,
        linkDateErrors(errors, ['receivedOn']),
      ),
    );
  });

  const showSentForm = (
    reply: FastifyReply,
    r: NonNullable<Awaited<ReturnType<typeof viewRequest>>>,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) =>
    reply.code(errors ? 400 : 200).page('records-sent-form.njk', {
      title: `Record the records sent: ${r.householdName}`,
      asked: { ...requestView(r, todayInLondon()), kindLower: requesterKindName(r.kind).toLowerCase() },
      action: requestSentPath(r.id),
      cancel: householdRequestsPath(r.householdId),
      values,
      errors,
      breadcrumbs: [
        ...householdCrumbs({ id: r.householdId, name: r.householdName }),
        { text: 'Requests for records', href: householdRequestsPath(r.householdId) },
      ],
    });

  app.get<WithId>('/records-requests/:id/sent', recordAccess, async (request, reply) => {
    const r = isUuid(request.params.id) ? await viewRequest(db, who(request), request.params.id) : null;
    if (!r) return reply.callNotFound();
    return showSentForm(reply, r, {});
  });
  app.post<WithId>('/records-requests/:id/sent', recordAccess, async (request, reply) => {
    const r = isUuid(request.params.id) ? await findVisibleRequest(db, request.user!, request.params.id) : null;
    if (!r) return reply.callNotFound();
    const form = parseDatedForm(sentForm, request.body, ['sentOn']);
    if (!form.ok) return showSentForm(reply, r, form.input, form.errors);
    const result = await recordSent(db, who(request), r.id, form.value);
    return answerForm(reply, result, `${householdRequestsPath(r.householdId)}?done=sent`, (errors) =>
      showSentForm(reply, r, request.body as Record<string, unknown>, linkDateErrors(errors, ['sentOn'])),
    );
  });
}
