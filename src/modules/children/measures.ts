import { sql, type SQL } from 'drizzle-orm';
import { addDays, addYears } from '../../platform/dates/index.ts';
import { type Measure, type Period } from '../../platform/measures/index.ts';
import { deadlineTable } from '../../platform/measures/sql.ts';

/** A child as a record behind a figure (c, with the team and area it counts under as `team_id`, `area_id`). */
const childRecord = sql`'child' as record_type, c.id as record_id,
  c.first_name || ' ' || c.last_name || ' (' || c.reference || ')' as label, '/children/' || c.id as href,
  false as restricted, c.reference as sort_key`;

/**
 * The children whose 20-working-day deadline for an initial health assessment falls in the period
 * (c, joined to d(start_on, due_on)) and had not left care by it, with the team and area they count
 * under: the team of the household of their latest placement that started by the as-at date (and
 * that team's area), or no team and the child's own area when not placed with our carers; and
 * `iha.first_on`, their first initial health assessment. A month's intake: looked up per child.
 */
function childrenDueAssessment(period: Period): SQL | null {
  const due = deadlineTable(period.from, period.asAt, 20, 'd');
  if (!due) return null;
  return sql`children c join ${due} on d.start_on = c.looked_after_since
    left join lateral (
      select h.team_id as team_id, t.area_id as area_id from placements p
      join households h on h.id = p.household_id
      join teams t on t.id = h.team_id
      where p.child_id = c.id and p.start_date <= ${period.asAt}::date
      order by p.start_date desc limit 1
    ) latest on true
    left join lateral (
      select min(ha.completed_on) as first_on from health_assessments ha
      where ha.child_id = c.id and ha.kind = 'initial'
    ) iha on true
    where c.left_care_on is null or c.left_care_on > d.due_on`;
}

const assessedInTime = sql`(iha.first_on is not null and iha.first_on <= d.due_on)`;

/**
 * The children looked after on the day (c) with the team and area they count under (as above) and
 * `placements_in_year`: their placements open at any time in the 12 months up to the day. The
 * placements are read once for every child together: those open in the year counted by child (a
 * hash aggregate of the placements that overlap the year), and each child's latest placement read
 * in the order of the (child, start date) index, so no sort of every placement is needed (at
 * national scale that sort spilled to disk).
 */
function childrenLookedAfter(asAt: string): SQL {
  const yearFrom = addDays(addYears(asAt, -1), 1);
  return sql`children c
    left join (
      select p.child_id, count(*) as in_year from placements p
      where p.start_date <= ${asAt}::date and (p.end_date is null or p.end_date >= ${yearFrom}::date)
      group by p.child_id
    ) placed_in_year on placed_in_year.child_id = c.id
    left join (
      select distinct on (p.child_id) p.child_id, p.household_id from placements p
      where p.start_date <= ${asAt}::date
      order by p.child_id desc, p.start_date desc
    ) placed on placed.child_id = c.id
    left join households h on h.id = placed.household_id
    left join teams t on t.id = h.team_id
    where c.looked_after_since <= ${asAt}::date and (c.left_care_on is null or c.left_care_on > ${asAt}::date)`;
}

const placementsInYear = sql`coalesce(placed_in_year.in_year, 0)::int`;

export const initialHealthAssessments: Measure = {
  id: 'children.initial-health-assessment',
  title: 'Initial health assessments within 20 working days',
  definition:
    'Of the children whose 20-working-day deadline for an initial health assessment fell in the month (up to today, ' +
    'for the current month), the percentage with an initial health assessment completed on or before the deadline. ' +
    'The deadline is the 20th working day after the child became looked after (weekends and England and Wales bank ' +
    'holidays excluded), so each child is counted once, in the month the deadline falls. A child who left care on ' +
    'or before the deadline is not counted.',
  standard: 'NMS 6 (promoting good health and wellbeing)',
  planTarget: 'Target 8, action 8.4: children attend their initial health assessment within the statutory timescale',
  unit: 'percentage',
  target: 95,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Assessed in time',
  missedLabel: 'Not assessed in time',
  order: 60,
  count(period: Period) {
    const from = childrenDueAssessment(period);
    return (
      from &&
      sql`select latest.team_id, coalesce(latest.area_id, c.area_id) as area_id, ${assessedInTime} as met from ${from}`
    );
  },
  records(period: Period) {
    const from = childrenDueAssessment(period);
    return (
      from &&
      sql`select ${childRecord}, latest.team_id, coalesce(latest.area_id, c.area_id) as area_id,
          ${assessedInTime} as met,
          'Looked after from ' || c.looked_after_since::text || ', due by ' || d.due_on::text || '; ' ||
            coalesce('assessed ' || iha.first_on::text, 'no initial health assessment recorded') as detail
        from ${from}`
    );
  },
};

export const threeOrMorePlacements: Measure = {
  id: 'children.three-or-more-placements',
  title: 'Children with 3 or more placements in 12 months',
  definition:
    'Of the children looked after at the end of the month (or today, for the current month), the percentage who ' +
    'had 3 or more placements with our foster carers in the 12 months up to that day: every placement open at any ' +
    'time in those 12 months counts, including one that started earlier and the one they are in now. Lower is better.',
  standard: 'NMS 11 (preparation for placement) and careful matching',
  planTarget: 'Target 8: children carefully matched, so they move less often',
  unit: 'percentage',
  target: 10,
  direction: 'lower',
  amberMargin: 2,
  metLabel: '3 or more placements',
  missedLabel: 'Fewer than 3 placements',
  order: 80,
  count(period: Period) {
    return sql`select h.team_id, coalesce(t.area_id, c.area_id) as area_id, ${placementsInYear} >= 3 as met
      from ${childrenLookedAfter(period.asAt)}`;
  },
  records(period: Period) {
    return sql`select ${childRecord}, h.team_id, coalesce(t.area_id, c.area_id) as area_id,
        ${placementsInYear} >= 3 as met,
        ${placementsInYear}::text || case when ${placementsInYear} = 1 then ' placement' else ' placements' end
          || ' in 12 months' as detail
      from ${childrenLookedAfter(period.asAt)}`;
  },
};

/** The children module's measures. */
export const childMeasures: Measure[] = [initialHealthAssessments, threeOrMorePlacements];
