/**
 * Who may see and record requests for a carer's records, and how long a household's records are
 * kept, the one place that says so:
 * - a request is read through its household, as that viewer reads households, by those with
 *   `records.view` (the head of fostering, service and team managers, supervising social workers);
 * - recorded by those with `records.record` (the head, service and team managers) for a household
 *   they read;
 * - the Records page (open requests and the records past their retention date) is the head's and
 *   the service managers' (`records.oversee`), within the households (and children) they read;
 * - how long a child's case record is kept (Care Planning, Placement and Case Review (England)
 *   Regulations 2010, regulation 50): until the 75th anniversary of the child's birth, or, for a
 *   child who dies before 18, for 15 years beginning with the date of death (so until the day
 *   before its 15th anniversary); in TypeScript for the child's page and in SQL for the list.
 */
import { sql, type SQL } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import {
  addDays,
  addYears,
  birthdayOn,
  birthdaySql,
  compareIsoDates,
  type IsoDate,
} from '../../platform/dates/index.ts';
import { children } from '../children/tables.ts';
import { visibleHouseholdIds } from '../households/scope.ts';
import { CHILD_DEATH_YEARS, CHILD_RECORD_YEARS, retentionRules } from './labels.ts';

/** The SQL condition, on a household id column, for the households whose requests the user may read. */
export function requestHouseholdVisibleTo(user: SignedInUser, householdId: SQL): SQL {
  if (!can(user.role, 'records.view')) return sql`false`;
  return householdReadBy(user, householdId);
}

/** The SQL condition, on a household id column, for the households the user reads (every one, for the head). */
export function householdReadBy(user: SignedInUser, householdId: SQL): SQL {
  if (user.role === 'head_of_fostering') return sql`true`;
  return sql`${householdId} in (${visibleHouseholdIds(user)})`;
}

/** Who records requests and the records sent (for the households they read). */
export const mayRecordRequests = (user: SignedInUser) => can(user.role, 'records.record');

/**
 * SQL: the day a closed household's records may be kept until (its status date plus the years its
 * closing status keeps them), on a households table aliased `h`; null for a household not closed.
 */
export const keptUntilSql = sql.raw(
  `(case h.status ${Object.entries(retentionRules)
    .map(([status, rule]) => `when '${status}' then (h.status_since + interval '${rule.years} years')::date`)
    .join(' ')} end)`,
);

type Kept = { dateOfBirth: IsoDate; leftCareOn: IsoDate | null; leftCareReason: string | null };

/** Whether the child died before their 18th birthday. */
export function diedAsChild(child: Kept): boolean {
  return (
    child.leftCareReason === 'died' &&
    child.leftCareOn !== null &&
    compareIsoDates(child.leftCareOn, birthdayOn(child.dateOfBirth, 18)) < 0
  );
}

/** The last day the child's case record is kept. */
export function childKeptUntil(child: Kept): IsoDate {
  if (diedAsChild(child)) return addDays(addYears(child.leftCareOn!, CHILD_DEATH_YEARS), -1);
  return birthdayOn(child.dateOfBirth, CHILD_RECORD_YEARS);
}

/** The same day in SQL, on the children table. */
export const childKeptUntilSql: SQL = sql`(case
  when ${children.leftCareReason} = 'died' and ${children.leftCareOn} < ${birthdaySql(sql`${children.dateOfBirth}`, 18)}
    then (${children.leftCareOn} + make_interval(years => ${sql.raw(String(CHILD_DEATH_YEARS))}) - interval '1 day')::date
  else ${birthdaySql(sql`${children.dateOfBirth}`, CHILD_RECORD_YEARS)} end)`;
