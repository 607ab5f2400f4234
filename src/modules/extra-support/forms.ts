/**
 * Extra support's forms, checked here alone (real dates not in the future and in order, each choice
 * one of its list); the household is the page's, and the service checks what depends on the records
 * (a hub family in the household's area, a child placed there).
 */
import { z } from 'zod';
import { addDays, type IsoDate } from '../../platform/dates/index.ts';
import { datesInOrder, notInFuture, optionalGovukDate, pastGovukDate } from '../../platform/views/date-input.ts';
import { requiredId, wholeNumber } from '../../platform/views/form-fields.ts';
import { isUuid } from '../../platform/views/params.ts';
import { optionalText, requiredText, whenValid } from '../../platform/views/forms.ts';
import { breakKinds, centres, urgencies } from './labels.ts';

export const START_DATES = ['startedOn'] as const;
export const END_DATES = ['endedOn'] as const;

/** A household made a hub family from a day. */
export const hubStartForm = (today: IsoDate) =>
  z.object({ startedOn: pastGovukDate('Date it became a hub family', today) });

/** The day something that lasts ended (a hub family, a link to one), on or after the day it started. */
export const endForm = (today: IsoDate, what: string, startedOn: IsoDate) =>
  z.object({
    endedOn: pastGovukDate(what, today).refine((d) => d >= startedOn, `${what} must be on or after the day it started`),
  });

/** A household linked to a hub family from a day. */
export const hubLinkForm = (today: IsoDate) =>
  z.object({
    hubFamilyId: requiredId('Select the hub family'),
    startedOn: pastGovukDate('Date the hub family’s support started', today),
  });

export const BREAK_DATES = ['fromOn', 'toOn'] as const;

/** The longest residential break, in days from the first to the last. */
const LONGEST_BREAK_DAYS = 6;

/** An activity break: where, a day or a residential weekend, the days, how many children went. */
export const breakForm = (today: IsoDate) =>
  z
    .object({
      centre: z.enum(centres, { error: 'Select the activity centre' }),
      kind: z.enum(breakKinds, { error: 'Select whether it was a day or a residential weekend' }),
      fromOn: pastGovukDate('Date of the break', today),
      toOn: optionalGovukDate('Last day of the break'),
      children: wholeNumber(
        'Enter how many children went, as a number, like 2',
        0,
        12,
        'Number of children must be between 0 and 12',
      ),
      note: optionalText(1000, 'a note'),
    })
    .superRefine(notInFuture(today, 'toOn', 'Last day of the break'), whenValid('toOn'))
    .superRefine(
      datesInOrder('fromOn', 'toOn', 'Last day of the break must be on or after its first day'),
      whenValid('fromOn', 'toOn'),
    )
    .superRefine(
      (form, ctx) => {
        if (form.kind === 'residential' && !form.toOn) {
          ctx.addIssue({ code: 'custom', path: ['toOn'], message: 'Enter the last day of the residential weekend' });
        }
        if (form.kind === 'residential' && form.toOn && form.toOn > addDays(form.fromOn, LONGEST_BREAK_DAYS)) {
          ctx.addIssue({
            code: 'custom',
            path: ['toOn'],
            message: `Last day of the break must be within ${LONGEST_BREAK_DAYS} days of its first day`,
          });
        }
      },
      whenValid('kind', 'fromOn', 'toOn'),
    )
    .transform((form) => ({ ...form, toOn: form.kind === 'day' ? form.fromOn : (form.toOn ?? form.fromOn) }));
export type BreakInput = z.infer<ReturnType<typeof breakForm>>;

export const REQUEST_DATES = ['requestedOn'] as const;
/** The answer for support for the carers rather than one child. */
export const CARERS = 'carers';

/** A request for clinical psychology support: when, for which child (or the carers), how urgent, why. */
export const psychologyForm = (today: IsoDate) =>
  z.object({
    requestedOn: pastGovukDate('Date support was asked for', today),
    childId: z
      .string({ error: 'Select who the support is for' })
      .trim()
      .min(1, 'Select who the support is for')
      .refine((v) => v === CARERS || isUuid(v), 'Select who the support is for')
      .transform((v) => (v === CARERS ? null : v)),
    urgency: z.enum(urgencies, { error: 'Select whether it is an emergency' }),
    reason: requiredText('Enter why support is needed', 2000),
  });
export type PsychologyInput = z.infer<ReturnType<typeof psychologyForm>>;

export const PROGRESS_DATES = ['firstSessionOn', 'endedOn'] as const;

/** A request's progress: the first session, and the day the support ended (each optional, in order). */
export const progressForm = (today: IsoDate, requestedOn: IsoDate) =>
  z
    .object({
      firstSessionOn: optionalGovukDate('Date of the first session'),
      endedOn: optionalGovukDate('Date the support ended'),
    })
    .superRefine(notInFuture(today, 'firstSessionOn', 'Date of the first session'), whenValid('firstSessionOn'))
    .superRefine(notInFuture(today, 'endedOn', 'Date the support ended'), whenValid('endedOn'))
    .superRefine(
      (form, ctx) => {
        if (form.firstSessionOn && form.firstSessionOn < requestedOn) {
          ctx.addIssue({
            code: 'custom',
            path: ['firstSessionOn'],
            message: 'Date of the first session must be on or after the day support was asked for',
          });
        }
        if (form.endedOn && form.endedOn < requestedOn) {
          ctx.addIssue({
            code: 'custom',
            path: ['endedOn'],
            message: 'Date the support ended must be on or after the day support was asked for',
          });
        }
      },
      whenValid('firstSessionOn', 'endedOn'),
    )
    .superRefine(
      datesInOrder('firstSessionOn', 'endedOn', 'Date the support ended must be on or after the first session'),
      whenValid('firstSessionOn', 'endedOn'),
    );
export type ProgressInput = z.infer<ReturnType<typeof progressForm>>;
