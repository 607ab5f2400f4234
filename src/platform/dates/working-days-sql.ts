/**
 * Working days in SQL, for the rules and measures that count them over many records at once: the
 * same counting as addWorkingDays (working-days.ts: the first working day after the date is day 1;
 * Monday to Friday, except the England and Wales bank holidays of bank-holidays.json).
 */
import { sql, type SQL } from 'drizzle-orm';
import { allBankHolidays } from './bank-holidays.ts';

const holidays = sql.raw(
  `array[${allBankHolidays()
    .map((d) => `'${d}'`)
    .join(', ')}]::date[]`,
);

/**
 * The day `workingDays` working days after the date (an SQL date expression), as a date: a scalar
 * subquery over the few weeks after it. With 0, the date itself.
 */
export function addWorkingDaysSql(date: SQL, workingDays: number): SQL {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new RangeError(`addWorkingDaysSql: working days must be a whole number 0 or more (got ${workingDays})`);
  }
  if (workingDays === 0) return sql`(${date})::date`;
  // Every 5 working days take at most 7 calendar days, and a run of bank holidays adds at most a few.
  const span = Math.ceil(workingDays / 5) * 7 + 14;
  return sql`(select d::date from generate_series((${date})::date + 1, (${date})::date + ${sql.raw(String(span))}, interval '1 day') d
    where extract(isodow from d) < 6 and d::date <> all(${holidays})
    order by d offset ${sql.raw(String(workingDays - 1))} limit 1)`;
}
