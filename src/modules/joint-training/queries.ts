/**
 * Joint training days' reads: the list of days, a day and the summary of its evaluations, its
 * attendees, the groups attendance is recorded by and a group's people, and an attendance with its
 * evaluation. Counted, sorted and paged in SQL.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { isUuid } from '../../platform/views/params.ts';
import { attendeeRoleList, NO_TEAM_GROUP, PANEL_GROUP } from './labels.ts';

const staffRoles = sql.raw(attendeeRoleList);

export interface DayRow {
  id: string;
  heldOn: IsoDate;
  title: string;
  theme: string;
  place: string;
  organisedBy: string;
}

const dayColumns = sql`d.id, d.held_on::text as "heldOn", d.title, d.theme, d.place, d.organised_by as "organisedBy"`;

export const DAYS_PAGE_SIZE = 25;

/** A page of the days, the newest first, each with how many attended and gave an evaluation; and how many days there are. */
export async function listDays(db: DbOrTx, page: number) {
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from joint_training_days`);
  const rows = await queryRows<DayRow & { attended: number; evaluated: number }>(
    db,
    sql`select ${dayColumns},
        (select count(*)::int from joint_training_attendance a where a.day_id = d.id) as attended,
        (select count(*)::int from joint_training_attendance a join joint_training_evaluations e on e.attendance_id = a.id
          where a.day_id = d.id) as evaluated
      from joint_training_days d order by d.held_on desc, d.created_at desc, d.id
      limit ${DAYS_PAGE_SIZE} offset ${(page - 1) * DAYS_PAGE_SIZE}`,
  );
  return { rows, total: count?.n ?? 0 };
}

export async function findDay(db: DbOrTx, id: string): Promise<DayRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<DayRow>(db, sql`select ${dayColumns} from joint_training_days d where d.id = ${id}`);
  return row ?? null;
}

/** What the day's evaluations add up to: who attended, who evaluated, whose confidence rose. */
export interface DaySummary {
  staff: number;
  panel: number;
  evaluated: number;
  rose: number;
  usefulAtLeast4: number;
}

export async function summaryOf(db: DbOrTx, dayId: string): Promise<DaySummary> {
  const [row] = await queryRows<DaySummary>(
    db,
    sql`select count(a.user_id)::int as staff, count(a.panel_member_id)::int as panel,
        count(e.attendance_id)::int as evaluated,
        count(*) filter (where e.confidence_after > e.confidence_before)::int as rose,
        count(*) filter (where e.usefulness >= 4)::int as "usefulAtLeast4"
      from joint_training_attendance a left join joint_training_evaluations e on e.attendance_id = a.id
      where a.day_id = ${dayId}`,
  );
  return row!;
}

/** A person's name and what they are, over an attendance `a`. */
const personColumns = sql`coalesce(u.display_name, pm.name) as name,
  case when a.user_id is not null then u.role else 'panel_member' end as role,
  coalesce(u.id, pm.user_id) as "accountId"`;
const attendanceFrom = sql`joint_training_attendance a left join users u on u.id = a.user_id
  left join panel_members pm on pm.id = a.panel_member_id`;

export interface AttendeeRow {
  attendanceId: string;
  name: string;
  role: string;
  accountId: string | null;
  evaluated: boolean;
}

export const ATTENDEES_PAGE_SIZE = 50;

/** A page of the day's attendees by name, and whether each has given an evaluation. */
export async function attendeesOf(db: DbOrTx, dayId: string, page: number) {
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from joint_training_attendance where day_id = ${dayId}`,
  );
  const rows = await queryRows<AttendeeRow>(
    db,
    sql`select a.id as "attendanceId", ${personColumns},
        exists (select 1 from joint_training_evaluations e where e.attendance_id = a.id) as evaluated
      from ${attendanceFrom} where a.day_id = ${dayId}
      order by coalesce(u.display_name, pm.name), a.id limit ${ATTENDEES_PAGE_SIZE} offset ${(page - 1) * ATTENDEES_PAGE_SIZE}`,
  );
  return { rows, total: count?.n ?? 0 };
}

/** The user's own attendance of the day (as a member of staff, or as the panel member their account is), if any. */
export async function ownAttendance(db: DbOrTx, dayId: string, userId: string) {
  const [row] = await queryRows<{ attendanceId: string; evaluated: boolean }>(
    db,
    sql`select a.id as "attendanceId",
        exists (select 1 from joint_training_evaluations e where e.attendance_id = a.id) as evaluated
      from ${attendanceFrom} where a.day_id = ${dayId} and coalesce(u.id, pm.user_id) = ${userId}`,
  );
  return row ?? null;
}

