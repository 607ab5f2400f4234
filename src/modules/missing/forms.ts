/**
 * The forms of a missing from care episode: opening it (the day the child went missing, whether the
 * police were told, and the day they came back if they already have), the return, and the return
 * interview. Each checks what it can alone (dates given, real and not in the future, in order
 * within the form); the service checks them against the child's placement and the episode.
 */
import { z } from 'zod';
import type { IsoDate } from '../../platform/dates/index.ts';
import { datesInOrder, notInFuture, optionalGovukDate, pastGovukDate } from '../../platform/views/date-input.ts';
import { optionalText, removalForm } from '../../platform/views/forms.ts';

export const OPEN_DATES = ['missingOn', 'returnedOn'] as const;
export const RETURN_DATES = ['returnedOn'] as const;
export const INTERVIEW_DATES = ['interviewOfferedOn', 'interviewHeldOn'] as const;

const returnNote = optionalText(2000, 'where the child was found');

/** Opening an episode: the day the child went missing, the police, and the return if it has happened. */
export function openForm(today: IsoDate) {
  return z
    .object({
      missingOn: pastGovukDate('Date the child went missing', today),
      reportedToPolice: z.enum(['yes', 'no'], { error: 'Select whether the child was reported missing to the police' }),
      circumstances: optionalText(2000, 'what is known'),
      returnedOn: optionalGovukDate('Date the child came back'),
      returnNote,
    })
    .superRefine(notInFuture(today, 'returnedOn', 'Date the child came back'))
    .superRefine(
      datesInOrder(
        'missingOn',
        'returnedOn',
        'Date the child came back must be on or after the date they went missing',
      ),
    )
    .superRefine((form, ctx) => {
      if (form.returnedOn === null && form.returnNote !== null) {
        ctx.addIssue({
          code: 'custom',
          path: ['returnedOn'],
          message: 'Enter the date the child came back, or leave where they were found blank',
        });
      }
    })
    .transform((form) => ({ ...form, reportedToPolice: form.reportedToPolice === 'yes' }));
}
export type OpenInput = z.infer<ReturnType<typeof openForm>>;

/** The child came back. */
export function returnForm(today: IsoDate) {
  return z.object({ returnedOn: pastGovukDate('Date the child came back', today), returnNote });
}
export type ReturnInput = z.infer<ReturnType<typeof returnForm>>;

export const interviewOutcomes = ['held', 'declined', 'waiting', 'not-offered'] as const;
export type InterviewOutcome = (typeof interviewOutcomes)[number];

/**
 * The independent return interview: offered (on a day), and held (on a day), declined or not yet;
 * or not offered, and why.
 */
export function interviewForm(today: IsoDate) {
  return z
    .object({
      outcome: z.enum(interviewOutcomes, { error: 'Select whether a return interview was offered' }),
      interviewOfferedOn: optionalGovukDate('Date the return interview was offered'),
      interviewHeldOn: optionalGovukDate('Date of the return interview'),
      notOfferedReason: optionalText(2000, 'why it was not offered'),
    })
    .superRefine(notInFuture(today, 'interviewOfferedOn', 'Date the return interview was offered'))
    .superRefine(notInFuture(today, 'interviewHeldOn', 'Date of the return interview'))
    .superRefine((form, ctx) => {
      const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      const offered = form.outcome !== 'not-offered';
      if (offered && form.interviewOfferedOn === null)
        fail('interviewOfferedOn', 'Enter the date the return interview was offered');
      if (!offered && form.interviewOfferedOn !== null) {
        fail('interviewOfferedOn', 'Leave the date it was offered blank if no interview was offered');
      }
      if (form.outcome === 'held' && form.interviewHeldOn === null) {
        fail('interviewHeldOn', 'Enter the date of the return interview');
      }
      if (form.outcome !== 'held' && form.interviewHeldOn !== null) {
        fail('interviewHeldOn', 'Leave the date of the return interview blank unless it was held');
      }
      if (!offered && form.notOfferedReason === null)
        fail('notOfferedReason', 'Enter why no return interview was offered');
      if (offered && form.notOfferedReason !== null) {
        fail('notOfferedReason', 'Leave why it was not offered blank if an interview was offered');
      }
    })
    .superRefine(
      datesInOrder(
        'interviewOfferedOn',
        'interviewHeldOn',
        'Date of the return interview must be on or after the date it was offered',
      ),
    )
    .transform((form) => ({
      interviewOfferedOn: form.outcome === 'not-offered' ? null : form.interviewOfferedOn,
      interviewHeldOn: form.outcome === 'held' ? form.interviewHeldOn : null,
      interviewDeclined: form.outcome === 'declined',
      interviewNotOfferedReason: form.outcome === 'not-offered' ? form.notOfferedReason : null,
    }));
}
export type InterviewInput = z.infer<ReturnType<typeof interviewForm>>;

/** Removing an episode recorded in error: why, for the audit trail. */
export const removeEpisodeForm = removalForm('record');
