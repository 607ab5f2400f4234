/**
 * The reads of learning from serious case reviews: the reviews (paged), each team's latest
 * discussion, a review's discussions across the service, a team's meetings, a meeting and its
 * actions, the extended team manager meetings and the last 12 months. Counted and paged in SQL.
 */
import { sql } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { isUuid } from '../../platform/views/params.ts';
import { teamReadBy } from './scope.ts';

export const PAGE_SIZE = 25;
const offset = (page: number) => (page - 1) * PAGE_SIZE;
const name = (column: string) => sql.raw(`(select u.display_name from users u where u.id = ${column})`);

export interface ReviewRow {
  id: string;
  title: string;
  publishedBy: string;
  publishedOn: IsoDate;
  link: string;
  learning: string;
  recordedByName: string | null;
  teams: number;
}

const reviewColumns = sql`r.id, r.title, r.published_by as "publishedBy", r.published_on::text as "publishedOn", r.link,
  r.learning, ${name('r.recorded_by')} as "recordedByName",
  (select count(distinct m.team_id)::int from team_meetings m where m.review_id = r.id) as teams`;

/** A page of the reviews, the latest published first, and how many there are. */
export async function listReviews(db: DbOrTx, page: number) {
  const rows = await queryRows<ReviewRow>(
    db,
    sql`select ${reviewColumns} from serious_case_reviews r
      order by r.published_on desc, r.created_at desc, r.id limit ${PAGE_SIZE} offset ${offset(page)}`,
  );
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from serious_case_reviews`);
  return { rows, total: count?.n ?? 0 };
}

export async function findReview(db: DbOrTx, id: string): Promise<ReviewRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<ReviewRow>(
    db,
    sql`select ${reviewColumns} from serious_case_reviews r where r.id = ${id}`,
  );
  return row ?? null;
}

/** Whether any meeting (a team's, or an extended team manager meeting) has discussed the review: it then stays. */
export async function reviewDiscussed(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await queryRows<{ discussed: boolean }>(
    db,
    sql`select exists (select 1 from team_meetings m where m.review_id = ${id})
      or exists (select 1 from extended_team_manager_meetings e where e.review_id = ${id}) as discussed`,
  );
  return row?.discussed ?? false;
}

/** The reviews to choose from on a meeting's form: the latest published first (a short list, 200 at most). */
export async function reviewChoices(db: DbOrTx) {
  return queryRows<{ id: string; title: string; publishedOn: IsoDate }>(
    db,
    sql`select id, title, published_on::text as "publishedOn" from serious_case_reviews
      order by published_on desc, created_at desc, id limit 200`,
  );
}

/** A team's line on the main page: its latest discussion of a review and how many this quarter. */
export interface TeamLine {
  teamId: string;
  teamName: string;
  areaName: string;
  lastHeldOn: IsoDate | null;
  lastReviewTitle: string | null;
  thisQuarter: number;
}

/**
 * A page of the teams the user may read, by name, each with its latest discussion and its meetings
 * from `quarterStart` (one row a team), and how many teams there are: hundreds at national scale.
 */
export async function teamLines(
  db: DbOrTx,
  user: SignedInUser,
  quarterStart: IsoDate,
  page: number,
  pageSize = PAGE_SIZE,
): Promise<{ rows: TeamLine[]; total: number }> {
  const rows = await queryRows<TeamLine>(
    db,
    sql`select t.id as "teamId", t.name as "teamName", a.name as "areaName", last.held_on::text as "lastHeldOn",
        last.title as "lastReviewTitle",
        (select count(*)::int from team_meetings q where q.team_id = t.id and q.held_on >= ${quarterStart}::date) as "thisQuarter"
      from (select t.id, t.name, t.area_id from teams t where ${teamReadBy(user, sql`t.id`)}
        order by t.name, t.id limit ${pageSize} offset ${(page - 1) * pageSize}) t
      join areas a on a.id = t.area_id
      left join lateral (select m.held_on, r.title from team_meetings m join serious_case_reviews r on r.id = m.review_id
        where m.team_id = t.id order by m.held_on desc, m.created_at desc limit 1) last on true
      order by t.name, t.id`,
  );
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from teams t where ${teamReadBy(user, sql`t.id`)}`,
  );
  return { rows, total: count?.n ?? 0 };
}

