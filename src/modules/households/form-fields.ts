import { z } from 'zod';
import { isIsoDate, todayInLondon } from '../../platform/dates/index.ts';

/** Field types the households forms share: record ids, postcodes, GOV.UK date inputs, checkboxes. */

import { isUuid } from '../../platform/views/params.ts';

export { isUuid };

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

/**
 * GOV.UK date inputs post three fields (`name-day`, `name-month`, `name-year`). Forms with dates
 * are preprocessed so each date arrives as `{ day, month, year }` under its own name.
 */
export function withDates<S extends z.ZodType>(names: string[], schema: S) {
  return z.preprocess((body) => {
    const input = { ...((body ?? {}) as Record<string, unknown>) };
    for (const name of names) {
      input[name] = {
        day: input[`${name}-day`] ?? '',
        month: input[`${name}-month`] ?? '',
        year: input[`${name}-year`] ?? '',
      };
    }
    return input;
  }, schema);
}

export const part = z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string());

/** A date from a GOV.UK date input, as an IsoDate; `what` names it in messages ("the date of birth"). */
function dateParts(what: string, required: boolean) {
  return z.object({ day: part, month: part, year: part }).transform((v, ctx): string | null => {
    const Cap = what.charAt(0).toUpperCase() + what.slice(1);
    if (!v.day && !v.month && !v.year) {
      if (required) ctx.addIssue({ code: 'custom', message: `Enter ${what}` });
      return null;
    }
    const missing = (['day', 'month', 'year'] as const).filter((k) => !v[k]);
    if (missing.length) {
      ctx.addIssue({ code: 'custom', message: `${Cap} must include a ${missing.join(' and ')}` });
      return z.NEVER;
    }
    if (!/^\d{1,2}$/.test(v.day) || !/^\d{1,2}$/.test(v.month) || !/^\d{4}$/.test(v.year)) {
      ctx.addIssue({ code: 'custom', message: `${Cap} must be a real date` });
      return z.NEVER;
    }
    const iso = `${v.year}-${v.month.padStart(2, '0')}-${v.day.padStart(2, '0')}`;
    if (!isIsoDate(iso) || Number(v.year) < 1900) {
      ctx.addIssue({ code: 'custom', message: `${Cap} must be a real date` });
      return z.NEVER;
    }
    return iso;
  });
}

export const requiredDate = (what: string) => dateParts(what, true).transform((v) => v as string);
export const optionalDate = (what: string) => dateParts(what, false);

/** A date of birth: optional, and not in the future. */
export const dateOfBirth = optionalDate('the date of birth').refine(
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
