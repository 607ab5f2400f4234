import { z } from 'zod';
import { compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { wholeNumber } from '../../platform/views/form-fields.ts';
import { optionalText, removalForm, requiredText } from '../../platform/views/forms.ts';
import { moneyField } from '../../platform/views/money.ts';
import { govukDate, optionalGovukDate } from '../../platform/views/date-input.ts';
import { isUuid, pageNumber } from '../../platform/views/params.ts';
import {
  audienceKeys,
  categoryKeys,
  formatKeys,
  mandatoryForKeys,
  occasionKeys,
  organiserKeys,
  otherOrganisationKindKeys,
} from './labels.ts';

export { isUuid };

const hours = z
  .string({ error: 'Enter how many hours the course lasts' })
  .trim()
  .min(1, 'Enter how many hours the course lasts')
  .regex(/^\d{1,2}(\.\d)?$/, 'Hours must be a number, like 3 or 3.5')
  .transform(Number)
  .refine((n) => n > 0 && n <= 99, 'Hours must be more than 0 and less than 100');

/** A course: title, category, hours, who must attend. */
export const courseForm = z.object({
  title: requiredText('Enter the title of the course', 200),
  category: z.enum(categoryKeys, { error: 'Select the category' }),
  hours,
  mandatoryFor: z.enum(mandatoryForKeys, { error: 'Select who must attend' }),
  description: optionalText(2000),
  active: z
    .string()
    .optional()
    .transform((v) => v !== 'withdrawn'),
});
export type CourseInput = z.infer<typeof courseForm>;

export const sessionDateFields = ['startsOn', 'endsOn'] as const;

/** A session of a course. The last day may be left empty for a one-day session. */
export const sessionForm = (today: IsoDate) =>
  z
    .object({
      startsOn: govukDate('Date of the session'),
      endsOn: optionalGovukDate('Last day'),
      startTime: z
        .string()
        .trim()
        .optional()
        .transform((v) => (v ? v : null))
        .refine((v) => v === null || /^([01]?\d|2[0-3])[:.][0-5]\d$/.test(v), 'Enter the start time like 9:30 or 14:00')
        .transform((v) => (v ? v.replace('.', ':').padStart(5, '0') : null)),
      format: z.enum(formatKeys, { error: 'Select whether the session is in person or online' }),
      place: requiredText('Enter the venue, or how to join online', 300),
      capacity: z
        .string({ error: 'Enter how many places there are' })
        .trim()
        .min(1, 'Enter how many places there are')
        .regex(/^\d{1,3}$/, 'Places must be a whole number, like 12')
        .transform(Number)
        .refine((n) => n >= 1 && n <= 500, 'Places must be from 1 to 500'),
      trainer: requiredText('Enter who is running the session', 200),
    })
    .superRefine((form, ctx) => {
      if (compareIsoDates(form.startsOn, today) < 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['startsOn'],
          message: 'Date of the session must be today or in the future',
        });
      }
      if (form.endsOn && compareIsoDates(form.endsOn, form.startsOn) < 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['endsOn'],
          message: 'Last day must be the same as or after the date of the session',
        });
      }
    })
    .transform((form) => ({ ...form, endsOn: form.endsOn ?? form.startsOn }));
export type SessionInput = z.infer<ReturnType<typeof sessionForm>>;

/** Cancelling a session: the reason is shown to the carers who had booked. */
export const cancelSessionForm = z.object({ reason: requiredText('Enter why the session is cancelled', 500) });

/** The register: `attendance-<booking id>` is attended or absent for each booking. */
export const registerForm = z.record(z.string(), z.unknown()).transform((values) => {
  const marks: { bookingId: string; attendance: 'attended' | 'absent' }[] = [];
  for (const [key, value] of Object.entries(values)) {
    const id = key.startsWith('attendance-') ? key.slice('attendance-'.length) : null;
    if (id && isUuid(id) && (value === 'attended' || value === 'absent'))
      marks.push({ bookingId: id, attendance: value });
  }
  return marks;
});

export const carerChoiceForm = z.object({
  carerId: z.string({ error: 'Select who is coming' }).refine(isUuid, 'Select who is coming'),
});