/** A discussion of a review by a team, and whether the user may open the meeting. */
export interface DiscussionRow {
  meetingId: string;
  teamName: string;
  heldOn: IsoDate;
  opens: boolean;
}

/** A page of the team meetings across the service that discussed the review, the latest first. */
export async function discussionsOf(db: DbOrTx, user: SignedInUser, reviewId: string, page: number) {
  const rows = await queryRows<DiscussionRow>(
    db,
    sql`select m.id as "meetingId", t.name as "teamName", m.held_on::text as "heldOn",
        ${teamReadBy(user, sql`m.team_id`)} as opens
      from team_meetings m join teams t on t.id = m.team_id where m.review_id = ${reviewId}
      order by m.held_on desc, t.name, m.id limit ${PAGE_SIZE} offset ${offset(page)}`,
  );
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from team_meetings where review_id = ${reviewId}`,
  );
  return { rows, total: count?.n ?? 0 };
}

export interface TeamRecord {
  id: string;
  name: string;
  areaId: string;
  areaName: string;
}

export async function findTeam(db: DbOrTx, id: string): Promise<TeamRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<TeamRecord>(
    db,
    sql`select t.id, t.name, t.area_id as "areaId", a.name as "areaName" from teams t join areas a on a.id = t.area_id
      where t.id = ${id}`,
  );
  return row ?? null;
}

/** A team meeting as its page and the lists show it. */
export interface MeetingRow {
  id: string;
  teamId: string;
  teamName: string;
  areaId: string;
  heldOn: IsoDate;
  chairedBy: string;
  chairName: string;
  attended: number;
  attendees: string | null;
  reviewId: string;
  reviewTitle: string;
  learning: string;
  recordedByName: string | null;
  openActions: number;
}

const meetingColumns = sql`m.id, m.team_id as "teamId", t.name as "teamName", t.area_id as "areaId",
  m.held_on::text as "heldOn", m.chaired_by as "chairedBy", ${name('m.chaired_by')} as "chairName", m.attended, m.attendees,
  m.review_id as "reviewId", r.title as "reviewTitle", m.learning, ${name('m.recorded_by')} as "recordedByName",
  (select count(*)::int from team_meeting_actions x where x.meeting_id = m.id and x.done_on is null) as "openActions"`;
const meetingFrom = sql`team_meetings m join teams t on t.id = m.team_id join serious_case_reviews r on r.id = m.review_id`;

/** A page of a team's meetings, the latest first. No access check: the caller checked the team. */
export async function meetingsOfTeam(db: DbOrTx, teamId: string, page: number) {
  const rows = await queryRows<MeetingRow>(
    db,
    sql`select ${meetingColumns} from ${meetingFrom} where m.team_id = ${teamId}
      order by m.held_on desc, m.created_at desc, m.id limit ${PAGE_SIZE} offset ${offset(page)}`,
  );
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from team_meetings where team_id = ${teamId}`,
  );
  return { rows, total: count?.n ?? 0 };
}

/** A meeting, if the user may read its team's meetings; null otherwise (out of scope looks missing). */
export async function findMeeting(db: DbOrTx, user: SignedInUser, id: string): Promise<MeetingRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<MeetingRow>(
    db,
    sql`select ${meetingColumns} from ${meetingFrom} where m.id = ${id} and ${teamReadBy(user, sql`m.team_id`)}`,
  );
  return row ?? null;
}

export interface ActionRow {
  id: string;
  action: string;
  ownerId: string;
  ownerName: string;
  dueOn: IsoDate;
  doneOn: IsoDate | null;
  doneByName: string | null;
}

/** A meeting's actions, in the order they are due (a meeting has a handful). */
export async function actionsOf(db: DbOrTx, meetingId: string): Promise<ActionRow[]> {
  return queryRows<ActionRow>(
    db,
    sql`select x.id, x.action, x.owner_id as "ownerId", ${name('x.owner_id')} as "ownerName", x.due_on::text as "dueOn",
        x.done_on::text as "doneOn", ${name('x.done_by')} as "doneByName"
      from team_meeting_actions x where x.meeting_id = ${meetingId} order by x.due_on, x.created_at, x.id limit 100`,
  );
}

