/**
 * Who sees which meeting and which paper. Staff with the panel permission see every meeting; a
 * panel member only the meetings they sit on, and a paper only from its publication until the
 * chair signs the minutes. A household's worker opens the papers of the households they may see.
 */
import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { teams } from '../../platform/auth/tables.ts';
import { can } from '../../platform/access/policy.ts';
import { canChangeHousehold } from '../../platform/access/scope.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { findVisibleHousehold, householdVisibleTo } from '../households/scope.ts';
import { households } from '../households/tables.ts';
import { recruitmentAssessments } from '../recruitment/tables.ts';
import { panelAttendance, panelMeetings, panelMembers } from './tables.ts';

/** The panel member linked to this user's account, while on the list. */
export async function memberOfUser(db: DbOrTx, user: SignedInUser) {
  const today = todayInLondon();
  const [row] = await db
    .select()
    .from(panelMembers)
    .where(and(eq(panelMembers.userId, user.id), or(isNull(panelMembers.leavesOn), gt(panelMembers.leavesOn, today))))
    .limit(1);
  return row ?? null;
}

/** Whether the member sits on the meeting. */
export async function sitsOn(db: DbOrTx, memberId: string, meetingId: string): Promise<boolean> {
  const [row] = await db
    .select({ m: panelAttendance.memberId })
    .from(panelAttendance)
    .where(and(eq(panelAttendance.meetingId, meetingId), eq(panelAttendance.memberId, memberId)));
  return Boolean(row);
}

/** Whether the user may open the meeting's page. */
export async function seesMeeting(db: DbOrTx, user: SignedInUser, meetingId: string): Promise<boolean> {
  if (!can(user.role, 'panel.view')) return false;
  if (user.role !== 'panel_member') return true;
  const member = await memberOfUser(db, user);
  return member !== null && (await sitsOn(db, member.id, meetingId));
}

/** Whether the paper is open to the meeting's members today: published, and the minutes not yet signed. */
export function openToMembers(
  paper: { publishedOn: string | null },
  meeting: { minutesSignedOn: string | null },
  today = todayInLondon(),
): boolean {
  return paper.publishedOn !== null && paper.publishedOn <= today && meeting.minutesSignedOn === null;
}

/** What the meeting's page already knows for each of its papers: whether the member sits, the households the user may read. */
export interface KnownForPapers {
  sitting: boolean;
  readsHousehold: (householdId: string) => boolean;
}

/**
 * Whether the user may open this paper. The meeting's page passes what it knows for all its
 * papers (`known`), so it asks nothing again for each.
 */
export async function opensPaper(
  db: DbOrTx,
  user: SignedInUser,
  paper: { publishedOn: string | null },
  meeting: typeof panelMeetings.$inferSelect,
  householdId: string,
  known?: KnownForPapers,
): Promise<boolean> {
  if (user.role === 'panel_member') {
    return (known?.sitting ?? (await seesMeeting(db, user, meeting.id))) && openToMembers(paper, meeting);
  }
  if (can(user.role, 'panel.manage') || can(user.role, 'panel.decide')) return true;
  if (!can(user.role, 'panel.papers')) return false;
  if (known) return known.readsHousehold(householdId);
  return (await findVisibleHousehold(db, user, householdId)) !== null;
}

/** Of these households (a meeting's agenda), those the user may read: one query for the whole agenda. */
export async function householdsReadBy(db: DbOrTx, user: SignedInUser, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: households.id })
    .from(households)
    .where(and(inArray(households.id, [...new Set(ids)]), householdVisibleTo(user)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Of these households (a meeting's agenda), those the user presents to the panel: `changes`, those
 * they may change (they upload papers, check a skills level's evidence, and as a team manager or the
 * head quality-assure the papers); `assesses`, those whose assessment names them as the assessing
 * social worker (they upload its papers too). One query for the whole agenda.
 */
export async function householdsPresentedBy(
  db: DbOrTx,
  user: SignedInUser,
  ids: readonly string[],
): Promise<{ changes: Set<string>; assesses: Set<string> }> {
  const changes = new Set<string>();
  const assesses = new Set<string>();
  if (ids.length === 0 || !can(user.role, 'panel.papers')) return { changes, assesses };
  const rows = await db
    .select({
      id: households.id,
      teamId: households.teamId,
      areaId: teams.areaId,
      allocatedSswId: households.allocatedSswId,
      assessorId: recruitmentAssessments.assessorId,
    })
    .from(households)
    .innerJoin(teams, eq(teams.id, households.teamId))
    .leftJoin(recruitmentAssessments, eq(recruitmentAssessments.householdId, households.id))
    .where(and(inArray(households.id, [...new Set(ids)]), householdVisibleTo(user)));
  for (const row of rows) {
    if (canChangeHousehold(user, row)) changes.add(row.id);
    if (user.role === 'assessing_social_worker' && row.assessorId === user.id) assesses.add(row.id);
  }
  return { changes, assesses };
}

/** Whether the user may upload a paper for the household's item: the panel adviser, or one who presents it. */
export async function uploadsPapersFor(db: DbOrTx, user: SignedInUser, householdId: string): Promise<boolean> {
  if (user.role === 'panel_adviser') return true;
  const { changes, assesses } = await householdsPresentedBy(db, user, [householdId]);
  return changes.has(householdId) || assesses.has(householdId);
}
