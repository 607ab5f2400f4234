/**
 * The scorecard's measures of children missing from care (the 2016 plan, Target 2: the Child
 * Missing from Care report as the indicator of whether fewer children go missing): the children
 * who went missing from a foster placement with the service's carers in the month, and the return
 * interviews offered within 72 hours of a return. Each counts under the team and area of the
 * household the child went missing from.
 */
import { sql } from 'drizzle-orm';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { INTERVIEW_TARGET, INTERVIEW_WITHIN_DAYS, MISSING_GUIDANCE, MISSING_PLAN_TARGET, NMS_5 } from './labels.ts';

const childLabel = sql`c.first_name || ' ' || c.last_name || ' (' || c.reference || ')'`;
const home = sql`join households h on h.id = e.household_id join teams t on t.id = h.team_id`;

/**
 * Each child who went missing in the month (e: their first episode that began in it, with n the
 * number that began in it), with the household they went missing from that first time.
 */
const missingInMonth = (p: Period) => sql`(select distinct on (x.child_id) x.*,
      count(*) over (partition by x.child_id) as n
    from missing_episodes x
    where x.missing_on between ${p.from}::date and ${p.asAt}::date
    order by x.child_id, x.missing_on, x.id) e
  join children c on c.id = e.child_id
  ${home}`;

export const childrenMissing: Measure = {
  id: 'missing.children-missing',
  title: 'Children who went missing from foster care',
  definition:
    'The number of children who went missing from a placement with the service’s foster carers in the month (up to ' +
    'today, for the current month), each counted once however many times they went missing, under the household ' +
    'they first went missing from in the month. Fewer is better; the plan sets no number, so the figure is counted ' +
    'to show, not rated.',
  standard: NMS_5,
  planTarget: MISSING_PLAN_TARGET,
  unit: 'count',
  target: null,
  direction: 'lower',
  amberMargin: 0,
  metLabel: 'Went missing',
  order: 175,
  count: (p) => sql`select h.team_id, t.area_id, true as met from ${missingInMonth(p)}`,
  records: (p) =>
    sql`select 'missing-episode' as record_type, e.id as record_id, ${childLabel} as label,
        '/missing/' || e.id as href, h.team_id, t.area_id, true as met,
        'Went missing ' || e.missing_on::text
          || case when e.n > 1 then ' (' || e.n || ' times in the month)' else '' end as detail,
        h.restricted, e.missing_on::text || ' ' || c.reference as sort_key
      from ${missingInMonth(p)}`,
};

/** Episodes whose 72 hours after the return ended in the month (the interview was due by then). */
const interviewDueInMonth = (p: Period) => sql`missing_episodes e
  join children c on c.id = e.child_id
  ${home}
  where e.returned_on between ${p.from}::date - ${INTERVIEW_WITHIN_DAYS}::int and ${p.asAt}::date - ${INTERVIEW_WITHIN_DAYS}::int`;

const offeredInTime = sql`(e.interview_offered_on is not null
  and e.interview_offered_on <= e.returned_on + ${INTERVIEW_WITHIN_DAYS}::int)`;

export const interviewsInTime: Measure = {
  id: 'missing.return-interviews-in-time',
  title: 'Return interviews offered within 72 hours',
  definition:
    'Of the times a child came back from going missing from a foster placement with the service’s carers whose 72 ' +
    'hours (3 days from the day they came back) ended in the month (up to today, for the current month), the ' +
    'percentage when an independent return interview was offered by then, whether or not the child took it up; ' +
    'one recorded as not offered counts as not offered. The target is ' +
    `the service’s own (local: the guidance sets none). ${MISSING_GUIDANCE}.`,
  standard: NMS_5,
  planTarget: MISSING_PLAN_TARGET,
  unit: 'percentage',
  target: INTERVIEW_TARGET,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Offered within 72 hours',
  missedLabel: 'Not offered in time',
  order: 176,
  count: (p) => sql`select h.team_id, t.area_id, ${offeredInTime} as met from ${interviewDueInMonth(p)}`,
  records: (p) =>
    sql`select 'missing-episode' as record_type, e.id as record_id, ${childLabel} as label,
        '/missing/' || e.id as href, h.team_id, t.area_id, ${offeredInTime} as met,
        'Came back ' || e.returned_on::text || '; '
          || coalesce('interview offered ' || e.interview_offered_on::text, 'no interview offered') as detail,
        h.restricted, e.returned_on::text || ' ' || c.reference as sort_key
      from ${interviewDueInMonth(p)}`,
};

export const missingMeasures: Measure[] = [childrenMissing, interviewsInTime];
