/**
 * Out-of-hours pages: the calls across the service by month and area (a month's sample of the
 * service's out-of-hours work, action 7.2), a household's calls, recording one, and a call's page.
 * Thin: parse, call the service, render or redirect.
 */
import type { FastifyPluginAsync } from 'fastify';
import { areaOptions } from '../../platform/auth/organisation.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/db/client.ts';
import { nowInLondon, todayInLondon } from '../../platform/dates/index.ts';
import { addMonthsToMonth, currentMonth, monthName } from '../../platform/measures/periods.ts';
import { parseDatedForm } from '../../platform/views/date-input.ts';
import { choicesOf, formFields, type Field } from '../../platform/views/fields.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { isUuid } from '../../platform/views/params.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { selectItems } from '../children/labels.ts';
import { newMatterOnHouseholdPath } from '../concerns/paths.ts';
import { householdPath } from '../households/paths.ts';
import { findHouseholdReadInFull, type HouseholdRecord } from '../households/scope.ts';
import { CALL_DATES, callForm, listQuery } from './forms.ts';
import {
  ANSWER_HOURS_IN_WORDS,
  answererHints,
  answererNames,
  answerers,
  callerNames,
  callers,
  outcomeNames,
  outcomes,
  reasonNames,
  reasons,
} from './labels.ts';
import { callPath, changeCallPath, removeCallPath, householdCallsPath, newCallPath, outOfHoursPath } from './paths.ts';
import { callChangeRoutes, type ShowCallForm } from './routes-changes.ts';
import { callsOfHousehold, findCall, LIST_PAGE_SIZE, listCalls } from './queries.ts';
import { mayRecordCalls } from './scope.ts';
import { auditCallsViewed, recordCall } from './service.ts';
import { callListRow, callRows } from './views.ts';

const view = { config: { access: { permission: 'out-of-hours.view' as const } } };
const record = { config: { access: { permission: 'out-of-hours.record' as const } } };

type WithId = { Params: { id: string } };

const householdFlashes: Record<string, string> = {
  recorded: 'The call has been recorded',
  removed: 'The call has been removed',
};

const callFields: Field[] = [
  { type: 'date', name: 'calledOn', label: 'Date of the call', hint: 'For example, 14 11 2026' },
  { type: 'text', name: 'calledAt', label: 'Time of the call', hint: 'In 24-hour time, for example 21:30', width: 5 },
  { type: 'radios', name: 'caller', label: 'Who called', choices: choicesOf(callers, callerNames) },
  {
    type: 'radios',
    name: 'answeredBy',
    label: 'Who answered',
    choices: choicesOf(answerers, answererNames, answererHints),
  },
  { type: 'radios', name: 'reason', label: 'What the call was about', choices: choicesOf(reasons, reasonNames) },
  { type: 'radios', name: 'outcome', label: 'What was done', choices: choicesOf(outcomes, outcomeNames) },
  {
    type: 'textarea',
    name: 'note',
    label: 'Note for the day team',
    hint: 'What happened, what was agreed and anything the supervising social worker should follow up',
    rows: 4,
  },
];

const crumbs = (h: Pick<HouseholdRecord, 'id' | 'name'>, calls = true) => [
  { text: 'Households', href: '/households' },
  { text: h.name, href: householdPath(h.id) },
  ...(calls ? [{ text: 'Out-of-hours calls', href: householdCallsPath(h.id) }] : []),
];

