/**
 * The scorecard's measures of extra support for carers (business plan action 7.3): the hub families
 * against the plan's 5, the households they support, the activity breaks of the month, and the
 * emergency psychology support begun within the service's timescale. Each counted in SQL for the
 * engine to aggregate by team, area and service, and listed the same.
 */
import { sql, type SQL } from 'drizzle-orm';
import { namesInWordsSql } from '../../platform/db/sql.ts';
import type { Measure, Period } from '../../platform/measures/index.ts';
import {
  ACTION_7_3,
  breakKindNames,
  breakKinds,
  centreNames,
  centres,
  EMERGENCY_WORKING_DAYS,
  HUB_FAMILIES_TARGET,
  SUPPORT_STANDARD,
} from './labels.ts';

const openOn = (alias: string, day: string) =>
  sql`${sql.raw(alias)}.started_on <= ${day}::date and (${sql.raw(alias)}.ended_on is null or ${sql.raw(alias)}.ended_on > ${day}::date)`;

const household = (alias = 'h') => sql.raw(`${alias}.name || ' (' || ${alias}.reference || ')'`);

/** A household (h, of team t) counted by a measure of counts, listed with a link to its extra support. */
const householdCounted = sql`'household' as record_type, h.id as record_id, ${household()} as label,
  '/households/' || h.id || '/extra-support' as href, h.team_id, t.area_id, true as met`;

/** Hub families (f) on the period's last day (or today), with their household (h) and team (t). */
const hubsOn = (p: Period) => sql`hub_families f join households h on h.id = f.household_id
  join teams t on t.id = h.team_id where ${openOn('f', p.asAt)}`;

export const hubFamiliesMeasure: Measure = {
  id: 'extra-support.hub-families',
  title: 'Hub families',
  definition:
    'The number of households that were hub families on the last day of the month (today, for the current month): ' +
    'experienced carers who each support 3 or 4 other carers of young people with complex needs in their area, ' +
    'each listed with the day it became one and how many households it supported that day. The target is the ' +
    'plan’s, for the whole service.',
  standard: SUPPORT_STANDARD,
  planTarget: ACTION_7_3,
  unit: 'count',
  target: HUB_FAMILIES_TARGET,
  direction: 'higher',
  amberMargin: 1,
  metLabel: 'Hub families',
  order: 182,
  count: (p) => sql`select h.team_id, t.area_id, true as met from ${hubsOn(p)}`,
  records: (p) =>
    sql`select ${householdCounted},
        'Hub family since ' || f.started_on::text || '; supporting '
          || (select count(*) from hub_links l where l.hub_family_id = f.id and ${openOn('l', p.asAt)})::text
          || ' households' as detail,
        h.restricted, h.name || ' ' || h.reference as sort_key
      from ${hubsOn(p)}`,
};

/** Households (h) supported by a hub family on the period's last day, with the hub's household (hub). */
const linkedOn = (p: Period) => sql`hub_links l join hub_families f on f.id = l.hub_family_id
  join households hub on hub.id = f.household_id
  join households h on h.id = l.household_id join teams t on t.id = h.team_id
  where ${openOn('l', p.asAt)}`;

export const supportedByHubMeasure: Measure = {
  id: 'extra-support.supported-by-hub',
  title: 'Households supported by a hub family',
  definition:
    'The number of fostering households supported by a hub family on the last day of the month (today, for the ' +
    'current month), each listed with its hub family and since when. Counted to show, not rated: the plan asks ' +
    'each hub family to support 3 or 4 carers, not a number of households.',
  standard: SUPPORT_STANDARD,
  planTarget: ACTION_7_3,
  unit: 'count',
  target: null,
  direction: 'higher',
  amberMargin: 0,
  metLabel: 'Supported by a hub family',
  order: 183,
  count: (p) => sql`select h.team_id, t.area_id, true as met from ${linkedOn(p)}`,
  records: (p) =>
    sql`select ${householdCounted},
        'Supported by ' || ${household('hub')} || ' since ' || l.started_on::text as detail,
        h.restricted, h.name || ' ' || h.reference as sort_key
      from ${linkedOn(p)}`,
};

