import type { SignedInUser } from '../auth/sessions.ts';

/**
 * Which records a user may see, in the service's terms. Modules turn a scope into a
 * condition on their own tables (team, area, allocated worker, household), so every
 * list and record query is filtered the same way.
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'area'; areaId: string }
  | { kind: 'team'; teamId: string; userId: string }
  | { kind: 'allocated'; userId: string; teamId: string | null }
  | { kind: 'household'; householdId: string }
  | { kind: 'none' };

/** The caseload scope of a user: whose households, children and cases they may see. */
export function caseScope(user: SignedInUser): Scope {
  switch (user.role) {
    case 'head_of_fostering':
    case 'assistant_director':
    case 'lado':
      return { kind: 'all' };
    case 'service_manager':
      return user.areaId ? { kind: 'area', areaId: user.areaId } : { kind: 'none' };
    case 'team_manager':
      return user.teamId ? { kind: 'team', teamId: user.teamId, userId: user.id } : { kind: 'none' };
    case 'supervising_social_worker':
    case 'assessing_social_worker':
    case 'childrens_social_worker':
    case 'reviewing_officer':
      return { kind: 'allocated', userId: user.id, teamId: user.teamId };
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
