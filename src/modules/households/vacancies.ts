import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { currentPlacementCount, vacanciesSql } from './scope.ts';
import { households } from './tables.ts';

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
