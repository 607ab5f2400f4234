/**
 * The scorecard's measure of the out-of-hours service (business plan action 7.2: an effective
 * out-of-hours service for carers): the calls about fostering households in the month, each under
 * its household's team and area. The emergency placements the action also asks for are counted by
 * placements.emergency-in-house, from the placements themselves (a call need not name a household).
 */
import { sql, type SQL } from 'drizzle-orm';
import { namesInWordsSql } from '../../platform/db/sql.ts';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { ACTION_7_2, OUT_OF_HOURS_STANDARD, outcomeNames, outcomes, reasonNames, reasons } from './labels.ts';

const callsInMonth = (p: Period) => sql`out_of_hours_calls o
  join households h on h.id = o.household_id join teams t on t.id = h.team_id
  where o.called_on between ${p.from}::date and ${p.asAt}::date`;

const callRecord = (met: SQL) => sql`'out-of-hours-call' as record_type, o.id as record_id,
  h.name || ' (' || h.reference || ')' as label, '/out-of-hours/' || o.id as href, h.team_id, t.area_id,
  ${met} as met,
  'Called ' || o.called_on::text || ' at ' || o.called_at || ': ' || ${namesInWordsSql(sql`o.reason`, reasons, reasonNames)}
    || '; ' || lower(${namesInWordsSql(sql`o.outcome`, outcomes, outcomeNames)}) as detail,
  h.restricted, o.called_on::text || ' ' || o.called_at || ' ' || h.reference as sort_key`;

export const callsFromCarers: Measure = {
  id: 'out-of-hours.calls',
  title: 'Out-of-hours calls about fostering households',
  definition:
    'The number of calls about fostering households (from the carers, a young person placed there, the police or ' +
    'anyone else) to the out-of-hours service (the area’s, or the County Out of ' +
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

export const outOfHoursMeasures: Measure[] = [callsFromCarers];
