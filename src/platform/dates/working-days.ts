/**
 * Working days: Monday to Friday, except England and Wales bank holidays.
 *
 * The counting rule, used for every "within N working days of X":
 * the first working day after X is day 1, and the deadline is day N. X itself never counts,
 * whether or not it is a working day. So a task "within 5 working days" of Friday 2026-06-05
 * is due by Friday 2026-06-12 (Mon 8 is day 1 ... Fri 12 is day 5).
 *
 * For a year the bank holiday calendar does not cover (see calendarCoversYear), only weekends
 * are non-working days.
 */
import { isBankHoliday } from './bank-holidays.ts';
import { addDays, compareIsoDates, isWeekend, parseIsoDate, type IsoDate } from './iso-date.ts';

/** True for Monday to Friday, unless it is an England and Wales bank holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date) && !isBankHoliday(date);
}

/** The first working day after the date (the date itself never counts). */
export function nextWorkingDay(date: IsoDate): IsoDate {
  let day = addDays(date, 1);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * The deadline "within `workingDays` working days of `date`": the first working day after
 * `date` is day 1. With 0, the date itself, unchanged (even on a weekend or a bank holiday).
 */
export function addWorkingDays(date: IsoDate, workingDays: number): IsoDate {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new RangeError(
      `addWorkingDays: the number of working days must be a whole number 0 or more (got ${workingDays})`,
    );
  }
  let day = parseIsoDate(date);
  for (let counted = 0; counted < workingDays; counted += 1) day = nextWorkingDay(day);
  return day;
}

/**
 * The number of working days after `from`, up to and including `to`: how many working days
 * something done on `to` took, counted from `from` (so `workingDaysBetween(x, addWorkingDays(x, n))`
 * is `n`). Same day: 0. When `to` is before `from`, the count from `to` to `from`, negated.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const order = compareIsoDates(from, to);
  if (order > 0) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = from; day !== to;) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}
