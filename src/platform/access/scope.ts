import type { SignedInUser } from '../auth/sessions.ts';

/**
 * Which records a user may see, in the service's terms. This file is the one place that says
 * who sees what; modules turn a scope into a condition on their own tables (team, area,
 * allocated worker, household), so every list, record, search and export is filtered the same way.
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'area'; areaId: string }
  | { kind: 'team'; teamId: string }
  /** Records allocated to this worker (households they supervise, children they hold). */
  | { kind: 'allocated'; userId: string }
  /** A foster carer: their own household and the children placed there. */
  | { kind: 'household'; householdId: string }
  | { kind: 'none' };

/**
 * Households a user may read. Supervising social workers read their whole team (their own
 * caseload they may also change: see canChangeHousehold). Restricted households (a carer on
 * the staff) are further limited to the head of fostering and the named managers. The LADO reads
 * no household: only the allegations (modules/concerns/scope.ts).
 */
export function householdScope(user: SignedInUser): Scope {
  switch (user.role) {
    case 'head_of_fostering':
    case 'assistant_director':
    case 'reviewing_officer':
    case 'recruitment_coordinator':
    case 'payments_officer':
    case 'training_coordinator': // every carer's training record (their permissions open no household page)
    case 'panel_adviser': // prepares every household's panel items
    case 'decision_maker': // decides on every household the panel recommends
      return { kind: 'all' };
    case 'service_manager':
      return user.areaId ? { kind: 'area', areaId: user.areaId } : { kind: 'none' };
    case 'team_manager':
    case 'supervising_social_worker':
    case 'assessing_social_worker':
      return user.teamId ? { kind: 'team', teamId: user.teamId } : { kind: 'allocated', userId: user.id };
    case 'childrens_social_worker':
      // The households where their allocated children are placed (and, when matching, the profile).
      return { kind: 'allocated', userId: user.id };
    case 'foster_carer':
      return user.householdId ? { kind: 'household', householdId: user.householdId } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

/**
 * Whether the households a user may see are theirs to read in full, with the records hanging off
 * them (placements of every child there, supervision). A children's social worker sees a household
 * only as the home of a child they hold: its profile, not the other children placed there.
 */
export function readsWholeHousehold(user: SignedInUser): boolean {
  return user.role !== 'childrens_social_worker';
}

/**
 * The user narrowed to their own caseload: a supervising or assessing social worker sees only the
 * households allocated to them (and the children placed there), not the rest of their team. For
 * lists of one's own work (My work); everyone else is unchanged.
 */
export function ownCaseload(user: SignedInUser): SignedInUser {
  const caseworker = user.role === 'supervising_social_worker' || user.role === 'assessing_social_worker';
  return caseworker && user.teamId ? { ...user, teamId: null } : user;
}

/** Whether ownCaseload narrows what this user sees (so My work offers "my caseload" and "my team"). */
export function hasOwnCaseload(user: SignedInUser): boolean {
  return ownCaseload(user) !== user;
}

/** Who may change a household's record (details, carers, checks, status): not just read it. */
export function canChangeHousehold(
  user: SignedInUser,
  household: { teamId: string; areaId: string; allocatedSswId: string | null },
): boolean {
  switch (user.role) {
    case 'head_of_fostering':
      return true;
    case 'service_manager':
      return user.areaId === household.areaId;
    case 'team_manager':
      return user.teamId === household.teamId;
    case 'supervising_social_worker':
    case 'assessing_social_worker':
      return household.allocatedSswId === user.id;
    case 'recruitment_coordinator':
      return true;
    default:
      return false;
  }
}

/** Allocation of a household to a worker is a manager's action. */
export function canAllocateHousehold(user: SignedInUser, household: { teamId: string; areaId: string }): boolean {
  if (user.role === 'head_of_fostering') return true;
  if (user.role === 'service_manager') return user.areaId === household.areaId;
  return user.role === 'team_manager' && user.teamId === household.teamId;
}

/**
 * Children a user may read. Fostering staff see the children placed with the households in
 * their scope; a children's social worker sees the children allocated to them.
 */
export function childScope(user: SignedInUser): Scope | { kind: 'placed-with'; households: Scope } {
  switch (user.role) {
    case 'head_of_fostering':
    case 'assistant_director':
      return { kind: 'all' };
    case 'service_manager':
      return user.areaId ? { kind: 'area', areaId: user.areaId } : { kind: 'none' };
    case 'childrens_social_worker':
      return { kind: 'allocated', userId: user.id };
    case 'team_manager':
    case 'supervising_social_worker':
    case 'reviewing_officer':
      return { kind: 'placed-with', households: householdScope(user) };
    case 'foster_carer':
      return user.householdId ? { kind: 'household', householdId: user.householdId } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

/** Whether a staff record (a user account) is within the viewer's oversight. */
export function canOverseeUser(
  viewer: SignedInUser,
  target: { id: string; teamId: string | null; areaId: string | null },
): boolean {
  if (viewer.id === target.id) return true;
  switch (viewer.role) {
    case 'admin':
    case 'head_of_fostering':
      return true;
    case 'service_manager':
      return viewer.areaId !== null && viewer.areaId === target.areaId;
    case 'team_manager':
      return viewer.teamId !== null && viewer.teamId === target.teamId;
    default:
      return false;
  }
}
