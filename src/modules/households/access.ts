import type { Who } from '../../platform/views/results.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { findVisibleHousehold, type HouseholdRecord } from './scope.ts';

/** Reads a household for one of its pages and writes the 'view' to the audit trail. */
export async function viewHousehold(db: DbOrTx, who: Who, id: string, page: string): Promise<HouseholdRecord | null> {
  const household = await findVisibleHousehold(db, who.user, id);
  if (!household) return null;
  await recordHouseholdView(db, who, id, page);
  return household;
}

/** Records that a page of a household already found within the viewer's access was shown. */
export async function recordHouseholdView(db: DbOrTx, who: Who, id: string, page: string): Promise<void> {
  await recordAudit(db, who.actor, { action: 'view', recordType: 'household', recordId: id, detail: { page } });
}

/** The fields whose values differ (names only: the audit trail never holds personal data). */
export function changedFields(before: object, after: object): string[] {
  const was = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  return Object.keys(now).filter((k) => (was[k] ?? null) !== (now[k] ?? null));
}
