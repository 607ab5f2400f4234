/**
 * The facts about a carer's training that the deadlines, the measures and the pages share, as SQL
 * over the records (so a closed month is counted as it stood at its last day). `carer` is the SQL
 * of the carer's id; `asAt` a date: only what happened on or before it counts.
 */
import { sql, type SQL } from 'drizzle-orm';

/** The 12 months for new carers, 18 for family and friends (connected person) carers (NMS 20.3). */
export const TSD_MONTHS = 12;
export const TSD_MONTHS_FAMILY_AND_FRIENDS = 18;

/**
 * The day a carer's (`cr`) training clock starts: the day their household (`h`) was approved (the
 * status date when no approval date was recorded), or the day they joined it, if later (a new
 * partner joining a household already approved).
 */
export const approvedFrom = (h = 'h', cr = 'cr') =>
  sql.raw(`greatest(coalesce(${h}.approved_on, ${h}.status_since), ${cr}.joined_on)`);

/** The TSD deadline of a carer (`cr`) of household `h`: 12 months after approval, 18 for family and friends. */
export const tsdDeadline = (h = 'h') =>
  sql`(${approvedFrom(h)} + case when ${sql.raw(h)}.household_type = 'family_and_friends'
    then interval '${sql.raw(String(TSD_MONTHS_FAMILY_AND_FRIENDS))} months' else interval '${sql.raw(String(TSD_MONTHS))} months' end)::date`;

/** Sessions attended (b), held on or before the day: the bookings alone, which keep their session's date. */
const attendedBookings = (asAt: SQL | string) => sql`training_bookings b
  where b.attendance = 'attended' and b.session_starts_on <= ${asAt}::date`;

/** Sessions attended (b), held on or before the day, with their course (c) to choose by: the bookings keep the session's course. */
const attendedSessions = (asAt: SQL | string) => sql`training_bookings b
  join training_courses c on c.id = b.session_course_id
  where b.attendance = 'attended' and b.session_starts_on <= ${asAt}::date`;

/** Sessions the carer attended (b, c), held on or before the day. */
const attended = (carer: SQL, asAt: SQL | string) => sql`${attendedSessions(asAt)} and b.carer_id = ${carer}`;

/**
 * The day the carer's TSD standards were evidenced: the date their worker recorded, or the day
 * they attended a session of a course in the TSD category, whichever came first.
 */
export const tsdEvidencedOn = (carer: SQL, asAt: SQL | string) => sql`least(
    (select t.evidenced_on from tsd_evidence t where t.carer_id = ${carer} and t.evidenced_on <= ${asAt}::date),
    (select min(b.session_starts_on) from ${attended(carer, asAt)} and c.category = 'tsd'))`;

/** The carer's last training (the date of the last session attended), or null. */
export const lastTrainingOn = (carer: SQL, asAt: SQL | string) =>
  sql`(select max(b.session_starts_on) from ${attendedBookings(asAt)} and b.carer_id = ${carer})`;

/** The first session the carer attended of a course mandatory for `mandatory` (or in `category`). */
export const firstAttendedOn = (carer: SQL, asAt: SQL | string, where: SQL) =>
  sql`(select min(b.session_starts_on) from ${attended(carer, asAt)} and ${where})`;

/** The last session the carer attended of a course in `where` (by its category, say). */
export const lastAttendedOn = (carer: SQL, asAt: SQL | string, where: SQL) =>
  sql`(select max(b.session_starts_on) from ${attended(carer, asAt)} and ${where})`;

/**
 * The day the carer completed core training: the day they had attended every active course
 * mandatory for new carers (the latest of their first attendances of each), or null.
 */
export const coreCompletedOn = (carer: SQL, asAt: SQL | string) => sql`(
  select case when count(*) > 0 and count(*) = (select count(*) from training_courses k where k.mandatory_for = 'new_carers' and k.active)
    then max(x.first_on) end
  from (select c.id, min(b.session_starts_on) as first_on from ${attended(carer, asAt)}
    and c.mandatory_for = 'new_carers' and c.active group by c.id) x)`;

/** Participation days: each event attended counts its days (held_on to ends_on), when held from `from` to `asAt`. */
export const participationDays = (carer: SQL, from: SQL | string, asAt: SQL | string) => sql`(
  select coalesce(sum(e.ends_on - e.held_on + 1), 0)::int from participation_attendance a
  join participation_events e on e.id = a.event_id
  where a.carer_id = ${carer} and e.held_on between ${from}::date and ${asAt}::date)`;

/** The carers (cr) living on the day in the households approved that day (h, t). */
export const carersOfApprovedOn = (approvedHouseholds: SQL, asAt: SQL | string) =>
  sql`${approvedHouseholds} join carers cr on cr.household_id = h.id and (cr.left_on is null or cr.left_on > ${asAt}::date)
    and (cr.joined_on is null or cr.joined_on <= ${asAt}::date)`;

/**
 * Every carer's attended training held on or before the day, as one grouped subquery (alias it
 * and join on carer_id): the first and last session dates of each carer with any, of courses in
 * `where` (c) when given, and of sessions held on or after `from` when given. For measures over
 * every carer, which would otherwise look each carer up in turn. Without `where`, read from the
 * bookings alone.
 */
export const trainingByCarer = (asAt: SQL | string, where?: SQL, from?: string) => sql`(
  select b.carer_id, min(b.session_starts_on) as first_on, max(b.session_starts_on) as last_on
  from ${where ? sql`${attendedSessions(asAt)} and ${where}` : attendedBookings(asAt)}
    ${from ? sql`and b.session_starts_on >= ${from}::date` : sql``}
  group by b.carer_id)`;

/**
 * tsdEvidencedOn for every carer (cr) at once, as joins: `tsd_evidenced.evidenced_on` is the
 * recorded date or the first TSD session, whichever came first.
 */
export const tsdEvidencedByCarer = (asAt: SQL | string) => sql`
  left join tsd_evidence ev on ev.carer_id = cr.id and ev.evidenced_on <= ${asAt}::date
  left join ${trainingByCarer(asAt, sql`c.category = 'tsd'`)} tsd_course on tsd_course.carer_id = cr.id
  cross join lateral (select least(ev.evidenced_on, tsd_course.first_on) as evidenced_on) tsd_evidenced`;

/** Every carer's participation days at events held from `from` to `asAt`, as one grouped subquery (carer_id, days). */
export const participationDaysByCarer = (from: SQL | string, asAt: SQL | string) => sql`(
  select a.carer_id, sum(e.ends_on - e.held_on + 1)::int as days from participation_attendance a
  join participation_events e on e.id = a.event_id
  where a.carer_id is not null and e.held_on between ${from}::date and ${asAt}::date
  group by a.carer_id)`;

/** Every child's participation events held from `from` to `asAt`, as one grouped subquery (child_id, events, last_on). */
export const eventsByChild = (from: SQL | string, asAt: SQL | string) => sql`(
  select a.child_id, count(*)::int as events, max(e.held_on) as last_on from participation_attendance a
  join participation_events e on e.id = a.event_id
  where a.child_id is not null and e.held_on between ${from}::date and ${asAt}::date
  group by a.child_id)`;
