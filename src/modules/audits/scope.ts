/**
 * Who may see and do what with case-file audits, the one place that says so (every list, page,
 * deadline and record type goes through these):
 * - the head of fostering sees every audit; a service manager those of the households in their area
 *   (as they read households); a team manager their team's;
 *   a supervising social worker the completed audits of the households allocated to them;
 *   nobody else (never a carer);
 * - a team manager picks and audits their own team's files; the head and service managers the
 *   central sample (a service manager the files in their area, whose household they read in full);
 *   the head may do any;
 * - the household's supervising social worker puts an inadequate audit right; the auditor (or the
 *   head) confirms it;
 * - a completed audit's grading is put right by those who conduct audits of the file and by the
 *   auditor who graded it.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { householdVisibleTo } from '../households/scope.ts';
import { households } from '../households/tables.ts';
import { caseAudits } from './tables.ts';

/** The SQL condition on `case_audits` for the audits a user may see. */
export function auditVisibleTo(user: SignedInUser): SQL {
  switch (user.role) {
    case 'head_of_fostering':
      return sql`true`;
    case 'service_manager':
      return sql`${caseAudits.householdId} in (select ${households.id} from ${households} where ${householdVisibleTo(user)})`;
    case 'team_manager':
      return user.teamId
        ? sql`(${caseAudits.teamId} = ${user.teamId} and ${caseAudits.householdId} in
            (select ${households.id} from ${households} where ${householdVisibleTo(user)}))`
        : sql`false`;
    case 'supervising_social_worker':
      return sql`(${caseAudits.status} = 'completed' and ${caseAudits.householdId} in
        (select ${households.id} from ${households} where ${households.allocatedSswId} = ${user.id}))`;
    default:
      return sql`false`;
  }
}

/** Which sample: a team's (its id) or the central one (null). */
export interface SamplePlace {
  teamId: string | null;
  /** The team's area, for a team's sample. */
  areaId: string | null;
}

/** Who picks a month's files: the team's manager, a service manager for their area or the central sample, the head. */
export function mayPick(user: SignedInUser, place: SamplePlace): boolean {
  switch (user.role) {
    case 'head_of_fostering':
      return true;
    case 'service_manager':
      return place.teamId === null || place.areaId === user.areaId;
    case 'team_manager':
      return place.teamId !== null && place.teamId === user.teamId;
    default:
      return false;
  }
}

/** Where an audit is, for the rules of who does it. */
export interface AuditPlace {
  /** Whether it is in the central sample. */
  central: boolean;
  /** The household's team and area. */
  teamId: string;
  areaId: string;
  allocatedSswId: string | null;
  auditorId: string | null;
}

/** Who audits a file (grades it, swaps it): the team manager for their team's sample; the central sample's auditors; the head. */
export function mayConduct(user: SignedInUser, place: AuditPlace): boolean {
  switch (user.role) {
    case 'head_of_fostering':
      return true;
    case 'team_manager':
      return !place.central && place.teamId === user.teamId;
    case 'service_manager':
      return place.central && place.areaId === user.areaId;
    default:
      return false;
  }
}

/** Who records what was done to put an inadequate audit right: the household's supervising social worker, or the head. */
export function mayPutRight(user: SignedInUser, place: AuditPlace): boolean {
  return user.role === 'head_of_fostering' || (place.allocatedSswId !== null && place.allocatedSswId === user.id);
}

/** Who confirms it was put right: the auditor, or the head. */
export function mayConfirm(user: SignedInUser, place: AuditPlace): boolean {
  return user.role === 'head_of_fostering' || (place.auditorId !== null && place.auditorId === user.id);
}

/**
 * Who puts a completed audit's grading right: those who conduct audits of the file (mayConduct: its
 * team manager, the central sample's service manager, the head), and the auditor who graded it.
 */
export function mayChangeGrading(user: SignedInUser, place: AuditPlace): boolean {
  return mayConduct(user, place) || (place.auditorId !== null && place.auditorId === user.id);
}
