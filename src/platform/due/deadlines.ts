/**
 * Date arithmetic for deadline rules, fast enough to run over every child in a county on each
 * page load: working-day deadlines are memoised (the same start dates recur across requests).
 */
import { addDays, addWorkingDays, type IsoDate } from '../dates/index.ts';

const MAX_CACHED = 50_000;
const workingDayCache = new Map<string, IsoDate>();

/** "Within `days` working days of `from`": the first working day after `from` is day 1. */
export function workingDaysAfter(from: IsoDate, days: number): IsoDate {
  const key = `${from}+${days}`;
  let due = workingDayCache.get(key);
  if (due === undefined) {
    due = addWorkingDays(from, days);
    if (workingDayCache.size >= MAX_CACHED) workingDayCache.clear();
    workingDayCache.set(key, due);
  }
  return due;
}

/**
 * The latest start date that can make something due `days` working days later fall on or before
 * `until`: a cheap condition for SQL, refined exactly in TS. It holds because `days` working days
 * span at least `days` calendar days plus a weekend (2 days) for every 5 after the first.
 */
export function latestStartForWorkingDays(until: IsoDate, days: number): IsoDate {
  if (days <= 0) return until;
  return addDays(until, -(days + 2 * Math.floor((days - 1) / 5)));
}
