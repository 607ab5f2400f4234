/**
 * The scorecard measures of case-file audits (Target 4 of the business plan; NMS 25.2): each counts
 * one row per audit in SQL for the engine to aggregate by team, area and service, and lists the same.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { NMS_25, TARGET_4, TEAM_SAMPLE } from './settings.ts';

/** Audits (a) with their month (m), household (h) and the household's team (t), where `where` holds. */
const audits = (where: SQL) => sql`case_audits a
  join audit_months m on m.id = a.month_id
  join households h on h.id = a.household_id
  join teams t on t.id = a.team_id
  where ${where}`;

const label = sql`'Case-file audit: ' || h.name || ' (' || h.reference || ')'`;

function auditMeasure(from: (p: Period) => SQL, met: (p: Period) => SQL, detail: SQL, sortKey: SQL) {
  return {
    count: (p: Period) => sql`select a.team_id, t.area_id, ${met(p)} as met from ${from(p)}`,
    records: (p: Period) =>
      sql`select 'case-audit' as record_type, a.id as record_id, ${label} as label, '/audits/' || a.id as href,
          a.team_id, t.area_id, ${met(p)} as met, ${detail} as detail, false as restricted, ${sortKey} as sort_key
        from ${from(p)}`,
  };
}

const shared = { unit: 'percentage', direction: 'higher', amberMargin: 10 } as const;
const doneBy = (p: Period) => sql`coalesce(a.status = 'completed' and a.audited_on <= ${p.asAt}::date, false)`;

export const auditsDone: Measure = {
  id: 'audits.done-per-team',
  title: 'Case-file audits done by each team against its 10 a month',
  definition:
    `Of the files picked for each team’s own sample for the month (${TEAM_SAMPLE} at random, with every household with ` +
    'an open allegation, complaint or standard-of-care concern; a file swapped out is not counted, its replacement is), ' +
    'the percentage audited on or before the last day of the month (or today, for the current month). The central ' +
    'sample is not counted here. A team whose month was not picked has no figure.',
  standard: NMS_25,
  planTarget: TARGET_4,
  ...shared,
  target: 100,
  metLabel: 'Audited',
  missedLabel: 'Not yet audited',
  order: 140,
  ...auditMeasure(
    (p) => audits(sql`m.month = ${p.month} and m.team_id is not null and a.status <> 'swapped'`),
    doneBy,
    sql`coalesce('Audited ' || a.audited_on::text, 'Not yet audited')`,
    sql`h.name || ' ' || a.id::text`,
  ),
};

export const auditsGoodOrBetter: Measure = {
  id: 'audits.good-or-better',
  title: 'Case-file audits graded good or better',
  definition:
    'Of the case-file audits completed in the month (team and central samples), the percentage whose overall grade ' +
    '(the worst section, or inadequate when a child placed has no current signed delegated authority) is good or outstanding.',
  standard: NMS_25,
  planTarget: TARGET_4,
  ...shared,
  target: 100,
  metLabel: 'Good or outstanding',
  missedLabel: 'Requires improvement or inadequate',
  order: 141,
  ...auditMeasure(
    (p) => audits(sql`a.status = 'completed' and a.audited_on between ${p.from}::date and ${p.asAt}::date`),
    () => sql`a.grade in ('outstanding', 'good')`,
    sql`'Audited ' || a.audited_on::text || '; ' || replace(a.grade, '_', ' ')`,
    sql`a.audited_on::text || ' ' || a.id::text`,
  ),
};

export const inadequatePutRight: Measure = {
  id: 'audits.inadequate-put-right',
  title: 'Inadequate case-file audits put right within 5 working days',
  definition:
    'Of the audits graded inadequate whose 5 working days to put right (from the audit date; weekends and England ' +
    'and Wales bank holidays excluded) ended in the month (up to today, for the current month), the percentage the ' +
    'supervising social worker recorded put right on or before that day.',
  standard: NMS_25,
  planTarget: TARGET_4,
  ...shared,
  target: 100,
  metLabel: 'Put right in time',
  missedLabel: 'Put right late, or not yet',
  order: 142,
  ...auditMeasure(
    (p) => audits(sql`a.grade = 'inadequate' and a.put_right_due_on between ${p.from}::date and ${p.asAt}::date`),
    () => sql`coalesce(a.put_right_on <= a.put_right_due_on, false)`,
    sql`'Due by ' || a.put_right_due_on::text || '; ' || coalesce('put right ' || a.put_right_on::text, 'not put right')`,
    sql`a.put_right_due_on::text || ' ' || a.id::text`,
  ),
};

export const auditMeasures: Measure[] = [auditsDone, auditsGoodOrBetter, inadequatePutRight];
