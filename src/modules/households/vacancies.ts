import { inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { placements } from '../placements/tables.ts';
import { households } from './tables.ts';

/**
 * Vacancies are computed, never typed in: an approved household's approved places minus the
 * children placed with it today. A placement is current when it started on or before today and
 * has no end date or ends after today. Households in any other status have no vacancies.
 */

/** SQL: how many children are placed with `households` today (a correlated subquery). */
export function currentPlacementCount(today: IsoDate = todayInLondon()): SQL<number> {
  const subquery = sql`select count(*)::int from ${placements}
    where ${placements.householdId} = ${households.id}
    and ${placements.startDate} <= ${today}
    and (${placements.endDate} is null or ${placements.endDate} > ${today})`;
  // Nested on purpose: in a single-table select, Drizzle writes the columns at the top level of a
  // selected SQL without their table ("id"), which inside this subquery would mean placements.id.
  return sql<number>`(${subquery})`;
}

/** SQL: the household's vacancies today (0 unless approved, never below 0). */
export function vacanciesSql(today: IsoDate = todayInLondon()): SQL<number> {
  const expression = sql`case when ${households.status} = 'approved'
    then greatest(${households.approvedPlaces} - ${currentPlacementCount(today)}, 0) else 0 end`;
  return sql<number>`(${expression})`;
}

export interface HouseholdVacancies {
  approvedPlaces: number;
  placed: number;
  vacancies: number;
}

/** Vacancies for each of these households today, by household id (unknown ids are left out). */
export async function vacanciesFor(
  db: DbOrTx,
  householdIds: string[],
  today: IsoDate = todayInLondon(),
): Promise<Map<string, HouseholdVacancies>> {
  const result = new Map<string, HouseholdVacancies>();
  if (householdIds.length === 0) return result;
  const rows = await db
    .select({
      id: households.id,
      approvedPlaces: households.approvedPlaces,
      placed: currentPlacementCount(today),
      vacancies: vacanciesSql(today),
    })
    .from(households)
    .where(inArray(households.id, householdIds));
  for (const row of rows) {
    result.set(row.id, {
      approvedPlaces: row.approvedPlaces,
      placed: Number(row.placed),
      vacancies: Number(row.vacancies),
    });
  }
  return result;
}
