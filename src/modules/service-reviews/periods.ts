/**
 * Half-years of the financial year (1 April to 30 September, 1 October to 31 March), each known by
 * the day it starts, and a review's place: its kind, half-year and area. A review has one id for
 * its place, worked out the same here and in SQL (slots.ts), so its deadline, its measure and its
 * audit entries name it before it is first saved.
 */
import { createHash } from 'node:crypto';
import { addDays, addMonths, compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import type { KindKey } from './kinds.ts';
import { DUE_MONTHS_AFTER_HALF_YEAR, LISTED_HALF_YEARS } from './settings.ts';

/** The first day of the half-year a day falls in. */
export function halfYearOf(day: IsoDate): IsoDate {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (month >= 10) return `${year}-10-01`;
  if (month >= 4) return `${year}-04-01`;
  return `${year - 1}-10-01`;
}

/** The last day of the half-year starting on `start`. */
export const halfYearEnd = (start: IsoDate): IsoDate => addDays(addMonths(start, 6), -1);

/** The day a review of the half-year is due: the end of the month after it ends. */
export const reviewDueOn = (start: IsoDate): IsoDate => addDays(addMonths(start, 6 + DUE_MONTHS_AFTER_HALF_YEAR), -1);

/** The latest half-year that has ended by `today`. */
export const latestEnded = (today: IsoDate): IsoDate => addMonths(halfYearOf(today), -6);

/**
 * The first of the last LISTED_HALF_YEARS half-years that have ended by `today`: the reviews not
 * yet completed are expected from here before the service has written any (slots.ts firstExpectedSql).
 */
export const firstListed = (today: IsoDate) => addMonths(latestEnded(today), -6 * (LISTED_HALF_YEARS - 1));

/**
 * A half-year is among the last LISTED_HALF_YEARS ended until this many months after it starts
 * (24: the half-year of 1 April 2025 is listed from 1 October 2025 to 31 March 2027).
 */
export const LISTED_FOR_MONTHS = 6 * (LISTED_HALF_YEARS + 1);

/** Whether the half-year has ended by `today` (its review may be written). */
export const hasEnded = (start: IsoDate, today: IsoDate) => compareIsoDates(halfYearEnd(start), today) < 0;

/** "1 April to 30 September 2026", "1 October 2026 to 31 March 2027". */
export function halfYearWords(start: IsoDate): string {
  const end = halfYearEnd(start);
  const from = formatDate(start);
  return start.slice(5, 7) === '04'
    ? `${from.replace(/ \d{4}$/, '')} to ${formatDate(end)}`
    : `${from} to ${formatDate(end)}`;
}

/** The half-year in an address: "2026-04" (April to September 2026), "2026-10" (October 2026 to March 2027). */
export const periodSlug = (start: IsoDate) => start.slice(0, 7);

/** The half-year an address names, or null for anything else. */
export function periodFromSlug(slug: string): IsoDate | null {
  const match = /^(\d{4})-(04|10)$/.exec(slug);
  if (!match) return null;
  const year = Number(match[1]);
  return year >= 2000 && year <= 2100 ? `${match[1]}-${match[2]}-01` : null;
}

/** What the id of a review's place is made from (slots.ts builds the same text in SQL). */
export const slotKey = (kind: KindKey, start: IsoDate, areaId: string | null) =>
  `${kind}/${start}/${areaId ?? 'service'}`;

/** The id of a review's place: the md5 of its key as a uuid, as PostgreSQL's `md5(key)::uuid` gives it. */
export function slotId(kind: KindKey, start: IsoDate, areaId: string | null): string {
  const hex = createHash('md5')
    .update(slotKey(kind, start, areaId))
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
