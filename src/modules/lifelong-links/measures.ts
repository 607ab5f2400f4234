/**
 * The scorecard's measures of the Lifelong Links pilot (business plan action 7.4): the children
 * joining it in the financial year, against the plan's target for the year (pro rata through the
 * year, as new approvals are counted against 200), and the work ended in twelve months that ended
 * with a plan agreed. A child counts under the team of the fostering household they lived with on
 * the day that matters (joining, or the work's end), or under no team and their own area when not
 * placed with the service's carers that day.
 */
import { sql, type SQL } from 'drizzle-orm';
import { addDays, addYears } from '../../platform/dates/index.ts';
import {
  financialMonthsElapsed,
  financialYearStart,
  type Measure,
  type Period,
} from '../../platform/measures/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { ACTION_7_4, ENDED_WITH_PLAN_TARGET, LIFELONG_LINKS_MODEL, YEAR_TARGETS, yearTargetOn } from './settings.ts';
import { placementRunningOn } from '../placements/scope.ts';

/** The team and area of the household the child (c) lived with on the day: a placement open that day. */
const homeOn = (day: SQL) => sql`left join lateral (
    select h.team_id, t.area_id from placements p
    join households h on h.id = p.household_id
    join teams t on t.id = h.team_id
    where p.child_id = c.id and ${placementRunningOn('p', day)}
    order by p.start_date desc limit 1
  ) home on true`;

const teamAndArea = sql`home.team_id, coalesce(home.area_id, c.area_id) as area_id`;
const childLabel = sql`c.first_name || ' ' || c.last_name || ' (' || c.reference || ')'`;

/**
 * The children whose Lifelong Links work was identified from 1 April of the financial year up to the
 * period's day (j: each child once, on the first day they joined that year, with that work), with
 * their home on that day.
 */
const joinedInYear = (p: Period) => sql`(select w.child_id, min(w.identified_on) as joined_on,
      (array_agg(w.id order by w.identified_on, w.id))[1] as work_id
    from lifelong_links w
    where w.identified_on between ${financialYearStart(p.asAt)}::date and ${p.asAt}::date
    group by w.child_id) j
  join children c on c.id = j.child_id
  ${homeOn(sql`j.joined_on`)}`;

const targets = YEAR_TARGETS.map((t) => `${t.children} in the year from ${formatDate(t.yearFrom)}`).join(', ');

export const childrenJoining: Measure = {
  id: 'lifelong-links.children-joining',
  title: 'Children joining Lifelong Links this year',
  definition:
    'The number of children whose Lifelong Links work was started (the day they were identified) from 1 April of the ' +
    'financial year (April to March) up to the end of the month (today, for the current month); a child whose work ' +
    `started twice in the year counts once. The plan’s targets: ${targets}; a year the plan does not name takes the ` +
    'nearest year’s. Each month is judged against the year’s target pro rata (the target × months of the year so ' +
    'far ÷ 12, rounded).',
  standard: LIFELONG_LINKS_MODEL,
  planTarget: ACTION_7_4,
  unit: 'count',
  target: YEAR_TARGETS[0]!.children,
  targetFor: (period) => Math.round((yearTargetOn(period.asAt).children * financialMonthsElapsed(period)) / 12),
  direction: 'higher',
  amberMargin: 5,
  metLabel: 'Joined this year',
  order: 170,
  count: (p) => sql`select ${teamAndArea}, true as met from ${joinedInYear(p)}`,
  records: (p) =>
    sql`select 'lifelong-links' as record_type, j.work_id as record_id, ${childLabel} as label,
        '/lifelong-links/' || j.work_id as href, ${teamAndArea}, true as met,
        'Joined ' || j.joined_on::text as detail, false as restricted,
        j.joined_on::text || ' ' || c.reference as sort_key
      from ${joinedInYear(p)}`,
};

/** The work (w) ended in the twelve months up to the period's day, with the child (c) and their home on the day it ended. */
const endedInYear = (p: Period) => sql`lifelong_links w join children c on c.id = w.child_id
  ${homeOn(sql`w.ended_on`)}
  where w.ended_on between ${addDays(addYears(p.asAt, -1), 1)}::date and ${p.asAt}::date`;

const withPlan = sql`(w.plan_agreed_on is not null)`;

export const endedWithPlan: Measure = {
  id: 'lifelong-links.ended-with-plan',
  title: 'Lifelong Links work that ended with a plan agreed',
  definition:
    'Of the Lifelong Links work ended in the 12 months up to the last day of the month (today, for the current ' +
    'month), the percentage with a plan agreed for the child’s lasting relationships recorded before it ended, ' +
    'whatever the reason it ended. The target is the service’s own (local: the plan sets none).',
  standard: LIFELONG_LINKS_MODEL,
  planTarget: ACTION_7_4,
  unit: 'percentage',
  target: ENDED_WITH_PLAN_TARGET,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Ended with a plan agreed',
  missedLabel: 'Ended without a plan',
  order: 171,
  count: (p) => sql`select ${teamAndArea}, ${withPlan} as met from ${endedInYear(p)}`,
  records: (p) =>
    sql`select 'lifelong-links' as record_type, w.id as record_id, ${childLabel} as label,
        '/lifelong-links/' || w.id as href, ${teamAndArea}, ${withPlan} as met,
        'Ended ' || w.ended_on::text || '; ' || coalesce('plan agreed ' || w.plan_agreed_on::text, 'no plan agreed') as detail,
        false as restricted, w.ended_on::text || ' ' || c.reference as sort_key
      from ${endedInYear(p)}`,
};

export const lifelongLinksMeasures: Measure[] = [childrenJoining, endedWithPlan];
