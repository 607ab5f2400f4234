import { z } from 'zod';
import { removalForm } from '../../platform/views/forms.ts';
import { govukDate } from '../../platform/views/date-input.ts';
import { placementTypeKeys } from './labels.ts';

/** The dates on the start details form (GOV.UK date inputs). */
export const startDates = ['startDate'] as const;

/**
 * A current placement's own start details, as the placing form recorded them: the day the child
 * moved in and the type of placement. (The household is not among them: a child placed with the
 * wrong household is a placement recorded in error, removed and recorded again. The placement plan
 * and the profile question are on the paperwork form.) How late the day may be depends on the
 * placement (planned or begun): the service decides that.
 */
export const startForm = z.object({
  startDate: govukDate('Start date'),
  placementType: z.enum(placementTypeKeys, { error: 'Select the type of placement' }),
});
export type StartInput = z.infer<typeof startForm>;

/** Why a placement recorded in error is being removed. */
export const removePlacementForm = removalForm('placement');
