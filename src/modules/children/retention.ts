/**
 * How long a child's case record is kept (Care Planning, Placement and Case Review (England)
 * Regulations 2010, regulation 50): until the 75th anniversary of the child's birth, or, for a child
 * who dies before 18, for 15 years beginning with the date of death (so until the day before its
 * 15th anniversary). One rule, in TypeScript for the child's page and in SQL for the records list.
 */
import { sql, type SQL } from 'drizzle-orm';
import { addDays, addYears, compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { CHILD_DEATH_YEARS, CHILD_RECORD_YEARS } from '../records/labels.ts';
import { children } from './tables.ts';

type Kept = { dateOfBirth: IsoDate; leftCareOn: IsoDate | null; leftCareReason: string | null };

/** Whether the child died before their 18th birthday. */
export function diedAsChild(child: Kept): boolean {
  return (
    child.leftCareReason === 'died' &&
    child.leftCareOn !== null &&
    compareIsoDates(child.leftCareOn, addYears(child.dateOfBirth, 18)) < 0
  );
}

/** The last day the child's case record is kept. */
export function childKeptUntil(child: Kept): IsoDate {
  if (diedAsChild(child)) return addDays(addYears(child.leftCareOn!, CHILD_DEATH_YEARS), -1);
  return addYears(child.dateOfBirth, CHILD_RECORD_YEARS);
}

/** The same day in SQL, on the children table. */
export const childKeptUntilSql: SQL = sql`(case
  when ${children.leftCareReason} = 'died' and ${children.leftCareOn} < (${children.dateOfBirth} + interval '18 years')::date
    then (${children.leftCareOn} + make_interval(years => ${sql.raw(String(CHILD_DEATH_YEARS))}) - interval '1 day')::date
  else (${children.dateOfBirth} + make_interval(years => ${sql.raw(String(CHILD_RECORD_YEARS))}))::date end)`;
