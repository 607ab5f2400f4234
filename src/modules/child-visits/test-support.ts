/** Test support: visits written straight to the database (no audit), their deadline kept as the service keeps it. */
import { eq } from 'drizzle-orm';
import { users } from '../../platform/auth/tables.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { VISIT_RECORD } from './service.ts';
import { childVisits } from './tables.ts';

export interface VisitOverrides extends Partial<typeof childVisits.$inferInsert> {
  childId: string;
  visitedOn: string;
  /** Refresh the deadline as on this day (default today). */
  today?: string;
}

/** A visit in which the child was seen alone at the placement, by the demo `cicsw`, during an in-house placement unless said. */
export async function makeVisit(db: DbOrTx, overrides: VisitOverrides) {
  const { today, ...values } = overrides;
  const [cicsw] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'cicsw'));
  const [row] = await db
    .insert(childVisits)
    .values({
      childSeen: true,
      seenAlone: true,
      place: 'placement',
      visitedBy: cicsw!.id,
      recordedBy: cicsw!.id,
      ...values,
    })
    .returning();
  await refreshDueItems(db, VISIT_RECORD, [row!.id], today);
  return row!;
}
