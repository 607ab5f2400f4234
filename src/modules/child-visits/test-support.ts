/** Test support: visits written straight to the database (no audit), their deadline kept as the service keeps it. */
import { eq } from 'drizzle-orm';
import { users } from '../../platform/auth/tables.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Db } from '../../platform/db/client.ts';
import { dueFor, refreshDueItems } from '../../platform/due/index.ts';
import { viewer } from '../home/test-support.ts';
import { refreshChildVisitFacts } from './facts.ts';
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
  await refreshChildVisitFacts(db, [(row!.placementId ?? row!.agencyPlacementId)!]);
  await refreshDueItems(db, VISIT_RECORD, [row!.id], today);
  return row!;
}

/** The child's next visit as My work shows the head of fostering, after refreshing it as on `today`. */
export async function nextVisitDueOf(db: Db, childId: string, today: string) {
  await refreshDueItems(db, 'child', [childId], today);
  const head = await viewer(db, 'head');
  return (await dueFor(db, head, { today, horizonDays: 3650, ruleIds: ['child-visits.statutory-visit'] }))
    .filter((e) => e.recordId === childId)
    .map((e) => ({ dueOn: e.dueOn, detail: e.detail }));
}
