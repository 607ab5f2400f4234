/**
 * The scorecard's measures of joint training (business plan action 10.2): the fostering staff and
 * panel members who attended a joint training day in the last 12 months, and the attendees whose
 * evaluation shows their confidence on the day's theme rose. People are counted in SQL, one row
 * each; the rows are restricted (counted in every figure, listed by name only to the head of
 * fostering), as the staff measures' are.
 */
import { sql, type SQL } from 'drizzle-orm';
import { addDays, addYears } from '../../platform/dates/index.ts';
import { dateInWordsSql } from '../../platform/db/sql.ts';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { ACTION_10_2, attendeeRoleList, confidenceNames, JOINT_TRAINING_STANDARD, scores } from './labels.ts';
import { JOINT_TRAINING } from './paths.ts';

/** The 12 months up to the period's day: from the day after the same day a year before, to the day. */
const window = (p: Period) => sql`between ${addDays(addYears(p.asAt, -1), 1)}::date and ${p.asAt}::date`;

/** The latest day in the window a person attended, by the attendance column for them (`a.user_id` ...). */
const latestAttended = (p: Period, who: SQL) => sql`(select d.id from joint_training_attendance a
  join joint_training_days d on d.id = a.day_id where ${who} and d.held_on ${window(p)}
  order by d.held_on desc, d.id limit 1)`;

/**
 * The fostering staff the days are for, in post on the period's day (u, with their team t): from the
 * day they joined the service as the staff module records it, or else the day their account was made.
 */
const staffInPost = (p: Period) => sql`users u left join teams t on t.id = u.team_id
  left join staff_starts st on st.user_id = u.id
  where u.role in (${sql.raw(attendeeRoleList)})
    and coalesce(st.joined_on, (u.created_at at time zone 'Europe/London')::date) <= ${p.asAt}::date
    and (u.deactivated_at is null and u.active or (u.deactivated_at at time zone 'Europe/London')::date > ${p.asAt}::date)`;

/** The panel's central list on the period's day (pm). */
const panelOnList = (p: Period) => sql`panel_members pm
  where pm.joined_on <= ${p.asAt}::date and (pm.leaves_on is null or pm.leaves_on > ${p.asAt}::date)`;

const attendedDetail = (day: SQL) => sql`coalesce('Attended the joint training day of '
  || (select ${dateInWordsSql(sql`d.held_on`)} from joint_training_days d where d.id = ${day}),
  'No joint training day attended in the 12 months')`;

/** One row per person: the staff in post, then the panel's list (no team or area: the panel is the service's). */
function people(p: Period, columns: (day: SQL, person: 'staff' | 'panel') => SQL) {
  const staffDay = latestAttended(p, sql`a.user_id = u.id`);
  const panelDay = latestAttended(p, sql`a.panel_member_id = pm.id`);
  return sql`select ${columns(staffDay, 'staff')} from ${staffInPost(p)}
    union all select ${columns(panelDay, 'panel')} from ${panelOnList(p)}`;
}

export const attendedJointTraining: Measure = {
  id: 'joint-training.attended',
  title: 'Staff and panel members at a joint training day in the last 12 months',
  definition:
    'Of the fostering staff (supervising and assessing social workers, team managers, service managers, panel ' +
    'advisers and the head of fostering) in post on the last day of the month (today, for the current month: ' +
    'from the day they joined the service, or the day their account was made when that is not recorded), and the members on the panel’s central list that day, the percentage recorded as attending a joint ' +
    'training day held in the 12 months up to it (from the day after the same day a year before). Staff are counted ' +
    'in their team and area; panel members in the service’s figure only.',
  standard: JOINT_TRAINING_STANDARD,
  planTarget: ACTION_10_2,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  byTeam: true,
  metLabel: 'Attended a joint training day',
  missedLabel: 'Not at a joint training day in the 12 months',
  order: 145,
  count: (p) =>
    people(p, (day, person) =>
      person === 'staff'
        ? sql`u.team_id, coalesce(t.area_id, u.area_id) as area_id, ${day} is not null as met`
        : sql`null::uuid as team_id, null::uuid as area_id, ${day} is not null as met`,
    ),
  records: (p) =>
    people(p, (day, person) => {
      const [type, id, name, team, area] =
        person === 'staff'
          ? [sql`'user'`, sql`u.id`, sql`u.display_name`, sql`u.team_id`, sql`coalesce(t.area_id, u.area_id)`]
          : [sql`'panel-member'`, sql`pm.id`, sql`pm.name || ' (panel member)'`, sql`null::uuid`, sql`null::uuid`];
      return sql`${type} as record_type, ${id} as record_id, ${name} as label,
        coalesce(${JOINT_TRAINING} || '/' || ${day}, ${JOINT_TRAINING}) as href, ${team} as team_id, ${area} as area_id,
        ${day} is not null as met, ${attendedDetail(day)} as detail, true as restricted, ${name} || ' ' || ${id}::text as sort_key`;
    }),
};

const confidenceInWords = (column: SQL) =>
  sql`(${column}::text || ' (' || case ${column} ${sql.join(
    scores.map((s) => sql`when ${Number(s)} then ${confidenceNames[s]}`),
    sql` `,
  )} end || ')')`;

const evaluationsIn = (p: Period) => sql`joint_training_evaluations e
  join joint_training_attendance a on a.id = e.attendance_id join joint_training_days d on d.id = a.day_id
  left join users u on u.id = a.user_id left join teams t on t.id = u.team_id
  left join panel_members pm on pm.id = a.panel_member_id
  where d.held_on ${window(p)}`;
const rose = sql`e.confidence_after > e.confidence_before`;

export const confidenceRose: Measure = {
  id: 'joint-training.confidence-rose',
  title: 'Joint training attendees whose confidence rose',
  definition:
    'Of the evaluations given by attendees of the joint training days held in the 12 months up to the last day of ' +
    'the month (today, for the current month), the percentage in which the attendee’s confidence on the day’s ' +
    'theme after the day (1 to 5) is higher than before it. Attendees who gave no evaluation are not counted: the ' +
    'day’s page says how many did. Staff are counted in their team and area; panel members in the service’s figure only.',
  standard: JOINT_TRAINING_STANDARD,
  planTarget: ACTION_10_2,
  unit: 'percentage',
  target: null,
  direction: 'higher',
  amberMargin: 0,
  byTeam: true,
  metLabel: 'Confidence rose',
  missedLabel: 'Confidence did not rise',
  order: 146,
  count: (p) =>
    sql`select u.team_id, coalesce(t.area_id, u.area_id) as area_id, ${rose} as met from ${evaluationsIn(p)}`,
  records: (p) =>
    sql`select 'joint-training-day' as record_type, d.id as record_id, coalesce(u.display_name, pm.name || ' (panel member)') as label,
        ${JOINT_TRAINING} || '/evaluations/' || a.id as href, u.team_id, coalesce(t.area_id, u.area_id) as area_id, ${rose} as met,
        'Joint training day of ' || ${dateInWordsSql(sql`d.held_on`)} || ': confidence ' || ${confidenceInWords(sql`e.confidence_before`)}
          || ' before, ' || ${confidenceInWords(sql`e.confidence_after`)} || ' after' as detail,
        true as restricted, d.held_on::text || ' ' || coalesce(u.display_name, pm.name) || ' ' || a.id::text as sort_key
      from ${evaluationsIn(p)}`,
};

export const jointTrainingMeasures: Measure[] = [attendedJointTraining, confidenceRose];
