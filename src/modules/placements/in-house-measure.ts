import { sql, type SQL } from 'drizzle-orm';
import { dateInWordsSql } from '../../platform/db/sql.ts';
import { type Measure, type Period } from '../../platform/measures/index.ts';
import { childInCarePlacement, placementRunningOn } from './scope.ts';

/**
 * Every child in a foster placement on the day, once (placed): with our own carers (the household's
 * team and area) or with an agency (no team, the child's own area), running on the day
 * (placementRunningOn), not Staying Put (childInCarePlacement). A child with both on the same day
 * (a move between them) counts as placed in-house; of two running the same way, the later started
 * counts.
 * Read from the kept placements (kept_placements, facts.ts: every placement, with
 * its household's team, area, name and restricted flag and the child's reference and area, kept on
 * write), not by joining every placement to its household and child: at national scale on 2 cores,
 * its measure page took about 140 ms against 245 ms.
 */
function placedChildren(day: string): SQL {
  return sql`(
      select distinct on (f.child_id) f.child_id, f.kind = 'in-house' as in_house, f.placed_with, f.start_date,
          f.team_id, coalesce(f.area_id, f.child_area_id) as area_id, f.restricted, f.child_reference
        from kept_placements f
        where ${placementRunningOn('f', day)} and ${childInCarePlacement('f')}
        order by f.child_id, f.kind = 'in-house' desc, f.start_date desc
    ) placed`;
}

export const inHousePlacementRate: Measure = {
  id: 'placements.in-house-rate',
  title: 'Children placed with in-house foster carers',
  definition:
    'Of the children in a foster placement at the end of the month (today, for the current month), the percentage ' +
    "placed with the service's own foster carers rather than with an independent fostering agency. A placement " +
    'counts when it started on or before that day and had not ended before it (one ending on that day is not ' +
    'counted). Young adults Staying Put with their former carers are not counted: they have left care. Each ' +
    'child is counted once; a child placed both ways that day counts as in-house. In-house ' +
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
    // The child's name is looked up for the page's records only (the list pages words after sorting).
    return sql`select 'child' as record_type, placed.child_id as record_id,
        (select c.first_name || ' ' || c.last_name from children c where c.id = placed.child_id) ||
          ' (' || placed.child_reference || ')' as label, '/children/' || placed.child_id as href,
        placed.team_id, placed.area_id, placed.in_house as met,
        case when placed.in_house then 'With our carers' else 'With an agency' end || ', ' || placed.placed_with ||
          ', since ' || placed.start_date::text as detail,
        placed.restricted, placed.child_reference as sort_key
      from ${placedChildren(period.asAt)}`;
  },
};

/**
 * The emergency placements started in the month (e), with our own carers or with an agency: one
 * row a placement, read by their start dates; the in-house ones under the household’s
 * team and area, the agency ones under the child's own area.
 */
function emergencyPlacementsIn(period: Period): SQL {
  const started = (alias: 'p' | 'a') => {
    const t = sql.raw(alias);
    return sql`${t}.placement_type = 'emergency' and ${t}.start_date between ${period.from}::date and ${period.asAt}::date`;
  };
  return sql`(
      select p.id, p.child_id, true as in_house, h.name as placed_with, p.start_date, h.team_id, t.area_id,
          h.restricted
        from placements p join households h on h.id = p.household_id join teams t on t.id = h.team_id
        where ${started('p')}
      union all
      select a.id, a.child_id, false, a.agency_name, a.start_date, null::uuid, ac.area_id, false
        from agency_placements a join children ac on ac.id = a.child_id
        where ${started('a')}
    ) e`;
}

export const emergencyPlacementsInHouse: Measure = {
  id: 'placements.emergency-in-house',
  title: 'Emergency placements with in-house foster carers',
  definition:
    'Of the emergency placements that started in the month (up to today, for the current month), with the ' +
    "service's own foster carers or with an independent fostering agency, the percentage with our own carers. " +
    'Each placement counts, so a child placed twice in an emergency counts twice. In-house placements count ' +
    "under the household's area, agency placements under the child's own area; not counted by team. The business " +
    'plan asks for more emergency placements in the county and sets no number: it is counted to show, so it has no ' +
    'target and is not rated.',
  standard: 'NMS 13.1 (sufficient foster carers to meet current and predicted demand)',
  planTarget:
    'Target 7, action 7.2: an out-of-hours service for foster carers, with more emergency placements for the ' +
    'county with in-house foster carers',
  unit: 'percentage',
  target: null,
  direction: 'higher',
  amberMargin: 0,
  metLabel: 'With our carers',
  missedLabel: 'With an agency',
  order: 31,
  byTeam: false,
  count(period: Period) {
    return sql`select e.team_id, e.area_id, e.in_house as met from ${emergencyPlacementsIn(period)}`;
  },
  records(period: Period) {
    return sql`select 'child' as record_type, c.id as record_id,
        c.first_name || ' ' || c.last_name || ' (' || c.reference || ')' as label, '/children/' || c.id as href,
        e.team_id, e.area_id, e.in_house as met,
        case when e.in_house then 'With our carers' else 'With an agency' end || ', ' || e.placed_with ||
          ', from ' || ${dateInWordsSql(sql`e.start_date`)} as detail,
        e.restricted, e.start_date::text || ' ' || c.reference as sort_key
      from ${emergencyPlacementsIn(period)} join children c on c.id = e.child_id`;
  },
};
