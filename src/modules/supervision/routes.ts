import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { addMonths, addWorkingDays, todayInLondon } from '../../platform/dates/index.ts';
import { bodyOf, formErrors, parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { datePartsOf } from '../../platform/views/date-input.ts';
import type { HouseholdRecord } from '../households/scope.ts';
import { who } from '../../platform/views/results.ts';
import { agreementForm, isUuid, missingForFinal, notesSentForm, supervisionForm } from './forms.ts';
import {
  childrenPlacedBetween,
  currentAgreement,
  listSupervisions,
  nextSupervisionDue,
  supervisionDetails,
  SUPERVISIONS_PAGE_SIZE,
  type SupervisionRecord,
} from './queries.ts';
import { supervisionRecordPdf } from './pdf.ts';
import { notesMessageOf } from './notes.ts';
import { finaliseAndSendNotes } from './notes-actions.ts';
import { notesStatusTag } from './notes-queries.ts';
import { notesRoutes, type NotesOptions } from './routes-notes.ts';
import { correctionRoutes } from './routes-corrections.ts';
import { correctionNotice } from './corrections-view.ts';
import {
  canCorrectSupervision,
  canEditSupervision,
  canRecordSupervision,
  householdToRecord,
  markNotesSent,
  recordAgreement,
  recordSupervision,
  supervisionToChange,
  updateSupervision,
  viewHouseholdSupervision,
  viewSignedRecord,
  viewSupervision,
  type Result,
} from './service.ts';
import { doneMessage, formView, pageErrors, profileSeenName, seenName, storedValues } from './views.ts';
import { pageFrom } from '../../platform/views/params.ts';
import { formatDate } from '../../platform/views/format.ts';
import { householdPath } from '../households/paths.ts';
import { editSupervisionPath, householdSupervisionPath, newSupervisionPath, supervisionPath } from './paths.ts';

type WithId = { Params: { id: string }; Querystring: { done?: string; page?: string } };
const viewAccess: RouteShorthandOptions = { config: { access: { permission: 'supervision.view' } } };
const recordAccess: RouteShorthandOptions = { config: { access: { permission: 'supervision.record' } } };

const crumbs = (household: { id: string; name: string }) => [
  { text: 'Households', href: '/households' },
  { text: household.name, href: householdPath(household.id) },
  { text: 'Supervision', href: householdSupervisionPath(household.id) },
];

function forbiddenPage(reply: FastifyReply, href: string) {
  return reply.code(403).page('error.njk', {
    title: 'You cannot make this change',
    lines: [
      'Supervision is recorded by the household’s supervising social worker, their team manager or the head of fostering. A finalised supervision is changed only by correcting it, with the reason.',
    ],
    backLink: { href },
  });
}

function refused(reply: FastifyReply, result: Exclude<Result, { ok: true }>, href: string) {
  if (result.reason === 'not-found') return reply.callNotFound();
  if (result.reason === 'forbidden') return forbiddenPage(reply, href);
  return null;
}

/** Carer supervision: the household's supervision page, the template, finalising and the agreement. */
export const supervisionRoutes: FastifyPluginAsync<NotesOptions & { publicUrl: string }> = async (app, options) => {
  householdPages(app, options.db);
  supervisionPages(app, options);
  notesRoutes(app, options);
  correctionRoutes(app, options);
};

async function templatePage(
  db: Db,
  reply: FastifyReply,
  household: HouseholdRecord,
  values: Record<string, unknown>,
  options: { supervisionId?: string; errors?: FormErrors },
) {
  const today = todayInLondon();
  const placed = await childrenPlacedBetween(db, household.id, addMonths(today, -6), today);
  return reply.code(options.errors ? 400 : 200).page('supervision-form.njk', {
    title: options.supervisionId ? `Change supervision: ${household.name}` : `Record a supervision: ${household.name}`,
    heading: options.supervisionId ? 'Change supervision' : 'Record a supervision',
    household,
    action: options.supervisionId ? editSupervisionPath(options.supervisionId) : newSupervisionPath(household.id),
    cancel: options.supervisionId ? supervisionPath(options.supervisionId) : householdSupervisionPath(household.id),
    ...formView(values, placed),
    errors: options.errors ? pageErrors(options.errors) : undefined,
    breadcrumbs: crumbs(household),
  });
}

/**
 * The finalise page: what is still missing from the draft, each linked to its answer on the form,
 * as an error summary after a refused attempt.
 */
function finalisePage(
  reply: FastifyReply,
  record: SupervisionRecord,
  missing: { field: string; message: string }[],
  refusedAttempt = false,
) {
  const { supervision, household } = record;
  const items = missing.map((m) => ({ text: m.message, href: `${editSupervisionPath(supervision.id)}#${m.field}` }));
  return reply.page('supervision-finalise.njk', {
    title: `Finalise the supervision: ${household.name}`,
    supervision,
    household,
    missing: items,
    errors: refusedAttempt ? { list: items, fields: {} } : undefined,
    backLink: { href: supervisionPath(supervision.id) },
  });
}

function householdPages(app: FastifyInstance, db: Db) {
  app.get<WithId>('/households/:id/supervision', viewAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const household = await viewHouseholdSupervision(db, who(request), request.params.id);
    if (!household) return reply.callNotFound();
    const page = pageFrom(request.query.page);
    const { rows, total } = await listSupervisions(db, household.id, page);
    const agreement = await currentAgreement(db, household.id);
    const today = todayInLondon();
    return reply.page('supervision-household.njk', {
      title: `Supervision: ${household.name}`,
      household,
      agreement,
      agreementCurrent: agreement !== null && agreement.reviewOn >= today,
      today,
      nextDue: await nextSupervisionDue(db, household.id),
      rows: rows.map((r) => ({ ...r, notesDueOn: addWorkingDays(r.visitDate, 5) })),
      pagination: pagination(request.url, page, SUPERVISIONS_PAGE_SIZE, total),
      canRecord: canRecordSupervision(request.user!, household),
      flash: doneMessage(request.query.done),
      breadcrumbs: crumbs(household).slice(0, 2),
    });
  });

  app.get<WithId>('/households/:id/supervision/new', recordAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await householdToRecord(db, request.user!, request.params.id);
    if (!found.ok) return refused(reply, found, householdSupervisionPath(request.params.id));
    return templatePage(db, reply, found.household, { announced: 'announced' }, {});
  });

  app.post<WithId>('/households/:id/supervision/new', recordAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await householdToRecord(db, request.user!, request.params.id);
    if (!found.ok) return refused(reply, found, householdSupervisionPath(request.params.id));
    const parsed = parseForm(supervisionForm, request.body);
    if (!parsed.ok) return templatePage(db, reply, found.household, parsed.input, { errors: parsed.errors });
    const result = await recordSupervision(db, who(request), found.household.id, parsed.value);
    if (result.ok) return reply.redirect(`${supervisionPath(result.id)}?done=recorded`, 303);
    if (result.reason === 'invalid') {
      return templatePage(db, reply, found.household, bodyOf(request.body), { errors: formErrors(result.errors) });
    }
    return refused(reply, result, householdSupervisionPath(found.household.id));
  });

  async function agreementPage(
    reply: FastifyReply,
    household: HouseholdRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    return reply.code(errors ? 400 : 200).page('supervision-agreement-form.njk', {
      title: `Record the supervision agreement: ${household.name}`,
      household,
      values,
      signedOn: datePartsOf(values, 'signedOn'),
      errors: errors ? pageErrors(errors) : undefined,
      breadcrumbs: crumbs(household),
    });
  }

  app.get<WithId>('/households/:id/supervision/agreement', recordAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await householdToRecord(db, request.user!, request.params.id);
    if (!found.ok) return refused(reply, found, householdSupervisionPath(request.params.id));
    return agreementPage(reply, found.household, {});
  });

  app.post<WithId>('/households/:id/supervision/agreement', recordAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await householdToRecord(db, request.user!, request.params.id);
    if (!found.ok) return refused(reply, found, householdSupervisionPath(request.params.id));
    const parsed = parseForm(agreementForm, request.body);
    if (!parsed.ok) return agreementPage(reply, found.household, parsed.input, parsed.errors);
    const result = await recordAgreement(db, who(request), found.household.id, parsed.value);
    if (result.ok) return reply.redirect(`${householdSupervisionPath(found.household.id)}?done=agreement`, 303);
    if (result.reason === 'invalid')
      return agreementPage(reply, found.household, bodyOf(request.body), formErrors(result.errors));
    return refused(reply, result, householdSupervisionPath(found.household.id));
  });
}

