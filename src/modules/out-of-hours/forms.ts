/**
 * The out-of-hours call's form: the day and time, who called and who answered, what it was about,
 * what was done and a note for the day team. Checked here alone (a real day not in the future, a
 * 24-hour time, each choice one of its list); the household is the page's.
 */
import { z } from 'zod';
import type { IsoDate } from '../../platform/dates/index.ts';
import { pastGovukDate } from '../../platform/views/date-input.ts';
import { requiredText } from '../../platform/views/forms.ts';
import { pageNumber } from '../../platform/views/params.ts';
import { answerers, callers, outcomes, reasons } from './labels.ts';

export const CALL_DATES = ['calledOn'] as const;

const time = z
  .string({ error: 'Enter the time of the call' })
  .trim()
  .min(1, 'Enter the time of the call')
  .transform((value) => value.replace('.', ':'))
  .refine((value) => /^([01]?\d|2[0-3]):[0-5]\d$/.test(value), 'Enter the time of the call in 24-hour time, like 21:30')
  .transform((value) => value.padStart(5, '0'));

export function callForm(today: IsoDate) {
  return z.object({
    calledOn: pastGovukDate('Date of the call', today),
    calledAt: time,
    caller: z.enum(callers, { error: 'Select who called' }),
    answeredBy: z.enum(answerers, { error: 'Select who answered' }),
    reason: z.enum(reasons, { error: 'Select what the call was about' }),
    outcome: z.enum(outcomes, { error: 'Select what was done' }),
    note: requiredText('Enter a note of the call for the day team', 2000),
  });
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
