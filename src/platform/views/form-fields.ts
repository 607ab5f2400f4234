import { z } from 'zod';
import { todayInLondon } from '../dates/index.ts';
import { optionalGovukDate } from './date-input.ts';
import { isUuid } from './params.ts';

/**
 * Field types forms share: record ids, postcodes, email addresses, telephone numbers, checkboxes,
 * a date of birth (dates themselves are in date-input.ts).
 */

/** A UK postcode, normalised to upper case with one space before the inward code ("CT1 1AA"). */
const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;

export function normalisePostcode(value: string): string | null {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  const match = POSTCODE.exec(compact);
  return match ? `${match[1]} ${match[2]}` : null;
}

export const postcode = z
  .string({ error: 'Enter a postcode' })
  .trim()
  .min(1, 'Enter a postcode')
  .transform((v, ctx) => {
    const normalised = normalisePostcode(v);
    if (!normalised) {
      ctx.addIssue({ code: 'custom', message: 'Enter a real postcode, like CT1 1AA' });
      return z.NEVER;
    }
    return normalised;
  });

/** A text box's answer, trimmed (anything else posted is empty). */
export const trimmed = z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string());

/** A whole number typed in a box: `message` when it is missing or not one, `rangeMessage` when outside min to max. */
export const wholeNumber = (message: string, min: number, max: number, rangeMessage: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, rangeMessage);

/** A date of birth: optional, and not in the future. */
export const dateOfBirth = optionalGovukDate('Date of birth').refine(
  (v) => v === null || v <= todayInLondon(),
  'Date of birth must be today or in the past',
);

/** An optional select holding a record id; empty means none. */
export const optionalId = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isUuid(v), message)
    .transform((v) => (v ? v : null));

export const requiredId = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .refine((v) => isUuid(v), message);

/** Checkbox values: one string or several, each from the list. */
export const checkboxValues = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => [v ?? []].flat())
    .pipe(z.array(z.enum(values, { error: 'Select from the list' })));

/** A GOV.UK checkbox: present when ticked. */
export const checkbox = z
  .unknown()
  .optional()
  .transform((v) => v !== undefined && v !== '' && v !== null);

export const email = z
  .string()
  .trim()
  .max(254, 'Email address must be 254 characters or fewer')
  .refine(
    (v) => v === '' || z.email().safeParse(v).success,
    'Enter an email address in the correct format, like name@example.com',
  )
  .optional()
  .transform((v) => (v ? v : null));

export const phone = z
  .string()
  .trim()
  .max(30, 'Phone number must be 30 characters or fewer')
  .refine(
    (v) => v === '' || /^\+?[0-9 ()-]{6,}$/.test(v),
    'Enter a telephone number, like 01632 960 001 or 07700 900 982',
  )
  .optional()
  .transform((v) => (v ? v : null));
