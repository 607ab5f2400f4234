/**
 * Putting a supervision right: correcting a finalised one on its template, filled in with what was
 * recorded, with why; removing one recorded in error (the wrong household) with why. For those who
 * answer for it, as changing a draft is: others get the same 404 (out of scope) or 403 as editing.
 * Thin: parse, call the service, render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { addMonths, todayInLondon } from '../../platform/dates/index.ts';
import { formatDate, formatDateTime } from '../../platform/views/format.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { answerForm, refused, type Refusal, who } from '../../platform/views/results.ts';
import { householdPath } from '../households/paths.ts';
import { correctionForm, isUuid, removeSupervisionForm } from './forms.ts';
import { deliverNotes, notesMessageOf } from './notes.ts';
import { correctSupervisionPath, householdSupervisionPath, removeSupervisionPath, supervisionPath } from './paths.ts';
import {
  childrenPlacedBetween,
  findVisibleSupervision,
  supervisionDetails,
  type SupervisionRecord,
} from './queries.ts';
import { correctSupervision, removeSupervision } from './service-corrections.ts';
import { canCorrectSupervision, mayChangeSupervision } from './service.ts';
import { formView, pageErrors, seenName, storedValues } from './views.ts';

type WithId = { Params: { id: string } };
const recordAccess = { config: { access: { permission: 'supervision.record' as const } } };

const WHO_MAY = [
  'A supervision is corrected or removed by the supervising social worker who recorded it (while the household is allocated to them), their team manager or the head of fostering.',
];

const crumbs = (household: { id: string; name: string }) => [
  { text: 'Households', href: '/households' },
  { text: household.name, href: householdPath(household.id) },
  { text: 'Supervision', href: householdSupervisionPath(household.id) },
];

export function correctionRoutes(
  app: FastifyInstance,
  { db, mailer, publicUrl }: { db: Db; mailer: Mailer; publicUrl: string },
) {
  /** The supervision within the user's reach and theirs to put right (`may`), or the refusal. */
  async function supervisionOf(
    request: FastifyRequest<WithId>,
    may: typeof mayChangeSupervision,
  ): Promise<{ ok: true; record: SupervisionRecord } | Refusal> {
    const record = isUuid(request.params.id)
      ? await findVisibleSupervision(db, request.user!, request.params.id)
      : null;
    if (!record) return { ok: false, reason: 'not-found' };
    return may(request.user!, record) ? { ok: true, record } : { ok: false, reason: 'forbidden' };
  }
  const refuse = (reply: FastifyReply, result: Refusal, id: string) =>
    refused(reply, result, { backHref: supervisionPath(id), lines: WHO_MAY });

  async function correctionPage(
    reply: FastifyReply,
    record: SupervisionRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const { supervision, household } = record;
    const today = todayInLondon();
    // The children placed at the visit as recorded, and any placed since, so either date can be chosen.
    const sixMonths = addMonths(today, -6);
    const from = supervision.visitDate < sixMonths ? supervision.visitDate : sixMonths;
    const placed = await childrenPlacedBetween(db, household.id, from, today);
    const message = await notesMessageOf(db, supervision.id);
    const notes =
      message?.status === 'sent' && message.sentAt
        ? ` The carers were emailed the notes on ${formatDate(todayInLondon(message.sentAt))}: when you save, they are emailed the corrected notes.`
        : supervision.notesSentOn
          ? ` The notes went to the carers on ${formatDate(supervision.notesSentOn)}, not by email: give or post them the corrected notes.`
          : '';
    return reply.code(errors ? 400 : 200).page('supervision-form.njk', {
      title: `Correct the supervision on ${formatDate(supervision.visitDate)}: ${household.name}`,
      heading: `Correct the supervision on ${formatDate(supervision.visitDate)}`,
      intro: `It was finalised by ${record.finalisedByName ?? record.authorName} on ${formatDateTime(supervision.finalisedAt)}. Change what was recorded wrongly and say why: the audit trail keeps what it said before, and the deadlines follow the corrected visit. Every answer of the template is still needed.${notes}`,
      household,
      action: correctSupervisionPath(supervision.id),
      cancel: supervisionPath(supervision.id),
      correction: true,
      button: 'Save the correction',
      ...formView(values, placed),
      errors: errors ? pageErrors(errors) : undefined,
      breadcrumbs: crumbs(household),
    });
  }

  app.get<WithId>(correctSupervisionPath(':id'), recordAccess, async (request, reply) => {
    const found = await supervisionOf(request, canCorrectSupervision);
    if (!found.ok) return refuse(reply, found, request.params.id);
    const { seen, actions } = await supervisionDetails(db, found.record.supervision.id);
    return correctionPage(reply, found.record, storedValues(found.record.supervision, seen, actions));
  });

  app.post<WithId>(correctSupervisionPath(':id'), recordAccess, async (request, reply) => {
    const found = await supervisionOf(request, canCorrectSupervision);
    if (!found.ok) return refuse(reply, found, request.params.id);
    const form = parseForm(correctionForm, request.body);
    if (!form.ok) return correctionPage(reply, found.record, form.input, form.errors);
    const id = found.record.supervision.id;
    const result = await correctSupervision(db, who(request), id, form.value, { mode: mailer.mode, publicUrl });
    if (!result.ok && result.reason !== 'invalid') return refuse(reply, result, id);
    // The corrected notes go at once, as on finalising (a failure is retried by the server's sender).
    if (result.ok && result.resent?.status === 'pending') await deliverNotes(db, mailer, { supervisionId: id });
    return answerForm(reply, result, `${supervisionPath(id)}?done=corrected`, (errors) =>
      correctionPage(reply, found.record, request.body as Record<string, unknown>, errors),
    );
  });

  async function removalPage(
    reply: FastifyReply,
    record: SupervisionRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const { supervision, household } = record;
    const { seen, actions } = await supervisionDetails(db, supervision.id);
    const message = await notesMessageOf(db, supervision.id);
    const sent = supervision.notesSentOn ?? (message?.status === 'sent' ? message.sentAt : null);
    const rows = [
      { key: 'Household', value: `${household.name} (${household.reference})` },
      { key: 'Date of the visit', value: formatDate(supervision.visitDate) },
      { key: 'Announced', value: supervision.announced ? 'Announced' : 'Unannounced' },
      {
        key: 'Recorded by',
        value:
          supervision.status === 'final'
            ? `${record.authorName}; finalised by ${record.finalisedByName ?? record.authorName} on ${formatDate(supervision.finalisedAt)}`
            : `${record.authorName} (a draft)`,
      },
      {
        key: 'Children placed at the visit',
        value: seen.length ? seen.map((s) => `${s.name}: ${seenName(s.seen).toLowerCase()}`).join('; ') : 'None',
      },
      { key: 'Actions', value: actions.length ? actions.map((a) => a.action).join('; ') : 'None' },
      {
        key: 'Notes to the carers',
        value: sent ? `Sent on ${formatDate(sent)}` : message ? 'Not sent yet (in Notes to carers)' : 'Not sent',
      },
    ];
    const sentWarning = sent
      ? ` The notes were sent to the carers on ${formatDate(sent)}: removing the record does not take them back, so tell the carers and your team manager.`
      : '';
    return reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
      title: `Remove the supervision on ${formatDate(supervision.visitDate)}: ${household.name}`,
      caption: `${household.name} (${household.reference})`,
      heading: `Remove the supervision on ${formatDate(supervision.visitDate)}`,
      intro: `Remove it only if it was recorded in error: on the wrong household, or a visit that did not happen. To change its date, whether it was announced or the children seen, correct it instead. The children seen, the actions and the message to the carers go with it; ${household.name}’s next supervision, unannounced visit and children seen are worked out again without it, and the audit trail keeps what it said, who removed it and why.${sentWarning}`,
      rows,
      what: 'supervision',
      hint: 'For example, recorded on the wrong household.',
      button: 'Remove the supervision',
      values,
      errors,
      action: removeSupervisionPath(supervision.id),
      cancel: supervisionPath(supervision.id),
      breadcrumbs: crumbs(household),
    });
  }

  app.get<WithId>(removeSupervisionPath(':id'), recordAccess, async (request, reply) => {
    const found = await supervisionOf(request, mayChangeSupervision);
    if (!found.ok) return refuse(reply, found, request.params.id);
    return removalPage(reply, found.record, {});
  });

  app.post<WithId>(removeSupervisionPath(':id'), recordAccess, async (request, reply) => {
    const found = await supervisionOf(request, mayChangeSupervision);
    if (!found.ok) return refuse(reply, found, request.params.id);
    const form = parseForm(removeSupervisionForm, request.body);
    if (!form.ok) return removalPage(reply, found.record, form.input, form.errors);
    const { supervision, household } = found.record;
    const result = await removeSupervision(db, who(request), supervision.id, form.value.reason);
    if (!result.ok && result.reason !== 'invalid') return refuse(reply, result, supervision.id);
    return answerForm(reply, result, `${householdSupervisionPath(household.id)}?done=removed`, (errors) =>
      removalPage(reply, found.record, request.body as Record<string, unknown>, errors),
    );
  });
}