export interface EvaluationRow {
  attendanceId: string;
  dayId: string;
  name: string;
  role: string;
  accountId: string | null;
  confidenceBefore: number | null;
  confidenceAfter: number | null;
  usefulness: number | null;
  willDoDifferently: string | null;
  fromPaper: boolean | null;
  recordedByName: string | null;
}

/** An attendance and its evaluation, if given. */
export async function findAttendance(db: DbOrTx, attendanceId: string): Promise<EvaluationRow | null> {
  if (!isUuid(attendanceId)) return null;
  const [row] = await queryRows<EvaluationRow>(
    db,
    sql`select a.id as "attendanceId", a.day_id as "dayId", ${personColumns},
        e.confidence_before as "confidenceBefore", e.confidence_after as "confidenceAfter", e.usefulness,
        e.will_do_differently as "willDoDifferently", e.from_paper as "fromPaper",
        (select r.display_name from users r where r.id = e.recorded_by) as "recordedByName"
      from ${attendanceFrom} left join joint_training_evaluations e on e.attendance_id = a.id
      where a.id = ${attendanceId}`,
  );
  return row ?? null;
}

/** A group attendance is recorded by: a team, the staff with no team, or the panel's central list. */
export interface GroupRow {
  group: string;
  name: string;
  people: number;
  attended: number;
}

/** The fostering staff the day is for who are (or were, when they attended) in post. */
const staffFor = (dayId: string) => sql`users u where u.role in (${staffRoles})
  and (u.active or exists (select 1 from joint_training_attendance x where x.day_id = ${dayId} and x.user_id = u.id))`;
/** The panel's central list on the day, and anyone of it recorded as there. */
const panelFor = (dayId: string, on: IsoDate) => sql`panel_members pm where (pm.joined_on <= ${on}::date
    and (pm.leaves_on is null or pm.leaves_on > ${on}::date))
  or exists (select 1 from joint_training_attendance x where x.day_id = ${dayId} and x.panel_member_id = pm.id)`;

/** Every group with its people and how many of them attended: teams by name, then no team, then the panel. */
export async function groupsOf(db: DbOrTx, day: DayRow): Promise<GroupRow[]> {
  return queryRows<GroupRow>(
    db,
    sql`with staff as (select u.id, u.team_id from ${staffFor(day.id)}),
        there as (select user_id, panel_member_id from joint_training_attendance where day_id = ${day.id})
      select * from (
        select coalesce(s.team_id::text, ${NO_TEAM_GROUP}) as "group", coalesce(t.name, '') as name,
          count(*)::int as people, count(th.user_id)::int as attended
        from staff s left join teams t on t.id = s.team_id left join there th on th.user_id = s.id
        group by 1, 2
        union all
        select ${PANEL_GROUP}, '', count(*)::int, count(th.panel_member_id)::int
        from panel_members pm left join there th on th.panel_member_id = pm.id
        where pm.id in (select pm.id from ${panelFor(day.id, day.heldOn)})
        having count(*) > 0
      ) g order by "group" = ${PANEL_GROUP}, "group" = ${NO_TEAM_GROUP}, name`,
  );
}

export const GROUP_PAGE_SIZE = 50;

export interface PersonRow {
  id: string;
  name: string;
  role: string;
  attended: boolean;
  evaluated: boolean;
}

/** A page of a group's people by name, whether each attended, and how many there are. Null for a group that is not one. */
export async function groupPeople(db: DbOrTx, day: DayRow, group: string, page: number) {
  let people: SQL;
  if (group === PANEL_GROUP) {
    people = sql`select pm.id, pm.name, 'panel_member' as role, a.id as attendance_id
      from panel_members pm left join joint_training_attendance a on a.day_id = ${day.id} and a.panel_member_id = pm.id
      where pm.id in (select pm.id from ${panelFor(day.id, day.heldOn)})`;
  } else if (group === NO_TEAM_GROUP || isUuid(group)) {
    const inGroup = group === NO_TEAM_GROUP ? sql`u.team_id is null` : sql`u.team_id = ${group}`;
    people = sql`select u.id, u.display_name as name, u.role, a.id as attendance_id
      from users u left join joint_training_attendance a on a.day_id = ${day.id} and a.user_id = u.id
      where u.id in (select u.id from ${staffFor(day.id)}) and ${inGroup}`;
  } else {
    return null;
  }
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (${people}) p`);
  const rows = await queryRows<PersonRow>(
    db,
    sql`select p.id, p.name, p.role, p.attendance_id is not null as attended,
        exists (select 1 from joint_training_evaluations e where e.attendance_id = p.attendance_id) as evaluated
      from (${people}) p order by p.name, p.id
      limit ${GROUP_PAGE_SIZE} offset ${(page - 1) * GROUP_PAGE_SIZE}`,
  );
  return { rows, total: count?.n ?? 0 };
}
