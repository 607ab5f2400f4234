/**
 * The staff measures on the scorecard (Targets 9 and 10.1 of the business plan, NMS 24). Each
 * counts one row per member of staff in SQL; the rows are "restricted": counted in every figure,
 * listed by name only to the head of fostering.
 */
import { sql, type SQL } from 'drizzle-orm';
import { addDays, addYears, type IsoDate } from '../../platform/dates/index.ts';
import { quarterOf } from '../../platform/dates/quarters.ts';
import { dateInWordsSql } from '../../platform/db/sql.ts';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { coursesLapsedOn } from './folder-audit-queries.ts';
import { staffRoleList } from './scope.ts';
import {
  DEFAULT_SUPERVISION_WEEKS,
  FOLDER_AUDITS_PER_AREA,
  INDUCTION_WEEKS,
  inductionItems,
  PDP_CURRENT_MONTHS,
  SIGN_WITHIN_DAYS,
} from './settings.ts';

const NMS_24 = 'NMS 24 (staff support and supervision)';
const TARGET_9 = 'Target 9.1: a signed written record of each staff member’s supervision, and their mandatory training';
const TARGET_10 = 'Target 10.1: all new fostering staff follow the fostering induction programme';
const SIX_WEEKS = DEFAULT_SUPERVISION_WEEKS * 7;

const joined = sql`coalesce(st.joined_on, (u.created_at at time zone 'Europe/London')::date)`;

/** Members of staff (u) on the service as at the period's day, who joined on or before `by`, with `where` holding. */
const staffOn = (period: Period, by: string, where: SQL = sql`true`) => sql`users u
  left join teams t on t.id = u.team_id
  left join staff_starts st on st.user_id = u.id
  where u.role in (${staffRoleList}) and ${joined} < ${by}::date
    and (u.deactivated_at is null and u.active
      or (u.deactivated_at at time zone 'Europe/London')::date > ${period.asAt}::date)
    and ${where}`;

/** A measure over members of staff: which are counted, whether each is met, and the list's detail. */
function staffMeasure(
  from: (period: Period) => SQL,
  met: (period: Period) => SQL,
  detail: (period: Period) => SQL,
): Pick<Measure, 'count' | 'records'> {
  return {
    count: (period) =>
      sql`select u.team_id, coalesce(t.area_id, u.area_id) as area_id, ${met(period)} as met from ${from(period)}`,
    records: (period) =>
      sql`select 'staff-member' as record_type, u.id as record_id, u.display_name as label, '/staff/' || u.id as href,
          u.team_id, coalesce(t.area_id, u.area_id) as area_id, ${met(period)} as met, ${detail(period)} as detail,
          true as restricted, u.display_name || ' ' || u.id::text as sort_key
        from ${from(period)}`,
  };
}

const shared = { unit: 'percentage', direction: 'higher', target: 100, amberMargin: 10, byTeam: true } as const;

const lastSession = (period: Period) => sql`(select max(s.held_on) from staff_supervision_sessions s
  where s.staff_user_id = u.id and s.held_on <= ${period.asAt}::date)`;

export const staffSupervised: Measure = {
  id: 'staff.supervised-6-weeks',
  title: 'Staff supervised within 6 weeks',
  definition:
    'Of the fostering staff in post on the last day of the month (today, for the current month) who had joined ' +
    'more than 6 weeks before it (their first session then due), the percentage with a supervision session held ' +
    'on or after the day 6 weeks (42 days) before it: a session due that day, as the staff folder and My work ' +
    'show it, is not yet overdue.',
  standard: NMS_24,
  planTarget: TARGET_9,
  ...shared,
  metLabel: 'Supervised within 6 weeks',
  missedLabel: 'Not supervised within 6 weeks',
  order: 140,
  ...staffMeasure(
    (period) => staffOn(period, addDays(period.asAt, -SIX_WEEKS)),
    (period) => sql`coalesce(${lastSession(period)} >= ${addDays(period.asAt, -SIX_WEEKS)}::date, false)`,
    (period) => sql`coalesce('Last supervised ' || ${lastSession(period)}::text, 'No supervision recorded')`,
  ),
};

/** Every mandatory course done and not yet due for renewal on the period's day. */
const trainingUpToDate = (period: Period) => sql`${coursesLapsedOn(period.asAt)} = 0`;
const lapsed = (period: Period) => coursesLapsedOn(period.asAt);

export const staffTrainingUpToDate: Measure = {
  id: 'staff.mandatory-training',
  title: 'Staff mandatory training up to date',
  definition:
    'Of the fostering staff in post on the last day of the month (today, for the current month) who had joined ' +
    `more than ${INDUCTION_WEEKS} weeks before it, the percentage who had done each mandatory course (data protection, ` +
    'information governance, PREVENT, care planning regulations, managing bribery risk) within its renewal period ' +
    '(a renewal due that day is not yet overdue).',
  standard: NMS_24,
  planTarget: TARGET_9,
  ...shared,
  metLabel: 'Up to date',
  missedLabel: 'Training missing or lapsed',
  order: 141,
  ...staffMeasure(
    (period) => staffOn(period, addDays(period.asAt, -INDUCTION_WEEKS * 7)),
    trainingUpToDate,
    (period) => sql`${lapsed(period)}::text || ' course(s) missing or lapsed'`,
  ),
};

