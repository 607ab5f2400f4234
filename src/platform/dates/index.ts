/**
 * Hearth's working-day calendar: calendar dates in Europe/London, England and Wales bank
 * holidays, and working-day deadlines ("within 5 working days").
 */
export {
  addDays,
  addMonths,
  addWeeks,
  addYears,
  ageOn,
  birthdayOn,
  compareIsoDates,
  differenceInDays,
  isIsoDate,
  isWeekend,
  nowInLondon,
  parseIsoDate,
  timeBetweenInWords,
  todayInLondon,
  type ClockTime,
  type IsoDate,
} from './iso-date.ts';
export { birthdaySql } from './birthday-sql.ts';
export {
  allBankHolidays,
  bankHolidayOn,
  bankHolidaysIn,
  bankHolidaysKnownUntil,
  bankHolidaysRunOutWithin,
  calendarCoversYear,
  isBankHoliday,
} from './bank-holidays.ts';
export type { BankHoliday } from './bank-holidays-feed.ts';
export { addWorkingDays, isWorkingDay, nextWorkingDay, workingDaysBetween } from './working-days.ts';
