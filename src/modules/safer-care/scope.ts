/**
 * Who may read and record a household's safer-care plan, the one place that says so:
 * - read (`safer-care.view`) by those who read the household in full (not a child's social worker,
 *   who sees it only as their child's home): managers, the assistant director, supervising social
 *   workers and reviewing officers, within the households they read;
 * - recorded and corrected (`safer-care.record`) by those who change the household: the head, a
 *   service manager in their area, a team manager in their team, and the household's own
 *   supervising or assessing social worker.
 */
import { can } from '../../platform/access/policy.ts';
import { canChangeHousehold } from '../../platform/access/scope.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { findHouseholdReadInFull, type HouseholdRecord } from '../households/scope.ts';

/** The household, if the user may read its safer-care plan; null otherwise. */
export async function householdWithPlans(
  db: DbOrTx,
  user: SignedInUser,
  householdId: string,
): Promise<HouseholdRecord | null> {
  if (!can(user.role, 'safer-care.view')) return null;
  return findHouseholdReadInFull(db, user, householdId);
}

/** Whether the user may record or correct this household's plan. */
export const mayRecordPlan = (user: SignedInUser, household: HouseholdRecord) =>
  can(user.role, 'safer-care.record') && canChangeHousehold(user, household);
