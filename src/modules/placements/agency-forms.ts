import { z } from 'zod';
import { addDays, compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { requiredText } from '../../platform/views/forms.ts';
import { govukDate } from '../../platform/views/date-input.ts';
import { MAX_DAYS_AHEAD } from './forms.ts';
import { placementTypeKeys } from './labels.ts';

/** The dates on the agency placement forms (GOV.UK date inputs). */
export const agencyPlacementDates = ['startDate'] as const;
export const agencyEndDates = ['endDate'] as const;

/** A child placed with an independent fostering agency: which agency, from when, and the type of placement. */
export const agencyPlacementForm = (today: IsoDate) =>
  z
    .object({
      agencyName: requiredText('Enter the name of the fostering agency', 200),
      startDate: govukDate('Start date'),
      placementType: z.enum(placementTypeKeys, { error: 'Select the type of placement' }),
    })
    .superRefine((form, ctx) => {
      if (compareIsoDates(form.startDate, addDays(today, MAX_DAYS_AHEAD)) > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['startDate'],
          message: `Start date must be within ${MAX_DAYS_AHEAD} days from today`,
        });
      }
    });
export type AgencyPlacementInput = z.infer<ReturnType<typeof agencyPlacementForm>>;

/** The end of an agency placement: the date and the reason. */
export const agencyEndForm = (today: IsoDate) =>
  z
    .object({
      endDate: govukDate('End date'),
      endReason: requiredText('Enter the reason the placement ended', 2000),
    })
    .superRefine((form, ctx) => {
      if (compareIsoDates(form.endDate, today) > 0) {
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'End date must be today or in the past' });
      }
    });
export type AgencyEndInput = z.infer<ReturnType<typeof agencyEndForm>>;
