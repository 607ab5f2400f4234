/** Test fixtures for Carer Ambassadors: a carer's time as one, written straight to the table. */
import { eq } from 'drizzle-orm';
import { makeCarer } from '../../../test/support/households.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { carerAmbassadors } from './tables.ts';

/**
 * A new carer of the household, a Carer Ambassador from `startedOn` (until `endedOn`): its id, the
 * carer's, and `now()`, their time as an ambassador as it stands.
 */
export async function makeAmbassador(
  db: DbOrTx,
  householdId: string,
  name: { firstName: string; lastName: string },
  startedOn: IsoDate,
  endedOn: IsoDate | null = null,
) {
  const carer = await makeCarer(db, householdId, name);
  const [row] = await db
    .insert(carerAmbassadors)
    .values({ carerId: carer.id, householdId, startedOn, endedOn })
    .returning();
  const id = row!.id;
  const now = async () => (await db.select().from(carerAmbassadors).where(eq(carerAmbassadors.id, id)))[0]!;
  return { id, carerId: carer.id, now };
}
