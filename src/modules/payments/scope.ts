/**
 * Who may see and record carers' payments, the one place that says so:
 * - the published rates hold no personal record: everyone with `payments.view` reads them (the head
 *   of fostering, service and team managers, the assistant director, supervising social workers,
 *   the payments officer); the head and the payments officer record them (`payments.manage`);
 * - a disability enhancement names a child: it is read through the household the child is placed
 *   with, as that viewer reads households (a supervising social worker and a team manager their
 *   team's, a service manager their area's; the head, the director and the payments officer every
 *   one but the restricted households they are not named on), by those with `payments.view`;
 *   recorded by those with `payments.manage`, for a household they read;
 * - a carer reads the rates that apply to the children placed with their own household, on the portal.
 */
import { sql, type SQL } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { visibleHouseholdIds } from '../households/scope.ts';

/** The SQL condition, on a household id column, for the households whose children's enhancements the user may read. */
export function enhancementHouseholdVisibleTo(user: SignedInUser, householdId: SQL): SQL {
  if (!can(user.role, 'payments.view')) return sql`false`;
  if (user.role === 'head_of_fostering') return sql`true`;
  return sql`${householdId} in (${visibleHouseholdIds(user)})`;
}

/** Who records rates and enhancements. */
export const mayManagePayments = (user: SignedInUser) => can(user.role, 'payments.manage');
