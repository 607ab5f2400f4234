/**
 * The scorecard measure of requests for carers' records (Fostering Services (England) Regulations
 * 2011, regulation 32(6)): one row per request whose 15 working days ended in the month, counted in
 * SQL for the engine to aggregate by team, area and service, and listed the same.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { REG_32, TARGET_6_3 } from './labels.ts';

/** Requests (r) whose 15 working days ended in the period (up to today, for the current month), with the household (h) and team (t). */
const dueIn = (p: Period) => sql`records_requests r
  join households h on h.id = r.household_id
  join teams t on t.id = h.team_id
  where r.due_on between ${p.from}::date and ${p.asAt}::date`;

/** Sent, or access given, on or before the 15th working day. */
const inTime: SQL = sql`coalesce(r.sent_on <= r.due_on, false)`;

export const requestsAnsweredInTime: Measure = {
  id: 'records.requests-answered-in-time',
  title: 'Requests for carers’ records answered within 15 working days',
  definition:
    'Of the requests for a carer’s records from another fostering service provider or an adoption agency whose 15 ' +
    'working days (from the day the request was received; weekends and England and Wales bank holidays excluded) ' +
    'ended in the month (up to today, for the current month), the percentage whose records were sent, or access ' +
    'given, on or before that day.',
  standard: `${REG_32}(6)`,
  planTarget: TARGET_6_3,
  unit: 'percentage',
  direction: 'higher',
  amberMargin: 10,
  target: 100,
  metLabel: 'Sent within 15 working days',
  missedLabel: 'Sent late, or not yet',
  order: 151,
  count: (p) => sql`select h.team_id, t.area_id, ${inTime} as met from ${dueIn(p)}`,
  records: (p) =>
    sql`select 'records-request' as record_type, r.id as record_id,
        h.name || ' (' || h.reference || '): ' || r.organisation as label,
        '/households/' || r.household_id || '/records-requests' as href, h.team_id, t.area_id, ${inTime} as met,
        'Received ' || r.received_on::text || '; due by ' || r.due_on::text || '; '
          || coalesce('sent ' || r.sent_on::text, 'not sent') as detail,
        h.restricted, r.due_on::text || ' ' || r.id::text as sort_key
      from ${dueIn(p)}`,
};

export const recordsMeasures: Measure[] = [requestsAnsweredInTime];
