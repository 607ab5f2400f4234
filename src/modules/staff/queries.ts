/** The staff module's reads: a member of staff, their folder, a session, and lists (paged and filtered in SQL). */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { teams, users } from '../../platform/auth/tables.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { isUuid } from '../../platform/views/params.ts';
import { managerOf, seesMember, staffRoleList, visibleStaffIds } from './scope.ts';
import { DEFAULT_SUPERVISION_WEEKS } from './settings.ts';
import { staffAgreements, staffPdps, staffSessions, staffStarts, staffTraining } from './tables.ts';

export interface MemberRecord {
  id: string;
  displayName: string;
  role: string;
  teamId: string | null;
  teamName: string | null;
  active: boolean;
  managerName: string | null;
}

/** A member of staff by id (any user with a staff role), with their team and manager's name. */
export async function findMember(db: DbOrTx, id: string): Promise<MemberRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<MemberRecord>(
    db,
    sql`select u.id, u.display_name as "displayName", u.role, u.team_id as "teamId", t.name as "teamName", u.active,
        (select m.display_name from users m where m.id = ${managerOf}) as "managerName"
      from users u left join teams t on t.id = u.team_id
      where u.id = ${id} and u.role in (${staffRoleList})`,
  );
  return row ?? null;
}

/** The member if this user may see their folder, otherwise null (a 404: it does not exist for them). */
export async function findVisibleMember(db: DbOrTx, user: SignedInUser, id: string): Promise<MemberRecord | null> {
  const member = await findMember(db, id);
  return member && seesMember(user, member) ? member : null;
}

/** The member's current personal development plan (the latest reviewed), or null. */
export async function currentPdp(db: DbOrTx, memberId: string) {
  const [pdp] = await db
    .select()
    .from(staffPdps)
    .where(eq(staffPdps.staffUserId, memberId))
    .orderBy(desc(staffPdps.reviewedOn), desc(staffPdps.createdAt))
    .limit(1);
  return pdp ?? null;
}

export const SESSIONS_PAGE_SIZE = 12;

/** Everything in the member's folder: the agreement, a page of sessions, the PDP, training and induction. */
export async function folderOf(db: DbOrTx, memberId: string, page: number) {
  const [agreement] = await db
    .select({
      signedOn: staffAgreements.signedOn,
      frequencyWeeks: staffAgreements.frequencyWeeks,
      supervisorName: users.displayName,
    })
    .from(staffAgreements)
    .innerJoin(users, eq(users.id, staffAgreements.supervisorId))
    .where(eq(staffAgreements.staffUserId, memberId))
    .orderBy(desc(staffAgreements.signedOn), desc(staffAgreements.createdAt))
    .limit(1);
  const sessions = await db
    .select({
      id: staffSessions.id,
      heldOn: staffSessions.heldOn,
      supervisorName: users.displayName,
      staffSignedAt: staffSessions.staffSignedAt,
      pdpReviewed: staffSessions.pdpReviewed,
    })
    .from(staffSessions)
    .innerJoin(users, eq(users.id, staffSessions.supervisorId))
    .where(eq(staffSessions.staffUserId, memberId))
    .orderBy(desc(staffSessions.heldOn), desc(staffSessions.createdAt))
    .limit(SESSIONS_PAGE_SIZE)
    .offset((page - 1) * SESSIONS_PAGE_SIZE);
  const [counts] = await queryRows<{ total: number; unsigned: number; last: string | null }>(
    db,
    sql`select count(*)::int as total, (count(*) filter (where staff_signed_at is null))::int as unsigned,
        max(held_on)::text as last
      from staff_supervision_sessions where staff_user_id = ${memberId}`,
  );
  const pdp = await currentPdp(db, memberId);
  const training = await queryRows<{ item: string; last: string }>(
    db,
    sql`select item, max(completed_on)::text as last from staff_training where staff_user_id = ${memberId} group by item`,
  );
  const [start] = await db.select().from(staffStarts).where(eq(staffStarts.userId, memberId));
  const trainingRecords = await db
    .select({ id: staffTraining.id, item: staffTraining.item, completedOn: staffTraining.completedOn })
    .from(staffTraining)
    .where(eq(staffTraining.staffUserId, memberId))
    .orderBy(desc(staffTraining.completedOn), staffTraining.item, desc(staffTraining.createdAt));
  return {
    agreement: agreement ?? null,
    sessions,
    sessionCount: counts?.total ?? 0,
    unsigned: counts?.unsigned ?? 0,
    lastSessionOn: counts?.last ?? null,
    pdp,
    training: new Map(training.map((t) => [t.item, t.last])),
    start: start ?? null,
    /** Every training record, the latest first: what the manager changes or removes. */
    trainingRecords,
  };
}
export type Folder = Awaited<ReturnType<typeof folderOf>>;

