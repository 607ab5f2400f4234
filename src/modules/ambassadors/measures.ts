/**
 * The scorecard's measures of Carer Ambassadors (business plan action 3.2): the ambassadors
 * against the plan's 30, and what they did in the month. Each counted in SQL for the engine to
 * aggregate by team, area and service, and listed the same.
 */
import { sql } from 'drizzle-orm';
import { namesInWordsSql } from '../../platform/db/sql.ts';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { ACTION_3_2, activityKindNames, activityKinds, AMBASSADORS_TARGET, RECRUITMENT_STANDARD } from './labels.ts';

/** A carer (c) of a household (h, of team t) counted by a measure of counts, listed with a link to the household's ambassadors. */
const carerCounted = sql`'household' as record_type, h.id as record_id,
  c.first_name || ' ' || c.last_name || ', ' || h.name || ' (' || h.reference || ')' as label,
  '/households/' || h.id || '/ambassadors' as href, h.team_id, t.area_id, true as met`;

/** Ambassadors (a) on the period's last day (or today), with the carer (c), household (h) and team (t). */
const ambassadorsOn = (p: Period) => sql`carer_ambassadors a join carers c on c.id = a.carer_id
  join households h on h.id = a.household_id join teams t on t.id = h.team_id
  where a.started_on <= ${p.asAt}::date and (a.ended_on is null or a.ended_on > ${p.asAt}::date)`;

export const ambassadorsMeasure: Measure = {
  id: 'ambassadors.carer-ambassadors',
  title: 'Carer Ambassadors',
  definition:
    'The number of foster carers who were Carer Ambassadors on the last day of the month (today, for the current ' +
    'month): experienced carers who speak for fostering at recruitment events and to people thinking of ' +
    'fostering, and support applicants and new carers. Each is listed with their household and the day they ' +
    'became one. The target is the plan’s, for the whole service.',
  standard: RECRUITMENT_STANDARD,
  planTarget: ACTION_3_2,
  unit: 'count',
  target: AMBASSADORS_TARGET,
  direction: 'higher',
  amberMargin: 5,
  metLabel: 'Carer Ambassadors',
  order: 212,
  count: (p) => sql`select h.team_id, t.area_id, true as met from ${ambassadorsOn(p)}`,
  records: (p) =>
    sql`select ${carerCounted}, 'Ambassador since ' || a.started_on::text as detail,
        h.restricted, c.last_name || ' ' || c.first_name || ' ' || a.id::text as sort_key
      from ${ambassadorsOn(p)}`,
};

/** Activities (x) in the period (up to today), with the ambassador (a), carer (c), household (h) and team (t). */
const activitiesIn = (p: Period) => sql`ambassador_activities x join carer_ambassadors a on a.id = x.ambassador_id
  join carers c on c.id = a.carer_id join households h on h.id = x.household_id join teams t on t.id = h.team_id
  where x.on_date between ${p.from}::date and ${p.asAt}::date`;

export const ambassadorActivitiesMeasure: Measure = {
  id: 'ambassadors.activities',
  title: 'Activities by Carer Ambassadors',
  definition:
    'The number of things Carer Ambassadors did for the service in the month (up to today, for the current ' +
    'month): recruitment events, talks with people thinking of fostering, support for applicants and new ' +
    'carers, support groups, training and consultations, each listed with the ambassador and what it was. ' +
    'Counted to show, not rated: the plan sets no number.',
  standard: RECRUITMENT_STANDARD,
  planTarget: ACTION_3_2,
  unit: 'count',
  target: null,
  direction: 'higher',
  amberMargin: 0,
  metLabel: 'Activities',
  order: 213,
  count: (p) => sql`select h.team_id, t.area_id, true as met from ${activitiesIn(p)}`,
  records: (p) =>
    sql`select ${carerCounted},
        ${namesInWordsSql(sql`x.kind`, activityKinds, activityKindNames)} || ' on ' || x.on_date::text as detail,
        h.restricted, x.on_date::text || ' ' || x.id::text as sort_key
      from ${activitiesIn(p)}`,
};

export const ambassadorMeasures: Measure[] = [ambassadorsMeasure, ambassadorActivitiesMeasure];
