import { isIsoDate } from '../dates/index.ts';
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

const countFormat = new Intl.NumberFormat('en-GB');

/** January to December, as en-GB writes them. */
const monthNames = Array.from({ length: 12 }, (_, month) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month, 1)),
);

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T12:00:00Z`);
  if (typeof value === 'string' || typeof value === 'number') {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

/** 5 January 2026: the GOV.UK style for dates. */
export function formatDate(value: unknown): string {
  // A calendar date (most dates on a page) is written from its parts: no time zone can move it.
  if (isIsoDate(value)) {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    return `${day} ${monthNames[month - 1]} ${year}`;
  }
  const d = toDate(value);
  return d ? dateFormat.format(d) : '';
}

/** 5 January 2026 at 2:05pm */
export function formatDateTime(value: unknown): string {
  const d = toDate(value);
  if (!d) return '';
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}${(parts.dayPeriod ?? '').toLowerCase()}`;
}

/**
 * Text counted in SQL ("Started 2026-06-01, due by 2026-06-08") with every calendar date in it
 * written as a person reads one ("Started 1 June 2026, due by 8 June 2026"). Used where a module's
 * words reach a page, so no module needs its own date formatting in SQL.
 */
export function datesInWords(text: unknown): string {
  if (text === null || text === undefined) return '';
  return String(text).replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (iso) => formatDate(iso) || iso);
}

/**
 * 46,025: a number as GOV.UK writes one, with commas from 1,000 on. A number held as text (a count
 * from the database) is written the same way; anything else (a blank, "No data") as it is.
 */
export function formatCount(value: unknown): string {
  if (value === null || value === undefined) return '';
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isFinite(n) ? countFormat.format(n) : String(value);
}

/** A label in the middle of a sentence: its first letter lower case, the rest as written ("an agency, such as Catch22"). */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The name of a code from its list of names, or the code itself for one no longer listed (never an
 * error on a page); nothing for no code.
 */
export const named = <K extends string>(names: Record<K, string>, key: string | null | undefined): string =>
  key === null || key === undefined ? '' : ((names as Record<string, string>)[key] ?? key);
