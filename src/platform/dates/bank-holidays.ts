/**
 * England and Wales bank holidays, shipped as data in bank-holidays.json (GOV.UK's format) and
 * refreshed from GOV.UK with `npx tsx scripts/refresh-bank-holidays.ts`.
 */
import data from './bank-holidays.json' with { type: 'json' };
import { bankHolidayDivisionSchema, yearOf, type BankHoliday } from './bank-holidays-feed.ts';
import { addMonths, parseIsoDate, type IsoDate } from './iso-date.ts';

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

/**
 * The last day whose bank holidays Hearth knows: 31 December of the last year the calendar lists
 * (GOV.UK lists whole years). After it, working days leave out weekends only.
 */
export function bankHolidaysKnownUntil(): IsoDate {
  return `${Math.max(...yearsCovered)}-12-31` as IsoDate;
}

/**
 * Whether the calendar ends within `months` months of today (a year unless said otherwise: when
 * the server's log and the administrator's page start to warn): time to refresh it from GOV.UK
 * (`scripts/refresh-bank-holidays.ts`), which lists the bank holidays about two years ahead.
 */
export function bankHolidaysRunOutWithin(today: IsoDate, months = 12): boolean {
  return addMonths(today, months) > bankHolidaysKnownUntil();
}
