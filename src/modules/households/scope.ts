import { and, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { householdScope } from '../../platform/access/scope.ts';
import { teams } from '../../platform/auth/tables.ts';
import { children } from '../children/tables.ts';
import { placements } from '../placements/tables.ts';
import { householdRestrictedAccess, households } from './tables.ts';

/**
 * The SQL condition on `households` for what a user may read: every household list, record,
 * search and export goes through this. Restricted households (a carer on the staff) are shown
 * only to the head of fostering and the managers named on them.
 */
export function householdVisibleTo(user: SignedInUser): SQL {
  const scope = householdScope(user);
  let condition: SQL;
  switch (scope.kind) {
    case 'all':
      condition = sql`true`;
      break;
    case 'area':
      condition = sql`${households.teamId} in (select ${teams.id} from ${teams} where ${teams.areaId} = ${scope.areaId})`;
      break;
    case 'team':
      condition = or(eq(households.teamId, scope.teamId), eq(households.allocatedSswId, user.id))!;
      break;
    case 'allocated':
      condition =
        user.role === 'childrens_social_worker'
          ? exists(
              sql`(select 1 from ${placements} join ${children} on ${children.id} = ${placements.childId}
                  where ${placements.householdId} = ${households.id}
                  and ${children.allocatedSocialWorkerId} = ${user.id})`,
            )
          : eq(households.allocatedSswId, scope.userId);
      break;
    case 'household':
      condition = eq(households.id, scope.householdId);
      break;
    case 'none':
      return sql`false`;
  }
  if (user.role === 'head_of_fostering' || scope.kind === 'household') return condition;
  return and(condition, restrictedReadableBy(user))!;
}

/** A restricted household is read only by the managers named on it (the head reads every one). */
function restrictedReadableBy(user: SignedInUser): SQL {
  // exists() does not parenthesise raw SQL: the brackets make it a subquery.
  const namedOnRestricted = exists(
    sql`(select 1 from ${householdRestrictedAccess}
        where ${householdRestrictedAccess.householdId} = ${households.id}
        and ${householdRestrictedAccess.userId} = ${user.id})`,
  );
  return or(eq(households.restricted, false), namedOnRestricted)!;
}

/**
 * The ids of the restricted households a user may not read, when they may read every other
 * household (householdScope 'all', other than the head of fostering); null for anyone else.
 * A handful of households, read from the index of restricted households.
 */
export function hiddenHouseholdIds(user: SignedInUser): SQL | null {
  if (householdScope(user).kind !== 'all' || user.role === 'head_of_fostering') return null;
  return sql`select ${households.id} from ${households} where ${households.restricted} and not (${restrictedReadableBy(user)})`;
}

/**
 * The ids of the households a user may read, as a subquery: the same households as
 * householdVisibleTo, written so a team's are read from the (team_id, id) index alone, without
 * visiting the table (a team at national scale holds about 7,700 households). For lists that
 * filter other tables by household (the deadlines in My work).
 */
export function visibleHouseholdIds(user: SignedInUser): SQL {
  const scope = householdScope(user);
  if (scope.kind !== 'team') return sql`select ${households.id} from ${households} where ${householdVisibleTo(user)}`;
  const readable = restrictedReadableBy(user);
  return sql`select ${households.id} from ${households} where ${households.teamId} = ${scope.teamId} and ${readable}
    union all
    select ${households.id} from ${households}
      where ${households.allocatedSswId} = ${user.id} and ${households.teamId} <> ${scope.teamId} and ${readable}`;
}
