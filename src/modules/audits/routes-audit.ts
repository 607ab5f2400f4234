/** An audit's record, the audit form, a swap, putting right and the auditor's confirmation. */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { parseDatedForm } from '../../platform/views/date-input.ts';
import { formErrors, parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import { refused, who, type Invalid, type Refusal } from '../../platform/views/results.ts';
import { parseGradeForm, putRightForm, swapForm } from './forms.ts';
import { matterPath } from '../concerns/paths.ts';
import { auditPath, auditsHomePath, auditStepPath, monthPath } from './paths.ts';
import { delegatedAuthorityGaps, findVisibleAudit, type AuditRecord } from './queries.ts';
import { mayChangeGrading, mayConduct, mayConfirm, mayPutRight } from './scope.ts';
import { confirmPutRight, gradeAudit, putRight, swapFile, viewAudit } from './service.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { auditRows, gradeReason, gradeTag, gradingSections, monthName, sectionViews } from './views.ts';

type WithId = { Params: { id: string }; Querystring: { done?: string } };
const access = (permission: 'audits.view' | 'audits.conduct' | 'audits.put-right'): RouteShorthandOptions => ({
  config: { access: { permission } },
});
const flashes: Record<string, string> = {
  graded: 'Audit completed',
  'put-right': 'Recorded as put right',
  confirmed: 'Confirmed as put right',
  swapped: 'File swapped: another household was picked in its place',
  regraded: 'The grading has been changed',
};

const caption = (a: AuditRecord) => `${a.householdName} (${a.householdReference})`;
const crumbs = (a: AuditRecord) => [
  { text: 'Case-file audits', href: auditsHomePath(a.month) },
  { text: caption(a), href: auditPath(a.id) },
];

/** Who does what with an audit, for a refused change. */
const WHO_AUDITS =
  'A file is audited by its team manager (the central sample by the head or a service manager); an inadequate audit is put right by the household’s supervising social worker and confirmed by the auditor.';

/**
 * The audit the user may see for a form, or null after answering 404 (not seen, or not `found` as
 * the form needs it) or 403 (`may` not, with `why`).
 */
export async function auditFor(
  db: Db,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
  may: (r: AuditRecord) => boolean,
  { found = () => true, why = WHO_AUDITS }: { found?: (r: AuditRecord) => boolean; why?: string } = {},
): Promise<AuditRecord | null> {
  const record = isUuid(request.params.id) ? await findVisibleAudit(db, request.user!, request.params.id) : null;
  if (!record || !found(record)) {
    await reply.callNotFound();
    return null;
  }
  if (!may(record)) {
    await reply.code(403).page('error.njk', {
      title: 'You cannot make this change',
      lines: [why],
      backLink: { href: auditPath(record.id) },
    });
    return null;
  }
  return record;
}

function answered(
  reply: FastifyReply,
  result: Refusal | Invalid,
  record: AuditRecord,
  show: (e: FormErrors) => unknown,
) {
  if (result.reason === 'invalid') return show(formErrors(result.errors));
  return refused(reply, result, { backHref: auditPath(record.id) });
}

export function auditRoutes(app: FastifyInstance, db: Db) {
  app.get<WithId>('/audits/:id', access('audits.view'), async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const user = request.user!;
    const seen = await viewAudit(db, who(request), request.params.id, 'record');
    if (!seen) return reply.callNotFound();
    const a = seen.record;
    return reply.page('audits-record.njk', {
      title: `Case-file audit: ${a.householdName} (${a.householdReference}), ${monthName(a.month)}`,
      caption: caption(a),
      audit: a,
      tag: gradeTag(a.grade),
      reason: gradeReason(a, seen.sections),
      rows: auditRows(a),
      sections: sectionViews(seen.sections),
      concernHref: a.concernId ? matterPath(a.concernId) : null,
      gradeHref: a.status === 'to_do' && mayConduct(user, a) ? auditStepPath(a.id, 'grade') : null,
      changeHref: a.status === 'completed' && mayChangeGrading(user, a) ? auditStepPath(a.id, 'change-grade') : null,
      putRightHref:
        a.grade === 'inadequate' && !a.putRightOn && mayPutRight(user, a) ? auditStepPath(a.id, 'put-right') : null,
      confirmAction: a.putRightOn && !a.confirmedOn && mayConfirm(user, a) ? auditStepPath(a.id, 'confirm') : null,
      flash: flashes[request.query.done ?? ''],
      breadcrumbs: [{ text: 'Case-file audits', href: auditsHomePath(a.month) }],
    });
  });

  const showGrade = async (
    reply: FastifyReply,
    a: AuditRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) => {
    const gaps = await delegatedAuthorityGaps(db, a.householdId, todayInLondon());
    return reply.code(errors ? 400 : 200).page('audits-grade.njk', {
      title: `Audit the case file: ${a.householdName} (${a.householdReference})`,
      caption: caption(a),
      action: auditStepPath(a.id, 'grade'),
      cancel: auditPath(a.id),
      gaps,
      sections: gradingSections(values),
      values,
      errors,
      breadcrumbs: crumbs(a),
    });
  };
  app.get<WithId>('/audits/:id/grade', access('audits.conduct'), async (request, reply) => {
    const a = await auditFor(db, request, reply, (r) => mayConduct(request.user!, r) && r.status === 'to_do');
    return a && showGrade(reply, a, {});
  });
  app.post<WithId>('/audits/:id/grade', access('audits.conduct'), async (request, reply) => {
    const a = await auditFor(db, request, reply, (r) => mayConduct(request.user!, r) && r.status === 'to_do');
    if (!a) return;
    const form = parseGradeForm(request.body);
    if (!form.ok) return showGrade(reply, a, form.input, form.errors);
    const result = await gradeAudit(db, who(request), a.id, form.value);
    if (result.ok) return reply.redirect(`${auditPath(a.id)}?done=graded`, 303);
    return answered(reply, result, a, (e) => showGrade(reply, a, request.body as Record<string, unknown>, e));
  });

  const showSwap = (reply: FastifyReply, a: AuditRecord, values: Record<string, unknown>, errors?: FormErrors) =>
    reply.code(errors ? 400 : 200).page('audits-swap.njk', {
      title: `Swap a file: ${a.householdName} (${a.householdReference})`,
      caption: caption(a),
      action: auditStepPath(a.id, 'swap'),
      cancel: monthPath(a.monthId),
      values,
      errors,
      breadcrumbs: crumbs(a),
    });
  app.get<WithId>('/audits/:id/swap', access('audits.conduct'), async (request, reply) => {
    const a = await auditFor(db, request, reply, (r) => mayConduct(request.user!, r) && r.status === 'to_do');
    return a && showSwap(reply, a, {});
  });
  app.post<WithId>('/audits/:id/swap', access('audits.conduct'), async (request, reply) => {
    const a = await auditFor(db, request, reply, (r) => mayConduct(request.user!, r) && r.status === 'to_do');
    if (!a) return;
    const form = parseForm(swapForm, request.body);
    if (!form.ok) return showSwap(reply, a, form.input, form.errors);
    const result = await swapFile(db, who(request), a.id, form.value.reason);
    if (result.ok) return reply.redirect(monthPath(a.monthId), 303);
    return answered(reply, result, a, (e) => showSwap(reply, a, request.body as Record<string, unknown>, e));
  });

  const mayRight = (request: FastifyRequest) => (r: AuditRecord) =>
    mayPutRight(request.user!, r) && r.grade === 'inadequate' && !r.putRightOn;
  const showPutRight = (reply: FastifyReply, a: AuditRecord, values: Record<string, unknown>, errors?: FormErrors) =>
    reply.code(errors ? 400 : 200).page('audits-put-right.njk', {
      title: `Put right: ${a.householdName} (${a.householdReference})`,
      caption: caption(a),
      action: auditStepPath(a.id, 'put-right'),
      cancel: auditPath(a.id),
      auditedOn: formatDate(a.auditedOn),
      dueOn: formatDate(a.putRightDueOn),
      values,
      errors,
      breadcrumbs: crumbs(a),
    });
  app.get<WithId>('/audits/:id/put-right', access('audits.put-right'), async (request, reply) => {
    const a = await auditFor(db, request, reply, mayRight(request));
    return a && showPutRight(reply, a, {});
  });
  app.post<WithId>('/audits/:id/put-right', access('audits.put-right'), async (request, reply) => {
    const a = await auditFor(db, request, reply, mayRight(request));
    if (!a) return;
    const form = parseDatedForm(putRightForm, request.body, ['putRightOn']);
    if (!form.ok) return showPutRight(reply, a, form.input, form.errors);
    const result = await putRight(db, who(request), a.id, form.value);
    if (result.ok) return reply.redirect(`${auditPath(a.id)}?done=put-right`, 303);
    return answered(reply, result, a, (e) => showPutRight(reply, a, request.body as Record<string, unknown>, e));
  });

  app.post<WithId>('/audits/:id/confirm', access('audits.conduct'), async (request, reply) => {
    const a = await auditFor(
      db,
      request,
      reply,
      (r) => mayConfirm(request.user!, r) && !!r.putRightOn && !r.confirmedOn,
    );
    if (!a) return;
    const result = await confirmPutRight(db, who(request), a.id);
    if (result.ok) return reply.redirect(`${auditPath(a.id)}?done=confirmed`, 303);
    return refused(reply, result as Refusal, { backHref: auditPath(a.id) });
  });
}
