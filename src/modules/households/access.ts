import type { SignedInUser } from '../../platform/auth/sessions.ts';
import {
  forbidden,
  invalid,
  notFound,
  type FieldError,
  type Invalid,
  type Refusal,
  type Who,
} from '../../platform/views/results.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { canAllocateHousehold, canChangeHousehold } from '../../platform/access/scope.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { findVisibleHousehold, type HouseholdRecord } from './queries.ts';

export { forbidden, invalid, notFound, type FieldError, type Invalid, type Refusal, type Who };

export type Need = 'change' | 'allocate' | 'restricted-access';

/** What the viewer may do with a household they can see (for showing or hiding links). */
export function householdAbilities(user: SignedInUser, household: HouseholdRecord) {
  return {
    change: canChangeHousehold(user, household),
    allocate: canAllocateHousehold(user, household),
    restrictedAccess: user.role === 'head_of_fostering',
  };
}

/**
 * The household, if the user may see it (404 otherwise) and may do what they ask (403 otherwise).
 * Pass the transaction so the check and the change see the same row.
 */
export async function householdFor(
  db: DbOrTx,
  user: SignedInUser,
  id: string,
  need: Need,
): Promise<{ ok: true; household: HouseholdRecord } | Refusal> {
  const household = await findVisibleHousehold(db, user, id);
  if (!household) return notFound;
  const abilities = householdAbilities(user, household);
  const allowed =
    need === 'change' ? abilities.change : need === 'allocate' ? abilities.allocate : abilities.restrictedAccess;
  return allowed ? { ok: true, household } : forbidden;
}

/** Reads a household for one of its pages and writes the 'view' to the audit trail. */
export async function viewHousehold(db: DbOrTx, who: Who, id: string, page: string): Promise<HouseholdRecord | null> {
  const household = await findVisibleHousehold(db, who.user, id);
  if (!household) return null;
  await recordAudit(db, who.actor, { action: 'view', recordType: 'household', recordId: id, detail: { page } });
  return household;
}

/** The fields whose values differ (names only: the audit trail never holds personal data). */
export function changedFields(before: object, after: object): string[] {
  const was = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  return Object.keys(now).filter((k) => (was[k] ?? null) !== (now[k] ?? null));
}
