import { dueRule } from '../../platform/due/index.ts';
import { z } from 'zod';
import { optionalText, requiredText } from '../../platform/views/forms.ts';
import { govukDate, optionalGovukDate } from '../../platform/views/date-input.ts';

import { isUuid } from '../../platform/views/params.ts';
import { rags } from './labels.ts';

export { isUuid };

const longText = (max = 5000) => optionalText(max).transform((v) => v ?? '');

export const targetForm = z.object({
  // An empty box is "enter", not "must be 1 or more" (a bare coercion reads it as 0).
  number: z
    .string({ error: 'Enter the target number' })
    .trim()
    .min(1, 'Enter the target number')
    .regex(/^\d+$/, 'Target number must be a whole number, like 7')
    .transform(Number)
    .pipe(z.number().min(1, 'Target number must be 1 or more').max(99, 'Target number must be 99 or less')),
  title: requiredText('Enter the target', 2000),
  standards: longText(500),
});
export type TargetInput = z.infer<typeof targetForm>;

export const actionDateFields = ['byWhen'] as const;

export const actionForm = z.object({
  number: requiredText('Enter the action number, like 7.1', 10).regex(
    /^\d{1,2}\.\d{1,2}$/,
    'Action number must be like 7.1',
  ),
  whatWeWant: requiredText('Enter what we want to achieve', 5000),
  who: longText(2000),
  ownerUserId: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isUuid(v), 'Select an owner from the list')
    .transform((v) => (v ? v : null)),
  byWhen: optionalGovukDate('By when'),
  byWhenText: longText(200),
  achievedAndTarget: longText(),
  howMeasured: longText(),
  status: z.enum(['open', 'completed'], { error: 'Select whether the action is open or completed' }),
  measureIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : [v].flat()).map((s) => s.trim()).filter((s) => s !== ''))
    .refine((ids) => ids.every((id) => /^[a-z0-9.-]{1,100}$/.test(id)), 'Select measures from the list'),
  ruleIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : [v].flat()).map((s) => s.trim()).filter((s) => s !== ''))
    .refine((ids) => ids.every((id) => dueRule(id) !== undefined), 'Select deadlines from the list'),
});
export type ActionInput = z.infer<typeof actionForm>;

export const updateDateFields = ['onDate'] as const;

export const updateForm = z.object({
  onDate: govukDate('Date of the update'),
  rag: z.enum(rags, { error: 'Select red, amber or green' }),
  narrative: requiredText('Enter what has happened since the last update', 5000),
  completed: z
    .string()
    .optional()
    .transform((v) => v === 'yes'),
});
export type UpdateInput = z.infer<typeof updateForm>;

export const planDateFields = ['periodStart', 'periodEnd'] as const;

export const planForm = z
  .object({
    title: requiredText('Enter the plan title', 200),
    periodStart: govukDate('Start of the plan period'),
    periodEnd: govukDate('End of the plan period'),
    vision: longText(),
    status: z.enum(['draft', 'active'], { error: 'Select whether the plan is a draft or active' }),
  })
  .refine((p) => p.periodEnd > p.periodStart, {
    path: ['periodEnd'],
    message: 'End of the plan period must be after its start',
  });
