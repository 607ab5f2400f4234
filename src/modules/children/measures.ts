import { sql, type SQL } from 'drizzle-orm';
import { addDays, addYears } from '../../platform/dates/index.ts';
import { type Measure, type Period } from '../../platform/measures/index.ts';
import { deadlineTable } from '../../platform/measures/sql.ts';
import { NMS_12, NMS_12_4, TARGET_11_1 } from '../independence/labels.ts';
import { HEALTH_ASSESSMENT_RULE, leavingReasons, type LeavingReason } from './labels.ts';

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
 * `placed.in_year`: their placements open at any time in the 12 months up to the day. Both come
 * from one pass over the placements that started by the day, in the order of the (child, start
 * date) index, which holds every column read (no table rows): each child's latest first, with a
 * count over all of theirs. At national scale that pass took about 60 ms, where counting the year's
 * placements from the table and finding the latest from the index took about 100.
 */
function childrenLookedAfter(asAt: string): SQL {
  const yearFrom = addDays(addYears(asAt, -1), 1);
  return sql`children c
    left join (
      select distinct on (p.child_id) p.child_id, p.household_id,
        count(*) filter (where p.end_date is null or p.end_date >= ${yearFrom}::date) over (partition by p.child_id
          order by p.start_date desc rows between unbounded preceding and unbounded following) as in_year
      from placements p
      where p.start_date <= ${asAt}::date
      order by p.child_id, p.start_date desc
    ) placed on placed.child_id = c.id
    left join households h on h.id = placed.household_id
    left join teams t on t.id = h.team_id
    where c.looked_after_since <= ${asAt}::date and (c.left_care_on is null or c.left_care_on > ${asAt}::date)`;
}

const placementsInYear = sql`coalesce(placed.in_year, 0)::int`;

