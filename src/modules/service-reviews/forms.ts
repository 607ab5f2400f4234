/**
 * The review's form: what we heard, what we learnt, what we will do, who it was shared with and
 * when. Saved as it is to come back to later; marked complete only with the three answers given.
 */
import { z } from 'zod';
import { compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { optionalGovukDate } from '../../platform/views/date-input.ts';
import { optionalText } from '../../platform/views/forms.ts';
import { formatDate } from '../../platform/views/format.ts';

/** The most a text answer may hold. */
export const ANSWER_MAX = 10_000;

/** The three answers, in the form's order, with what is asked when one is missing. */
export const answers = [
  { name: 'heard', label: 'What we heard', missing: 'Enter what we heard' },
  { name: 'learnt', label: 'What we learnt', missing: 'Enter what we learnt' },
  { name: 'willDo', label: 'What we will do', missing: 'Enter what we will do' },
] as const;

/** The review's form for a half-year starting on `periodStart`, on `today`. */
export function reviewForm(today: IsoDate, periodStart: IsoDate) {
  return z
    .object({
      heard: optionalText(ANSWER_MAX, 'what we heard'),
      learnt: optionalText(ANSWER_MAX, 'what we learnt'),
      willDo: optionalText(ANSWER_MAX, 'what we will do'),
      sharedWith: optionalText(500, 'who it was shared with'),
      sharedOn: optionalGovukDate('Date it was shared'),
      intent: z.enum(['save', 'complete']).catch('save'),
    })
    .superRefine((form, ctx) => {
      const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (form.intent === 'complete') {
        for (const answer of answers) if (!form[answer.name]) fail(answer.name, answer.missing);
      }
      if (form.sharedOn && !form.sharedWith) fail('sharedWith', 'Enter who the review was shared with');
      if (form.sharedOn && compareIsoDates(form.sharedOn, today) > 0) {
        fail('sharedOn', 'Date it was shared must be today or in the past');
      } else if (form.sharedOn && compareIsoDates(form.sharedOn, periodStart) < 0) {
        fail(
          'sharedOn',
          `Date it was shared must be on or after the start of the half-year, ${formatDate(periodStart)}`,
        );
      }
    });
}
export type ReviewInput = z.infer<ReturnType<typeof reviewForm>>;
