/**
 * The clock of learning from serious case reviews, kept by platform/due. All three are the
 * service's own rules under business plan action 10.1, not law, and say so:
 * - each calendar month, an extended team manager meeting with reflective practice and learning on
 *   its agenda, due by the month's end: the head of fostering's work (scoped by the head, as the
 *   six-monthly reviews are: no team or household);
 * - each team, in each quarter (April, July, October, January), a team meeting that discusses a
 *   serious case review, due by the quarter's end: the team manager's work (the head's while the team
 *   has none), scoped by them (the staff scope: them and the head);
 * - an action from a team meeting, due on its date until marked done: its owner's work, scoped by
 *   them (the staff scope: them, their team's manager and the head).
 * A month's or a quarter's item is shown from its first day until a month after it ends (time to
 * record a meeting held late in it); once that month is over a missed one leaves My work, and the
 * measures count the miss. Nothing is written when a month starts, so the first two renew daily,
 * and their items are kept ahead for a server stopped over a month's end.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { dateInWordsSql, queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { ACCOUNT_RECORD, recordsIn, type DueRule, type KeptDueItem } from '../../platform/due/index.ts';
import { ACTION_RULE_CITES, MONTHLY_RULE_CITES, QUARTERLY_RULE_CITES } from './labels.ts';
import {
  ACTION_RECORD,
  EXTENDED_MEETING_RECORD,
  LEARNING_MONTH_RECORD,
  TEAM_MEETING_RECORD,
  TEAM_QUARTER_RECORD,
} from './service.ts';
import { monthId, quarterId, reflectiveMeetingIn } from './slots.ts';

/** Months (and quarters) after the current one whose items are kept ahead. */
const KEPT_AHEAD = 3;

const head = sql`(select h.id from users h where h.role = 'head_of_fostering' and h.active order by h.display_name, h.id limit 1)`;

interface Row {
  id: string;
  team_id: string | null;
  area_id: string | null;
  due_on: IsoDate;
  shown_from: IsoDate | null;
  shown_until: IsoDate | null;
  owner_id: string | null;
  label: string;
  detail: string;
  href: string;
}

const item = (r: Row): KeptDueItem => ({
  recordId: r.id,
  dueOn: r.due_on,
  shownFrom: r.shown_from,
  shownUntil: r.shown_until,
  teamId: r.team_id,
  areaId: r.area_id,
  ownerUserId: r.owner_id,
  householdId: null,
  childId: null,
  staffUserId: r.owner_id,
  label: r.label,
  detail: r.detail,
  href: r.href,
});

/** The months from the one before today's to KEPT_AHEAD after it, as `m(start)`. */
const months = (today: SQL) => sql`generate_series(date_trunc('month', ${today}) - interval '1 month',
  date_trunc('month', ${today}) + make_interval(months => ${KEPT_AHEAD}), interval '1 month') as m(start)`;

async function monthsDue(db: DbOrTx, ids: readonly string[] | null, today: IsoDate): Promise<KeptDueItem[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select * from (select ${monthId(sql`m.start`)} as id, null::uuid as team_id, null::uuid as area_id,
          (m.start + interval '1 month' - interval '1 day')::date::text as due_on, m.start::date::text as shown_from,
          (m.start + interval '2 months')::date::text as shown_until, ${head} as owner_id,
          'Extended team manager meeting: ' || to_char(m.start, 'FMMonth YYYY') as label,
          'No meeting with reflective practice and learning on the agenda recorded yet' as detail,
          '/extended-meetings' as href
        from ${months(sql`${today}::date`)}
        where not ${reflectiveMeetingIn(sql`m.start`)}) s
      where s.owner_id is not null and ${recordsIn(sql`s.id`, ids)}`,
  );
  return rows.map(item);
}

/** The quarters from the one before today's to KEPT_AHEAD after it, as `q(start)`. */
const quarters = (today: SQL) => sql`generate_series(date_trunc('quarter', ${today}) - interval '3 months',
  date_trunc('quarter', ${today}) + make_interval(months => ${3 * KEPT_AHEAD}), interval '3 months') as q(start)`;

async function quartersDue(db: DbOrTx, ids: readonly string[] | null, today: IsoDate): Promise<KeptDueItem[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select * from (select ${quarterId(sql`t.id`, sql`q.start`)} as id, t.id as team_id, t.area_id,
          (q.start + interval '3 months' - interval '1 day')::date::text as due_on, q.start::date::text as shown_from,
          (q.start + interval '4 months')::date::text as shown_until,
          coalesce((select u.id from users u where u.role = 'team_manager' and u.active and u.team_id = t.id
            order by u.display_name, u.id limit 1), ${head}) as owner_id,
          t.name as label,
          'No serious case review discussed at a team meeting from ' || to_char(q.start, 'FMDD FMMonth') || ' to '
            || ${dateInWordsSql(sql`q.start + interval '3 months' - interval '1 day'`)} as detail,
          '/teams/' || t.id || '/team-meetings' as href
        from teams t cross join ${quarters(sql`${today}::date`)}
        where not exists (select 1 from team_meetings m where m.team_id = t.id
          and m.held_on >= q.start::date and m.held_on < (q.start + interval '3 months')::date)) s
      where s.owner_id is not null and ${recordsIn(sql`s.id`, ids)}`,
  );
  return rows.map(item);
}

