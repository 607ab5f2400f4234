import { z } from 'zod';
import { yesNo, type Field } from './fields.ts';
import { optionalText } from './forms.ts';

/**
 * The outcome of a check (a DBS check, a medical, a reference, a health and safety check), asked the
 * same way wherever one is recorded (a household's page, a stage 1 check of an assessment, a check
 * renewed at an annual review): was it satisfactory, and what was found when it was not.
 */

/** The two questions, for the form (drawn by field-macros.njk). */
export const checkOutcomeFields: Field[] = [
  {
    type: 'radios',
    name: 'satisfactory',
    label: 'Was the outcome satisfactory?',
    hint: 'A check that is not satisfactory is shown on the household and does not count as done.',
    choices: yesNo,
    inline: true,
  },
  {
    type: 'text',
    name: 'outcome',
    label: 'Outcome',
    hint: 'For example, clear. Needed when the outcome was not satisfactory.',
    autocomplete: 'off',
  },
];

/** The answers, for a form's schema: checked by refineCheckOutcome with the form's other answers. */
export const checkOutcomeAnswers = {
  satisfactory: z.enum(['yes', 'no']).optional().catch(undefined),
  outcome: optionalText(500),
};

/**
 * Whether it was satisfactory must be answered, and what was found when it was not. Add to a
 * form's superRefine, so that every error shows at once.
 */
export function refineCheckOutcome(
  v: { satisfactory?: 'yes' | 'no' | undefined; outcome?: string | null | undefined },
  ctx: z.RefinementCtx,
): void {
  if (!v.satisfactory) {
    ctx.addIssue({ code: 'custom', path: ['satisfactory'], message: 'Select whether the outcome was satisfactory' });
  }
  if (v.satisfactory === 'no' && !v.outcome) {
    ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'Say what was not satisfactory' });
  }
}
