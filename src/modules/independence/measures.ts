/**
 * The scorecard's measures of moving on to adulthood (Target 11 of the business plan; NMS 12): the
 * independence checklist started by 15½ and completed by 17½ (the service's own rule, action 11.2),
 * and young people who stayed on with their foster carers in a Staying Put arrangement at 18
 * (action 11.1; NMS 12.4). Each is one row per young person, counted in SQL for the engine to
 * aggregate by team, area and service, and listed the same. A young person counts under the team
 * of the household they last lived with by the day that matters (its area), or no team and their
 * own area when not placed with the service's carers.
 */
import { sql, type SQL } from 'drizzle-orm';
import { addDays, addYears, birthdaySql } from '../../platform/dates/index.ts';
import type { Measure, Period } from '../../platform/measures/index.ts';
import {
  COMPLETE_AGE_MONTHS,
  NMS_12,
  NMS_12_4,
  START_AGE_MONTHS,
  STAYING_PUT_WITHIN_DAYS,
  TARGET_11_1,
  TARGET_11_2,
} from './labels.ts';
import { childInCarePlacement } from '../placements/scope.ts';

/** The young person's day of an age in months (15½: 186), as the labels' dates are worked out. */
const dayAt = (months: number) => sql`(c.date_of_birth + make_interval(months => ${months}))::date`;
const eighteen = birthdaySql(sql`c.date_of_birth`, 18);

/** The first day of the 12 months that end on the period's day. */
const yearFrom = (p: Period) => addDays(addYears(p.asAt, -1), 1);

/** Looked after on the day: became looked after by then and had not left care. */
const inCareOn = (day: SQL) =>
  sql`(c.looked_after_since <= ${day} and (c.left_care_on is null or c.left_care_on > ${day}))`;

/** The household (h, team t) of the young person's latest placement started by the day, or none. */
const latestHomeBy = (day: SQL) => sql`left join lateral (
    select h.team_id, t.area_id from placements p
    join households h on h.id = p.household_id
    join teams t on t.id = h.team_id
    where p.child_id = c.id and p.start_date <= ${day}
    order by p.start_date desc limit 1
  ) home on true`;

/** A young person as a record behind a figure, with their checklist's page. */
const youngPersonRecord = sql`'child' as record_type, c.id as record_id,
  c.first_name || ' ' || c.last_name || ' (' || c.reference || ')' as label,
  '/children/' || c.id || '/independence' as href, false as restricted, c.reference as sort_key`;

/**
 * A checklist measure's counting and records: one row per young person of `from`, counted under
 * their home's team and area (their own area when not placed), met as `met` says.
 */
function perYoungPerson(from: (p: Period) => SQL, met: SQL, detail: SQL): Pick<Measure, 'count' | 'records'> {
  const unit = sql`home.team_id, coalesce(home.area_id, c.area_id) as area_id, ${met} as met`;
  return {
    count: (p) => sql`select ${unit} from ${from(p)}`,
    records: (p) => sql`select ${youngPersonRecord}, ${unit}, ${detail} as detail from ${from(p)}`,
  };
}

const startDue = dayAt(START_AGE_MONTHS);
const completeDue = dayAt(COMPLETE_AGE_MONTHS);

/**
 * Young people in care on the period's day, aged 15½ to 18 then, who were already in care on the
 * day they were 15½ (c), with their checklist (k) and home.
 */
const inCareFrom15AndAHalf = (p: Period) => sql`children c
  left join independence_checklists k on k.child_id = c.id
  ${latestHomeBy(sql`${p.asAt}::date`)}
  where ${startDue} <= ${p.asAt}::date and ${eighteen} > ${p.asAt}::date
    and ${inCareOn(sql`${p.asAt}::date`)} and c.looked_after_since <= ${startDue}`;

const startedInTime = sql`coalesce(k.started_on <= ${startDue}, false)`;

export const checklistsStarted: Measure = {
  id: 'independence.checklist-started',
  title: 'Independence checklists started by 15½',
  definition:
    'Of the young people looked after on the last day of the month (today, for the current month) who were then ' +
    'aged between 15½ and 18, and were already looked after on the day they were 15½, the percentage whose ' +
    'independence checklist was started on or before that day. A young person who became looked after after 15½ ' +
    'is not counted. 15½ is the service’s own date (business plan action 11.2), not a statutory one.',
  standard: NMS_12,
  planTarget: TARGET_11_2,
  unit: 'percentage',
  direction: 'higher',
  amberMargin: 10,
  target: 90,
  metLabel: 'Started by 15½',
  missedLabel: 'Not started by 15½',
  order: 160,
  ...perYoungPerson(
    inCareFrom15AndAHalf,
    startedInTime,
    sql`'15½ on ' || ${startDue}::text || '; ' || coalesce('started ' || k.started_on::text, 'not started')`,
  ),
};

