import { addDays, addMonths, addWorkingDays, todayInLondon, type IsoDate } from '../dates/index.ts';
import type { Period } from './types.ts';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

export function currentMonth(today: IsoDate = todayInLondon()): string {
  return monthOf(today);
}

export function addMonthsToMonth(month: string, amount: number): string {
  return monthOf(addMonths(`${month}-01`, amount));
}

const lastDays = new Map<string, IsoDate>();

/**
 * The month's last day (remembered: a scorecard page asks for a period of each of 12 months for
 * every measure, twice, and counting it with date arithmetic each time was a third of the page).
 */
function lastDayOf(month: string): IsoDate {
  let last = lastDays.get(month);
  if (last === undefined) {
    last = addDays(addMonths(`${month}-01`, 1), -1);
    lastDays.set(month, last);
  }
  return last;
}

/** The month as a period: its first day, and "as at" its last day (today while it runs). */
export function periodOf(month: string, today: IsoDate = todayInLondon()): Period {
  if (!isMonth(month)) throw new RangeError(`not a month: ${month}`);
  const from = `${month}-01`;
  const last = lastDayOf(month);
  const current = today >= from && today <= last;
  return { month, from, asAt: current ? today : last, current };
}

/** Whether the month has ended (only closed months are snapshotted). */
export function isClosed(month: string, today: IsoDate = todayInLondon()): boolean {
  return `${month}-01` <= today && periodOf(month, today).asAt < today;
}

/** The 12 months ending with `month`, oldest first. */
export function last12Months(month: string): string[] {
  return Array.from({ length: 12 }, (_, i) => addMonthsToMonth(month, i - 11));
}

const longMonth = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonth = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
const monthNames = new Map<string, string>();
const shortMonthNames = new Map<string, string>();

/** 'March 2026' (remembered: a scorecard page names each month dozens of times). */
export function monthName(month: string): string {
  let name = monthNames.get(month);
  if (name === undefined) {
    const [y, m] = month.split('-').map(Number);
    name = longMonth.format(new Date(Date.UTC(y!, m! - 1, 1)));
    monthNames.set(month, name);
  }
  return name;
}

/** 'Mar 26', for chart labels. */
export function shortMonthName(month: string): string {
  let name = shortMonthNames.get(month);
  if (name === undefined) {
    const [y, m] = month.split('-').map(Number);
    name = `${shortMonth.format(new Date(Date.UTC(y!, m! - 1, 1)))} ${String(y).slice(2)}`;
    shortMonthNames.set(month, name);
  }
  return name;
}

/** The first day of the financial year (1 April) that the date falls in. */
export function financialYearStart(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '04-01' ? `${year}-04-01` : `${year - 1}-04-01`;
}

/** Months of the financial year elapsed up to and including the period's month (1 for April ... 12 for March). */
export function financialMonthsElapsed(period: Period): number {
  const m = Number(period.month.slice(5));
  return ((m + 8) % 12) + 1;
}

/**
 * The range of start dates whose "within N working days" deadline falls between `from` and
 * `to` (inclusive), or null when none does. Deadlines only move forward as the start moves
 * forward, so the range is contiguous: a measure can select its records by start date in one query.
 */
export function startsWithDeadlineBetween(
  from: IsoDate,
  to: IsoDate,
  workingDays: number,
): { first: IsoDate; last: IsoDate } | null {
  let first: IsoDate | null = null;
  let last: IsoDate | null = null;
  for (let day = addDays(from, -(workingDays * 2 + 20)); day <= to; day = addDays(day, 1)) {
    const deadline = addWorkingDays(day, workingDays);
    if (deadline >= from && deadline <= to) {
      first ??= day;
      last = day;
    }
  }
  return first && last ? { first, last } : null;
}

/**
 * `addWorkingDays(start, workingDays)`, remembered for each start date: a measure's thousands of
 * rows share a few dozen start dates, and each deadline is worked out once.
 */
export function deadlinesAfter(workingDays: number): (start: IsoDate) => IsoDate {
  const known = new Map<IsoDate, IsoDate>();
  return (start) => {
    let deadline = known.get(start);
    if (deadline === undefined) {
      deadline = addWorkingDays(start, workingDays);
      known.set(start, deadline);
    }
    return deadline;
  };
}

type StartAndDeadline = Readonly<{ start: IsoDate; due: IsoDate }>;
const deadlinesKnown = new Map<string, readonly StartAndDeadline[]>();

/**
 * Every start date whose "within N working days" deadline falls between `from` and `to`
 * (inclusive), with its deadline: a few dozen rows a measure joins its records to by start date.
 * Remembered for each period (the calendar of bank holidays is fixed while Hearth runs): working
 * them out day by day was two thirds of a measure page's time.
 */
export function deadlinesBetween(from: IsoDate, to: IsoDate, workingDays: number): readonly StartAndDeadline[] {
  const key = `${from} ${to} ${workingDays}`;
  let known = deadlinesKnown.get(key);
  if (known === undefined) {
    const range = startsWithDeadlineBetween(from, to, workingDays);
    const out: StartAndDeadline[] = [];
    if (range) {
      for (let day = range.first; day <= range.last; day = addDays(day, 1)) {
        out.push(Object.freeze({ start: day, due: addWorkingDays(day, workingDays) }));
      }
    }
    known = Object.freeze(out);
    // A few periods a month are asked for; a long-running server forgets them all now and then.
    if (deadlinesKnown.size >= 1000) deadlinesKnown.clear();
    deadlinesKnown.set(key, known);
  }
  return known;
}
