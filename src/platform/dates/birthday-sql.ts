/**
 * Birthdays in SQL: the day someone born on a date turns `years` old, the same day as `birthdayOn`
 * (born on 29 February, 1 March in a common year). PostgreSQL's date + interval 'n years' gives
 * 28 February instead, so it is never used alone for a birthday: for 29 February, the years are
 * added to the day before, then the day is added back (29 February in a leap year, 1 March in a
 * common one).
 */
import { sql, type SQL } from 'drizzle-orm';

export function birthdaySql(dateOfBirth: SQL, years: number): SQL {
  const interval = sql`make_interval(years => ${sql.raw(String(Math.trunc(years)))})`;
  return sql`(case when to_char(${dateOfBirth}, 'MM-DD') = '02-29'
    then (${dateOfBirth} - 1 + ${interval})::date + 1 else (${dateOfBirth} + ${interval})::date end)`;
}