export const initialHealthAssessments: Measure = {
  id: 'children.initial-health-assessment',
  title: 'Initial health assessments within 20 working days',
  definition:
    'Of the children whose 20-working-day deadline for an initial health assessment fell in the month (up to today, ' +
    'for the current month), the percentage with an initial health assessment completed on or before the deadline. ' +
    'The deadline is the 20th working day after the child became looked after (weekends and England and Wales bank ' +
    'holidays excluded), so each child is counted once, in the month the deadline falls. A child who left care on ' +
    'or before the deadline is not counted.',
  standard: HEALTH_ASSESSMENT_RULE,
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

/**
 * The children who left care in the period (c): the date left care recorded on the child from the
 * first day of the month to its last (or today), for one of `reasons` (any reason when null), with
 * the team and area they count under: the team of the household of their latest placement with our
 * carers that started by the day they left (and that team's area), or no team and the child's own
 * area when they were never placed with our carers. Read by the index of the date left care.
 */
function leftCareIn(period: Period, reasons: readonly LeavingReason[] | null): SQL {
  const forReason = reasons
    ? sql`and c.left_care_reason in (${sql.join(
        reasons.map((r) => sql`${r}`),
        sql`, `,
      )})`
    : sql``;
  return sql`children c
    left join lateral (
      select h.team_id as team_id, t.area_id as area_id from placements p
      join households h on h.id = p.household_id
      join teams t on t.id = h.team_id
      where p.child_id = c.id and p.start_date <= c.left_care_on
      order by p.start_date desc limit 1
    ) latest on true
    where c.left_care_on between ${period.from}::date and ${period.asAt}::date ${forReason}`;
}

/** Why the child left care, in the words of the leaving care form (labels.ts). */
const reasonWords = sql`case c.left_care_reason ${sql.join(
  Object.entries(leavingReasons).map(([reason, words]) => sql`when ${reason} then ${words}`),
  sql` `,
)} else 'Reason not recorded' end`;

/** Where the reasons come from, said in every leaving care measure. */
const SSDA903 =
  'The reasons are the groups of the Department for Education’s SSDA903 return (children looked after), “reason ' +
  'episode ceased”, that a fostering service records.';

/** The rule cited for a reason the standards do not name: where its reasons come from. */
const SSDA903_SOURCE =
  'None: the reasons are those of the Department for Education’s SSDA903 return (children looked after), “reason ' +
  'episode ceased”';

/** How a child counts under a team and an area, said in every leaving care measure. */
const COUNTED_UNDER =
  'A child counts under the team of the household of their latest placement with our foster carers that started ' +
  'on or before the day they left (and that team’s area), or under no team and their own area when they were ' +
  'never placed with our carers.';

/**
 * There is no target: how many children leave care, and why, follows their care plans and the
 * courts rather than the fostering service's work, and the plan sets no number. Counted to show,
 * not judged: never rated.
 */
const NO_TARGET =
  'The business plan sets no number for this: it is counted to show how children move on, so it has no target ' +
  'and is not rated.';

/** A count of the children who left care in the month for one of `reasons` (any reason when null). */
function leftCareMeasure(
  fields: Pick<Measure, 'id' | 'title' | 'definition' | 'standard' | 'planTarget' | 'metLabel' | 'order'>,
  reasons: readonly LeavingReason[] | null,
): Measure {
  return {
    ...fields,
    unit: 'count',
    target: null,
    direction: 'higher',
    amberMargin: 0,
    count: (period) =>
      sql`select latest.team_id, coalesce(latest.area_id, c.area_id) as area_id, true as met
        from ${leftCareIn(period, reasons)}`,
    records: (period) =>
      sql`select 'child' as record_type, c.id as record_id,
          c.first_name || ' ' || c.last_name || ' (' || c.reference || ')' as label, '/children/' || c.id as href,
          latest.team_id, coalesce(latest.area_id, c.area_id) as area_id, true as met,
          'Left care ' || c.left_care_on::text || ': ' || ${reasonWords} as detail, false as restricted,
          c.left_care_on::text || ' ' || c.reference as sort_key
        from ${leftCareIn(period, reasons)}`,
  };
}

const NO_PLAN_TARGET = 'None in the business plan';

export const leftCare = leftCareMeasure(
  {
    id: 'children.left-care',
    title: 'Children who left care',
    definition:
      'The number of children who left care in the month (the date left care recorded on the child, up to today ' +
      'for the current month), whatever the reason, each listed with the date and the reason. ' +
      `${COUNTED_UNDER} ${SSDA903} Returning home, adoption and orders, and moving on at 18 are also counted on ` +
      `their own; a transfer to another local authority, a death or another reason is counted only here. ${NO_TARGET}`,
    standard: NMS_12,
    planTarget: 'Target 11: promoting independence and moves to adulthood and leaving care (NMS 12.1)',
    metLabel: 'Left care',
    order: 163,
  },
  null,
);

export const leftCareHome = leftCareMeasure(
  {
    id: 'children.left-care-home',
    title: 'Children who returned home from care',
    definition:
      'The number of children who left care in the month (the date left care, up to today for the current month) ' +
      `because they returned home to live with their parents or relatives. ${COUNTED_UNDER} ${SSDA903} ${NO_TARGET}`,
    standard: SSDA903_SOURCE,
    planTarget: NO_PLAN_TARGET,
    metLabel: 'Returned home',
    order: 164,
  },
  ['home'],
);

export const leftCarePermanence = leftCareMeasure(
  {
    id: 'children.left-care-permanence',
    title: 'Children who left care by adoption, special guardianship or child arrangements order',
    definition:
      'The number of children who left care in the month (the date left care, up to today for the current month) ' +
      'because they were adopted, or because a special guardianship order or a child arrangements order was made ' +
      `(to their foster carers, relatives or other carers). ${COUNTED_UNDER} ${SSDA903} ${NO_TARGET}`,
    standard: SSDA903_SOURCE,
    planTarget: NO_PLAN_TARGET,
    metLabel: 'Adopted, or an order made',
    order: 165,
  },
  ['adopted', 'sgo', 'cao'],
);

export const leftCareAdult = leftCareMeasure(
  {
    id: 'children.left-care-adult',
    title: 'Young people who left care at 18 for independent living or Staying Put',
    definition:
      'The number of young people who left care in the month (the date left care, up to today for the current ' +
      'month) aged 18 or over, to live independently (supported accommodation included) or to stay on with their ' +
      `former foster carers in a Staying Put arrangement. ${COUNTED_UNDER} ${SSDA903} ${NO_TARGET}`,
    standard: NMS_12_4,
    planTarget: TARGET_11_1,
    metLabel: 'Moved to independent living or Staying Put',
    order: 166,
  },
  ['independent', 'staying_put'],
);

/** The children module's measures. */
export const childMeasures: Measure[] = [
  initialHealthAssessments,
  threeOrMorePlacements,
  leftCare,
  leftCareHome,
  leftCarePermanence,
  leftCareAdult,
];
