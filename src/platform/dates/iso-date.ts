/**
 * Calendar dates in Hearth: plain `YYYY-MM-DD` strings meaning a day in Europe/London.
 *
 * Validation is done in UTC, so whether a text is a real date never depends on the process's TZ.
 * Adding goes through date-fns on a `Date` set to local noon of the day: clocks change at night,
 * so noon exists on every day and adding days or months never slips onto a neighbouring date at
 * a clock change, whatever TZ the process runs in (Hearth runs with TZ=Europe/London). Counting
 * the days between two dates, done on every row of a list, counts whole days in UTC.
 */
import {
  addMonths as addMonthsToDate,
  addWeeks as addWeeksToDate,
  addYears as addYearsToDate,
  differenceInYears,
} from 'date-fns';

/** A calendar date in Europe/London, written `YYYY-MM-DD` (for example `2026-12-24`). */
export type IsoDate = string;

const ISO_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** [year, month, day] of a real `YYYY-MM-DD` date (checked in UTC, so in no time zone). */
function partsOf(value: string): [number, number, number] | undefined {
  const match = ISO_DATE_SHAPE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1) return undefined;
  const utc = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  utc.setUTCFullYear(year, month - 1, day);
  // 2026-02-30 rolls over to 2 March: a real date reads back exactly as written.
  const real = utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
  return real ? [year, month, day] : undefined;
}

/** [year, month, day] of a real date; throws on anything else. */
function realPartsOf(date: IsoDate): [number, number, number] {
  const parts = typeof date === 'string' ? partsOf(date) : undefined;
  if (!parts) {
    throw new RangeError(`Not a calendar date: ${JSON.stringify(date)} (expected a real date written YYYY-MM-DD)`);
  }
  return parts;
}

/** Days since 1 January 1970 of a real date's parts, counted in UTC (where no clock changes). */
function dayNumber([year, month, day]: [number, number, number]): number {
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return utc.getTime() / 86_400_000;
}

/** The date at local noon, for date-fns. Throws on anything but a real date. */
function toNoon(date: IsoDate): Date {
  const [year, month, day] = realPartsOf(date);
  const noon = new Date(2000, 0, 1, 12, 0, 0, 0);
  noon.setFullYear(year, month - 1, day);
  if (noon.getDate() !== day) {
    // Only where a zone skipped a whole day (Pacific/Apia on 2011-12-30); Hearth runs in London.
    throw new RangeError(`${date} does not exist in the process time zone (TZ=${process.env.TZ})`);
  }
  return noon;
}

