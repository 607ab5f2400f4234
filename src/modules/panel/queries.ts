/** The panel's reads for its pages: paged in SQL, no bytes of papers. */
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { users } from '../../platform/auth/tables.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { households } from '../households/tables.ts';
import { agencyDecisions, panelAttendance, panelItems, panelMeetings, panelMembers, panelPapers } from './tables.ts';

export const PAGE_SIZE = 25;

/** Meetings, latest first; for a panel member only those they sit on. */
export async function listMeetings(db: DbOrTx, memberId: string | null, page: number) {
  const where = memberId
    ? sql`exists (select 1 from panel_attendance a where a.meeting_id = ${panelMeetings.id} and a.member_id = ${memberId})`
    : sql`true`;
  const rows = await db
    .select({
      id: panelMeetings.id,
      meetsOn: panelMeetings.meetsOn,
      place: panelMeetings.place,
      online: panelMeetings.online,
      minutesSignedOn: panelMeetings.minutesSignedOn,
      // Named in full: Drizzle writes a selected column unqualified, and `i` has an id of its own.
      items: sql<number>`(select count(*)::int from panel_items i where i.meeting_id = panel_meetings.id)`,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(panelMeetings)
    .where(where)
    .orderBy(desc(panelMeetings.meetsOn))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return { rows, total: rows[0]?.total ?? 0 };
}

export const listMembers = (db: DbOrTx) =>
  db
    .select({ member: panelMembers, username: users.displayName })
    .from(panelMembers)
    .leftJoin(users, eq(users.id, panelMembers.userId))
    .orderBy(asc(panelMembers.leavesOn), asc(panelMembers.name));

export const findMember = async (db: DbOrTx, id: string) =>
  (await db.select().from(panelMembers).where(eq(panelMembers.id, id)))[0] ?? null;

/** Accounts with the panel member role, for linking a member to their account. */
export const panelAccounts = (db: DbOrTx) =>
  db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(eq(users.role, 'panel_member'))
    .orderBy(asc(users.displayName));

export async function findMeeting(db: DbOrTx, id: string) {
  return (await db.select().from(panelMeetings).where(eq(panelMeetings.id, id)))[0] ?? null;
}

/** Everything the meeting page shows: who sat, the agenda with papers, recommendations and decisions. */
export async function meetingDetail(db: DbOrTx, meetingId: string) {
  const attending = await db
    .select({ id: panelMembers.id, name: panelMembers.name, role: panelMembers.role, userId: panelMembers.userId })
    .from(panelAttendance)
    .innerJoin(panelMembers, eq(panelMembers.id, panelAttendance.memberId))
    .where(eq(panelAttendance.meetingId, meetingId))
    .orderBy(asc(panelMembers.name));
  const items = await db
    .select({
      item: panelItems,
      household: households.name,
      reference: households.reference,
      decisionId: agencyDecisions.id,
      decisionOutcome: agencyDecisions.outcome,
      decidedOn: agencyDecisions.decidedOn,
    })
    .from(panelItems)
    .innerJoin(households, eq(households.id, panelItems.householdId))
    .leftJoin(agencyDecisions, eq(agencyDecisions.itemId, panelItems.id))
    .where(eq(panelItems.meetingId, meetingId))
    .orderBy(asc(panelItems.createdAt));
  const papers = items.length
    ? await db
        .select({
          id: panelPapers.id,
          itemId: panelPapers.itemId,
          title: panelPapers.title,
          size: panelPapers.size,
          qaOutcome: panelPapers.qaOutcome,
          qaOn: panelPapers.qaOn,
          qaBy: users.displayName,
          publishedOn: panelPapers.publishedOn,
        })
        .from(panelPapers)
        .leftJoin(users, eq(users.id, panelPapers.qaBy))
        .where(
          inArray(
            panelPapers.itemId,
            items.map((i) => i.item.id),
          ),
        )
        .orderBy(asc(panelPapers.uploadedAt))
    : [];
  return {
    attending,
    items: items.map((i) => ({ ...i, papers: papers.filter((p) => p.itemId === i.item.id) })),
  };
}

/** Members on the list on a day (for the attendance form). */
export const membersOnListOn = (db: DbOrTx, day: string) =>
  db
    .select()
    .from(panelMembers)
    .where(
      and(
        lte(panelMembers.joinedOn, day),
        sql`(${panelMembers.leavesOn} is null or ${panelMembers.leavesOn} > ${day})`,
      ),
    )
    .orderBy(asc(panelMembers.name));

/** An item with its meeting, household and decision. */
export async function itemDetail(db: DbOrTx, itemId: string) {
  const [row] = await db
    .select({
      item: panelItems,
      meeting: panelMeetings,
      household: {
        id: households.id,
        name: households.name,
        reference: households.reference,
        status: households.status,
      },
      decision: agencyDecisions,
    })
    .from(panelItems)
    .innerJoin(panelMeetings, eq(panelMeetings.id, panelItems.meetingId))
    .innerJoin(households, eq(households.id, panelItems.householdId))
    .leftJoin(agencyDecisions, eq(agencyDecisions.itemId, panelItems.id))
    .where(eq(panelItems.id, itemId));
  return row ?? null;
}

/** Recommendations received with signed minutes and not yet decided, oldest first. */
export const decisionQueue = (db: DbOrTx) =>
  db
    .select({ item: panelItems, meeting: panelMeetings, household: households.name, reference: households.reference })
    .from(panelItems)
    .innerJoin(panelMeetings, eq(panelMeetings.id, panelItems.meetingId))
    .innerJoin(households, eq(households.id, panelItems.householdId))
    .leftJoin(agencyDecisions, eq(agencyDecisions.itemId, panelItems.id))
    .where(
      and(isNotNull(panelMeetings.minutesSignedOn), isNotNull(panelItems.recommendation), isNull(agencyDecisions.id)),
    )
    .orderBy(asc(panelMeetings.minutesSignedOn), asc(households.reference))
    .limit(200);

/** The published papers of the meetings a member sits on whose minutes are not yet signed. */
export const memberPapers = (db: DbOrTx, memberId: string, today: string) =>
  db
    .select({
      id: panelPapers.id,
      title: panelPapers.title,
      publishedOn: panelPapers.publishedOn,
      meetingId: panelMeetings.id,
      meetsOn: panelMeetings.meetsOn,
      kind: panelItems.kind,
      household: households.name,
    })
    .from(panelPapers)
    .innerJoin(panelItems, eq(panelItems.id, panelPapers.itemId))
    .innerJoin(panelMeetings, eq(panelMeetings.id, panelItems.meetingId))
    .innerJoin(households, eq(households.id, panelItems.householdId))
    .innerJoin(
      panelAttendance,
      and(eq(panelAttendance.meetingId, panelMeetings.id), eq(panelAttendance.memberId, memberId)),
    )
    .where(
      and(
        isNull(panelMeetings.minutesSignedOn),
        isNotNull(panelPapers.publishedOn),
        lte(panelPapers.publishedOn, today),
      ),
    )
    .orderBy(asc(panelMeetings.meetsOn), asc(panelPapers.title));
