/** Test support: a temporary approval written straight to the database (no audit), its deadline kept as the service keeps it. */
import type { DbOrTx } from '../../platform/db/client.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { expiresOnFor } from './labels.ts';
import { APPROVAL_RECORD } from './service.ts';
import { temporaryApprovals } from './tables.ts';

export type ApprovalValues = Partial<typeof temporaryApprovals.$inferInsert> & {
  householdId: string;
  childId: string;
  approvedOn: string;
};

/** An approval given on the day for 16 weeks (unless said), by a made-up nominated officer; its items refreshed as on `today`. */
export async function makeApproval(db: DbOrTx, values: ApprovalValues, today?: string) {
  const [row] = await db
    .insert(temporaryApprovals)
    .values({ expiresOn: expiresOnFor(values.approvedOn), approvedBy: 'Nadia Officer', ...values })
    .returning();
  await refreshDueItems(db, APPROVAL_RECORD, [row!.id], today);
  return row!;
}