/** A session with its member, or null. */
export async function findSession(db: DbOrTx, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ session: staffSessions, supervisorName: users.displayName })
    .from(staffSessions)
    .innerJoin(users, eq(users.id, staffSessions.supervisorId))
    .where(eq(staffSessions.id, id));
  return row ?? null;
}

/** A training record in a member's folder, or null. */
export async function findTraining(db: DbOrTx, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(staffTraining).where(eq(staffTraining.id, id));
  return row ?? null;
}

export const TEAM_PAGE_SIZE = 25;
export const statusFilters = ['overdue', 'due-soon'] as const;
export type StatusFilter = (typeof statusFilters)[number];

export interface TeamListQuery {
  teamId: string | null;
  status: StatusFilter | null;
  page: number;
  today: string;
}

export interface TeamRow {
  id: string;
  displayName: string;
  role: string;
  teamName: string | null;
  lastOn: string | null;
  dueOn: string;
  unsigned: number;
}

/** The members of staff this user oversees, with their last session and when the next is due; filtered and paged in SQL. */
export async function teamList(db: DbOrTx, user: SignedInUser, query: TeamListQuery) {
  const rows = sql`select u.id, u.display_name as "displayName", u.role, t.name as "teamName",
      s.last_on::text as "lastOn", s.unsigned::int as unsigned,
      (coalesce(s.last_on, a.signed_on, st.joined_on, (u.created_at at time zone 'Europe/London')::date)
        + coalesce(a.frequency_weeks, ${DEFAULT_SUPERVISION_WEEKS}) * 7)::text as "dueOn"
    from users u
    left join teams t on t.id = u.team_id
    left join staff_starts st on st.user_id = u.id
    left join lateral (select max(held_on) as last_on, count(*) filter (where staff_signed_at is null) as unsigned
      from staff_supervision_sessions where staff_user_id = u.id) s on true
    left join lateral (select signed_on, frequency_weeks from staff_supervision_agreements
      where staff_user_id = u.id order by signed_on desc, created_at desc limit 1) a on true
    where u.active and u.id in (${visibleStaffIds(user)}) and u.id <> ${user.id}
      and ${query.teamId ? sql`u.team_id = ${query.teamId}` : sql`true`}`;
  const status =
    query.status === 'overdue'
      ? sql`"dueOn"::date < ${query.today}::date`
      : query.status === 'due-soon'
        ? sql`"dueOn"::date between ${query.today}::date and ${query.today}::date + 14`
        : sql`true`;
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (${rows}) r where ${status}`);
  const page = await queryRows<TeamRow>(
    db,
    sql`select * from (${rows}) r where ${status} order by "dueOn", "displayName", id
      limit ${TEAM_PAGE_SIZE} offset ${(query.page - 1) * TEAM_PAGE_SIZE}`,
  );
  return { total: count?.n ?? 0, rows: page };
}

/** Teams with fostering staff, for the list's filter. */
export async function teamChoices(db: DbOrTx) {
  return db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(teams.name);
}

/** The sessions awaiting this user's own signature. */
export async function awaitingMySignature(db: DbOrTx, user: SignedInUser) {
  return db
    .select({ id: staffSessions.id, heldOn: staffSessions.heldOn })
    .from(staffSessions)
    .where(and(eq(staffSessions.staffUserId, user.id), sql`${staffSessions.staffSignedAt} is null`))
    .orderBy(staffSessions.heldOn);
}
