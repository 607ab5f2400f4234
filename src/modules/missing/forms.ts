/**
 * The forms of a missing from care episode: opening it (the day the child went missing, whether the
 * police were told, and the day they came back if they already have), the return, and the return
 * interview. Each checks what it can alone (dates given, real and not in the future, in order
 * within the form); the service checks them against the child's placement and the episode.
 */
import { z } from 'zod';
import { compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { govukDate, notInFuture, optionalGovukDate } from '../../platform/views/date-input.ts';
import { optionalText } from '../../platform/views/forms.ts';

export const OPEN_DATES = ['missingOn', 'returnedOn'] as const;
export const RETURN_DATES = ['returnedOn'] as const;
export const INTERVIEW_DATES = ['interviewOfferedOn', 'interviewHeldOn'] as const;

/** Refuses `later` before `earlier` (both given), under the later field's name. */
function inOrder(earlier: string, later: string, message: string) {
  return (form: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const a = form[earlier];
    const b = form[later];
    if (typeof a === 'string' && typeof b === 'string' && compareIsoDates(b, a) < 0) {
      ctx.addIssue({ code: 'custom', path: [later], message });
    }
  };
}

const returnNote = optionalText(2000, 'where the child was found');

/** Opening an episode: the day the child went missing, the police, and the return if it has happened. */
export function openForm(today: IsoDate) {
  return z
    .object({
      missingOn: govukDate('Date the child went missing'),
      reportedToPolice: z.enum(['yes', 'no'], { error: 'Select whether the child was reported missing to the police' }),
      circumstances: optionalText(2000, 'what is known'),
      returnedOn: optionalGovukDate('Date the child came back'),
      returnNote,
    })
    .superRefine(notInFuture(today, 'missingOn', 'Date the child went missing'))
    .superRefine(notInFuture(today, 'returnedOn', 'Date the child came back'))
    .superRefine(
      inOrder('missingOn', 'returnedOn', 'Date the child came back must be on or after the date they went missing'),
    )
    .transform((form) => ({ ...form, reportedToPolice: form.reportedToPolice === 'yes' }));
}
export type OpenInput = z.infer<ReturnType<typeof openForm>>;

/** The child came back. */
export function returnForm(today: IsoDate) {
  return z
    .object({ returnedOn: govukDate('Date the child came back'), returnNote })
    .superRefine(notInFuture(today, 'returnedOn', 'Date the child came back'));
}
export type ReturnInput = z.infer<ReturnType<typeof returnForm>>;

export const interviewOutcomes = ['held', 'declined', 'waiting'] as const;
export type InterviewOutcome = (typeof interviewOutcomes)[number];

/** The independent return interview: the day it was offered, and whether it was held or declined. */
export function interviewForm(today: IsoDate) {
  return z
    .object({
      interviewOfferedOn: govukDate('Date the return interview was offered'),
      outcome: z.enum(interviewOutcomes, { error: 'Select whether the interview was held' }),
      interviewHeldOn: optionalGovukDate('Date of the return interview'),
    })
    .superRefine(notInFuture(today, 'interviewOfferedOn', 'Date the return interview was offered'))
    .superRefine(notInFuture(today, 'interviewHeldOn', 'Date of the return interview'))
    .superRefine((form, ctx) => {
      if (form.outcome === 'held' && form.interviewHeldOn === null) {
        ctx.addIssue({ code: 'custom', path: ['interviewHeldOn'], message: 'Enter the date of the return interview' });
      }
      if (form.outcome !== 'held' && form.interviewHeldOn !== null) {
        ctx.addIssue({
          code: 'custom',
          path: ['interviewHeldOn'],
          message: 'Leave the date of the return interview blank unless it was held',
        });
      }
    })
    .superRefine(
      inOrder(
        'interviewOfferedOn',
        'interviewHeldOn',
        'Date of the return interview must be on or after the date it was offered',
      ),
    )
    .transform((form) => ({
      interviewOfferedOn: form.interviewOfferedOn,
      interviewHeldOn: form.outcome === 'held' ? form.interviewHeldOn : null,
      interviewDeclined: form.outcome === 'declined',
    }));
}
export type InterviewInput = z.infer<ReturnType<typeof interviewForm>>;
