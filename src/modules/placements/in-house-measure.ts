import { sql, type SQL } from 'drizzle-orm';
import { type Measure, type Period } from '../../platform/measures/index.ts';

/**
 * Every child in a foster placement on the day, once (placed): with our own carers (the household's
 * team and area) or with an agency (no team, the child's own area). A placement is running on a day
 * when it started on or before it and has no end date or ends after it (as vacancies count). A
 * child with both on the same day (a move between them) counts as placed in-house.
 */
function placedChildren(day: string): SQL {
  return sql`(
      select distinct on (x.child_id) x.* from (
        select p.child_id, true as in_house, h.name as placed_with, p.start_date, h.team_id, t.area_id, h.restricted
          from placements p
          join households h on h.id = p.household_id
          join teams t on t.id = h.team_id
          where p.start_date <= ${day}::date and (p.end_date is null or p.end_date > ${day}::date)
        union all
        select a.child_id, false, a.agency_name, a.start_date, null::uuid, ac.area_id, false
          from agency_placements a
          join children ac on ac.id = a.child_id
          where a.start_date <= ${day}::date and (a.end_date is null or a.end_date > ${day}::date)
      ) x
      order by x.child_id, x.in_house desc, x.start_date desc
    ) placed`;
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
  count(period: Period) {
    return sql`select placed.team_id, placed.area_id, placed.in_house as met from ${placedChildren(period.asAt)}`;
  },
  records(period: Period) {
    return sql`select 'child' as record_type, c.id as record_id,
        c.first_name || ' ' || c.last_name || ' (' || c.reference || ')' as label, '/children/' || c.id as href,
        placed.team_id, placed.area_id, placed.in_house as met,
        case when placed.in_house then 'With our carers' else 'With an agency' end || ', ' || placed.placed_with ||
          ', since ' || placed.start_date::text as detail,
        placed.restricted, c.reference as sort_key
      from ${placedChildren(period.asAt)} join children c on c.id = placed.child_id`;
  },
};
