/**
 * Who works a household's road in and out. Reading follows the household (householdVisibleTo);
 * recording is for the recruitment coordinator and the head of fostering anywhere, a service
 * manager in their area, a team manager in their team, and an assessing social worker in their
 * team or on an assessment they are named on. Each step narrows this to the roles it is for.
 */
import type { Role } from '../../platform/access/roles.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';

export interface WorkedHousehold {
  teamId: string;
  areaId: string;
  /** The named assessing social worker, once the assessment has started. */
  assessorId: string | null;
}

export function worksOn(user: SignedInUser, household: WorkedHousehold): boolean {
  switch (user.role) {
    case 'head_of_fostering':
    case 'recruitment_coordinator':
      return true;
    case 'service_manager':
      return user.areaId === household.areaId;
    case 'team_manager':
      return user.teamId === household.teamId;
    case 'assessing_social_worker':
      return user.teamId === household.teamId || household.assessorId === user.id;
    default:
      return false;
  }
}

/** The road in's status moves (application, assessment, withdrawal, leaving) and its coordination. */
export const coordinators: readonly Role[] = [
  'head_of_fostering',
  'service_manager',
  'team_manager',
  'recruitment_coordinator',
];
/** The assessment's own work: checks, mentor, training, completion, visits. */
export const assessors: readonly Role[] = [...coordinators, 'assessing_social_worker'];
/** Exemptions are agreed and reviewed by managers. */
export const managers: readonly Role[] = ['head_of_fostering', 'service_manager', 'team_manager'];