/** Breaks (b) that began in the period (up to today), with the household (h) and team (t). */
const breaksIn = (p: Period) => sql`activity_breaks b join households h on h.id = b.household_id
  join teams t on t.id = h.team_id where b.from_on between ${p.from}::date and ${p.asAt}::date`;

export const activityBreaksMeasure: Measure = {
  id: 'extra-support.activity-breaks',
  title: 'Activity breaks for carers and children',
  definition:
    'The number of breaks at an outdoor activity centre (a day, or a residential weekend) that began in the month ' +
    '(up to today, for the current month), each listed with its household, where and how many children went. ' +
    'Counted to show, not rated: the plan sets no number.',
  standard: SUPPORT_STANDARD,
  planTarget: ACTION_7_3,
  unit: 'count',
  target: null,
  direction: 'higher',
  amberMargin: 0,
  metLabel: 'Breaks',
  order: 184,
  count: (p) => sql`select h.team_id, t.area_id, true as met from ${breaksIn(p)}`,
  records: (p) =>
    sql`select ${householdCounted},
        ${namesInWordsSql(sql`b.kind`, breakKinds, breakKindNames)} || ' at ' || ${namesInWordsSql(sql`b.centre`, centres, centreNames)}
          || ' from ' || b.from_on::text || '; ' || b.children::text
          || case when b.children = 1 then ' child' else ' children' end as detail,
        h.restricted, b.from_on::text || ' ' || h.reference || ' ' || b.id::text as sort_key
      from ${breaksIn(p)}`,
};

/**
 * Emergency requests (r) whose first session was due in the period (up to today), with the household
 * (h) and team (t); a request withdrawn before its due day with no session is left out.
 */
const emergenciesDueIn = (p: Period) => sql`psychology_requests r join households h on h.id = r.household_id
  join teams t on t.id = h.team_id
  where r.due_on between ${p.from}::date and ${p.asAt}::date
    and not (r.first_session_on is null and r.ended_on is not null and r.ended_on <= r.due_on)`;

const begunInTime: SQL = sql`coalesce(r.first_session_on <= r.due_on, false)`;

export const emergencyPsychologyInTime: Measure = {
  id: 'extra-support.emergency-psychology-in-time',
  title: `Emergency psychology support begun within ${EMERGENCY_WORKING_DAYS} working days`,
  definition:
    `Of the emergency requests for clinical psychology support whose first session was due (${EMERGENCY_WORKING_DAYS} ` +
    'working days after the request; weekends and England and Wales bank holidays excluded) in the month (up to ' +
    'today, for the current month), the percentage whose first session was on or before that day. A request ' +
    'withdrawn before its day, with no session, is left out. The timescale is the service’s own, not law.',
  standard: SUPPORT_STANDARD,
  planTarget: ACTION_7_3,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Begun in time',
  missedLabel: 'Begun late, or not yet',
  order: 185,
  count: (p) => sql`select h.team_id, t.area_id, ${begunInTime} as met from ${emergenciesDueIn(p)}`,
  records: (p) =>
    sql`select 'psychology-request' as record_type, r.id as record_id, ${household()} as label,
        '/extra-support/psychology/' || r.id as href, h.team_id, t.area_id, ${begunInTime} as met,
        'Asked for ' || r.requested_on::text || '; due by ' || r.due_on::text || '; '
          || coalesce('first session ' || r.first_session_on::text, 'no session yet') as detail,
        h.restricted, r.due_on::text || ' ' || r.id::text as sort_key
      from ${emergenciesDueIn(p)}`,
};

export const extraSupportMeasures: Measure[] = [
  hubFamiliesMeasure,
  supportedByHubMeasure,
  activityBreaksMeasure,
  emergencyPsychologyInTime,
];
