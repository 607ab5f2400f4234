/** The audits module's forms: the audit template, putting right, a swap, the month picked. */
import { z } from 'zod';
import { govukDate, linkDateErrors, withDateParts } from '../../platform/views/date-input.ts';
import {
  bodyOf,
  formErrors,
  hasNulByte,
  optionalText,
  requiredText,
  type FormResult,
} from '../../platform/views/forms.ts';
import { grades, sectionNames, sections, type Grade } from './labels.ts';
import type { ChangeGradeInput } from './corrections.ts';
import type { GradeInput } from './service.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const isMonth = (value: unknown): value is string => typeof value === 'string' && MONTH.test(value);

const sectionSchema = (name: string) =>
  z.object({
    grade: z.enum(grades, { error: `Select a grade for ${name.toLowerCase()}` }),
    findings: optionalText(4000),
    actions: optionalText(4000),
  });

/**
 * The audit template as submitted: every section graded (a message naming each one missing), the
 * date of the audit, and any safeguarding concern. On error, everything typed is given back.
 */
export function parseGradeForm(body: unknown): FormResult<GradeInput> {
  const input = bodyOf(body);
  const dated = withDateParts(input, ['auditedOn']);
  if (hasNulByte(input)) {
    const field = Object.keys(input).find((k) => hasNulByte(input[k])) ?? 'form';
    return {
      ok: false,
      errors: formErrors([{ field, message: 'Remove the invalid character from this answer' }]),
      input,
    };
  }
  const issues: { field: string; message: string }[] = [];
  const date = govukDate('Date of the audit').safeParse(dated.auditedOn);
  if (!date.success) issues.push({ field: 'auditedOn', message: date.error.issues[0]!.message });
  const graded: GradeInput['sections'] = [];
  for (const section of sections) {
    const parsed = sectionSchema(sectionNames[section]).safeParse({
      grade: input[`${section}-grade`],
      findings: input[`${section}-findings`],
      actions: input[`${section}-actions`],
    });
    if (parsed.success) graded.push({ section, ...parsed.data, grade: parsed.data.grade as Grade });
    else {
      const issue = parsed.error.issues[0]!;
      const part = String(issue.path[0] ?? 'grade');
      issues.push({ field: `${section}-${part}`, message: issue.message });
    }
  }
  const safeguarding = optionalText(4000).safeParse(input.safeguarding);
  if (!safeguarding.success) issues.push({ field: 'safeguarding', message: safeguarding.error.issues[0]!.message });
  if (issues.length || !date.success || !safeguarding.success)
    return { ok: false, errors: linkDateErrors(formErrors(issues), ['auditedOn']), input };
  return { ok: true, value: { auditedOn: date.data, sections: graded, safeguarding: safeguarding.data } };
}

/** The audit template as submitted to put a completed audit's grading right: as graded, with why. */
export function parseChangeGradeForm(body: unknown): FormResult<ChangeGradeInput> {
  const graded = parseGradeForm(body);
  const reason = requiredText('Enter why the grading is being changed', 2000).safeParse(bodyOf(body).reason);
  if (graded.ok && reason.success) return { ok: true, value: { ...graded.value, reason: reason.data } };
  const errors = graded.ok ? formErrors([]) : graded.errors;
  if (!reason.success) {
    const text = reason.error.issues[0]!.message;
    errors.fields.reason = { text };
    errors.list.push({ text, href: '#reason' });
  }
  return { ok: false, errors, input: graded.ok ? bodyOf(body) : graded.input };
}

export const putRightForm = z.object({
  putRightOn: govukDate('Date it was put right'),
  notes: requiredText('Enter what was done to put the actions right', 4000),
});

export const swapForm = z.object({
  reason: requiredText('Enter why this file is swapped', 1000),
});
