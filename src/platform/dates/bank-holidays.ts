/**
 * England and Wales bank holidays, shipped as data in bank-holidays.json (GOV.UK's format) and
 * refreshed from GOV.UK with `npx tsx scripts/refresh-bank-holidays.ts`.
 */
import data from './bank-holidays.json' with { type: 'json' };
import { bankHolidayDivisionSchema, yearOf, type BankHoliday } from './bank-holidays-feed.ts';
import { parseIsoDate, type IsoDate } from './iso-date.ts';

const calendar = bankHolidayDivisionSchema.parse(data);
const holidaysByDate = new Map<IsoDate, BankHoliday>(
  calendar.events.map((event) => [event.date, Object.freeze({ ...event })]),
);
const yearsCovered = new Set(calendar.events.map((event) => yearOf(event.date)));

/**
 * True when the calendar lists that year's bank holidays. For any other year Hearth knows no
 * bank holidays, so only weekends are non-working days.
 */
export function calendarCoversYear(year: number): boolean {
  return yearsCovered.has(year);
}

/** The bank holiday on that date, if there is one. */
export function bankHolidayOn(date: IsoDate): BankHoliday | undefined {
  return holidaysByDate.get(parseIsoDate(date));
}

/** True when the date is an England and Wales bank holiday. */
export function isBankHoliday(date: IsoDate): boolean {
  return bankHolidayOn(date) !== undefined;
}

/** That year's bank holidays in date order (empty for a year the calendar does not cover). */
export function bankHolidaysIn(year: number): BankHoliday[] {
  return [...holidaysByDate.values()].filter((event) => yearOf(event.date) === year);
}

/** Every bank holiday the calendar lists, in date order. */
export function allBankHolidays(): IsoDate[] {
  return [...holidaysByDate.keys()].sort();
}
