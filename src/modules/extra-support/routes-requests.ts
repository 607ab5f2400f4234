/**
 * Requests for psychology support: recorded from the household's extra support, the request's page
 * with its first session and end, and a request typed wrongly changed or one recorded in error
 * removed. Thin: parse, call the service, render or redirect.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordAudits } from '../../platform/audit/service.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import { choicesOf, formFields, type Field, dateField } from '../../platform/views/fields.ts';
import { parseForm, removalForm, type FormErrors } from '../../platform/views/forms.ts';
import { formatDate } from '../../platform/views/format.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import type { HouseholdRecord } from '../households/scope.ts';
import { CARERS, PROGRESS_DATES, progressForm, psychologyForm, REQUEST_DATES } from './forms.ts';
import { EMERGENCY_WORKING_DAYS, urgencies, urgencyHints, urgencyNames } from './labels.ts';
import {
  changePsychologyPath,
  householdSupportPath,
  newPsychologyPath,
  psychologyPath,
  removePsychologyPath,
} from './paths.ts';
import { childrenPlaced, findRequest, type PsychologyRow } from './queries.ts';
import {
  changeable,
  crumbs,
  householdOf,
  mayRecordOn,
  record,
  refusedUnless,
  showForm,
  view,
  type Values,
  type WithId,
} from './route-support.ts';
import { changeRequest, PSYCHOLOGY_RECORD, recordProgress, recordRequest, removeRequest } from './service.ts';
import { requestRows } from './views.ts';

const progressFields: Field[] = [
  {
    type: 'date',
    name: 'firstSessionOn',
    label: 'Date of the first session (optional)',
    hint: 'For example, 14 11 2026',
  },
  {
    type: 'date',
    name: 'endedOn',
    label: 'Date the support ended (optional)',
    hint: 'When the sessions finished, or the day the request was withdrawn. For example, 14 12 2026',
  },
];

const flashes: Record<string, string> = {
  saved: 'The request has been updated',
  changed: 'The request has been changed',
};

type Found = { request: PsychologyRow; household: HouseholdRecord };

export function requestRoutes(app: FastifyInstance, db: Db) {
  /** The request's form: new, or a request to change (whose child is offered even if no longer placed there). */
  const requestPage = async (household: HouseholdRecord, change?: PsychologyRow) => {
    const placed = await childrenPlaced(db, household.id, todayInLondon());
    const children =
      change?.childId && !placed.some((c) => c.id === change.childId)
        ? [...placed, { id: change.childId, name: change.childName ?? 'The child' }]
        : placed;
    return {
      heading: change ? 'Change the request for psychology support' : 'Record a request for psychology support',
      intro: [
        'Clinical psychology support for the carers and the children placed with them, in an emergency or planned.',
        `An emergency’s first session is due within ${EMERGENCY_WORKING_DAYS} working days of the request (weekends and bank holidays do not count). This is the service’s own timescale, not law.`,
      ],
      fields: [
        dateField('requestedOn', 'Date support was asked for'),
        {
          type: 'radios',
          name: 'childId',
          label: 'Who the support is for',
          choices: [...children.map((c) => ({ value: c.id, text: c.name })), { value: CARERS, text: 'The carers' }],
        },
        {
          type: 'radios',
          name: 'urgency',
          label: 'How urgent',
          choices: choicesOf(urgencies, urgencyNames, urgencyHints),
        },
        {
          type: 'textarea',
          name: 'reason',
          label: 'Why support is needed',
          hint: 'What is happening in the placement, and what the carers have asked for',
          rows: 4,
        },
      ] satisfies Field[],
      action: change ? changePsychologyPath(change.id) : newPsychologyPath(household.id),
      button: 'Save the request',
      cancel: change ? psychologyPath(change.id) : undefined,
    };
  };

  app.get<WithId>(newPsychologyPath(':id'), record, async (request, reply) => {
    const found = await changeable(db, request, reply, mayRecordOn);
    if ('answer' in found) return found.answer;
    return showForm(reply, found.household, await requestPage(found.household), {});
  });
  app.post<WithId>(newPsychologyPath(':id'), record, async (request, reply) => {
    const found = await changeable(db, request, reply, mayRecordOn);
    if ('answer' in found) return found.answer;
    const { household } = found;
    const page = await requestPage(household);
    const form = parseDatedForm(psychologyForm(todayInLondon()), request.body, REQUEST_DATES);
    if (!form.ok) return showForm(reply, household, page, form.input, form.errors);
    const result = await recordRequest(db, who(request), household.id, form.value);
    return answerForm(reply, result, `${householdSupportPath(household.id)}?done=request-recorded`, (errors) =>
      showForm(reply, household, page, request.body as Values, errors),
    );
  });

  /** The request, and its household read in full, if the user may read them; null (a 404) otherwise. */
  const requestOf = async (user: SignedInUser, id: string): Promise<Found | null> => {
    const found = await findRequest(db, user, id);
    const household = found ? await householdOf(db, user, found.householdId) : null;
    return found && household ? { request: found, household } : null;
  };

  const showRequest = (
    reply: FastifyReply,
    user: SignedInUser,
    found: Found,
    values: Values,
    errors?: FormErrors,
    flash?: string,
  ) => {
    const mayChange = mayRecordOn(user, found.household);
    return reply.code(errors ? 400 : 200).page('extra-support-request.njk', {
      title: `Psychology support: ${found.household.name}`,
      household: found.household,
      rows: requestRows(found.request),
      fields: mayChange ? formFields(progressFields, values) : null,
      action: psychologyPath(found.request.id),
      changeHref: mayChange ? changePsychologyPath(found.request.id) : null,
      removeHref: mayChange ? removePsychologyPath(found.request.id) : null,
      errors,
      flash,
      backHref: householdSupportPath(found.household.id),
      breadcrumbs: crumbs(found.household),
    });
  };

  app.get<WithId & { Querystring: { done?: string } }>(psychologyPath(':id'), view, async (request, reply) => {
    const found = await requestOf(request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    await recordAudits(db, who(request).actor, [
      { action: 'view', recordType: PSYCHOLOGY_RECORD, recordId: found.request.id, detail: { page: 'request' } },
    ]);
    const values = {
      ...dateBoxes('firstSessionOn', found.request.firstSessionOn),
      ...dateBoxes('endedOn', found.request.endedOn),
    };
    return showRequest(reply, request.user!, found, values, undefined, flashes[request.query.done ?? '']);
  });

  app.post<WithId>(psychologyPath(':id'), record, async (request, reply) => {
    const found = await requestOf(request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    const refusal = refusedUnless(reply, request.user!, found.household, mayRecordOn);
    if (refusal) return refusal;
    const form = parseDatedForm(progressForm(todayInLondon(), found.request.requestedOn), request.body, PROGRESS_DATES);
    if (!form.ok) return showRequest(reply, request.user!, found, form.input, form.errors);
    const result = await recordProgress(db, who(request), found.request.id, form.value);
    return answerForm(reply, result, `${psychologyPath(found.request.id)}?done=saved`, (errors) =>
      showRequest(reply, request.user!, found, request.body as Values, errors),
    );
  });

  // Changing a request typed wrongly, filled in with what it says.
  const answersOf = (r: PsychologyRow): Values => ({
    ...dateBoxes('requestedOn', r.requestedOn),
    childId: r.childId ?? CARERS,
    urgency: r.urgency,
    reason: r.reason,
  });
  const withRequest = async (request: { user: SignedInUser | null; params: { id: string } }, reply: FastifyReply) => {
    const found = await requestOf(request.user!, request.params.id);
    if (!found) return { answer: reply.callNotFound() };
    const refusal = refusedUnless(reply, request.user!, found.household, mayRecordOn);
    return refusal ? { answer: refusal } : found;
  };
  app.get<WithId>(changePsychologyPath(':id'), record, async (request, reply) => {
    const found = await withRequest(request, reply);
    if ('answer' in found) return found.answer;
    return showForm(
      reply,
      found.household,
      await requestPage(found.household, found.request),
      answersOf(found.request),
    );
  });
  app.post<WithId>(changePsychologyPath(':id'), record, async (request, reply) => {
    const found = await withRequest(request, reply);
    if ('answer' in found) return found.answer;
    const page = await requestPage(found.household, found.request);
    const form = parseDatedForm(psychologyForm(todayInLondon()), request.body, REQUEST_DATES);
    if (!form.ok) return showForm(reply, found.household, page, form.input, form.errors);
    const result = await changeRequest(db, who(request), found.request.id, form.value);
    return answerForm(reply, result, `${psychologyPath(found.request.id)}?done=changed`, (errors) =>
      showForm(reply, found.household, page, request.body as Values, errors),
    );
  });

  // Removing a request recorded in error, saying why.
  const removeForm = removalForm('request');
  const showRemove = (reply: FastifyReply, found: Found, values: Values, errors?: FormErrors) =>
    reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
      title: `Remove the request for psychology support: ${found.household.name}`,
      caption: `${found.household.name} (${found.household.reference})`,
      heading: `Remove the request for psychology support of ${formatDate(found.request.requestedOn)}`,
      intro:
        'Remove a request only if it was recorded in error: on the wrong household, or a request that was not made. To correct what it says, change the request instead. The audit trail keeps who removed it and why.',
      rows: requestRows(found.request),
      what: 'request',
      hint: 'For example, recorded on the wrong household.',
      button: 'Remove the request',
      values,
      errors,
      action: removePsychologyPath(found.request.id),
      cancel: psychologyPath(found.request.id),
      breadcrumbs: crumbs(found.household),
    });
  app.get<WithId>(removePsychologyPath(':id'), record, async (request, reply) => {
    const found = await withRequest(request, reply);
    if ('answer' in found) return found.answer;
    return showRemove(reply, found, {});
  });
  app.post<WithId>(removePsychologyPath(':id'), record, async (request, reply) => {
    const found = await withRequest(request, reply);
    if ('answer' in found) return found.answer;
    const form = parseForm(removeForm, request.body);
    if (!form.ok) return showRemove(reply, found, form.input, form.errors);
    const result = await removeRequest(db, who(request), found.request.id, form.value.reason);
    return answerForm(reply, result, `${householdSupportPath(found.household.id)}?done=request-removed`, (errors) =>
      showRemove(reply, found, request.body as Values, errors),
    );
  });
}