/** An action with its meeting's team, for marking it done, changing or removing it. */
export async function findAction(db: DbOrTx, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<{
    id: string;
    meetingId: string;
    action: string;
    ownerId: string;
    dueOn: IsoDate;
    teamId: string;
    areaId: string;
    doneOn: string | null;
  }>(
    db,
    sql`select x.id, x.meeting_id as "meetingId", x.action, x.owner_id as "ownerId", x.due_on::text as "dueOn",
        m.team_id as "teamId", t.area_id as "areaId", x.done_on::text as "doneOn"
      from team_meeting_actions x join team_meetings m on m.id = x.meeting_id join teams t on t.id = m.team_id
      where x.id = ${id}`,
  );
  return row ?? null;
}

/**
 * Who may chair a team's meeting: its active staff, its area's service managers and the head of
 * fostering; and, when a meeting is changed, whoever chaired it (who may since have left or moved).
 */
export async function chairChoices(db: DbOrTx, team: Pick<TeamRecord, 'id' | 'areaId'>, chairedBy?: string) {
  const kept = chairedBy && isUuid(chairedBy) ? sql`or u.id = ${chairedBy}` : sql``;
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select u.id, u.display_name as name from users u where (u.active and (u.team_id = ${team.id}
        or (u.role = 'service_manager' and u.area_id = ${team.areaId}) or u.role = 'head_of_fostering')) ${kept}
      order by u.display_name, u.id limit 200`,
  );
}

/**
 * Who an action may be given to: the team's manager and supervising social workers (they read the
 * team's meetings); and, when an action is changed, whoever has it (who may since have left or moved).
 */
export async function ownerChoices(db: DbOrTx, teamId: string, ownerId?: string) {
  const kept = ownerId && isUuid(ownerId) ? sql`or u.id = ${ownerId}` : sql``;
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select u.id, u.display_name as name from users u where (u.active and u.team_id = ${teamId}
        and u.role in ('team_manager', 'supervising_social_worker')) ${kept}
      order by u.display_name, u.id limit 500`,
  );
}

/** An extended team manager meeting as its page and the list show it. */
export interface ExtendedRow {
  id: string;
  heldOn: IsoDate;
  reflectivePractice: boolean;
  learning: string;
  reviewId: string | null;
  reviewTitle: string | null;
  recordedByName: string | null;
}

const extendedColumns = sql`e.id, e.held_on::text as "heldOn", e.reflective_practice as "reflectivePractice", e.learning,
  e.review_id as "reviewId", (select r.title from serious_case_reviews r where r.id = e.review_id) as "reviewTitle",
  ${name('e.recorded_by')} as "recordedByName"`;

export async function listExtendedMeetings(db: DbOrTx, page: number) {
  const rows = await queryRows<ExtendedRow>(
    db,
    sql`select ${extendedColumns} from extended_team_manager_meetings e
      order by e.held_on desc, e.created_at desc, e.id limit ${PAGE_SIZE} offset ${offset(page)}`,
  );
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from extended_team_manager_meetings`,
  );
  return { rows, total: count?.n ?? 0 };
}

export async function findExtendedMeeting(db: DbOrTx, id: string): Promise<ExtendedRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<ExtendedRow>(
    db,
    sql`select ${extendedColumns} from extended_team_manager_meetings e where e.id = ${id}`,
  );
  return row ?? null;
}

/** The 12 months up to `today`'s, the latest first: whether each had a meeting with reflective practice on the agenda. */
export async function lastTwelveMonths(db: DbOrTx, today: IsoDate) {
  return queryRows<{ month: string; met: boolean; meetings: number }>(
    db,
    sql`select to_char(m.start, 'YYYY-MM') as month,
        exists (select 1 from extended_team_manager_meetings e where e.reflective_practice
          and e.held_on >= m.start::date and e.held_on < (m.start + interval '1 month')::date) as met,
        (select count(*)::int from extended_team_manager_meetings e
          where e.held_on >= m.start::date and e.held_on < (m.start + interval '1 month')::date) as meetings
      from generate_series(date_trunc('month', ${today}::date) - interval '11 months', date_trunc('month', ${today}::date),
        interval '1 month') as m(start)
      order by m.start desc`,
  );
}
