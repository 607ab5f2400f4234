/**
 * Putting an attendee's evaluation right (evaluation-corrections.ts): its form filled in with what it
 * says, with why, for the attendee and those who manage the days, reached by "Change" on the
 * evaluation's page; and a page removing one recorded against the wrong attendee, with why, saying
 * what goes and what stays, for the head and the training coordinator. Each view is audited. Thin:
 * parse, call the service, render or redirect.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import type { Field } from '../../platform/views/fields.ts';
import { formFields } from '../../platform/views/fields.ts';
import { formatDate } from '../../platform/views/format.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { changeEvaluation, evaluationToRemove, removeEvaluation } from './evaluation-corrections.ts';
import { changeEvaluationForm, removeEvaluationForm } from './forms.ts';
import { changeEvaluationPath, dayPath, evaluationPath, removeEvaluationPath } from './paths.ts';
import type { DayRow, EvaluationRow } from './queries.ts';
import { dayCrumbs, manage, view, type WithId } from './route-support.ts';
import { mayRecordEvaluation } from './scope.ts';
import { viewAttendance } from './service.ts';
import { evaluationFields, evaluationRows } from './views.ts';

type Body = Record<string, unknown>;

const reasonField = (what: string, hint: string): Field => ({
  type: 'textarea',
  name: 'reason',
  label: `Why is this being ${what}?`,
  hint,
  rows: 3,
});

/** The evaluation's answers as the form's values. */
const answersOf = (e: EvaluationRow): Body => ({
  confidenceBefore: String(e.confidenceBefore),
  confidenceAfter: String(e.confidenceAfter),
  usefulness: String(e.usefulness),
  willDoDifferently: e.willDoDifferently ?? '',
});

export function evaluationCorrectionRoutes(app: FastifyInstance, db: Db) {
  const refuse = (reply: FastifyReply, day: DayRow, attendanceId: string) =>
    reply.code(403).page('error.njk', {
      title: 'You cannot make this change',
      lines: [
        'An evaluation is changed by the attendee who gave it, or by the head of fostering or the training coordinator.',
      ],
      backLink: { href: evaluationPath(attendanceId) },
      breadcrumbs: dayCrumbs(day),
    });

  const showChange = (
    reply: FastifyReply,
    own: boolean,
    found: { day: DayRow; attendance: EvaluationRow },
    values: Body,
    errors?: FormErrors,
  ) => {
    const { day, attendance } = found;
    const fields = [
      ...evaluationFields(day.theme),
      reasonField('changed', 'For example, the scores before and after the day were entered the wrong way round.'),
    ];
    return reply.code(errors ? 400 : 200).page('joint-training-evaluation-form.njk', {
      title: own ? `Change your evaluation: ${day.title}` : `Change ${attendance.name}’s evaluation: ${day.title}`,
      heading: own ? 'Change your evaluation of the day' : `Change ${attendance.name}’s evaluation`,
      caption: `${day.title}, ${formatDate(day.heldOn)}`,
      lines: [
        'Correct it if it was recorded wrongly. The day’s summary and the scorecard’s figures for this month follow; a month whose figures are already closed keeps them, and the scorecard shows the difference. The audit trail keeps what it said before.',
      ],
      fields: formFields(fields, values),
      action: changeEvaluationPath(attendance.attendanceId),
      cancel: evaluationPath(attendance.attendanceId),
      errors,
      breadcrumbs: dayCrumbs(day),
    });
  };

  app.get<WithId>(changeEvaluationPath(':id'), view, async (request, reply) => {
    const found = await viewAttendance(db, who(request), request.params.id);
    if (!found) return reply.callNotFound();
    const { day, attendance } = found;
    if (attendance.confidenceBefore === null) return reply.redirect(evaluationPath(attendance.attendanceId), 303);
    if (!mayRecordEvaluation(request.user!, attendance)) return refuse(reply, day, attendance.attendanceId);
    return showChange(reply, attendance.accountId === request.user!.id, found, answersOf(attendance));
  });

  app.post<WithId>(changeEvaluationPath(':id'), view, async (request, reply) => {
    const found = await viewAttendance(db, who(request), request.params.id);
    if (!found) return reply.callNotFound();
    const { day, attendance } = found;
    if (!mayRecordEvaluation(request.user!, attendance)) return refuse(reply, day, attendance.attendanceId);
    const own = attendance.accountId === request.user!.id;
    const body = request.body as Body;
    const parsed = parseForm(changeEvaluationForm, body);
    if (!parsed.ok) return showChange(reply, own, found, parsed.input, parsed.errors);
    const result = await changeEvaluation(db, who(request), attendance.attendanceId, parsed.value);
    return answerForm(reply, result, `${evaluationPath(attendance.attendanceId)}?done=changed`, (errors) =>
      showChange(reply, own, found, body, errors),
    );
  });

  const showRemove = (
    reply: FastifyReply,
    found: { day: DayRow; attendance: EvaluationRow },
    values: Body,
    errors?: FormErrors,
  ) => {
    const { day, attendance } = found;
    return reply.code(errors ? 400 : 200).page('joint-training-evaluation-remove.njk', {
      title: `Remove the evaluation by ${attendance.name}: ${day.title}`,
      caption: `${day.title}, ${formatDate(day.heldOn)}`,
      heading: `Remove the evaluation recorded for ${attendance.name}`,
      rows: evaluationRows(attendance),
      name: attendance.name,
      fields: formFields(
        [reasonField('removed', 'For example, the paper form of another attendee was entered on this line.')],
        values,
      ),
      action: removeEvaluationPath(attendance.attendanceId),
      cancel: evaluationPath(attendance.attendanceId),
      errors,
      breadcrumbs: dayCrumbs(day),
    });
  };

  app.get<WithId>(removeEvaluationPath(':id'), manage, async (request, reply) => {
    const found = await evaluationToRemove(db, who(request), request.params.id);
    if (!found) return reply.callNotFound();
    if (found.attendance.confidenceBefore === null)
      return reply.redirect(evaluationPath(found.attendance.attendanceId), 303);
    return showRemove(reply, found, {});
  });

  app.post<WithId>(removeEvaluationPath(':id'), manage, async (request, reply) => {
    const body = request.body as Body;
    const parsed = parseForm(removeEvaluationForm, body);
    if (!parsed.ok) {
      const found = await evaluationToRemove(db, who(request), request.params.id);
      if (!found) return reply.callNotFound();
      return showRemove(reply, found, parsed.input, parsed.errors);
    }
    const result = await removeEvaluation(db, who(request), request.params.id, parsed.value.reason);
    const next = result.ok ? `${dayPath(result.id)}?done=evaluation-removed` : evaluationPath(request.params.id);
    return answerForm(reply, result, next, async (errors) => {
      const found = await evaluationToRemove(db, who(request), request.params.id);
      return found ? showRemove(reply, found, body, errors) : reply.callNotFound();
    });
  });
}
