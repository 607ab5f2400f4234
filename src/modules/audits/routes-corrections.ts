/**
 * Putting a completed audit's grading right (corrections.ts): the audit form filled in with what it
 * says, with why, for those who conduct audits of the file and the auditor who graded it, reached by
 * "Change" on the audit's page. The view of the form is audited. Thin: parse, call the service,
 * render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { dateBoxes, linkDateErrors } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { changeGrading } from './corrections.ts';
import { parseChangeGradeForm } from './forms.ts';
import { auditPath, auditsHomePath, auditStepPath } from './paths.ts';
import { delegatedAuthorityGaps, type AuditRecord, type SectionRow } from './queries.ts';
import { auditFor } from './routes-audit.ts';
import { mayChangeGrading } from './scope.ts';
import { viewAudit } from './service.ts';
import { gradingSections } from './views.ts';

type WithId = { Params: { id: string } };
type Body = Record<string, unknown>;
const conduct = { config: { access: { permission: 'audits.conduct' as const } } };

/** The audit form's answers as the grading says them. */
export function gradingValues(a: AuditRecord, rows: SectionRow[]): Body {
  const values: Body = { ...dateBoxes('auditedOn', a.auditedOn), safeguarding: a.safeguarding ?? '' };
  for (const row of rows) {
    values[`${row.section}-grade`] = row.grade;
    values[`${row.section}-findings`] = row.findings ?? '';
    values[`${row.section}-actions`] = row.actions ?? '';
  }
  return values;
}

/** What the form says about what follows a change, and what was recorded after grading. */
function changeLines(a: AuditRecord): string[] {
  const lines = [
    'Correct the grading if it was recorded wrongly. The overall grade is worked out again, the 5 working days to put an inadequate audit right follow it, and the audit trail keeps what the grading said before.',
    'The month’s figures are counted again; a month whose figures are already closed keeps them, and the scorecard shows the difference.',
  ];
  if (a.putRightOn) {
    const confirmed = a.confirmedOn ? `, confirmed on ${formatDate(a.confirmedOn)}` : '';
    lines.push(
      `The actions were recorded put right on ${formatDate(a.putRightOn)}${confirmed}. That stays recorded: if the audit is no longer inadequate, its page says it was put right while graded inadequate. The date of the audit cannot be after it was put right.`,
    );
  }
  return lines;
}

export function correctionRoutes(app: FastifyInstance, db: Db) {
  /** The completed audit this user may change the grading of, or null after answering 404 or 403. */
  const graded = (request: FastifyRequest<WithId>, reply: FastifyReply) =>
    auditFor(db, request, reply, (a) => mayChangeGrading(request.user!, a), {
      found: (a) => a.status === 'completed',
      why: 'The grading of an audit is changed by the auditor who graded it or a manager who audits the file (its team manager; the head or a service manager for the central sample).',
    });

  const show = async (reply: FastifyReply, a: AuditRecord, values: Body, errors?: FormErrors) => {
    const gaps = await delegatedAuthorityGaps(db, a.householdId, a.auditedOn!);
    return reply.code(errors ? 400 : 200).page('audits-grade.njk', {
      title: `Change the grading: ${a.householdName} (${a.householdReference})`,
      heading: 'Change the grading of the audit',
      caption: `${a.householdName} (${a.householdReference})`,
      changeLines: changeLines(a),
      concernHint: a.concernId
        ? 'This concern was raised as a concern on the household and cannot be changed here: put it right on the concern’s page.'
        : null,
      button: 'Save the changes',
      action: auditStepPath(a.id, 'change-grade'),
      cancel: auditPath(a.id),
      gaps,
      sections: gradingSections(values),
      values,
      errors,
      breadcrumbs: [
        { text: 'Case-file audits', href: auditsHomePath(a.month) },
        { text: `${a.householdName} (${a.householdReference})`, href: auditPath(a.id) },
      ],
    });
  };

  app.get<WithId>('/audits/:id/change-grade', conduct, async (request, reply) => {
    const a = await graded(request, reply);
    if (!a) return;
    const seen = await viewAudit(db, who(request), a.id, 'change-grade');
    if (!seen) return reply.callNotFound();
    return show(reply, seen.record, gradingValues(seen.record, seen.sections));
  });

  app.post<WithId>('/audits/:id/change-grade', conduct, async (request, reply) => {
    const a = await graded(request, reply);
    if (!a) return;
    const form = parseChangeGradeForm(request.body);
    if (!form.ok) return show(reply, a, form.input, form.errors);
    const result = await changeGrading(db, who(request), a.id, form.value);
    return answerForm(reply, result, `${auditPath(a.id)}?done=regraded`, (errors) =>
      show(reply, a, request.body as Body, linkDateErrors(errors, ['auditedOn'])),
    );
  });
}
