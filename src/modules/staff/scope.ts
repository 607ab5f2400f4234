/**
 * Who may see and work a member of staff's supervision folder, the one place that says so:
 * - the member themselves;
 * - their manager: the team manager of their team (Hearth has no line manager of its own, so the
 *   team's manager stands for it); for team managers, service managers and staff with no team,
 *   the head of fostering;
 * - the head of fostering and the assistant director (read-only), for every member of staff;
 * never a peer: another social worker, another team's manager, a service manager.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';

/** The roles whose holders are fostering staff with a supervision folder. */
export const staffRoles: readonly Role[] = [
  'service_manager',
  'team_manager',
  'supervising_social_worker',
  'assessing_social_worker',
  'reviewing_officer',
  'training_coordinator',
  'recruitment_coordinator',
  'payments_officer',
];

export const staffRoleList = sql.raw(staffRoles.map((r) => `'${r}'`).join(', '));

/** A member of staff as the rules need them. */
export interface Member {
  id: string;
  role: string;
  teamId: string | null;
}

/** Whether the member's manager is their team's team manager (otherwise the head of fostering). */
export const managedByTeam = (member: Pick<Member, 'role' | 'teamId'>) =>
  member.teamId !== null && member.role !== 'team_manager' && member.role !== 'service_manager';

/** Whether the user may read this member's folder. */
export function seesMember(user: SignedInUser, member: Member): boolean {
  if (!staffRoles.includes(member.role as Role)) return false;
  if (user.id === member.id) return true;
  if (user.role === 'head_of_fostering' || user.role === 'assistant_director') return true;
  return user.role === 'team_manager' && managedByTeam(member) && user.teamId === member.teamId;
}

/** Whether the user supervises this member: records their agreement, sessions, PDP and training. */
export function supervises(user: SignedInUser, member: Member): boolean {
  if (user.id === member.id || !staffRoles.includes(member.role as Role)) return false;
  if (user.role === 'head_of_fostering') return true;
  return user.role === 'team_manager' && managedByTeam(member) && user.teamId === member.teamId;
}

/** The SQL select of the ids of the members of staff this user may see (for lists and deadlines). */
export function visibleStaffIds(user: SignedInUser): SQL {
  const staff = sql`select id from users where role in (${staffRoleList})`;
  if (user.role === 'head_of_fostering' || user.role === 'assistant_director') return staff;
  if (user.role === 'team_manager' && user.teamId) {
    return sql`${staff} and (id = ${user.id} or (team_id = ${user.teamId}
      and role not in ('team_manager', 'service_manager')))`;
  }
  return sql`${staff} and id = ${user.id}`;
}

/**
 * The member's manager as SQL over a users row aliased `u`: the team's team manager (the first by
 * name), or the head of fostering.
 */
export const managerOf = sql`coalesce(
  case when u.team_id is not null and u.role not in ('team_manager', 'service_manager') then
    (select m.id from users m where m.role = 'team_manager' and m.team_id = u.team_id and m.active
      order by m.display_name, m.id limit 1) end,
  (select h.id from users h where h.role = 'head_of_fostering' and h.active order by h.display_name, h.id limit 1))`;

/** Whether the user audits supervision folders (Target 9.1): the head of fostering, never their own. */
export const auditsFolders = (user: SignedInUser, memberId?: string) =>
  user.role === 'head_of_fostering' && memberId !== user.id;