/**
 * Young people who were 17½ in the 12 months up to the period's day (c) and were looked after on
 * that day, with their checklist (k) and the home they lived in by then.
 */
const turned17AndAHalf = (p: Period) => sql`children c
  left join independence_checklists k on k.child_id = c.id
  ${latestHomeBy(completeDue)}
  where ${completeDue} between ${yearFrom(p)}::date and ${p.asAt}::date and ${inCareOn(completeDue)}`;

const completedInTime = sql`coalesce(k.completed_on <= ${completeDue}, false)`;

export const checklistsCompleted: Measure = {
  id: 'independence.checklist-completed',
  title: 'Independence checklists completed by 17½',
  definition:
    'Of the young people who were 17½ in the 12 months up to the last day of the month (today, for the current ' +
    'month) and were looked after on that birthday, the percentage whose independence checklist was completed on ' +
    'or before it (every area done, or recorded as completed). A young person who has left care since is still ' +
    'counted. 17½ is the service’s own date (business plan action 11.2), not a statutory one.',
  standard: NMS_12,
  planTarget: TARGET_11_2,
  unit: 'percentage',
  direction: 'higher',
  amberMargin: 10,
  target: 80,
  metLabel: 'Completed by 17½',
  missedLabel: 'Not completed by 17½',
  order: 161,
  ...perYoungPerson(
    turned17AndAHalf,
    completedInTime,
    sql`'17½ on ' || ${completeDue}::text || '; ' || case
      when k.completed_on is not null then 'completed ' || k.completed_on::text
      when k.id is not null then 'started ' || k.started_on::text || ', not completed'
      else 'not started' end`,
  ),
};

/**
 * Young people who turned 18 in the 12 months up to the period's day (c) while placed with one of
 * the service's households (p, h, t): a placement, not Staying Put, open on the day before their
 * birthday, and not left care before it.
 */
const turned18WithOurCarers = (p: Period) => sql`children c
  join placements p on p.child_id = c.id and ${childInCarePlacement('p')}
    and p.start_date < ${eighteen} and (p.end_date is null or p.end_date >= ${eighteen})
  join households h on h.id = p.household_id
  join teams t on t.id = h.team_id
  where ${eighteen} between ${yearFrom(p)}::date and ${p.asAt}::date
    and (c.left_care_on is null or c.left_care_on >= ${eighteen})`;

/** The Staying Put arrangement with the same carers that started around the 18th birthday, by the period's day. */
const stayingPutWith = (p: Period) => sql`(select min(sp.start_date) from placements sp
  where sp.child_id = c.id and sp.household_id = p.household_id and sp.placement_type = 'staying_put'
    and sp.start_date between ${eighteen} - ${STAYING_PUT_WITHIN_DAYS}::int and ${eighteen} + ${STAYING_PUT_WITHIN_DAYS}::int
    and sp.start_date <= ${p.asAt}::date)`;

export const stayedPut: Measure = {
  id: 'independence.staying-put',
  title: 'Young people who stayed on with their carers at 18 (Staying Put)',
  definition:
    'Of the young people who turned 18 in the 12 months up to the last day of the month (today, for the current ' +
    'month) while placed with the service’s foster carers (a placement open on the day before their birthday, and ' +
    `not having left care before it), the percentage who stayed on with the same carers in a Staying Put ` +
    `arrangement: one recorded as starting within ${STAYING_PUT_WITHIN_DAYS} days of their 18th birthday, by that day. ` +
    'Young people placed with agencies are not counted.',
  standard: NMS_12_4,
  planTarget: TARGET_11_1,
  unit: 'percentage',
  direction: 'higher',
  amberMargin: 10,
  target: 50,
  metLabel: 'Stayed on (Staying Put)',
  missedLabel: 'Did not stay on',
  order: 162,
  count: (p) =>
    sql`select h.team_id, t.area_id, ${stayingPutWith(p)} is not null as met from ${turned18WithOurCarers(p)}`,
  records: (p) =>
    sql`select 'child' as record_type, c.id as record_id,
        c.first_name || ' ' || c.last_name || ' (' || c.reference || ') with ' || h.name || ' (' || h.reference || ')' as label,
        '/children/' || c.id as href, h.team_id, t.area_id, ${stayingPutWith(p)} is not null as met,
        '18 on ' || ${eighteen}::text || '; ' || coalesce('Staying Put from ' || ${stayingPutWith(p)}::text,
          'no Staying Put arrangement with these carers') as detail,
        h.restricted, c.reference as sort_key
      from ${turned18WithOurCarers(p)}`,
};

export const independenceMeasures: Measure[] = [checklistsStarted, checklistsCompleted, stayedPut];
