import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { teams } from '../../platform/auth/tables.ts';
import { registerMeasure, type Measure, type MeasureRow, type Period } from '../../platform/measures/index.ts';
import { children } from '../children/tables.ts';
import { households } from '../households/tables.ts';
import { agencyPlacements, placements } from './tables.ts';

interface PlacedChildRow {
  child_id: string;
  child_name: string;
  child_reference: string;
  in_house: boolean;
  /** The household's or the agency's name. */
  placed_with: string;
  start_date: string;
  team_id: string | null;
  area_id: string;
  restricted: boolean;
}

/**
 * Every child in a foster placement on the day, once: with our own carers (the household's team
 * and area) or with an agency (no team, the child's own area). A placement is running on a day
 * when it started on or before it and has no end date or ends after it (as vacancies count).
 * A child with both on the same day (a move between them) counts as placed in-house. ONE query.
 */
async function placedChildren(db: DbOrTx, day: string): Promise<PlacedChildRow[]> {
  return queryRows<PlacedChildRow>(
    db,
    sql`select placed.*, ${children.firstName} || ' ' || ${children.lastName} as child_name,
          ${children.reference} as child_reference
        from (
          select distinct on (x.child_id) x.* from (
            select ${placements.childId} as child_id, true as in_house, ${households.name} as placed_with,
                   ${placements.startDate}::text as start_date, ${households.teamId} as team_id,
                   ${teams.areaId} as area_id, ${households.restricted} as restricted
              from ${placements}
              join ${households} on ${households.id} = ${placements.householdId}
              join ${teams} on ${teams.id} = ${households.teamId}
              where ${placements.startDate} <= ${day}
                and (${placements.endDate} is null or ${placements.endDate} > ${day})
            union all
            select ${agencyPlacements.childId}, false, ${agencyPlacements.agencyName},
                   ${agencyPlacements.startDate}::text, null::uuid, ${children.areaId}, false
              from ${agencyPlacements}
              join ${children} on ${children.id} = ${agencyPlacements.childId}
              where ${agencyPlacements.startDate} <= ${day}
                and (${agencyPlacements.endDate} is null or ${agencyPlacements.endDate} > ${day})
          ) x
          order by x.child_id, x.in_house desc, x.start_date desc
        ) placed
        join ${children} on ${children.id} = placed.child_id
        order by ${children.reference}`,
  );
}

function toRow(c: PlacedChildRow): MeasureRow {
  return {
    recordType: 'child',
    recordId: c.child_id,
    label: `${c.child_name} (${c.child_reference})`,
    href: `/children/${c.child_id}`,
    teamId: c.team_id,
    areaId: c.area_id,
    met: c.in_house,
    detail: `${c.in_house ? 'With our carers' : 'With an agency'}, ${c.placed_with}, since ${c.start_date}`,
    restricted: c.restricted,
  };
}

export const inHousePlacementRate: Measure = {
  id: 'placements.in-house-rate',
  title: 'Children placed with in-house foster carers',
  definition:
    'Of the children in a foster placement at the end of the month (today, for the current month), the percentage ' +
    "placed with the service's own foster carers rather than with an independent fostering agency. A placement " +
    'counts when it started on or before that day and had not ended before it (one ending on that day is not ' +
    'counted). Each child is counted once; a child placed both ways that day counts as in-house. In-house ' +
    "placements count under the household's area, agency placements under the child's own area. An agency " +
    'placement is no fostering team’s work, so the measure is not counted by team.',
  standard: 'NMS 13.1 (sufficient foster carers to meet current and predicted demand)',
  planTarget:
    'Target 3, action 3.1: better use of current vacancies, to ensure maximum use of in-house vacancies ' +
    'before children are placed with agencies',
  unit: 'percentage',
  target: 85,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Placed with our carers',
  missedLabel: 'Placed with an agency',
  order: 30,
  byTeam: false,
  async rows(db, period: Period) {
    return (await placedChildren(db, period.asAt)).map(toRow);
  },
};

/** Registered from registerPlacementMeasures (src/modules/placements/measures.ts). */
export function registerInHouseMeasure(): void {
  registerMeasure(inHousePlacementRate);
}