/** The local calendar date of a `Date`, written `YYYY-MM-DD`. */
function fromNoon(date: Date): IsoDate {
  return formatParts(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

function formatParts(year: number, month: number, day: number): IsoDate {
  if (!Number.isFinite(year) || year < 1 || year > 9999) {
    throw new RangeError(`Date out of range: years 0001 to 9999 only (got ${year})`);
  }
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The UTC calendar date of a `Date`, written `YYYY-MM-DD`. */
function fromUtc(date: Date): IsoDate {
  return formatParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function assertWholeNumber(amount: number, what: string): void {
  if (!Number.isInteger(amount)) {
    throw new RangeError(`${what} must be a whole number (got ${amount})`);
  }
}

/** True when the value is a string naming a real calendar date as `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && partsOf(value) !== undefined;
}

/**
 * The value as an IsoDate, or a RangeError saying what is wrong. Rejects other shapes
 * (`2026-1-5`, `05/01/2026`, timestamps) and impossible dates (`2026-02-29`, `2026-13-01`).
 */
export function parseIsoDate(value: unknown): IsoDate {
  if (typeof value !== 'string') {
    throw new RangeError(`Not a calendar date: expected a YYYY-MM-DD string, got ${typeof value}`);
  }
  toNoon(value);
  return value;
}

const londonCalendarDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** A time of day, 24-hour "21:30", London. */
export type ClockTime = string;

const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * The day and the time of day in Europe/London at the instant `now`, both read from that one
 * instant (so nothing lands between two days at midnight).
 */
export function nowInLondon(now: Date = new Date()): { today: IsoDate; time: ClockTime } {
  const parts = londonClock.formatToParts(now);
  const part = (type: 'hour' | 'minute') => parts.find((p) => p.type === type)?.value ?? '00';
  return { today: todayInLondon(now), time: `${part('hour')}:${part('minute')}` };
}

/** The calendar date in Europe/London at the instant `now` (GMT in winter, BST in summer). */
export function todayInLondon(now: Date = new Date()): IsoDate {
  if (Number.isNaN(now.getTime())) throw new RangeError('todayInLondon: invalid Date');
  const parts = londonCalendarDate.formatToParts(now);
  const part = (type: 'year' | 'month' | 'day') => {
    const found = parts.find((p) => p.type === type);
    if (!found) throw new Error(`todayInLondon: no ${type} in ${JSON.stringify(parts)}`);
    return found.value;
  };
  return parseIsoDate(`${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`);
}

/** The date `amount` days later (earlier when negative). */
export function addDays(date: IsoDate, amount: number): IsoDate {
  assertWholeNumber(amount, 'Number of days');
  // Counted in UTC, where every day has 24 hours: the same day as on a local calendar, and cheap
  // enough for the working-day counts that step a day at a time.
  const [year, month, day] = realPartsOf(date);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day + amount);
  return fromUtc(utc);
}

/** The date `amount` weeks later (earlier when negative). */
export function addWeeks(date: IsoDate, amount: number): IsoDate {
  assertWholeNumber(amount, 'Number of weeks');
  return fromNoon(addWeeksToDate(toNoon(date), amount));
}

/**
 * The same day `amount` months later (earlier when negative), clamped to the end of a shorter
 * month: 2026-01-31 plus 1 month is 2026-02-28; 2024-01-31 plus 1 month is 2024-02-29.
 */
export function addMonths(date: IsoDate, amount: number): IsoDate {
  assertWholeNumber(amount, 'Number of months');
  return fromNoon(addMonthsToDate(toNoon(date), amount));
}

/** The same day `amount` years later, 29 February becoming 28 February in a common year. */
export function addYears(date: IsoDate, amount: number): IsoDate {
  assertWholeNumber(amount, 'Number of years');
  return fromNoon(addYearsToDate(toNoon(date), amount));
}

/** Calendar days from `earlier` to `later`: positive when `later` is after `earlier`. */
export function differenceInDays(later: IsoDate, earlier: IsoDate): number {
  // Read on every row of a list (days left, overdue ages): whole UTC days, no local-time Date.
  return dayNumber(realPartsOf(later)) - dayNumber(realPartsOf(earlier));
}

/** -1, 0 or 1 as `a` is before, the same day as, or after `b`: usable with Array.sort. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const days = differenceInDays(a, b);
  return days < 0 ? -1 : days > 0 ? 1 : 0;
}

/** True when the date falls on a Saturday or a Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const day = new Date(dayNumber(realPartsOf(date)) * 86_400_000).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * The day someone born on `dateOfBirth` turns `years` old. Someone born on 29 February turns a
 * year older on 1 March in a common year, as `ageOn` counts; `birthdaySql` (birthday-sql.ts) gives
 * the same day in SQL. (date-fns's addYears, like PostgreSQL's date + interval, would give
 * 28 February: never use either for a birthday.)
 */
export function birthdayOn(dateOfBirth: IsoDate, years: number): IsoDate {
  // From 28 February: the day after is 29 February in a leap year and 1 March in a common one.
  return dateOfBirth.endsWith('-02-29')
    ? addDays(addYears(addDays(dateOfBirth, -1), years), 1)
    : addYears(dateOfBirth, years);
}

/**
 * Age in whole years on the date `on`: the birthday counts from the day itself. Someone born on
 * 29 February turns a year older on 1 March in a common year (as in English law; `birthdayOn`).
 * Throws when `on` is before the date of birth.
 */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const birth = toNoon(dateOfBirth);
  const day = toNoon(on);
  if (day < birth) {
    throw new RangeError(`ageOn: ${on} is before the date of birth ${dateOfBirth}`);
  }
  return differenceInYears(day, birth);
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** Days in a month (1-12) of a year, leap years included. */
function daysInMonth(year: number, month: number): number {
  const utc = new Date(0);
  utc.setUTCFullYear(year, month, 0);
  return utc.getUTCDate();
}

/**
 * `from` moved on by whole months, clamped to a shorter month's end (as addMonths and addYears),
 * as a number that orders like the date (YYYYMMDD), to compare with another.
 */
function monthsOnAsNumber([year, month, day]: [number, number, number], months: number): number {
  const index = year * 12 + (month - 1) + months;
  const toYear = Math.floor(index / 12);
  const toMonth = (index % 12) + 1;
  return toYear * 10_000 + toMonth * 100 + Math.min(day, daysInMonth(toYear, toMonth));
}

/**
 * How long from `from` to `to`, in words a reader takes in at a glance: exact days under 8
 * weeks ("3 days", "32 days"), then whole calendar months ("2 months", "over 4 months") and whole
 * years ("1 year", "over 15 years"); "over" when it is more than the whole number said.
 * Throws when `to` is before `from`. Shown on every overdue row of My work, so it counts on the
 * dates' parts rather than through Date objects.
 */
export function timeBetweenInWords(from: IsoDate, to: IsoDate): string {
  const start = realPartsOf(from);
  const end = realPartsOf(to);
  const days = dayNumber(end) - dayNumber(start);
  if (days < 0) throw new RangeError(`timeBetweenInWords: ${to} is before ${from}`);
  if (days < 56) return plural(days, 'day');
  // The whole years (then months) from `from` that do not pass `to`: from the difference in the
  // calendar, less one when the anniversary falls after `to` (at most a step or two back).
  const target = end[0] * 10_000 + end[1] * 100 + end[2];
  let years = end[0] - start[0];
  while (years > 0 && monthsOnAsNumber(start, years * 12) > target) years -= 1;
  if (years >= 1) return `${monthsOnAsNumber(start, years * 12) < target ? 'over ' : ''}${plural(years, 'year')}`;
  let months = Math.max(1, (end[0] - start[0]) * 12 + end[1] - start[1]);
  while (months > 1 && monthsOnAsNumber(start, months) > target) months -= 1;
  return `${monthsOnAsNumber(start, months) < target ? 'over ' : ''}${plural(months, 'month')}`;
}
