/**
 * The placements module's kept facts: every placement, with its household's team, area and name,
 * any temporary approval, and the child's reference, area and leaving day (kept_placements: the
 * children's visits measure reads those regulation 28(2) times, the in-house placements measure
 * every one), kept by child: a change to a placement, a household, a temporary approval or a child
 * moves the rows of the children it names (`affectedBy`), in the same call that moves their
 * deadlines (refreshDueItems).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { KeptFacts } from '../../platform/measures/facts.ts';
import { everyPlacementRow } from './scope.ts';

/** The children a change to these records (ids) moves. */
const childrenOf =
  (table: string, column = 'id') =>
  (ids: SQL) =>
    sql`select child_id from ${sql.raw(table)} where ${sql.raw(column)} in ${ids}`;

export const keptPlacementFacts: KeptFacts = {
  table: 'kept_placements',
  key: 'child_id',
  columns: [
    'kind',
    'id',
    'child_id',
    'start_date',
    'end_date',
    'placement_type',
    'team_id',
    'area_id',
    'restricted',
    'placed_with',
    'reg24_from',
    'reg24_until',
    'child_reference',
    'child_area_id',
    'child_left_care_on',
  ],
  derive(keys?: SQL) {
    const rows = everyPlacementRow((t) => (keys ? sql`${t}.child_id in (${keys})` : sql`true`));
    return sql`select u.*, c.reference, c.area_id, c.left_care_on from (${rows}) u join children c on c.id = u.child_id`;
  },
  affectedBy: {
    // Its area, the day it left care.
    child: (ids) => sql`select id from children where id in ${ids}`,
    placement: childrenOf('placements'),
    'agency-placement': childrenOf('agency_placements'),
    // Its team (and so its area), its name, whether it is restricted, the day it was approved.
    household: childrenOf('placements', 'household_id'),
    'temporary-approval': childrenOf('temporary_approvals'),
  },
};
