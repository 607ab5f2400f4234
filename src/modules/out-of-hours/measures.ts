/**
 * The scorecard's measures of the out-of-hours service (business plan action 7.2: an effective
 * out-of-hours service for carers, with more emergency placements for the county): the calls from
 * carers in the month, and of the calls that ended in a child being placed, those placed with the
 * service's own carers. Each call counts under its household's team and area.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { ACTION_7_2, OUT_OF_HOURS_STANDARD, outcomeNames, outcomes, reasonNames, reasons } from './labels.ts';

/** A column's value in words, from a list of names. */
const inWords = <K extends string>(column: SQL, keys: readonly K[], names: Record<K, string>) =>
  sql`case ${column} ${sql.join(
    keys.map((k) => sql`when ${k} then ${names[k]}`),
    sql` `,
  )} else ${column} end`;

const callsInMonth = (p: Period, where: SQL = sql`true`) => sql`out_of_hours_calls o
  join households h on h.id = o.household_id join teams t on t.id = h.team_id
  where o.called_on between ${p.from}::date and ${p.asAt}::date and ${where}`;

const callRecord = (met: SQL) => sql`'out-of-hours-call' as record_type, o.id as record_id,
  h.name || ' (' || h.reference || ')' as label, '/out-of-hours/' || o.id as href, h.team_id, t.area_id,
  ${met} as met,
  'Called ' || o.called_on::text || ' at ' || o.called_at || ': ' || ${inWords(sql`o.reason`, reasons, reasonNames)}
    || '; ' || lower(${inWords(sql`o.outcome`, outcomes, outcomeNames)}) as detail,
  h.restricted, o.called_on::text || ' ' || o.called_at || ' ' || h.reference as sort_key`;

export const callsFromCarers: Measure = {
  id: 'out-of-hours.calls',
  title: 'Out-of-hours calls from foster carers',
  definition:
    'The number of calls from fostering households to the out-of-hours service (the area’s, or the County Out of ' +
    'Hours team’s after midnight) in the month (up to today, for the current month), each listed with when it was, ' +
    'what it was about and what was done. Counted to show the service’s out-of-hours work, not rated: the plan ' +
    'sets no number.',
  standard: OUT_OF_HOURS_STANDARD,
  planTarget: ACTION_7_2,
  unit: 'count',
  target: null,
  direction: 'higher',
  amberMargin: 0,
  metLabel: 'Calls',
  order: 180,
  count: (p) => sql`select h.team_id, t.area_id, true as met from ${callsInMonth(p)}`,
  records: (p) => sql`select ${callRecord(sql`true`)} from ${callsInMonth(p)}`,
};

const placedInHouse = sql`(o.outcome = 'placed-in-house')`;

export const placedWithOurCarers: Measure = {
  id: 'out-of-hours.placed-in-house',
  title: 'Out-of-hours placements with our own foster carers',
  definition:
    'Of the out-of-hours calls in the month (up to today, for the current month) that ended in a child being placed, ' +
    'the percentage placed with one of the service’s own foster carers rather than with an agency, an emergency bed ' +
    'or semi-independent accommodation. The plan asks for more emergency placements with in-house carers; it sets ' +
    'no number, so the figure is counted to show, not rated.',
  standard: OUT_OF_HOURS_STANDARD,
  planTarget: ACTION_7_2,
  unit: 'percentage',
  target: null,
  direction: 'higher',
  amberMargin: 0,
  metLabel: 'Placed with our carers',
  missedLabel: 'Placed elsewhere',
  order: 181,
  count: (p) =>
    sql`select h.team_id, t.area_id, ${placedInHouse} as met
      from ${callsInMonth(p, sql`o.outcome in ('placed-in-house', 'placed-elsewhere')`)}`,
  records: (p) =>
    sql`select ${callRecord(placedInHouse)}
      from ${callsInMonth(p, sql`o.outcome in ('placed-in-house', 'placed-elsewhere')`)}`,
};

export const outOfHoursMeasures: Measure[] = [callsFromCarers, placedWithOurCarers];
