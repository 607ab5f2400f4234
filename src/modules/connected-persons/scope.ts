/**
 * Who may see and record temporary approvals of connected persons, the one place that says so:
 * - read (`connected-persons.view`) by those who read the household (households/scope.ts) or the
 *   child (children/scope.ts): the fostering side and the child's social worker alike;
 * - given, extended and ended (`connected-persons.approve`) by team managers, service managers and
 *   the head, who record the nominated officer's decisions, for households they may read (and, to
 *   give one, a child they may read);
 * - never by a foster carer.
 * Queries join `households` and `children` by those names for the scope conditions.
 */
import { sql, type SQL } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { childVisibleTo } from '../children/scope.ts';
import { householdVisibleTo } from '../households/scope.ts';

/** The SQL condition on an approval's `households` and `children` for the approvals this user may read. */
export function approvalVisibleTo(user: SignedInUser): SQL {
  return sql`(${householdVisibleTo(user)} or ${childVisibleTo(user)})`;
}

export const mayReadApprovals = (user: SignedInUser) => can(user.role, 'connected-persons.view');
export const mayApprove = (user: SignedInUser) => can(user.role, 'connected-persons.approve');
