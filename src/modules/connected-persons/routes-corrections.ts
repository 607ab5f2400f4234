/**
 * Putting a temporary approval right (corrections.ts): the day it was given and the nominated
 * officer on the giving form, filled in, the extension on the extending form, filled in, and an
 * ending recorded in error undone with why, on a page
 * that says what follows or why it cannot be. For those who record its decisions; each page's view
 * is audited. Thin: parse, call the service, render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { changeApproval, changeExtension, correctionViewed, undoEnding, undoRefusals } from './corrections.ts';
import { approvalForm, EXTEND_DATES, extendForm, GIVE_DATES, undoEndForm } from './forms.ts';
import { approvalFields, extendFields, extensionValues, showForm, stepPage, type Body } from './form-page.ts';
import { approvalPath, changeApprovalPath, changeExtensionPath, undoEndingPath } from './paths.ts';
import { findApproval, type ApprovalRow } from './queries.ts';
import { mayDecide } from './service.ts';
import { approvalRows } from './views.ts';

const approve = { config: { access: { permission: 'connected-persons.approve' as const } } };
type WithId = { Params: { id: string } };

export function correctionRoutes(app: FastifyInstance, db: Db): void {
  /** The approval, if this user may record its decisions: null (a 404) otherwise, as out of reach looks the same as missing. */
  async function decided(request: FastifyRequest<WithId>) {
    const a = await findApproval(db, request.user!, request.params.id);
    return a && (await mayDecide(db, request.user!, a)) ? a : null;
  }

  // The day it was given and the nominated officer: the giving form's two, filled in.
  const showApproval = (reply: FastifyReply, a: ApprovalRow, values: Body, errors?: FormErrors) =>
    showForm(
      reply,
      stepPage(
        a,
        'Change the date of the temporary approval or the nominated officer',
        [
          'Correct them if they were recorded wrongly. The last day of the 16 weeks and the deadlines follow the new date, and the audit trail keeps what they said before.',
          'The date cannot be later than the day the approval ended, was extended, or gave way to the household’s approval as foster carers, nor than the child’s placement with the household under it; an extension must still end after the 16 weeks and no more than 8 weeks after them.',
        ],
        'Save the changes',
        changeApprovalPath(a.id),
      ),
      approvalFields,
      values,
      errors,
    );
  app.get<WithId>(changeApprovalPath(':id'), approve, async (request, reply) => {
    const a = await decided(request);
    if (!a) return reply.callNotFound();
    await correctionViewed(db, who(request), a.id, 'approval-given');
    return showApproval(reply, a, { ...dateBoxes('approvedOn', a.approvedOn), approvedBy: a.approvedBy });
  });
  app.post<WithId>(changeApprovalPath(':id'), approve, async (request, reply) => {
    const a = await decided(request);
    if (!a) return reply.callNotFound();
    const form = parseDatedForm(approvalForm(todayInLondon()), request.body, GIVE_DATES);
    if (!form.ok) return showApproval(reply, a, form.input, form.errors);
    const result = await changeApproval(db, who(request), a, form.value);
    return answerForm(reply, result, `${approvalPath(a.id)}?done=approval`, (errors) =>
      showApproval(reply, a, request.body as Body, linkDateErrors(errors, GIVE_DATES)),
    );
  });

  // The extension: the extending form, filled in with what it says; only once extended.
  const showExtension = (reply: FastifyReply, a: ApprovalRow, values: Body, errors?: FormErrors) =>
    showForm(
      reply,
      stepPage(
        a,
        'Change the extension of the temporary approval',
        [
          'Correct it if it was recorded wrongly. The last day of the temporary approval and the deadlines follow, and the audit trail keeps what it said before.',
          'The decision must still fall while the approval ran, and not after it ended or gave way to the household’s approval as foster carers; a new last day must be after the 16 weeks, no more than 8 weeks after them, and not before the child’s placement with the household under it.',
        ],
        'Save the changes',
        changeExtensionPath(a.id),
      ),
      extendFields(a),
      values,
      errors,
    );
  app.get<WithId>(changeExtensionPath(':id'), approve, async (request, reply) => {
    const a = await decided(request);
    if (!a) return reply.callNotFound();
    if (!a.extendedOn) return reply.redirect(approvalPath(a.id), 303);
    await correctionViewed(db, who(request), a.id, 'approval-extension');
    return showExtension(reply, a, extensionValues({ ...a, extendedOn: a.extendedOn }));
  });
  app.post<WithId>(changeExtensionPath(':id'), approve, async (request, reply) => {
    const a = await decided(request);
    if (!a) return reply.callNotFound();
    if (!a.extendedOn) return reply.redirect(approvalPath(a.id), 303);
    const form = parseDatedForm(extendForm(todayInLondon()), request.body, EXTEND_DATES);
    if (!form.ok) return showExtension(reply, a, form.input, form.errors);
    const result = await changeExtension(db, who(request), a, form.value);
    return answerForm(reply, result, `${approvalPath(a.id)}?done=extension`, (errors) =>
      showExtension(reply, a, request.body as Body, linkDateErrors(errors, EXTEND_DATES)),
    );
  });

  // An ending recorded in error, undone with why; or why it cannot be.
  async function showUndo(reply: FastifyReply, a: ApprovalRow, values: Body, errors?: FormErrors) {
    const refusals = await undoRefusals(db, a, todayInLondon());
    const page = stepPage(a, 'Undo the ending of the temporary approval', [], 'Undo the ending', undoEndingPath(a.id));
    return reply.code(errors ? 400 : 200).page('connected-persons-undo.njk', {
      ...page,
      title: `${page.heading}: ${page.caption}`,
      intro: `Undo the ending only if it was recorded in error and the temporary approval did not end. It runs again to its last day, with its deadline, and the audit trail keeps the ending that was undone, who undid it and why.`,
      rows: approvalRows(a).filter((r) => ['Ended on', 'Why it ended', 'Note', 'Ended by'].includes(r.key)),
      refusals,
      values,
      errors: refusals.length ? undefined : errors,
    });
  }
  app.get<WithId>(undoEndingPath(':id'), approve, async (request, reply) => {
    const a = await decided(request);
    if (!a) return reply.callNotFound();
    if (!a.endedOn) return reply.redirect(approvalPath(a.id), 303);
    await correctionViewed(db, who(request), a.id, 'approval-ending');
    return showUndo(reply, a, {});
  });
  app.post<WithId>(undoEndingPath(':id'), approve, async (request, reply) => {
    const a = await decided(request);
    if (!a) return reply.callNotFound();
    if (!a.endedOn) return reply.redirect(approvalPath(a.id), 303);
    const form = parseForm(undoEndForm, request.body);
    if (!form.ok) return showUndo(reply, a, request.body as Body, form.errors);
    const result = await undoEnding(db, who(request), a, form.value.reason, todayInLondon());
    return answerForm(reply, result, `${approvalPath(a.id)}?done=end-undone`, (errors) =>
      showUndo(reply, a, request.body as Body, errors),
    );
  });
}
