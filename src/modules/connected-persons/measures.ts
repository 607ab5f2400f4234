/**
 * The scorecard's measure of temporary approval: of the connected persons' full assessments
 * decided in the month (approved as foster carers, or not approved and the approval ended), the
 * share decided by the last day of the temporary approval (16 weeks, or the extension's last day).
 * An approval extended until an independent review's outcome counts as decided in time: its
 * assessment was decided, and the review's time is not the service's. Counted under the
 * household's team.
 */
import { sql } from 'drizzle-orm';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { fullyApprovedSql, REG_24, REG_25, SEED_ACTION } from './labels.ts';

/** The day the assessment was decided: approved as foster carers, or not approved (the approval ended so). */
const decidedOn = sql`coalesce(${fullyApprovedSql()}, case when ta.end_reason = 'not-approved' then ta.ended_on end)`;
const lastDay = sql`coalesce(ta.extended_until, ta.expires_on)`;
const inTime = sql`(${decidedOn} <= ${lastDay} or ta.extension_reason is not distinct from 'review')`;

const decidedIn = (p: Period) => sql`temporary_approvals ta join households h on h.id = ta.household_id
  join teams t on t.id = h.team_id join children c on c.id = ta.child_id
  where ${decidedOn} between ${p.from}::date and ${p.asAt}::date`;

export const decidedInTime: Measure = {
  id: 'connected-persons.decided-in-time',
  title: 'Connected persons’ assessments decided before temporary approval ran out',
  definition:
    'Of the connected persons given temporary approval for a child whose full assessment was decided in the month ' +
    '(approved as foster carers, or not approved and the temporary approval ended for that reason), the percentage ' +
    'decided on or before the last day of the temporary approval: 16 weeks from the day it was given, or the last day ' +
    'of its one extension (up to 8 weeks more). An approval extended until the outcome of an independent review ' +
    'counts as decided in time. Counted under the household’s team.',
  standard: `${REG_24}; ${REG_25}`,
  planTarget: SEED_ACTION,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Decided in time',
  missedLabel: 'Decided after the approval ran out',
  order: 45,
  count: (p) => sql`select h.team_id, t.area_id, ${inTime} as met from ${decidedIn(p)}`,
  records: (p) =>
    sql`select 'temporary-approval' as record_type, ta.id as record_id,
        h.name || ' (' || h.reference || '): ' || c.first_name || ' ' || c.last_name as label,
        '/temporary-approvals/' || ta.id as href, h.team_id, t.area_id, ${inTime} as met,
        'Decided ' || ${decidedOn}::text || '; temporary approval to ' || ${lastDay}::text as detail,
        h.restricted, ${decidedOn}::text || ' ' || h.reference as sort_key
      from ${decidedIn(p)}`,
};

export const connectedPersonsMeasures: Measure[] = [decidedInTime];
