import { z } from 'zod';
import { compareIsoDates, isIsoDate, todayInLondon, type IsoDate } from '../dates/index.ts';
import { parseForm, type FormErrors, type FormResult } from './forms.ts';

/**
 * The GOV.UK date input: three boxes named `<name>-day`, `<name>-month`, `<name>-year`.
 * `withDateParts` gathers them into `<name>: { day, month, year }` before validation (or
 * `withDates`, in the schema itself), and `govukDate` turns that into an IsoDate with the GOV.UK
 * error messages. Hearth's one date input: every form with a date uses these.
 */

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** The submitted body with each named date gathered from its three boxes. */
export function withDateParts(body: unknown, names: readonly string[]): Record<string, unknown> {
  const input = { ...((body ?? {}) as Record<string, unknown>) };
  for (const name of names) {
    input[name] = {
      day: text(input[`${name}-day`]),
      month: text(input[`${name}-month`]),
      year: text(input[`${name}-year`]),
    } satisfies DateParts;
  }
  return input;
}

/** A schema whose named dates are gathered from their three boxes before it validates. */
export function withDates<S extends z.ZodType>(names: readonly string[], schema: S) {
  return z.preprocess((body) => withDateParts(body, names), schema);
}

/** The three boxes of a date input, for its template: from what was typed, or a stored date under the name. */
export function datePartsOf(values: Record<string, unknown>, name: string): DateParts {
  const stored = values[name];
  if (typeof stored === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(stored)) {
    const [year = '', month = '', day = ''] = stored.split('-');
    return { day: String(Number(day)), month: String(Number(month)), year };
  }
  const box = (key: string) => {
    const typed = values[`${name}-${key}`];
    return typeof typed === 'string' ? typed : '';
  };
  return { day: box('day'), month: box('month'), year: box('year') };
}

/** An IsoDate's three boxes, for filling a form from a record. */
export function dateBoxes(name: string, date: string | null | undefined): Record<string, string> {
  if (!date) return {};
  const [year = '', month = '', day = ''] = date.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
}

function toIsoDate(parts: DateParts): IsoDate | null {
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year)) return null;
  const iso = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
  // No record in a fostering service is dated before 1900: an earlier year is a slip of the keys.
  return isIsoDate(iso) && Number(parts.year) >= 1900 ? iso : null;
}

/**
 * The IsoDate of three boxes of which at least one is filled, or the GOV.UK message saying what
 * is wrong ("Date of birth must include a month", "Date of birth must include a year with 4 numbers" ...).
 */
function checkedDate(parts: DateParts, what: string): { iso: IsoDate } | { message: string } {
  const missing = (['day', 'month', 'year'] as const).filter((k) => parts[k] === '');
  if (missing.length) return { message: `${what} must include a ${missing.join(' and ')}` };
  // The pattern's "Year must include 4 numbers", naming the date: a form with several dates lists each.
  if (!/^\d{4}$/.test(parts.year)) return { message: `${what} must include a year with 4 numbers` };
  const iso = toIsoDate(parts);
  return iso ? { iso } : { message: `${what} must be a real date` };
}

const emptyDate = (parts: DateParts) => parts.day === '' && parts.month === '' && parts.year === '';

/**
 * A required date, `what` in sentence case as it starts the message ("Date of birth").
 * Messages follow the GOV.UK date input pattern.
 */
export function govukDate(what: string) {
  return z
    .object({ day: z.string(), month: z.string(), year: z.string() }, { error: `Enter the ${what.toLowerCase()}` })
    .transform((parts, ctx): IsoDate => {
      const checked = emptyDate(parts) ? { message: `Enter the ${what.toLowerCase()}` } : checkedDate(parts, what);
      if ('iso' in checked) return checked.iso;
      ctx.addIssue({ code: 'custom', message: checked.message });
      return z.NEVER;
    });
}

/** An optional date: empty boxes mean null; anything typed must be a real date. */
export function optionalGovukDate(what: string) {
  return z
    .object({ day: z.string(), month: z.string(), year: z.string() })
    .optional()
    .transform((parts, ctx): IsoDate | null => {
      if (!parts || emptyDate(parts)) return null;
      const checked = checkedDate(parts, what);
      if ('iso' in checked) return checked.iso;
      ctx.addIssue({ code: 'custom', message: checked.message });
      return z.NEVER;
    });
}

/** Points each date's error-summary link at its day box, as the GOV.UK pattern asks. */
export function linkDateErrors(errors: FormErrors, names: readonly string[]): FormErrors {
  return {
    ...errors,
    list: errors.list.map((e) => (names.some((n) => e.href === `#${n}`) ? { ...e, href: `${e.href}-day` } : e)),
  };
}

/** parseForm for a form with GOV.UK date inputs: gathers the boxes, validates, links errors to the day box. */
export function parseDatedForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
  dateNames: readonly string[],
): FormResult<z.infer<S>> {
  const result = parseForm(schema, withDateParts(body, dateNames));
  if (result.ok) return result;
  return { ...result, errors: linkDateErrors(result.errors, dateNames) };
}

/**
 * A form's refinement refusing a date after today under the field's name, in the GOV.UK pattern's
 * words ("Date the child went missing must be today or in the past"); a date not given is left to
 * the field's own message.
 */
export function notInFuture(today: IsoDate, field: string, what: string) {
  return (form: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const value = form[field];
    if (typeof value === 'string' && compareIsoDates(value, today) > 0) {
      ctx.addIssue({ code: 'custom', path: [field], message: `${what} must be today or in the past` });
    }
  };
}

/**
 * A form's refinement refusing a date before another (both optional: a date not given is left to
 * its own field's message), with the message under the later field.
 */
export function datesInOrder(earlier: string, later: string, message: string) {
  return (form: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const a = form[earlier];
    const b = form[later];
    if (typeof a === 'string' && typeof b === 'string' && compareIsoDates(b, a) < 0) {
      ctx.addIssue({ code: 'custom', path: [later], message });
    }
  };
}

/**
 * A required date that may not be after today: its own message, shown with every other field's
 * ("Date the child went missing must be today or in the past").
 */
export function pastGovukDate(what: string, today: IsoDate) {
  return govukDate(what).refine((d) => compareIsoDates(d, today) <= 0, {
    message: `${what} must be today or in the past`,
  });
}

/** A service's check of a date given: none when on or before today, else the message under the field's name. */
export function futureDateErrors(
  field: string,
  what: string,
  date: IsoDate | null | undefined,
  today: IsoDate = todayInLondon(),
): { field: string; message: string }[] {
  return date && compareIsoDates(date, today) > 0 ? [{ field, message: `${what} must be today or in the past` }] : [];
}
