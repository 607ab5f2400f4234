import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { areas, teams } from './tables.ts';

/** The service's teams, by name, each with its area: for a form's or a filter's choice of team. */
export async function teamOptions(db: DbOrTx) {
  return db
    .select({ id: teams.id, name: teams.name, areaId: teams.areaId, areaName: areas.name })
    .from(teams)
    .innerJoin(areas, eq(areas.id, teams.areaId))
    .orderBy(asc(teams.name));
}

/** The service's areas, by name: for a form's or a filter's choice of area. */
export async function areaOptions(db: DbOrTx) {
  return db.select({ id: areas.id, name: areas.name }).from(areas).orderBy(asc(areas.name));
}
