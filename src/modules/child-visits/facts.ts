/**
 * The child visits module's kept facts: each placement's last visit in which the child was seen
 * (child_visit_facts). Every write of a visit calls `refreshChildVisitFacts` in its transaction with
 * the placements it touched. (Every placement, with its household and child, is the placements
 * module's kept_placements, which the visits measure reads too.)
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { refreshFacts, type KeptFacts } from '../../platform/measures/facts.ts';
import { visitPlacement, visitPlacementKind } from './rule.ts';

export const childVisitFacts: KeptFacts = {
  table: 'child_visit_facts',
  key: 'placement_id',
  columns: ['placement_id', 'kind', 'last_seen_on'],
  derive(keys?: SQL) {
    const some = keys ? sql`and ${visitPlacement} in (${keys})` : sql``;
    return sql`select ${visitPlacement}, ${visitPlacementKind}, max(v.visited_on)
      from child_visits v where v.child_seen ${some}
      group by 1, 2`;
  },
};

/** Keeps the placements' last visits in step: call it in the transaction that changed their visits. */
export async function refreshChildVisitFacts(tx: DbOrTx, placementIds: readonly string[]): Promise<void> {
  await refreshFacts(tx, childVisitFacts, [...new Set(placementIds)]);
}
