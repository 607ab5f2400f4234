/**
 * The places the clock and the measures count, as SQL record ids (no row of their own): a calendar
 * month's extended team manager meeting, and a team's quarter. The same id in both, so a measure's
 * record and its deadline are one thing.
 */
import { sql, type SQL } from 'drizzle-orm';

/** A month's place (its first day `start`), as a record id. */
export const monthId = (start: SQL) => sql`md5('extended-meeting/' || (${start})::date::text)::uuid`;

/** A team's quarter (its first day `start`), as a record id. */
export const quarterId = (team: SQL, start: SQL) =>
  sql`md5('team-learning/' || ${team}::text || '/' || (${start})::date::text)::uuid`;

/** Whether a month (first day `start`) had an extended meeting with reflective practice on the agenda, up to `until`. */
export const reflectiveMeetingIn = (
  start: SQL,
  until?: SQL,
) => sql`exists (select 1 from extended_team_manager_meetings e
  where e.reflective_practice and e.held_on >= (${start})::date and e.held_on < ((${start}) + interval '1 month')::date
  ${until ? sql`and e.held_on <= ${until}` : sql``})`;

/** Ten years either side of today, by month or by quarter, as `p(start)`: the places a record id may name. */
const places = (unit: 'month' | 'quarter') => sql`generate_series(
  date_trunc(${sql.raw(`'${unit}'`)}, current_date) - interval '10 years',
  date_trunc(${sql.raw(`'${unit}'`)}, current_date) + interval '10 years',
  ${sql.raw(unit === 'month' ? "interval '1 month'" : "interval '3 months'")}) as p(start)`;

/** The team and first day of the team's quarter a record id names (`team_id`, `start`), as a subquery. */
export const quarterNamed = (id: string) => sql`(select t.id as team_id, t.name as team_name, p.start::date as start
  from teams t cross join ${places('quarter')} where ${quarterId(sql`t.id`, sql`p.start`)} = ${id}::uuid)`;

/** The first day of the month a record id names (`start`), as a subquery. */
export const monthNamed = (id: string) => sql`(select p.start::date as start from ${places('month')}
  where ${monthId(sql`p.start`)} = ${id}::uuid)`;
