/**
 * The scorecard measures of allegations, complaints and notifications (Targets 1.2, 1.3 and 5 of
 * the business plan; NMS 22 and 29). Each counts one row per record in SQL for the engine to
 * aggregate, and lists the same records. Allegation rows are "restricted": counted for every
 * figure, listed by name only to the head of fostering (a team's staff see the scorecard, not
 * every allegation of their team).
 */
import { dateInWordsSql } from '../../platform/db/sql.ts';
import { sql, type SQL } from 'drizzle-orm';
import { addYears } from '../../platform/dates/index.ts';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { deadlineTable } from '../../platform/measures/sql.ts';
import { addWorkingDaysSql } from '../../platform/dates/working-days-sql.ts';
import { complaintLabel, complaints } from './measures-complaints.ts';
import { LADO_REFERRAL_RULE, SUPPORT_OFFERED_WORKING_DAYS } from './settings.ts';

const TARGET_5 =
  'Target 5, action 5.1: a central record of allegations, each presented to the fostering panel (NMS 22)';
const NMS_22 = 'NMS 22 (handling allegations and suspicions of harm)';

/** Allegations (c) with their household (h) and team (t), with `join` added and `where` holding. */
const allegations = (where: SQL, join: SQL = sql``) => sql`concerns c
  join households h on h.id = c.household_id
  join teams t on t.id = h.team_id
  ${join}
  where c.kind = 'allegation' and ${where}`;

const allegationLabel = sql`'Allegation: ' || h.name || ' (' || h.reference || '), known ' || ${dateInWordsSql(sql`c.known_on`)}`;

/** A measure over allegations: `met` and the list's `detail` for each. */
function allegationMeasure(
  from: (period: Period) => SQL | null,
  met: (period: Period) => SQL,
  detail: SQL,
): Pick<Measure, 'count' | 'records'> {
  return {
    count(period) {
      const rows = from(period);
      return rows && sql`select h.team_id, t.area_id, ${met(period)} as met from ${rows}`;
    },
    records(period) {
      const rows = from(period);
      return (
        rows &&
        sql`select 'concern' as record_type, c.id as record_id, ${allegationLabel} as label, '/concerns/' || c.id as href,
            h.team_id, t.area_id, ${met(period)} as met, ${detail} as detail, true as restricted,
            c.known_on::text || ' ' || c.id::text as sort_key
          from ${rows}`
      );
    },
  };
}

/** The 12 months up to the period's day (the same date a year earlier excluded). */
const lastYear = (column: SQL, period: Period) =>
  sql`${column} > ${addYears(period.asAt, -1)}::date and ${column} <= ${period.asAt}::date`;

/** Done on or before the day counted (false when not done). */
const doneBy = (column: SQL, period: Period) => sql`coalesce(${column} <= ${period.asAt}::date, false)`;

const shared = { unit: 'percentage', direction: 'higher', target: 100, amberMargin: 10 } as const;

export const referredWithinOneDay: Measure = {
  id: 'concerns.lado-referral-1-working-day',
  title: 'Allegations referred to the LADO within 1 working day',
  definition:
    'Of the allegations whose deadline for referral to the LADO (the first working day after the day the allegation ' +
    'became known; weekends and England and Wales bank holidays excluded) fell in the month (up to today, for the ' +
    'current month), the percentage referred on or before that deadline.',
  standard: LADO_REFERRAL_RULE,
  planTarget: TARGET_5,
  ...shared,
  metLabel: 'Referred in time',
  missedLabel: 'Referred late, or not referred',
  order: 120,
  ...allegationMeasure(
    (period) => {
      const due = deadlineTable(period.from, period.asAt, 1, 'd');
      return due && allegations(sql`true`, sql`join ${due} on d.start_on = c.known_on`);
    },
    () => sql`coalesce(c.referred_to_lado_on <= d.due_on, false)`,
    sql`'Due by ' || d.due_on::text || '; ' || coalesce('referred ' || c.referred_to_lado_on::text, 'not referred')`,
  ),
};

const threeMonths = sql`(c.known_on + interval '3 months')::date`;

export const concludedWithinThreeMonths: Measure = {
  id: 'concerns.allegations-concluded-3-months',
  title: 'Allegations concluded within 3 months',
  definition:
    'Of the allegations whose 3 months from the day they became known ended in the month (up to today, for the ' +
    'current month), the percentage with an outcome dated on or before that day. Guidance, not statute.',
  standard: NMS_22,
  planTarget: TARGET_5,
  ...shared,
  target: 90,
  metLabel: 'Concluded within 3 months',
  missedLabel: 'Not concluded within 3 months',
  order: 121,
  ...allegationMeasure(
    (period) => allegations(sql`${threeMonths} between ${period.from}::date and ${period.asAt}::date`),
    () => sql`coalesce(c.outcome_on <= ${threeMonths}, false)`,
    sql`'3 months on ' || ${threeMonths}::text || '; ' || coalesce('outcome ' || c.outcome_on::text, 'no outcome')`,
  ),
};

