/**
 * The scorecard's measures of learning from serious case reviews (business plan action 10.1): the
 * teams that discussed a review at a team meeting in the quarter, and the months of the last 12
 * with an extended team manager meeting that had reflective practice and learning on its agenda.
 */
import { sql } from 'drizzle-orm';
import { dateInWordsSql } from '../../platform/db/sql.ts';
import { addMonths } from '../../platform/dates/index.ts';
import { quarterOf } from '../../platform/dates/quarters.ts';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { ACTION_10_1, STATEMENT_OF_PURPOSE } from './labels.ts';
import { LEARNING_MONTH_RECORD, TEAM_QUARTER_RECORD } from './service.ts';
import { monthId, quarterId, reflectiveMeetingIn } from './slots.ts';

const shared = {
  standard: STATEMENT_OF_PURPOSE,
  planTarget: ACTION_10_1,
  unit: 'percentage' as const,
  target: 100,
  direction: 'higher' as const,
  amberMargin: 10,
};

/** Each team, with its latest meeting that discussed a review from the quarter's first day to the period's day. */
const teamsInQuarter = (p: Period) => {
  const start = quarterOf(p.asAt).start;
  return sql`teams t left join lateral (select m.held_on from team_meetings m where m.team_id = t.id
      and m.held_on between ${start}::date and ${p.asAt}::date order by m.held_on desc limit 1) last on true
    cross join (select ${start}::date as start) q`;
};

export const teamsLearning: Measure = {
  id: 'team-meetings.teams-learning',
  title: 'Teams that discussed a serious case review this quarter',
  definition:
    'Of the fostering teams, the percentage whose team meeting discussed a serious case review (recorded on Learning ' +
    'from reviews) from the first day of the quarter (April, July, October or January) to the last day of the month ' +
    '(today, for the current month). The service asks each team to do so at least once a quarter (its own rule under ' +
    'action 10.1, not law), so early in a quarter the figure is still rising.',
  ...shared,
  metLabel: 'Discussed a review',
  missedLabel: 'Not yet this quarter',
  order: 150,
  count: (p) => sql`select t.id as team_id, t.area_id, last.held_on is not null as met from ${teamsInQuarter(p)}`,
  records: (p) => sql`select ${TEAM_QUARTER_RECORD} as record_type, ${quarterId(sql`t.id`, sql`q.start`)} as record_id,
      t.name as label, '/teams/' || t.id || '/team-meetings' as href, t.id as team_id, t.area_id,
      last.held_on is not null as met,
      coalesce('Last discussed on ' || ${dateInWordsSql(sql`last.held_on`)}, 'No discussion recorded this quarter') as detail,
      false as restricted, t.name as sort_key
    from ${teamsInQuarter(p)}`,
};

/**
 * The months of the 12 ending with the period's, each up to the period's day: a month still running
 * counts once its meeting is held (until then it is not yet due).
 */
const twelveMonths = (
  p: Period,
) => sql`(select m.start, ${reflectiveMeetingIn(sql`m.start`, sql`${p.asAt}::date`)} as met
    from generate_series(${addMonths(p.from, -11)}::date, ${p.from}::date, interval '1 month') as m(start)) mm
  where (mm.start + interval '1 month')::date <= ${p.asAt}::date + 1 or mm.met`;

export const extendedMonths: Measure = {
  id: 'team-meetings.extended-months',
  title: 'Months with reflective practice at the extended team manager meeting',
  definition:
    'Of the 12 months up to and including the month, the percentage in which an extended team manager fostering ' +
    'meeting was held with reflective practice and learning on its agenda (action 10.1: every month). A month ' +
    'still running counts only once its meeting is held. Counted for the whole service: the meeting is service-wide.',
  ...shared,
  byTeam: false,
  metLabel: 'Held with reflective practice',
  missedLabel: 'None with reflective practice',
  order: 151,
  count: (p) => sql`select null::uuid as team_id, null::uuid as area_id, mm.met from ${twelveMonths(p)}`,
  records: (p) => sql`select ${LEARNING_MONTH_RECORD} as record_type, ${monthId(sql`mm.start`)} as record_id,
      to_char(mm.start, 'FMMonth YYYY') as label, '/extended-meetings' as href, null::uuid as team_id,
      null::uuid as area_id, mm.met,
      case when mm.met then 'Reflective practice on the agenda' else 'No meeting with reflective practice recorded' end as detail,
      false as restricted, to_char(mm.start, 'YYYY-MM') as sort_key
    from ${twelveMonths(p)}`,
};

export const teamMeetingsMeasures: Measure[] = [teamsLearning, extendedMonths];
