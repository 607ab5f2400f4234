/** The zod schemas of the annual review's forms. */
import { z } from 'zod';
import { govukDate } from '../../platform/views/date-input.ts';
import { checkOutcomeAnswers, refineCheckOutcome } from '../../platform/views/check-outcome.ts';
import { CHECK_PERSON } from '../households/scope.ts';
import { optionalText, removalForm, requiredText } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import {
  carerReportQuestions,
  checkKinds,
  childForms,
  extraReasons,
  memberViewsQuestions,
  outcomes,
  socialWorkerQuestions,
  socialWorkerScale,
  sswReportQuestions,
  type AgeGroup,
  type WordsQuestion,
} from './labels.ts';

export { isUuid };

const keysOf = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

import type { Answers } from './tables.ts';

export type { Answers };

const LONG = 10_000;

/** Starting a review: yearly, or an extra one with its reason. */
export const startForm = z
  .object({
    kind: z.enum(['annual', 'extra'], { error: 'Select the kind of review' }),
    reason: z.string().optional(),
    reasonDetail: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'extra') return;
    if (!v.reason || !(v.reason in extraReasons)) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Select why an extra review is needed' });
    }
    if (!v.reasonDetail) {
      ctx.addIssue({ code: 'custom', path: ['reasonDetail'], message: 'Enter what happened' });
    }
  })
  .transform((v) => ({
    kind: v.kind,
    reason: v.kind === 'extra' ? (v.reason as keyof typeof extraReasons) : null,
    reasonDetail: v.kind === 'extra' ? v.reasonDetail : null,
  }));
export type StartInput = z.infer<typeof startForm>;

/** Text answers to the questions, required unless the question says "(optional)". */
function wordsFields(questions: readonly WordsQuestion[]) {
  const fields: Record<string, z.ZodType> = {};
  for (const q of questions) {
    fields[q.key] = q.text.endsWith('(optional)')
      ? optionalText(LONG)
      : requiredText(`Enter ${q.text.charAt(0).toLowerCase()}${q.text.slice(1).replace(/\?$/, '')}`, LONG);
  }
  return fields;
}

function wordsOf(questions: readonly WordsQuestion[], values: Record<string, unknown>): Record<string, string> {
  const words: Record<string, string> = {};
  for (const q of questions) {
    const value = values[q.key];
    if (typeof value === 'string' && value) words[q.key] = value;
  }
  return words;
}

export const receivedDateNames = ['receivedOn'] as const;

/** A report or views recorded by a worker: the date received, who gave it, and the answers. */
function recordedForm(questions: readonly WordsQuestion[], extra: Record<string, z.ZodType> = {}) {
  return z
    .object({
      receivedOn: govukDate('Date received'),
      givenBy: requiredText('Enter who gave it', 300),
      ...wordsFields(questions),
      ...extra,
    })
    .transform((v) => {
      const values = v as Record<string, unknown>;
      return {
        receivedOn: values.receivedOn as string,
        givenBy: values.givenBy as string,
        memberId: (values.memberId as string | undefined) ?? null,
        answers: { words: wordsOf(questions, values) } as Answers,
      };
    });
}

export const carerReportForm = recordedForm(carerReportQuestions);
export const sswReportForm = recordedForm(sswReportQuestions);
export const memberViewsForm = recordedForm(memberViewsQuestions, {
  memberId: z.string({ error: 'Select whose views they are' }).refine(isUuid, 'Select whose views they are'),
});
export type RecordedInput = z.infer<typeof carerReportForm>;

export const recordedForms = {
  carer_report: { schema: carerReportForm, questions: carerReportQuestions },
  ssw_report: { schema: sswReportForm, questions: sswReportQuestions },
  member_views: { schema: memberViewsForm, questions: memberViewsQuestions },
} as const;
export type RecordedKind = keyof typeof recordedForms;

/**
 * A check renewed at the review: a DBS check or medical of one carer or adult member (`person`,
 * "carer:<id>" or "member:<id>"), or the health and safety check of the home as a whole.
 */
export const checkForm = z
  .object({
    kind: z.enum(keysOf(checkKinds), { error: 'Select the check' }),
    person: z
      .string()
      .optional()
      .transform((v) => (v && CHECK_PERSON.test(v) ? v : undefined)),
    checkedOn: govukDate('Date of the check'),
    ...checkOutcomeAnswers,
    note: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'health_and_safety' && !v.person) {
      ctx.addIssue({ code: 'custom', path: ['person'], message: 'Select whose check this is' });
    }
    refineCheckOutcome(v, ctx);
  });
export type CheckInput = z.infer<typeof checkForm>;

