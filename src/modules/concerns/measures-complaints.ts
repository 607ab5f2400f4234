/**
 * The complaints and notifications measures: complaints answered within each stage's statutory
 * timescale, complaints repeating a theme (Target 1.3: "a reduction in repeat complaints of
 * similar themes"), and Ofsted told of significant events within 24 hours (NMS 29).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { addDays } from '../../platform/dates/index.ts';
import { notificationTimesSql } from './settings.ts';

const TARGET_1_3 =
  'Target 1, action 1.3: complaints tracked, with learning and fewer repeat complaints of similar themes';

/** Complaints (c) with their household if any (h) and team (t): the household's, or the complaint's own. */
export const complaints = (join: SQL, where: SQL) => sql`concerns c
  left join households h on h.id = c.household_id
  join teams t on t.id = coalesce(h.team_id, c.team_id)
  ${join}
  where c.kind = 'complaint' and ${where}`;

export const complaintLabel = sql`'Complaint: ' || coalesce(h.name || ' (' || h.reference || ')', 'the fostering service')`;

const respondedInTime = sql`coalesce(s.responded_on <= s.respond_by, false)`;

export const complaintsInTime: Measure = {
  id: 'concerns.complaints-answered-in-time',
  title: 'Complaints answered within the stage’s timescale',
  definition:
    'Of the complaint stages whose response was due in the month (up to today, for the current month), the ' +
    'percentage answered on or before the day it was due. Stage 1 is due 10 working days after it was received ' +
    '(20 when extended), stage 2 25 (65 when extended), stage 3 15 working days after the review panel’s report ' +
    '(the panel within 30 working days of the request, its report within 5 of the panel). Each stage is counted once.',
  standard: 'NMS 1 and 2; Children Act 1989 Representations Procedure (England) Regulations 2006',
  planTarget: TARGET_1_3,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Answered in time',
  missedLabel: 'Answered late, or not answered',
  order: 125,
  count(period) {
    return sql`select t.id as team_id, t.area_id, ${respondedInTime} as met
      from ${complaints(sql`join complaint_stages s on s.concern_id = c.id`, sql`s.respond_by between ${period.from}::date and ${period.asAt}::date`)}`;
  },
  records(period) {
    return sql`select 'concern' as record_type, c.id as record_id, ${complaintLabel} || ', stage ' || s.stage as label,
        '/concerns/' || c.id as href, t.id as team_id, t.area_id, ${respondedInTime} as met,
        'Due by ' || s.respond_by::text || '; ' || coalesce('answered ' || s.responded_on::text, 'not answered') as detail,
        coalesce(h.restricted, false) as restricted, s.respond_by::text || ' ' || c.id::text as sort_key
      from ${complaints(sql`join complaint_stages s on s.concern_id = c.id`, sql`s.respond_by between ${period.from}::date and ${period.asAt}::date`)}`;
  },
};

/**
 * Each complaint received in the period that shares a theme with a complaint received in the 12
 * months before its day (not on the same day): counted at once, a window over each theme's
 * complaints of the period and the year before it in date order (join on concern_id, `repeats`).
 * Looked up complaint by complaint, each read the whole year before it: 125 ms for the 202
 * complaints of a month at national scale, against a few for the window.
 */
const repeatingComplaints = (period: Period) => sql`(
  select x.concern_id, bool_or(x.before > 0) as repeats from (
    select ct.concern_id, e.known_on, count(*) over (partition by ct.theme order by e.known_on
        range between interval '12 months' preceding and interval '1 day' preceding) as before
    from concern_themes ct join concerns e on e.id = ct.concern_id
    where e.kind = 'complaint'
      and e.known_on between (${period.from}::date - interval '12 months')::date and ${period.asAt}::date) x
  where x.known_on between ${period.from}::date and ${period.asAt}::date
  group by x.concern_id)`;

const repeatsTheme = sql`coalesce(rp.repeats, false)`;
const withRepeats = (period: Period) => sql`left join ${repeatingComplaints(period)} rp on rp.concern_id = c.id`;

const receivedIn = (period: Period) => sql`c.known_on between ${period.from}::date and ${period.asAt}::date`;

export const repeatThemes: Measure = {
  id: 'concerns.repeat-complaint-themes',
  title: 'Complaints repeating a theme',
  definition:
    'Of the complaints received in the month (up to today, for the current month), the percentage with a theme ' +
    'already raised in a complaint received in the 12 months before (not on the same day). Lower is better. The ' +
    'target is a local starting point: the plan asks for a reduction.',
  standard: 'NMS 25 (monitoring and learning)',
  planTarget: TARGET_1_3,
  unit: 'percentage',
  target: 20,
  direction: 'lower',
  amberMargin: 10,
  metLabel: 'Repeats a theme',
  missedLabel: 'A new theme',
  order: 126,
  count(period) {
    return sql`select t.id as team_id, t.area_id, ${repeatsTheme} as met from ${complaints(withRepeats(period), receivedIn(period))}`;
  },
  records(period) {
    return sql`select 'concern' as record_type, c.id as record_id, ${complaintLabel} as label,
        '/concerns/' || c.id as href, t.id as team_id, t.area_id, ${repeatsTheme} as met,
        'Received ' || c.known_on::text || '; themes: ' ||
          (select string_agg(theme, ', ' order by theme) from concern_themes where concern_id = c.id) as detail,
        coalesce(h.restricted, false) as restricted, c.known_on::text || ' ' || c.id::text as sort_key
      from ${complaints(withRepeats(period), receivedIn(period))}`;
  },
};

/** Events whose 24 hours ran out in the period (London days), with whether Ofsted was told by then. */
const eventsDueIn = (period: Period) => sql`significant_events e
  join households h on h.id = e.household_id
  join teams t on t.id = h.team_id
  where e.known_at + interval '24 hours' >= (${period.from}::date::timestamp at time zone 'Europe/London')
    and e.known_at + interval '24 hours' < (${addDays(period.asAt, 1)}::date::timestamp at time zone 'Europe/London')`;

const ofstedInTime = sql`exists (select 1 from event_notices n
  where n.event_id = e.id and n.recipient = 'ofsted' and n.told_at <= e.known_at + interval '24 hours')`;

export const notifiedInTime: Measure = {
  id: 'concerns.notifications-24-hours',
  title: 'Significant events notified to Ofsted within 24 hours',
  definition:
    'Of the significant events (Schedule 7: a death, serious injury or illness, an allegation, police involvement, ' +
    'a child missing) whose 24 hours from becoming known ran out in the month (up to today, for the current month), ' +
    'the percentage with Ofsted recorded as told within those 24 hours.',
  standard: 'NMS 29 (notification of significant events)',
  planTarget: 'Target 5: handling allegations and suspicions of harm (NMS 22, 29)',
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 5,
  metLabel: 'Ofsted told within 24 hours',
  missedLabel: 'Ofsted told late, or not told',
  order: 127,
  count(period) {
    return sql`select h.team_id, t.area_id, ${ofstedInTime} as met from ${eventsDueIn(period)}`;
  },
  records(period) {
    return sql`select 'significant-event' as record_type, e.id as record_id,
        'Significant event: ' || h.name || ' (' || h.reference || ')' as label, '/notifications/' || e.id as href,
        h.team_id, t.area_id, ${ofstedInTime} as met,
        ${notificationTimesSql} as detail,
        (e.concern_id is not null or h.restricted) as restricted, e.known_at::text as sort_key
      from ${eventsDueIn(period)}`;
  },
};

export const complaintMeasures: Measure[] = [complaintsInTime, repeatThemes, notifiedInTime];
