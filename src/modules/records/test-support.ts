/**
 * Test fixtures for the records module: a request for a household's records written straight to
 * the database with its due date and deadline kept, as the service keeps them. Made-up names only.
 */
import type { DbOrTx } from '../../platform/db/client.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { REQUEST_RECORD } from './labels.ts';
import { sendDueOn } from './service.ts';
import { recordsRequests } from './tables.ts';

/** A request from a fostering provider received on a day (due 15 working days on), sent or not. */
export async function makeRequest(
  db: DbOrTx,
  values: Partial<typeof recordsRequests.$inferInsert> & { householdId: string; receivedOn: string },
) {
  const [row] = await db
    .insert(recordsRequests)
    .values({
      organisation: 'Harbourlight Fostering',
      kind: 'fostering_provider',
      dueOn: sendDueOn(values.receivedOn),
      ...values,
    })
    .returning();
  await refreshDueItems(db, REQUEST_RECORD, [row!.id]);
  return row!;
}
