/**
 * Who may read and record learning from serious case reviews, the one place that says so:
 * - the reviews themselves (published reports, nothing identifying a child of ours): everyone with
 *   `team-meetings.view`; kept by the head of fostering (`team-meetings.manage`);
 * - a team's meetings and their actions: the team's own manager and supervising social workers, the
 *   area's service manager, the head of fostering and the assistant director; recorded, changed and
 *   removed (`team-meetings.record`) by the team's own manager, the area's service manager (who chairs
 *   while the team manager is away) and the head; an action marked done by its owner or one of them;
 * - the monthly extended team manager meetings: the managers who attend them and the assistant
 *   director (`team-meetings.extended`); recorded by the head.
 * Never a foster carer or a child's social worker.
 */
import { sql, type SQL } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';

export const mayReadLearning = (user: SignedInUser) => can(user.role, 'team-meetings.view');
export const mayManageReviews = (user: SignedInUser) => can(user.role, 'team-meetings.manage');
export const mayReadExtended = (user: SignedInUser) => can(user.role, 'team-meetings.extended');

const readsEveryTeam = (user: SignedInUser) => user.role === 'head_of_fostering' || user.role === 'assistant_director';

/** The SQL condition on a team id (a column or value) for the teams whose meetings the user may read. */
export function teamReadBy(user: SignedInUser, teamId: SQL): SQL {
  if (!mayReadLearning(user)) return sql`false`;
  if (readsEveryTeam(user)) return sql`true`;
  if (user.role === 'service_manager') {
    return user.areaId ? sql`${teamId} in (select t.id from teams t where t.area_id = ${user.areaId})` : sql`false`;
  }
  return user.teamId ? sql`${teamId} = ${user.teamId}` : sql`false`;
}

/** Whether the user may read this team's meetings. */
export function readsTeam(user: SignedInUser, team: { id: string; areaId: string }): boolean {
  if (!mayReadLearning(user)) return false;
  if (readsEveryTeam(user)) return true;
  if (user.role === 'service_manager') return user.areaId !== null && user.areaId === team.areaId;
  return user.teamId !== null && user.teamId === team.id;
}

/**
 * Whether the user records (and changes or removes) this team's meetings and actions: its own
 * manager, the service manager of its area, or the head of fostering; never another team's manager.
 */
export function recordsForTeam(user: SignedInUser, team: { id: string; areaId: string }): boolean {
  if (!can(user.role, 'team-meetings.record')) return false;
  if (user.role === 'head_of_fostering') return true;
  if (user.role === 'service_manager') return user.areaId !== null && user.areaId === team.areaId;
  return user.role === 'team_manager' && user.teamId !== null && user.teamId === team.id;
}

/** Whether the user may mark an action done: its owner, or one who records the team's meetings. */
export const closesAction = (user: SignedInUser, action: { ownerId: string; teamId: string; areaId: string }) =>
  user.id === action.ownerId || recordsForTeam(user, { id: action.teamId, areaId: action.areaId });
