/**
 * The out-of-hours call's form: the day and time, who called and who answered, what it was about,
 * what was done and a note for the day team. Checked here alone (a real day and time not in the
 * future, a 24-hour time, each choice one of its list, who answered in their hours); the household
 * is the page's.
 */
import { z } from 'zod';
import { isWorkingDay, type ClockTime, type IsoDate } from '../../platform/dates/index.ts';
import { pastGovukDate } from '../../platform/views/date-input.ts';
import { removalForm, requiredText, whenValid } from '../../platform/views/forms.ts';
import { pageNumber } from '../../platform/views/params.ts';
import { ANSWER_HOURS, answererRefusals, answerers, callers, outcomes, reasons, type Answerer } from './labels.ts';

export const CALL_DATES = ['calledOn'] as const;

/**
 * Who answers a call on the day at the time (labels.ts ANSWER_HOURS): the County Out of Hours
 * team in the night, the area's service in the evening on a weekday and all day at weekends and on
 * bank holidays; null in the day team's hours on a weekday.
 */
export function answererAt(day: IsoDate, time: ClockTime): Answerer | null {
  if (time < ANSWER_HOURS.dayFrom) return 'county';
  if (!isWorkingDay(day)) return 'area';
  return time >= ANSWER_HOURS.weekdayEveningFrom ? 'area' : null;
}

const time = z
  .string({ error: 'Enter the time of the call' })
  .trim()
  .min(1, 'Enter the time of the call')
  .transform((value) => value.replace('.', ':'))
  .refine((value) => /^([01]?\d|2[0-3]):[0-5]\d$/.test(value), 'Enter the time of the call in 24-hour time, like 21:30')
  .transform((value) => value.padStart(5, '0'));

/** The call's form, checked against the day and time of day now in London (nowInLondon). */
export function callForm(today: IsoDate, now: ClockTime) {
  return z
    .object({
      calledOn: pastGovukDate('Date of the call', today),
      calledAt: time,
      caller: z.enum(callers, { error: 'Select who called' }),
      answeredBy: z.enum(answerers, { error: 'Select who answered' }),
      reason: z.enum(reasons, { error: 'Select what the call was about' }),
      outcome: z.enum(outcomes, { error: 'Select what was done' }),
      note: requiredText('Enter a note of the call for the day team', 2000),
    })
    .superRefine(
      (form, ctx) => {
        if (form.calledOn === today && form.calledAt > now) {
          ctx.addIssue({ code: 'custom', path: ['calledAt'], message: 'Time of the call must be now or in the past' });
        }
      },
      whenValid('calledOn', 'calledAt'),
    )
    .superRefine(
      (form, ctx) => {
        const expected = answererAt(form.calledOn, form.calledAt);
        if (expected !== form.answeredBy) {
          const message = answererRefusals[expected === null ? 'day-team' : form.answeredBy];
          ctx.addIssue({ code: 'custom', path: ['answeredBy'], message });
        }
      },
      whenValid('calledOn', 'calledAt', 'answeredBy'),
    );
}
export type CallInput = z.infer<ReturnType<typeof callForm>>;

/** The list's query: a month ("2026-05") and an area, both optional; the page. */
export const listQuery = z.object({
  month: z
    .string()
    .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  area: z.uuid().optional().catch(undefined),
  page: pageNumber,
});
export type ListQuery = z.infer<typeof listQuery>;

/** Removing a call recorded in error: why, for the audit trail. */
export const removeCallForm = removalForm('call');
