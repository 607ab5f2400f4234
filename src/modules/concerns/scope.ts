/**
 * Who may see which matter, the one place that says so (every list, page, deadline and record
 * type goes through these conditions):
 * - an allegation: the LADO (every one, county-wide), the head of fostering, the household's
 *   supervising social worker and its team manager, and the social worker of a child it names;
 *   never the carer (the portal shows only that a matter is open, its stage and their support);
 * - any other matter: whoever reads the household in full, or, with no household, the team's
 *   staff and those above them; a child's social worker sees the matters naming their child;
 * - a child's account: only the LADO, the head and that child's own social worker.
 */
import { sql, type SQL } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import { householdScope, readsWholeHousehold } from '../../platform/access/scope.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { teams } from '../../platform/auth/tables.ts';
import { children } from '../children/tables.ts';
import { householdVisibleTo } from '../households/scope.ts';
import { households } from '../households/tables.ts';
import { concernChildren, concerns, significantEvents } from './tables.ts';

/** The matters naming a child allocated to this social worker. */
function namingTheirChild(user: SignedInUser): SQL {
  return sql`${concerns.id} in (select ${concernChildren.concernId} from ${concernChildren}
    join ${children} on ${children.id} = ${concernChildren.childId}
    where ${children.allocatedSocialWorkerId} = ${user.id})`;
}

/** The allegations on the households this user works: their own caseload, or their team's as its manager. */
function allegationsOfTheirHouseholds(user: SignedInUser): SQL {
  const visible = householdVisibleTo(user);
  if (user.role === 'team_manager' && user.teamId) {
    return sql`${concerns.householdId} in (select ${households.id} from ${households}
      where ${households.teamId} = ${user.teamId} and ${visible})`;
  }
  if (user.role === 'supervising_social_worker') {
    return sql`${concerns.householdId} in (select ${households.id} from ${households}
      where ${households.allocatedSswId} = ${user.id} and ${visible})`;
  }
  return sql`false`;
}

/** Matters with no household: the team's, within the user's household scope (team, area or all). */
function serviceMatters(user: SignedInUser): SQL {
  const scope = householdScope(user);
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'area':
      return sql`${concerns.teamId} in (select ${teams.id} from ${teams} where ${teams.areaId} = ${scope.areaId})`;
    case 'team':
      return sql`${concerns.teamId} = ${scope.teamId}`;
    case 'allocated':
      return sql`${concerns.recordedBy} = ${user.id}`;
    default:
      return sql`false`;
  }
}

/** The SQL condition on `concerns` for the matters a user may see. */
export function concernVisibleTo(user: SignedInUser): SQL {
  if (user.role === 'head_of_fostering') return sql`true`;
  if (user.role === 'lado') return sql`${concerns.kind} = 'allegation'`;
  if (!can(user.role, 'concerns.view')) return sql`false`;
  if (!readsWholeHousehold(user)) return namingTheirChild(user);
  const otherKinds = sql`(${concerns.householdId} in (select ${households.id} from ${households}
      where ${householdVisibleTo(user)})
    or (${concerns.householdId} is null and ${serviceMatters(user)}))`;
  return sql`((${concerns.kind} = 'allegation' and ${allegationsOfTheirHouseholds(user)})
    or (${concerns.kind} <> 'allegation' and ${otherKinds}))`;
}

/** The SQL condition on `significant_events`: an allegation's event as its allegation, others as the household. */
export function eventVisibleTo(user: SignedInUser): SQL {
  if (user.role === 'head_of_fostering') return sql`true`;
  const ofVisibleAllegation = sql`${significantEvents.concernId} in (select ${concerns.id} from ${concerns}
    where ${concernVisibleTo(user)})`;
  if (user.role === 'lado') return sql`(${significantEvents.concernId} is not null and ${ofVisibleAllegation})`;
  if (!can(user.role, 'concerns.view')) return sql`false`;
  const other = readsWholeHousehold(user)
    ? sql`${significantEvents.householdId} in (select ${households.id} from ${households} where ${householdVisibleTo(user)})`
    : sql`${significantEvents.childId} in (select ${children.id} from ${children}
        where ${children.allocatedSocialWorkerId} = ${user.id})`;
  return sql`((${significantEvents.concernId} is not null and ${ofVisibleAllegation})
    or (${significantEvents.concernId} is null and ${other}))`;
}

/** Whether the user reads this child's account: the LADO, the head and the child's own social worker. */
export function readsChildAccount(user: SignedInUser, child: { allocatedSocialWorkerId: string | null }): boolean {
  return (
    user.role === 'lado' ||
    user.role === 'head_of_fostering' ||
    (user.role === 'childrens_social_worker' && child.allocatedSocialWorkerId === user.id)
  );
}

/** Where a matter is, for the rules of who works it. */
export interface MatterPlace {
  kind: string;
  householdId: string | null;
  /** The household's team, or the matter's own when it has no household. */
  teamId: string;
  areaId: string;
  allocatedSswId: string | null;
}

/**
 * Who works a matter (records it, its referral, support, outcomes given, complaint stages, closing):
 * the head; the team manager of its team; the household's supervising social worker (any of the
 * team's for a matter with no household); a service manager for their area, except allegations,
 * which they do not see.
 */
export function worksOn(user: SignedInUser, place: MatterPlace): boolean {
  switch (user.role) {
    case 'head_of_fostering':
      return true;
    case 'team_manager':
      return user.teamId === place.teamId;
    case 'supervising_social_worker':
      return place.householdId ? place.allocatedSswId === user.id : user.teamId === place.teamId;
    case 'service_manager':
      return place.kind !== 'allegation' && user.areaId === place.areaId;
    default:
      return false;
  }
}

/** The LADO's part of an allegation (decision, meetings, outcome): the LADO and the head of fostering. */
export function worksAsLado(user: SignedInUser, place: Pick<MatterPlace, 'kind'>): boolean {
  return place.kind === 'allegation' && (user.role === 'lado' || user.role === 'head_of_fostering');
}
