/**
 * Calendar days as whole numbers (days since 1970-01-01), for generating years of history fast.
 * They are written out as IsoDate strings; working days use Hearth's own calendar (weekends and
 * England and Wales bank holidays), so the demo's deadlines agree with "My work".
 */
import { isWorkingDay, todayInLondon, type IsoDate } from '../../src/platform/dates/index.ts';

export type Day = number;

const MS_PER_DAY = 86_400_000;
const isoCache = new Map<Day, IsoDate>();

export function dayOf(date: IsoDate): Day {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function isoOf(day: Day): IsoDate {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

/** A timestamp on that day (UTC hours 8 to 17 are the same London date all year round). */
export function timestampOf(day: Day, hour: number, minute = 0): string {
  const h = Math.max(8, Math.min(17, hour));
  return `${isoOf(day)}T${String(h).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00Z`;
}

export function today(): Day {
  return dayOf(todayInLondon());
}

/** Whole years. */
export const YEAR = 365.25;

/** The day someone born on `dob` turns `years` old (29 February birthdays fall on 1 March). */
export function birthday(dob: Day, years: number): Day {
  const d = new Date(dob * MS_PER_DAY);
  return Math.round(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()) / MS_PER_DAY);
}

/** Age in whole years on a day. */
export function ageOn(dob: Day, on: Day): number {
  const b = new Date(dob * MS_PER_DAY);
  const o = new Date(on * MS_PER_DAY);
  let age = o.getUTCFullYear() - b.getUTCFullYear();
  if (o.getUTCMonth() < b.getUTCMonth() || (o.getUTCMonth() === b.getUTCMonth() && o.getUTCDate() < b.getUTCDate())) {
    age -= 1;
  }
  return age;
}

/** The same day `months` months later (clamped to the month's end). */
export function addMonthsTo(day: Day, months: number): Day {
  const d = new Date(day * MS_PER_DAY);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return Math.round(target.getTime() / MS_PER_DAY);
}

const workingCache = new Map<Day, boolean>();

export function isWorking(day: Day): boolean {
  let working = workingCache.get(day);
  if (working === undefined) {
    working = isWorkingDay(isoOf(day));
    workingCache.set(day, working);
  }
  return working;
}

/** "Within n working days of `day`": the first working day after it is day 1. */
export function addWorking(day: Day, n: number): Day {
  let d = day;
  for (let counted = 0; counted < n;) {
    d += 1;
    if (isWorking(d)) counted += 1;
  }
  return d;
}
