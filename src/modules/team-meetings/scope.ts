/**
 * Who may read and record learning from serious case reviews, the one place that says so:
 * - the reviews themselves (published reports, nothing identifying a child of ours): everyone with
 *   `team-meetings.view`; kept by the head of fostering (`team-meetings.manage`);
 * - a team's meetings and their actions: the team's own manager and supervising social workers, the
 *   area's service manager, the head of fostering and the assistant director; recorded by the team's
 *   own manager alone (`team-meetings.record`); an action marked done by its owner or the team's manager;
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

/** Whether the user records this team's meetings: its own manager. */
export const recordsForTeam = (user: SignedInUser, teamId: string) =>
  can(user.role, 'team-meetings.record') && user.teamId === teamId;

/** Whether the user may mark an action done: its owner, or the team's manager. */
export const closesAction = (user: SignedInUser, action: { ownerId: string; teamId: string }) =>
  user.id === action.ownerId || recordsForTeam(user, action.teamId);