export const outOfHoursRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  /** The household, if the user reads it in full; null (a 404) otherwise, or for an id that is not one. */
  const householdOf = (user: SignedInUser, id: string) =>
    isUuid(id) ? findHouseholdReadInFull(db, user, id) : Promise.resolve(null);

  // The calls across the service, by month and area.
  app.get(outOfHoursPath(), view, async (request, reply) => {
    const query = listQuery.parse(request.query ?? {});
    const [list, areas] = [await listCalls(db, request.user!, query), await areaOptions(db)];
    await auditCallsViewed(
      db,
      who(request),
      list.rows.map((r) => r.id),
      'list',
    );
    const thisMonth = currentMonth(todayInLondon());
    const months = Array.from({ length: 13 }, (_, i) => addMonthsToMonth(thisMonth, -i));
    return reply.page('out-of-hours-list.njk', {
      title: query.page > 1 ? `Out-of-hours calls (page ${query.page})` : 'Out-of-hours calls',
      rows: list.rows.map((r) => ({
        ...callListRow(r),
        href: callPath(r.id),
        household: `${r.householdName} (${r.householdReference})`,
        area: r.areaName,
      })),
      byOutcome: outcomes
        .map((o) => ({ text: outcomeNames[o], n: list.byOutcome.find((b) => b.outcome === o)?.n ?? 0 }))
        .filter((o) => o.n > 0),
      total: list.total,
      scope: [query.month ? `in ${monthName(query.month)}` : null].filter(Boolean).join(' '),
      filtered: Boolean(query.month || query.area),
      monthItems: selectItems(
        months.map((m) => ({ value: m, text: monthName(m) })),
        query.month,
        'Any month',
      ),
      areaItems: selectItems(
        areas.map((a) => ({ value: a.id, text: a.name })),
        query.area,
        'Any area',
      ),
      pagination: pagination(request.url, query.page, LIST_PAGE_SIZE, list.total),
      breadcrumbs: [{ text: 'Home', href: '/' }],
    });
  });

  // A household's calls.
  app.get<WithId & { Querystring: { done?: string } }>(householdCallsPath(':id'), view, async (request, reply) => {
    const household = await householdOf(request.user!, request.params.id);
    if (!household) return reply.callNotFound();
    const { calls, total } = await callsOfHousehold(db, household.id);
    await auditCallsViewed(
      db,
      who(request),
      calls.map((c) => c.id),
      'household',
    );
    return reply.page('out-of-hours-household.njk', {
      title: `Out-of-hours calls: ${household.name}`,
      household,
      calls: calls.map((c) => ({ ...callListRow(c), href: callPath(c.id) })),
      cut: total > calls.length ? `The latest ${calls.length} of ${total} calls are listed.` : null,
      newHref: mayRecordCalls(request.user!) ? newCallPath(household.id) : null,
      flash: householdFlashes[request.query.done ?? ''],
      breadcrumbs: crumbs(household, false),
    });
  });

  // Recording a call.
  const showForm: ShowCallForm = (reply, household, values, errors, change) =>
    reply.code(errors ? 400 : 200).page('out-of-hours-form.njk', {
      title: `${change ? 'Change the out-of-hours call' : 'Record an out-of-hours call'}: ${household.name}`,
      heading: change ? 'Change the out-of-hours call' : 'Record an out-of-hours call',
      household,
      fields: formFields(callFields, values),
      action: change ? changeCallPath(change.callId) : newCallPath(household.id),
      allegationHref: newMatterOnHouseholdPath(household.id),
      answerHours: ANSWER_HOURS_IN_WORDS,
      cancel: change ? callPath(change.callId) : householdCallsPath(household.id),
      errors,
      breadcrumbs: crumbs(household),
    });
  app.get<WithId>(newCallPath(':id'), record, async (request, reply) => {
    const household = await householdOf(request.user!, request.params.id);
    if (!household) return reply.callNotFound();
    return showForm(reply, household, {});
  });
  app.post<WithId>(newCallPath(':id'), record, async (request, reply) => {
    const household = await householdOf(request.user!, request.params.id);
    if (!household) return reply.callNotFound();
    const now = nowInLondon();
    const form = parseDatedForm(callForm(now.today, now.time), request.body, CALL_DATES);
    if (!form.ok) return showForm(reply, household, form.input, form.errors);
    const result = await recordCall(db, who(request), household.id, form.value);
    return answerForm(reply, result, `${householdCallsPath(household.id)}?done=recorded`, (errors) =>
      showForm(reply, household, request.body as Record<string, unknown>, errors),
    );
  });

  // A call's page.
  app.get<WithId & { Querystring: { done?: string } }>(callPath(':id'), view, async (request, reply) => {
    const call = await findCall(db, request.user!, request.params.id);
    if (!call) return reply.callNotFound();
    await auditCallsViewed(db, who(request), [call.id], 'call');
    return reply.page('out-of-hours-call.njk', {
      title: `Out-of-hours call: ${call.householdName}`,
      call,
      rows: callRows(call),
      changeHref: mayRecordCalls(request.user!) ? changeCallPath(call.id) : null,
      removeHref: mayRecordCalls(request.user!) ? removeCallPath(call.id) : null,
      flash: request.query.done === 'changed' ? 'The call has been changed' : undefined,
      backHref: householdCallsPath(call.householdId),
      breadcrumbs: crumbs({ id: call.householdId, name: call.householdName }),
    });
  });

  await callChangeRoutes(app, db, showForm);
};
