/** The safer-care module's form: one version of a household's plan, agreed with the carers. */
import { z } from 'zod';
import { govukDate, optionalGovukDate } from '../../platform/views/date-input.ts';
import { checkboxValues } from '../../platform/views/form-fields.ts';
import { requiredText } from '../../platform/views/forms.ts';
import { planAreas, planReasons } from './labels.ts';

export const planForm = z.object({
  agreedOn: govukDate('Date the plan was agreed'),
  reason: z.enum(planReasons, { error: 'Select why the plan was agreed' }),
  covers: checkboxValues(planAreas).refine((v) => v.length > 0, 'Select what the plan covers'),
  summary: requiredText('Enter what the plan says, or what changed', 4000),
  copyGivenOn: optionalGovukDate('Date the carers were given their copy'),
});
export type PlanInput = z.infer<typeof planForm>;

/** The form's dates, as parseDatedForm gathers their three boxes. */
export const PLAN_DATES = ['agreedOn', 'copyGivenOn'] as const;
