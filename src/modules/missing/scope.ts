/**
 * Who may see and record a child's missing from care episodes, the one place that says so. An
 * episode is part of the child's record:
 * - read (`missing.view`) by those who may read the child (children/scope.ts): the child's social
 *   worker, the supervising social workers and managers who see the child's household, the
 *   assistant director;
 * - recorded and changed (`missing.record`) only by those who answer for the child's placement it
 *   happened in (placements/scope.ts isPartyTo): the child's social worker, the household's
 *   supervising social worker (the carer rings them first), the household's team manager, the
 *   area's service manager and the head; not by the rest of the team, who read it;
 * - never by a foster carer, a reviewing officer or anyone else.
 */
import { sql, type SQL } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { childVisibleTo } from '../children/scope.ts';
import { isPartyTo, type PlacementParties } from '../placements/scope.ts';

/** The SQL condition on `children` for the children whose episodes this user may read (with the permission). */
export const episodeChildVisibleTo = (user: SignedInUser): SQL => childVisibleTo(user);

export const mayReadEpisodes = (user: SignedInUser) => can(user.role, 'missing.view');
/** Whether the user's role records episodes at all (the links and forms; each episode is checked by mayChangeEpisode). */
export const mayRecordEpisodes = (user: SignedInUser) => can(user.role, 'missing.record');

/** Whether the user may record or change an episode in this placement (the parties to it). */
export const mayChangeEpisode = (user: SignedInUser, parties: PlacementParties) =>
  mayRecordEpisodes(user) && isPartyTo(user, parties);

/**
 * The parties to a placement as SQL columns, given the placement's household (h) and child (`child`,
 * by default c) joined: for mayChangeEpisode.
 */
export const partiesColumns = (child = 'c') => {
  const c = sql.raw(child);
  return sql`${c}.allocated_social_worker_id as "childSocialWorkerId", ${c}.area_id as "childAreaId",
  h.team_id as "householdTeamId", (select t.area_id from teams t where t.id = h.team_id) as "householdAreaId",
  h.allocated_ssw_id as "householdSswId"`;
};
