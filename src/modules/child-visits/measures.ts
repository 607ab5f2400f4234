import { sql, type SQL } from 'drizzle-orm';
import { todayInLondon } from '../../platform/dates/index.ts';
import type { Measure, Period } from '../../platform/measures/index.ts';
import {
  keptLastSeenVisits,
  lastSeenOn,
  lastSeenVisits,
  LONG_TERM_MONTHS,
  nextVisitDue,
  nextVisitDueFrom,
  keptPlacementArea,
  keptTimedPlacements,
  runningOn,
} from './rule.ts';
import type { PlacementCondition } from '../placements/scope.ts';

/**
 * The first day a visit can still keep a child's visits up to date on the day: no interval is longer
 * than 3 months (a week more for the lengths of months). A placement whose last visit in which the
 * child was seen is older has a visit overdue, as one with none has (unless it started within the
 * week, which no earlier visit can change), so its visits need not be read.
 */
const stillCounts = (day: string) =>
  sql`(${day}::date - interval '${sql.raw(String(LONG_TERM_MONTHS))} months' - interval '7 days')::date`;

/**
 * Each placement's last visit in which the child was seen (seen.last_on), during it: for today,
 * the kept facts (child_visit_facts, one row a placement; no visit is recorded for a day to come);
 * for an earlier day, the visits of the 3 months and a week up to it. Counting today at national
 * scale: 155 ms from the kept facts, 210 ms from the visits.
 */
function lastSeenBy(day: string): SQL {
  return day < todayInLondon() ? lastSeenVisits(day, stillCounts(day)) : keptLastSeenVisits();
}

/**
 * The children in care in a foster placement on the day (pl, from the kept placements regulation
 * 28(2) times, which carry the child's reference, area and leaving day, joined to `seen`): with the
 * service's carers, or with an agency when not with the service's carers that day; not Staying Put
 * or short breaks; the child not yet left care.
 * `seen.last_on` is the last visit during that placement, up to the day, in which the child was
 * seen (for an earlier day, only within the 3 months and a week before it): enough to tell whether
 * a visit is overdue (`upToDate`).
 */
function placedOn(day: string): SQL {
  const notInHouseToo: PlacementCondition = (t) =>
    sql`not exists (select 1 from placements p2 where p2.child_id = ${t}.child_id and ${runningOn(day)(sql.raw('p2'))})`;
  return sql`${keptTimedPlacements(runningOn(day), notInHouseToo)}
    ${lastSeenBy(day)}
    where pl.child_left_care_on is null or pl.child_left_care_on > ${day}::date`;
}

/** Not overdue on the day: the next visit is due that day or later. */
const upToDate = (day: string) => sql`(${nextVisitDue} >= ${day}::date)`;

export const visitedInTime: Measure = {
  id: 'child-visits.visited-in-time',
  title: 'Children in care visited by their social worker within the timescale',
  definition:
    'Of the children in care in a foster placement at the end of the month (today, for the current month), with our ' +
    'carers or with an independent fostering agency, the percentage whose statutory visits were up to date that day: ' +
    'no visit by their social worker was overdue. The first visit is due within 1 week of the start of the placement; ' +
    'each next one within 6 weeks of the last visit, while that visit was in the first year of the placement; after ' +
    'that, within 3 months for a long-term placement (intended to last until the child is 18) and within 6 weeks for ' +
    'any other (Care Planning, Placement and Case Review (England) Regulations 2010, regulation 28(2)). A child placed ' +
    'with a connected person under temporary approval is visited every week until their first review (20 working ' +
    'days after coming into care) and then within 4 weeks (regulation 28(4)). Only visits ' +
    'during the current placement in which the child was seen count. A visit due on the day itself is not yet ' +
    'overdue. A placement counts when it started on or before that day and had not ended by it. Staying Put ' +
    'arrangements (the young person is an adult) and short breaks (visits agreed with the IRO and the parents) are ' +
    'not counted. Children placed with our carers count under the household’s team and area; children placed with ' +
    'an agency under their own area and no team.',
  standard:
    'Care Planning, Placement and Case Review (England) Regulations 2010, regulations 28 and 29 (visits to the child)',
  planTarget:
    'Target 7, action 7.3: more stable placements and fewer moves, the child seen regularly by their social worker',
  unit: 'percentage',
  target: 95,
  direction: 'higher',
  amberMargin: 5,
  metLabel: 'Visits up to date',
  missedLabel: 'A visit overdue',
  order: 85,
  count(period: Period) {
    const day = period.asAt;
    return sql`select pl.team_id, ${keptPlacementArea} as area_id, ${upToDate(day)} as met from ${placedOn(day)}`;
  },
  records(period: Period) {
    const day = period.asAt;
    // The words, for the page's records only: the last visit read exactly (it may be older than `seen`'s window).
    const last = lastSeenOn(day);
    const detail = sql`case when pl.kind = 'in-house' then 'With our carers' else 'With an agency' end || ', ' ||
      pl.placed_with || ', since ' || pl.start_date::text || '; ' ||
      coalesce('last seen ' || ${last}::text, 'not seen since the placement started') ||
      '; next visit due ' || ${nextVisitDueFrom(last)}::text`;
    // The child's name is looked up for the page's records only (the list pages words after sorting).
    const label = sql`(select c.first_name || ' ' || c.last_name from children c where c.id = pl.child_id)
      || ' (' || pl.child_reference || ')'`;
    return sql`select 'child' as record_type, pl.child_id as record_id, ${label} as label,
        '/children/' || pl.child_id || '/visits' as href, pl.team_id, ${keptPlacementArea} as area_id,
        ${upToDate(day)} as met, ${detail} as detail, pl.restricted, pl.child_reference as sort_key
      from ${placedOn(day)}`;
  },
};

export const childVisitMeasures: Measure[] = [visitedInTime];