async function actionsDue(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select x.id, m.team_id, t.area_id, x.due_on::text as due_on, null as shown_from, null as shown_until, x.owner_id,
        'Action from the team meeting on ' || ${dateInWordsSql(sql`m.held_on`)} as label,
        left(x.action, 200) as detail, '/team-meetings/' || m.id as href
      from team_meeting_actions x join team_meetings m on m.id = x.meeting_id join teams t on t.id = m.team_id
      where x.done_on is null and ${recordsIn(sql`x.id`, ids)}`,
  );
  return rows.map(item);
}

/** Two years either side of today, by `step`, as `p(start)`: more than any day's items cover. */
const around = (unit: 'month' | 'quarter', step: string) => sql`generate_series(
  date_trunc(${sql.raw(`'${unit}'`)}, current_date) - interval '2 years',
  date_trunc(${sql.raw(`'${unit}'`)}, current_date) + interval '2 years', ${sql.raw(`interval '${step}'`)}) as p(start)`;

/** An account changed: the head's months, and a team manager's team's quarters, are worked out again. */
const monthsOfAccounts = (changed: SQL) => sql`select ${monthId(sql`p.start`)} from ${around('month', '1 month')}
  where exists (select 1 from users c where c.id in ${changed} and c.role = 'head_of_fostering')`;
const quartersOfAccounts = (changed: SQL) => sql`select ${quarterId(sql`c.team_id`, sql`p.start`)}
  from users c cross join ${around('quarter', '3 months')}
  where c.id in ${changed} and c.team_id is not null`;

export const teamMeetingsDueRules: DueRule[] = [
  {
    id: 'team-meetings.extended-meeting',
    title: 'Extended team manager meeting with reflective practice',
    cites: MONTHLY_RULE_CITES,
    countsFrom: 'the first day of each calendar month',
    period: 'by the end of the month',
    audience: ['head_of_fostering'],
    recordType: LEARNING_MONTH_RECORD,
    affectedBy: {
      [EXTENDED_MEETING_RECORD]: (changed) =>
        sql`select ${monthId(sql`date_trunc('month', e.held_on)`)} from extended_team_manager_meetings e where e.id in ${changed}`,
      [ACCOUNT_RECORD]: monthsOfAccounts,
    },
    renewDaily: true,
    compute: monthsDue,
  },
  {
    id: 'team-meetings.team-learning',
    title: 'Team meeting learning from a serious case review',
    cites: QUARTERLY_RULE_CITES,
    countsFrom: 'the first day of each quarter (April, July, October and January)',
    period: 'by the end of the quarter',
    audience: ['head_of_fostering', 'team_manager'],
    recordType: TEAM_QUARTER_RECORD,
    affectedBy: {
      [TEAM_MEETING_RECORD]: (changed) =>
        sql`select ${quarterId(sql`m.team_id`, sql`date_trunc('quarter', m.held_on)`)} from team_meetings m where m.id in ${changed}`,
      [ACCOUNT_RECORD]: quartersOfAccounts,
    },
    renewDaily: true,
    compute: quartersDue,
  },
  {
    id: 'team-meetings.action',
    title: 'Action from a team meeting on a serious case review',
    cites: ACTION_RULE_CITES,
    countsFrom: 'the team meeting that agreed it',
    period: 'by the date agreed, until marked done',
    audience: ['head_of_fostering', 'team_manager', 'supervising_social_worker'],
    recordType: ACTION_RECORD,
    compute: (db, ids) => actionsDue(db, ids),
  },
];
