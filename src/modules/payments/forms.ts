/**
 * The payments module's forms: a set of published rates, and a disability enhancement agreed at the
 * funding panel; each put right on its own form with why, or removed with why.
 */
import { z } from 'zod';
import { govukDate } from '../../platform/views/date-input.ts';
import { optionalText, removalForm, requiredText } from '../../platform/views/forms.ts';
import { ageBands, feeLevels, needLevels } from './labels.ts';
import { moneyField } from '../../platform/views/money.ts';

/** The money boxes of a set of rates, in the order of the form, with their labels. */
export const rateBoxes = [
  ...ageBands.map((b) => ({ name: b.key, label: `Weekly allowance for a child ${b.name.toLowerCase()}` })),
  ...feeLevels.map((l) => ({ name: l.key, label: `Weekly fee at ${l.name}` })),
  { name: 'dayCareHourly', label: 'Day care hourly rate' },
  { name: 'livingWageHourly', label: 'Recommended Living Wage hourly rate' },
] as const;
export type RateKey = (typeof rateBoxes)[number]['name'];

/** A set of rates (its date's three boxes gathered by parseDatedForm). */
export const ratesForm = z.object({
  effectiveFrom: govukDate('Date the rates start'),
  ...(Object.fromEntries(rateBoxes.map((b) => [b.name, moneyField(b.label)])) as Record<
    RateKey,
    ReturnType<typeof moneyField>
  >),
});
export type RatesInput = z.infer<typeof ratesForm>;

/** A child's reference as typed ("c-000123", "C000123", "000123"), written as the service gives it (C-000123). */
export function childReference(typed: string): string | null {
  const match = /^C?-?\s*(\d{1,9})$/i.exec(typed.trim());
  return match ? `C-${match[1]!.padStart(6, '0')}` : null;
}

/** A disability enhancement agreed at the funding panel (its date's three boxes gathered by parseDatedForm). */
export const enhancementForm = z.object({
  child: z
    .string({ error: 'Enter the child’s reference, like C-000123' })
    .trim()
    .min(1, 'Enter the child’s reference, like C-000123')
    .transform((typed, ctx) => {
      const reference = childReference(typed);
      if (reference) return reference;
      ctx.addIssue({ code: 'custom', message: 'Enter the child’s reference as it is on their record, like C-000123' });
      return z.NEVER;
    }),
  weeklyAmount: moneyField('Weekly enhancement'),
  levelOfNeed: z.enum(needLevels, { error: 'Select the child’s assessed level of need' }),
  agreedOn: govukDate('Date of the funding panel decision'),
  notes: optionalText(2000, 'the notes'),
});
export type EnhancementInput = z.infer<typeof enhancementForm>;

/** Why a record is being put right (the correction forms' last box). */
const changeReason = requiredText('Enter why this is being changed', 500);

/** A set of rates put right: the form it was recorded on, and why. */
export const ratesChangeForm = ratesForm.extend({ reason: changeReason });
export type RatesChangeInput = z.infer<typeof ratesChangeForm>;

/** An enhancement put right: the form it was recorded on, and why. */
export const enhancementChangeForm = enhancementForm.extend({ reason: changeReason });
export type EnhancementChangeInput = z.infer<typeof enhancementChangeForm>;

/** A set of rates or an enhancement recorded in error, removed with why. */
export const removeRatesForm = removalForm('set of rates');
export const removeEnhancementForm = removalForm('disability enhancement');