/** Asking for a child's views or their social worker's feedback by a link. */
export const linkForm = z
  .object({
    kind: z.enum(['child_views', 'social_worker_feedback'], { error: 'Select what the link is for' }),
    childId: z.string({ error: 'Select the child' }).refine(isUuid, 'Select the child'),
    delivery: z.enum(['email', 'handed'], { error: 'Select how the link will reach them' }),
    email: z.string().trim().max(320).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.delivery === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email ?? '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['email'],
        message: v.email
          ? 'Enter an email address in the correct format, like name@example.com'
          : 'Enter an email address',
      });
    }
  })
  .transform((v) => ({ ...v, email: v.delivery === 'email' ? v.email!.trim() : null }));
export type LinkInput = z.infer<typeof linkForm>;

/** A scale answer: a whole number from 1 to `size`, or nothing. */
const scaleAnswer = (size: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > size) {
        ctx.addIssue({ code: 'custom', message: 'Choose one of the answers' });
        return z.NEVER;
      }
      return n;
    });

/** The child's form for their age: every question may be left out, but not all of them. */
export function childViewsForm(ageGroup: AgeGroup) {
  const form = childForms[ageGroup];
  const fields: Record<string, z.ZodType> = {};
  for (const q of form.scales) fields[q.key] = scaleAnswer(q.scale.answers.length);
  for (const q of form.words) fields[q.key] = optionalText(LONG);
  return z
    .object({ ...fields, helped: z.string().optional(), helper: optionalText(200) })
    .transform((v, ctx): Answers => {
      const values = v as Record<string, unknown>;
      const scales: Record<string, number> = {};
      for (const q of form.scales) if (typeof values[q.key] === 'number') scales[q.key] = values[q.key] as number;
      const words = wordsOf(form.words, values);
      if (Object.keys(scales).length === 0 && Object.keys(words).length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: [form.scales[0]!.key],
          message: 'Answer at least one question before you send it',
        });
        return z.NEVER;
      }
      const helped = values.helped === 'yes';
      return { scales, words, helped, helper: helped ? ((values.helper as string | null) ?? null) : null };
    });
}

/** The child's social worker's feedback. */
export const socialWorkerFeedbackForm = z
  .object({
    ...wordsFields(socialWorkerQuestions),
    rating: scaleAnswer(socialWorkerScale.answers.length).refine(
      (n) => n !== null,
      'Choose how well the placement meets the child’s needs',
    ),
    name: requiredText('Enter your name', 200),
  })
  .transform((v) => {
    const values = v as Record<string, unknown>;
    return {
      name: values.name as string,
      answers: {
        scales: { rating: values.rating as number },
        words: wordsOf(socialWorkerQuestions, values),
      } as Answers,
    };
  });

export const completeDateNames = ['reviewedOn'] as const;

/** What the completion form asks: the review's date, outcome, the reviewing officer's assessment, the PDP. */
const completeFields = {
  reviewedOn: govukDate('Date of the review meeting'),
  outcome: z.enum(keysOf(outcomes), { error: 'Select the outcome of the review' }),
  outcomeDetail: optionalText(LONG),
  summary: requiredText('Enter the reviewing officer’s assessment and recommendation', LONG),
  childrenSummary: optionalText(LONG),
  pdpUpdated: z.enum(['yes', 'no'], { error: 'Select whether the personal development plan was updated' }),
};

/** The outcome's details are needed unless the carers continue on the same terms. */
function refineOutcome(v: { outcome: string; outcomeDetail: string | null }, ctx: z.RefinementCtx) {
  if (v.outcome !== 'continue' && !v.outcomeDetail) {
    ctx.addIssue({
      code: 'custom',
      path: ['outcomeDetail'],
      message: v.outcome === 'change_terms' ? 'Enter the new terms of approval' : 'Enter why it is referred to panel',
    });
  }
}

/** Completing the review: its date, outcome, the reviewing officer's assessment, the PDP. */
export const completeForm = z
  .object(completeFields)
  .superRefine(refineOutcome)
  .transform((v) => ({ ...v, pdpUpdated: v.pdpUpdated === 'yes' }));
export type CompleteInput = z.infer<typeof completeForm>;

/** Correcting a completed review: the completion form again, with why it is being corrected. */
export const correctForm = z
  .object({ ...completeFields, reason: requiredText('Enter why the review is being corrected', 500) })
  .superRefine(refineOutcome)
  .transform((v) => ({ ...v, pdpUpdated: v.pdpUpdated === 'yes' }));
export type CorrectInput = z.infer<typeof correctForm>;

/** Cancelling a review started in error: why. */
export const cancelForm = removalForm('review', 'cancelled');

/** The carers' comment on their copy of the report. */
export const commentForm = z.object({ comment: requiredText('Enter your comments', LONG) });
