/**
 * Correcting an out-of-hours call recorded with a mistake (the form it was recorded on, filled in),
 * and removing one recorded in error, with why. For those who record calls on the household, as
 * recording is. Thin: parse, call the service, render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { nowInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { findHouseholdReadInFull, type HouseholdRecord } from '../households/scope.ts';
import { CALL_DATES, callForm, removeCallForm } from './forms.ts';
import { callPath, changeCallPath, householdCallsPath, removeCallPath } from './paths.ts';
import { findCall, type CallRow } from './queries.ts';
import { changeCall, removeCall } from './service.ts';
import { callRows } from './views.ts';

type WithId = { Params: { id: string } };
const record = { config: { access: { permission: 'out-of-hours.record' as const } } };

/** The call's form (routes.ts): recording one on the household, or changing `change.callId`. */
export type ShowCallForm = (
  reply: FastifyReply,
  household: HouseholdRecord,
  values: Record<string, unknown>,
  errors?: FormErrors,
  change?: { callId: string },
) => Promise<FastifyReply>;

/** The form's boxes as the call was recorded. */
const callValues = (call: CallRow) => ({
  ...dateBoxes('calledOn', call.calledOn),
  calledAt: call.calledAt,
  caller: call.caller,
  answeredBy: call.answeredBy,
  reason: call.reason,
  outcome: call.outcome,
  note: call.note,
});

export async function callChangeRoutes(app: FastifyInstance, db: Db, showForm: ShowCallForm) {
  /** The call and its household, if the user reads it in full; null (a 404) otherwise. */
  async function callOf(request: FastifyRequest<WithId>) {
    const call = await findCall(db, request.user!, request.params.id);
    const household = call && (await findHouseholdReadInFull(db, request.user!, call.householdId));
    return call && household ? { call, household } : null;
  }

  app.get<WithId>(changeCallPath(':id'), record, async (request, reply) => {
    const found = await callOf(request);
    if (!found) return reply.callNotFound();
    return showForm(reply, found.household, callValues(found.call), undefined, { callId: found.call.id });
  });

  app.post<WithId>(changeCallPath(':id'), record, async (request, reply) => {
    const found = await callOf(request);
    if (!found) return reply.callNotFound();
    const change = { callId: found.call.id };
    const now = nowInLondon();
    const form = parseDatedForm(callForm(now.today, now.time), request.body, CALL_DATES);
    if (!form.ok) return showForm(reply, found.household, form.input, form.errors, change);
    const result = await changeCall(db, who(request), found.call.id, form.value);
    return answerForm(reply, result, `${callPath(found.call.id)}?done=changed`, (errors) =>
      showForm(reply, found.household, request.body as Record<string, unknown>, errors, change),
    );
  });

  const showRemove = (reply: FastifyReply, call: CallRow, values: Record<string, unknown>, errors?: FormErrors) =>
    reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
      title: `Remove the out-of-hours call: ${call.householdName}`,
      caption: `${call.householdName} (${call.householdReference})`,
      heading: `Remove the out-of-hours call on ${formatDate(call.calledOn)}`,
      intro:
        'Remove a call only if it was recorded in error: on the wrong household, or a call that was not made. To correct its time, who answered or what was done, change the call instead. The audit trail keeps who removed it and why.',
      rows: callRows(call),
      what: 'call',
      hint: 'For example, recorded on the wrong household.',
      button: 'Remove the call',
      values,
      errors,
      action: removeCallPath(call.id),
      cancel: callPath(call.id),
      breadcrumbs: [{ text: 'Out-of-hours calls', href: householdCallsPath(call.householdId) }],
    });

  app.get<WithId>(removeCallPath(':id'), record, async (request, reply) => {
    const found = await callOf(request);
    if (!found) return reply.callNotFound();
    return showRemove(reply, found.call, {});
  });

  app.post<WithId>(removeCallPath(':id'), record, async (request, reply) => {
    const found = await callOf(request);
    if (!found) return reply.callNotFound();
    const form = parseForm(removeCallForm, request.body);
    if (!form.ok) return showRemove(reply, found.call, form.input, form.errors);
    const result = await removeCall(db, who(request), found.call.id, form.value.reason);
    return answerForm(reply, result, `${householdCallsPath(found.call.householdId)}?done=removed`, (errors) =>
      showRemove(reply, found.call, request.body as Record<string, unknown>, errors),
    );
  });
}