export const presentedToPanel: Measure = {
  id: 'concerns.allegations-presented-to-panel',
  title: 'Concluded allegations presented to the fostering panel',
  definition:
    'Of the allegations whose outcome is dated in the 12 months up to the end of the month (or today, for the current ' +
    'month), the percentage presented to the fostering panel on or before that day.',
  standard: NMS_22,
  planTarget: TARGET_5,
  ...shared,
  metLabel: 'Presented to the panel',
  missedLabel: 'Not yet presented to the panel',
  order: 122,
  ...allegationMeasure(
    (period) => allegations(lastYear(sql`c.outcome_on`, period)),
    (period) => doneBy(sql`c.presented_to_panel_on`, period),
    sql`'Outcome ' || c.outcome_on::text || '; ' || coalesce('presented ' || c.presented_to_panel_on::text, 'not presented')`,
  ),
};

export const carerSupportOffered: Measure = {
  id: 'concerns.carer-support-offered',
  title: 'Carers facing an allegation offered independent support',
  definition:
    'Of the allegations that became known in the 12 months up to the end of the month (or today, for the current ' +
    'month) and whose support was due before that day (1 working day after the referral to the LADO, a local ' +
    'target, as My work shows it), the percentage where support independent of the fostering service was offered ' +
    'to the carer on or before that day. An allegation not yet referred is counted by the referral measure.',
  standard: 'NMS 22.12 (support independent of the service for a carer facing an allegation)',
  planTarget: `${TARGET_5}; peer support for carers who face an allegation`,
  ...shared,
  metLabel: 'Independent support offered',
  missedLabel: 'No independent support offered',
  order: 124,
  ...allegationMeasure(
    (period) =>
      allegations(sql`${lastYear(sql`c.known_on`, period)} and c.referred_to_lado_on is not null
        and ${addWorkingDaysSql(sql`c.referred_to_lado_on`, SUPPORT_OFFERED_WORKING_DAYS)} < ${period.asAt}::date`),
    (period) => doneBy(sql`c.support_offered_on`, period),
    sql`coalesce('Offered ' || c.support_offered_on::text, 'Not offered')`,
  ),
};

/**
 * Each child named in an allegation whose outcome, or a complaint whose first response, is dated in
 * the 12 months up to the day: the matter (c, with h and t), the child (cc, ch), the outcome's day
 * (`outcome_on`) and its label.
 */
function childrenToTell(period: Period): SQL {
  const told = sql`join concern_children cc on cc.concern_id = c.id join children ch on ch.id = cc.child_id`;
  return sql`(
      select h.team_id, t.area_id, c.id as concern_id, cc.outcome_told_on, ch.first_name, ch.last_name, ch.reference,
        c.outcome_on, ${allegationLabel} as matter
      from ${allegations(lastYear(sql`c.outcome_on`, period), told)}
      union all
      select t.id, t.area_id, c.id, cc.outcome_told_on, ch.first_name, ch.last_name, ch.reference,
        r.first_response_on, ${complaintLabel} || ', received ' || ${dateInWordsSql(sql`c.known_on`)}
      from ${complaints(
        sql`join (select concern_id, min(responded_on) as first_response_on from complaint_stages group by concern_id) r
          on r.concern_id = c.id ${told}`,
        lastYear(sql`r.first_response_on`, period),
      )}
    ) x`;
}

export const outcomeGivenToChild: Measure = {
  id: 'concerns.outcome-given-to-child',
  title: 'Children given the outcome of an allegation or complaint',
  definition:
    'Of the children named in allegations whose outcome, or in complaints whose first response, is dated in the 12 ' +
    'months up to the end of the month (or today, for the current month), one row for each child and matter, the ' +
    'percentage recorded as told the outcome on or before that day.',
  standard: 'NMS 1.3 (children’s views, wishes and feelings); NMS 22',
  planTarget: 'Target 1, action 1.2: outcomes of allegations and complaints given to children and young people',
  ...shared,
  metLabel: 'Told the outcome',
  missedLabel: 'Not yet told the outcome',
  order: 123,
  count(period) {
    return sql`select x.team_id, x.area_id, ${doneBy(sql`x.outcome_told_on`, period)} as met
      from ${childrenToTell(period)}`;
  },
  records(period) {
    return sql`select 'concern' as record_type, x.concern_id as record_id,
        x.first_name || ' ' || x.last_name || ', ' || x.matter as label, '/concerns/' || x.concern_id as href,
        x.team_id, x.area_id, ${doneBy(sql`x.outcome_told_on`, period)} as met,
        'Outcome ' || x.outcome_on::text || '; ' || coalesce('told ' || x.outcome_told_on::text, 'not told') as detail,
        true as restricted, x.outcome_on::text || ' ' || x.reference as sort_key
      from ${childrenToTell(period)}`;
  },
};

export const allegationMeasures: Measure[] = [
  referredWithinOneDay,
  concludedWithinThreeMonths,
  presentedToPanel,
  outcomeGivenToChild,
  carerSupportOffered,
];