export const tsdDateFields = ['evidencedOn'] as const;
export const tsdForm = (today: IsoDate) =>
  z
    .object({ evidencedOn: govukDate('Date the standards were evidenced'), notes: optionalText(2000) })
    .superRefine((form, ctx) => {
      if (compareIsoDates(form.evidencedOn, today) > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['evidencedOn'],
          message: 'Date the standards were evidenced must be today or in the past',
        });
      }
    });
export type TsdInput = z.infer<ReturnType<typeof tsdForm>>;

export const planDateFields = ['agreedOn', 'reviewBy'] as const;
const planFields = {
  agreedOn: govukDate('Date agreed'),
  occasion: z.enum(occasionKeys, { error: 'Select when the plan was agreed' }),
  goals: requiredText('Enter the carer’s development goals', 5000),
  trainingToDo: requiredText('Enter the training to do', 5000),
  support: requiredText('Enter the support the carer will get', 5000),
  reviewBy: optionalGovukDate('Review date'),
};
const planChecks =
  (today: IsoDate) => (form: { agreedOn: IsoDate; reviewBy?: IsoDate | null }, ctx: z.RefinementCtx) => {
    if (compareIsoDates(form.agreedOn, today) > 0) {
      ctx.addIssue({ code: 'custom', path: ['agreedOn'], message: 'Date agreed must be today or in the past' });
    }
    if (form.reviewBy && compareIsoDates(form.reviewBy, form.agreedOn) <= 0) {
      ctx.addIssue({ code: 'custom', path: ['reviewBy'], message: 'Review date must be after the date agreed' });
    }
  };
/** A PDP (a new version each time it is agreed or reviewed). */
export const planForm = (today: IsoDate) => z.object(planFields).superRefine(planChecks(today));
/** A PDP put right: the same form, filled in, and why. */
export const planChangeForm = (today: IsoDate) =>
  z
    .object({ ...planFields, reason: requiredText('Enter why the plan is being changed', 500) })
    .superRefine(planChecks(today));
export type PlanChangeInput = z.infer<ReturnType<typeof planChangeForm>>;
export const removePlanForm = removalForm('plan');
export type PlanInput = z.infer<ReturnType<typeof planForm>>;

export const eventDateFields = ['heldOn', 'endsOn'] as const;
export const eventForm = z
  .object({
    title: requiredText('Enter the name of the event', 200),
    audience: z.enum(audienceKeys, { error: 'Select who the event is for' }),
    organiser: z.enum(organiserKeys, { error: 'Select who organised the event' }),
    heldOn: govukDate('Date of the event'),
    endsOn: optionalGovukDate('Last day'),
    place: requiredText('Enter where the event is held', 300),
  })
  .superRefine((form, ctx) => {
    if (form.endsOn && compareIsoDates(form.endsOn, form.heldOn) < 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'Last day must be the same as or after the date of the event',
      });
    }
  })
  .transform((form) => ({ ...form, endsOn: form.endsOn ?? form.heldOn }));
export type EventInput = z.infer<typeof eventForm>;
/** Removing an event recorded in error: why, for the audit trail. */
export const removeEventForm = removalForm('event');

export const attendeeForm = z
  .object({ carerId: z.string().optional(), childId: z.string().optional() })
  .refine((v) => isUuid(v.carerId) !== isUuid(v.childId), { message: 'Select who attended', path: ['q'] });

/** A list's page and a search box, from the query string: anything odd is ignored. */
/** Places on a session taken by another organisation: who, what kind, how many, the charge for each. */
export const otherPlacesForm = z.object({
  organisation: requiredText('Enter the name of the organisation', 200),
  kind: z.enum(otherOrganisationKindKeys, { error: 'Select what kind of organisation it is' }),
  places: wholeNumber('Enter how many places, as a number, like 2', 1, 50, 'Number of places must be between 1 and 50'),
  pencePerPlace: moneyField('Charge for each place'),
});
export type OtherPlacesInput = z.infer<typeof otherPlacesForm>;
export const removeOtherPlacesForm = removalForm('record of places');

export const listQuery = z.object({
  page: pageNumber,
  q: z
    .string()
    .transform((v) => v.replaceAll('\u0000', '').trim().slice(0, 100))
    .catch('')
    .optional()
    .default(''),
  category: z.enum(categoryKeys).or(z.literal('')).catch('').optional().default(''),
});
export type ListQuery = z.infer<typeof listQuery>;
