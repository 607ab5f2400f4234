import { eq, sql, type SQL } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { childScope } from '../../platform/access/scope.ts';
import { households } from '../households/tables.ts';
import { householdVisibleTo } from '../households/scope.ts';
import { placements } from '../placements/tables.ts';
import { children } from './tables.ts';

/**
 * The SQL condition on `children` for what a user may read. Fostering staff see the children
 * currently placed with households they may see; a children's social worker their allocated children.
 */
export function childVisibleTo(user: SignedInUser): SQL {
  const scope = childScope(user);
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'area':
      return eq(children.areaId, scope.areaId);
    case 'allocated':
      return eq(children.allocatedSocialWorkerId, scope.userId);
    case 'household':
      return sql`exists (select 1 from ${placements} where ${placements.childId} = ${children.id}
        and ${placements.householdId} = ${scope.householdId} and ${placements.endDate} is null)`;
    case 'placed-with':
      return sql`exists (select 1 from ${placements} join ${households} on ${households.id} = ${placements.householdId}
        where ${placements.childId} = ${children.id} and ${placements.endDate} is null and ${householdVisibleTo(user)})`;
    case 'team':
    case 'none':
      return sql`false`;
  }
}