const inductionDue = sql`(st.joined_on + ${sql.raw(String(INDUCTION_WEEKS * 7))})`;
const inductionKeys = sql.raw(inductionItems.map((i) => `'${i.key}'`).join(', '));
const inductionDone = sql`(select count(distinct x.item) from staff_training x where x.staff_user_id = u.id
  and x.item in (${inductionKeys}) and x.completed_on <= ${inductionDue})`;

export const newStaffInducted: Measure = {
  id: 'staff.new-staff-inducted',
  title: 'New staff inducted within 12 weeks',
  definition:
    `Of the new fostering staff whose ${INDUCTION_WEEKS} weeks from joining ended in the 12 months up to the last day ` +
    'of the month (today, for the current month), the percentage who had done every item of the fostering induction ' +
    'programme by then.',
  standard: NMS_24,
  planTarget: TARGET_10,
  ...shared,
  metLabel: 'Inducted in time',
  missedLabel: 'Induction not completed in time',
  order: 142,
  ...staffMeasure(
    (period) =>
      staffOn(
        period,
        period.asAt,
        sql`st.induction_required and ${inductionDue} > ${addYears(period.asAt, -1)}::date
          and ${inductionDue} <= ${period.asAt}::date`,
      ),
    () => sql`${inductionDone} = ${sql.raw(String(inductionItems.length))}`,
    () =>
      sql`${inductionDone}::text || ' of ${sql.raw(String(inductionItems.length))} items by ' || ${inductionDue}::text`,
  ),
};

/** An audit of a supervision folder as a measure's record: counted in the member's team and area on the day. */
const auditRecord = (met: SQL, detail: SQL) => sql`'staff-member' as record_type, fa.staff_user_id as record_id,
  u.display_name as label, '/staff/folder-audits/' || fa.id as href, fa.team_id, fa.area_id, ${met} as met,
  ${detail} as detail, true as restricted, fa.audited_on::text || ' ' || fa.id::text as sort_key`;
const auditsFrom = (from: IsoDate, to: IsoDate) => sql`staff_folder_audits fa join users u on u.id = fa.staff_user_id
  where fa.audited_on between ${from}::date and ${to}::date`;
/** The same, each folder once: its latest audit in the days (a folder audited twice is one folder audited). */
const foldersFrom = (from: IsoDate, to: IsoDate) => sql`(select distinct on (staff_user_id) * from staff_folder_audits
    where audited_on between ${from}::date and ${to}::date order by staff_user_id, audited_on desc, created_at desc) fa
  join users u on u.id = fa.staff_user_id`;
const auditedOn = sql`'Audited on ' || ${dateInWordsSql(sql`fa.audited_on`)}`;

export const foldersAudited: Measure = {
  id: 'staff.folders-audited',
  title: 'Staff supervision folders audited this quarter',
  definition:
    'Staff supervision folders audited from the first day of the quarter (April, July, October or January) to the ' +
    'last day of the month (today, for the current month), each folder once (a second audit in the quarter is not ' +
    'another folder), counted in the team and area the member of staff was in on the day of its latest audit. ' +
    `The plan asks for ${FOLDER_AUDITS_PER_AREA} in each area every quarter.`,
  standard: NMS_24,
  planTarget: TARGET_9,
  unit: 'count',
  target: null,
  direction: 'higher',
  amberMargin: 0,
  byTeam: true,
  metLabel: 'Audited',
  order: 143,
  count: (p) => sql`select fa.team_id, fa.area_id, true as met from ${foldersFrom(quarterOf(p.asAt).start, p.asAt)}`,
  records: (p) => sql`select ${auditRecord(sql`true`, auditedOn)} from ${foldersFrom(quarterOf(p.asAt).start, p.asAt)}`,
};

const folderComplete = sql`(fa.has_agreement and fa.supervised_in_time and fa.sessions_signed and fa.pdp_current
  and fa.training_current)`;
const thingsHeld = sql`(fa.has_agreement::int + fa.supervised_in_time::int + fa.sessions_signed::int
  + fa.pdp_current::int + fa.training_current::int)::text`;

export const foldersComplete: Measure = {
  id: 'staff.folders-complete',
  title: 'Audited supervision folders found complete',
  definition:
    'Of the staff supervision folders audited in the 12 months up to the last day of the month (today, for the ' +
    'current month), the percentage that held, on the day of the audit, all five things the plan lists: a signed ' +
    'supervision agreement, supervision as often as agreed, every session record signed by the member within ' +
    `${SIGN_WITHIN_DAYS} days, a personal development plan reviewed in the last ${PDP_CURRENT_MONTHS} months, and ` +
    'the mandatory training in date. A folder audited twice counts twice.',
  standard: NMS_24,
  planTarget: TARGET_9,
  ...shared,
  metLabel: 'Complete',
  missedLabel: 'Something missing',
  order: 144,
  count: (p) =>
    sql`select fa.team_id, fa.area_id, ${folderComplete} as met from ${auditsFrom(addDays(addYears(p.asAt, -1), 1), p.asAt)}`,
  records: (p) =>
    sql`select ${auditRecord(folderComplete, sql`${auditedOn} || '; held ' || ${thingsHeld} || ' of 5'`)}
      from ${auditsFrom(addDays(addYears(p.asAt, -1), 1), p.asAt)}`,
};

export const staffMeasures: Measure[] = [
  staffSupervised,
  staffTrainingUpToDate,
  newStaffInducted,
  foldersAudited,
  foldersComplete,
];