function supervisionPages(app: FastifyInstance, { db, mailer, publicUrl }: NotesOptions & { publicUrl: string }) {
  async function showPage(request: FastifyRequest<WithId>, reply: FastifyReply, record: SupervisionRecord, extra = {}) {
    const { supervision, household } = record;
    const { seen, actions } = await supervisionDetails(db, supervision.id);
    const message = await notesMessageOf(db, supervision.id);
    return reply.page('supervision-show.njk', {
      title: `Supervision on ${formatDate(supervision.visitDate)}: ${household.name}`,
      record,
      supervision,
      household,
      seen: seen.map((s) => ({ ...s, seenText: seenName(s.seen) })),
      profileSeenText: profileSeenName(supervision.profileSeenBeforeArrival),
      actions,
      notesDueOn: addWorkingDays(supervision.visitDate, 5),
      canEdit: canEditSupervision(request.user!, record),
      canCorrect: canCorrectSupervision(request.user!, record),
      correction: await correctionNotice(db, supervision, message),
      message,
      messageTag: message ? notesStatusTag(message) : null,
      correctedNotes: message?.corrected === true,
      canRecord: canRecordSupervision(request.user!, household),
      canMarkSent:
        supervision.status === 'final' &&
        !supervision.notesSentOn &&
        (!message || message.status === 'pending' || message.status === 'held') &&
        canRecordSupervision(request.user!, household),
      notesSentOn: datePartsOf({ notesSentOn: todayInLondon() }, 'notesSentOn'),
      flash: doneMessage(request.query.done),
      breadcrumbs: crumbs(household),
      ...extra,
    });
  }

  app.get<WithId>('/supervision/:id', viewAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const record = await viewSupervision(db, who(request), request.params.id);
    if (!record) return reply.callNotFound();
    return showPage(request, reply, record);
  });

  app.get<WithId>('/supervision/:id/record.pdf', viewAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    // The signed record exists once the supervision is finalised.
    const record = await viewSignedRecord(db, who(request), request.params.id);
    if (!record) return reply.callNotFound();
    const pdf = await supervisionRecordPdf(record, await supervisionDetails(db, record.supervision.id));
    return reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `inline; filename="supervision-${record.household.reference}-${record.supervision.visitDate}.pdf"`,
      )
      .header('x-content-type-options', 'nosniff')
      .send(pdf);
  });

  app.get<WithId>('/supervision/:id/edit', recordAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await supervisionToChange(db, request.user!, request.params.id);
    if (!found.ok) return refused(reply, found, supervisionPath(request.params.id));
    const { seen, actions } = await supervisionDetails(db, request.params.id);
    return templatePage(db, reply, found.record.household, storedValues(found.record.supervision, seen, actions), {
      supervisionId: request.params.id,
    });
  });

  app.post<WithId>('/supervision/:id/edit', recordAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await supervisionToChange(db, request.user!, request.params.id);
    if (!found.ok) return refused(reply, found, supervisionPath(request.params.id));
    const parsed = parseForm(supervisionForm, request.body);
    const again = (values: Record<string, unknown>, errors: FormErrors) =>
      templatePage(db, reply, found.record.household, values, { supervisionId: request.params.id, errors });
    if (!parsed.ok) return again(parsed.input, parsed.errors);
    const result = await updateSupervision(db, who(request), request.params.id, parsed.value);
    if (result.ok) return reply.redirect(`${supervisionPath(result.id)}?done=updated`, 303);
    if (result.reason === 'invalid') return again(bodyOf(request.body), formErrors(result.errors));
    return refused(reply, result, supervisionPath(request.params.id));
  });

  app.get<WithId>('/supervision/:id/finalise', recordAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await supervisionToChange(db, request.user!, request.params.id);
    if (!found.ok) return refused(reply, found, supervisionPath(request.params.id));
    return finalisePage(reply, found.record, missingForFinal(found.record.supervision));
  });

  app.post<WithId>('/supervision/:id/finalise', recordAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const result = await finaliseAndSendNotes(db, mailer, who(request), request.params.id, publicUrl);
    if (result.ok) return reply.redirect(`${supervisionPath(result.id)}?done=finalised`, 303);
    if (result.reason === 'invalid') {
      const found = await supervisionToChange(db, request.user!, request.params.id);
      if (found.ok) return finalisePage(reply.code(400), found.record, result.errors, true);
    }
    return refused(reply, result, supervisionPath(request.params.id));
  });

  app.post<WithId>('/supervision/:id/notes-sent', recordAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const parsed = parseForm(notesSentForm, request.body);
    let errors: FormErrors;
    if (parsed.ok) {
      const result = await markNotesSent(db, who(request), request.params.id, parsed.value.notesSentOn);
      if (result.ok) return reply.redirect(`${supervisionPath(result.id)}?done=notes-sent`, 303);
      if (result.reason !== 'invalid') return refused(reply, result, supervisionPath(request.params.id));
      errors = formErrors(result.errors);
    } else {
      errors = parsed.errors;
    }
    const record = await viewSupervision(db, who(request), request.params.id);
    if (!record) return reply.callNotFound();
    reply.code(400);
    return showPage(request, reply, record, {
      errors: pageErrors(errors),
      notesSentOn: datePartsOf(bodyOf(request.body), 'notesSentOn'),
    });
  });
}
