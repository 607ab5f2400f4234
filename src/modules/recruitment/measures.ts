/**
 * The scorecard measures of the road in and out (business plan Target 3; NMS 13 and 14.4). Each
 * counts one row per record in SQL for the engine to aggregate, and lists the same records.
 * (Approved households against 900 and new approvals against 200 are the households module's.)
 */
import { sql, type SQL } from 'drizzle-orm';
import { addMonths, addYears } from '../../platform/dates/index.ts';
import { namesInWordsSql } from '../../platform/db/sql.ts';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { approvalStandsIn } from '../households/labels.ts';
import { leavingReasonNames, leavingReasons, sourceNames, sources } from './labels.ts';
import { PANEL_WITHIN_MONTHS, POST_APPROVAL_INTERVIEW_MONTHS } from './settings.ts';

export const NMS_13 = 'NMS 13.1 (sufficient foster carers)';
const NMS_14 = 'NMS 14.4 (assessment and approval within 8 months of the application)';
const TARGET_32 = 'Target 3, action 3.2: recruitment strategy, 200 new households, exit and post-approval interviews';
const TARGET_33 = 'Target 3, action 3.3: a mentor for every applicant from the start of the assessment';

/** Households (h, team t) with `join` added and `where` holding, as the FROM clause of a measure. */
export const householdsWhere = (join: SQL, where: SQL) =>
  sql`households h join teams t on t.id = h.team_id ${join} where ${where}`;

/** The count and records SQL of a measure over households, from its rows, `met`, a detail and a sort key. */
export function overHouseholds(
  from: (period: Period) => SQL | null,
  met: (period: Period) => SQL,
  detail: SQL,
  sortKey: SQL,
  days: SQL = sql`null`,
): Pick<Measure, 'count' | 'records'> {
  return {
    count(period) {
      const rows = from(period);
      return rows && sql`select h.team_id, t.area_id, ${met(period)} as met, ${days} as days from ${rows}`;
    },
    records(period) {
      const rows = from(period);
      return (
        rows &&
        sql`select 'household' as record_type, h.id as record_id, h.name || ' (' || h.reference || ')' as label,
            '/households/' || h.id || '/recruitment' as href, h.team_id, t.area_id, ${met(period)} as met,
            ${detail} as detail, h.restricted, ${sortKey} || ' ' || h.reference as sort_key
          from ${rows}`
      );
    },
  };
}

/** The 12 months up to the day (the same date a year earlier excluded), shifted back `monthsBack`. */
export const yearTo = (column: SQL, asAt: string, monthsBack = 0) => {
  const end = addMonths(asAt, -monthsBack);
  return sql`${column} > ${addYears(end, -1)}::date and ${column} <= ${end}::date`;
};
const inMonth = (column: SQL, period: Period) => sql`${column} between ${period.from}::date and ${period.asAt}::date`;
const byDay = (column: SQL, period: Period) => sql`coalesce(${column} <= ${period.asAt}::date, false)`;

const enquiries = sql`join recruitment_enquiries e on e.household_id = h.id left join recruitment_assessments a on a.household_id = h.id`;
const sourceDetail = sql`${namesInWordsSql(sql`e.source`, sources, sourceNames)} || ', enquired ' || e.enquired_on::text`;

export const enquiriesReceived: Measure = {
  id: 'recruitment.enquiries',
  title: 'Enquiries received',
  definition:
    'The number of fostering enquiries received in the month (the enquiry date), each listed with how they heard of us ' +
    '(website, social media, search advert, recruitment event, word of mouth, an existing carer, a Carer Ambassador, ' +
    'other). The local ' +
    'target of 140 a month is what 200 approvals a year needs at about 12% conversion.',
  standard: NMS_13,
  planTarget: TARGET_32,
  unit: 'count',
  target: 140,
  direction: 'higher',
  amberMargin: 14,
  metLabel: 'Enquiry',
  order: 200,
  ...overHouseholds(
    (period) => householdsWhere(enquiries, inMonth(sql`e.enquired_on`, period)),
    () => sql`true`,
    sourceDetail,
    sql`e.enquired_on::text`,
  ),
};

export const enquiriesToApplication: Measure = {
  id: 'recruitment.enquiry-to-application',
  title: 'Enquiries that became applications',
  definition:
    'Of the enquiries received in the 12 months ending 3 months before the end of the month (so each has had 3 months ' +
    'to apply), the percentage whose application was received by the end of the month. Listed with the source.',
  standard: NMS_13,
  planTarget: TARGET_32,
  unit: 'percentage',
  target: 25,
  direction: 'higher',
  amberMargin: 5,
  metLabel: 'Applied',
  missedLabel: 'No application',
  order: 201,
  ...overHouseholds(
    (period) => householdsWhere(enquiries, yearTo(sql`e.enquired_on`, period.asAt, 3)),
    (period) => byDay(sql`a.applied_on`, period),
    sourceDetail,
    sql`e.enquired_on::text`,
  ),
};

export const enquiriesToApproval: Measure = {
  id: 'recruitment.enquiry-to-approval',
  title: 'Enquiries that became approved households',
  definition:
    'Of the enquiries received in the 12 months ending 8 months before the end of the month (so each has had the ' +
    '8 months an assessment may take), the percentage approved by the end of the month. Listed with the source.',
  standard: NMS_13,
  planTarget: TARGET_32,
  unit: 'percentage',
  target: 12,
  direction: 'higher',
  amberMargin: 3,
  metLabel: 'Approved',
  missedLabel: 'Not approved',
  order: 202,
  ...overHouseholds(
    (period) => householdsWhere(enquiries, yearTo(sql`e.enquired_on`, period.asAt, PANEL_WITHIN_MONTHS)),
    (period) => byDay(sql`h.approved_on`, period),
    sourceDetail,
    sql`e.enquired_on::text`,
  ),
};

/**
 * Households that applied through Hearth and whose approval the fostering panel has recommended on
 * (approve or not): `r.recommended_on` is the day of the first meeting that made a recommendation
 * on an approval item for them. The 8-month clock of NMS 14.4 runs from the application to it.
 */
const recommendedAfterApplication = (where: SQL) =>
  householdsWhere(
    sql`join recruitment_assessments a on a.household_id = h.id
      join lateral (select min(m.meets_on) as recommended_on from panel_items i
        join panel_meetings m on m.id = i.meeting_id
        where i.household_id = h.id and i.kind = 'approval' and i.recommendation is not null) r on true`,
    sql`r.recommended_on is not null and ${where}`,
  );
const withinClock = sql`r.recommended_on <= (a.applied_on + interval '${sql.raw(String(PANEL_WITHIN_MONTHS))} months')::date`;
const appliedAndRecommended = sql`'Applied ' || a.applied_on::text || ', panel recommendation ' || r.recommended_on::text`;

export const daysToRecommendation: Measure = {
  id: 'recruitment.days-application-to-recommendation',
  title: 'Median days from application to the panel’s recommendation',
  definition:
    'For the households whose approval the fostering panel recommended on in the month, that applied through Hearth, ' +
    'the median number of calendar days from the application to that recommendation: half took this long or less ' +
    '(for an even number of households, halfway between the two in the middle). NMS 14.4 sets ' +
    `${PANEL_WITHIN_MONTHS} months, about 243 days.`,
  standard: NMS_14,
  planTarget: TARGET_32,
  unit: 'days',
  average: 'median',
  target: 243,
  direction: 'lower',
  amberMargin: 30,
  metLabel: 'Recommended',
  order: 203,
  ...overHouseholds(
    (period) => recommendedAfterApplication(inMonth(sql`r.recommended_on`, period)),
    () => sql`true`,
    appliedAndRecommended,
    sql`r.recommended_on::text`,
    sql`(r.recommended_on - a.applied_on)`,
  ),
};

export const recommendedWithin8Months: Measure = {
  id: 'recruitment.recommended-within-8-months',
  title: 'Panel recommendations within 8 months of the application',
  definition:
    'Of the households whose approval the fostering panel recommended on in the 12 months up to the end of the month, ' +
    `that applied through Hearth, the percentage recommended on within ${PANEL_WITHIN_MONTHS} months of the application (NMS 14.4).`,
  standard: NMS_14,
  planTarget: TARGET_32,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Within 8 months',
  missedLabel: 'Took longer',
  order: 204,
  ...overHouseholds(
    (period) => recommendedAfterApplication(yearTo(sql`r.recommended_on`, period.asAt)),
    () => withinClock,
    appliedAndRecommended,
    sql`r.recommended_on::text`,
  ),
};

const leftInYear = (asAt: string) =>
  householdsWhere(
    sql`join lateral (select max(s.on_date) as left_on from household_status_events s
        where s.household_id = h.id and s.to_status = 'deregistered') d on true
      left join recruitment_leavings l on l.household_id = h.id`,
    sql`h.status = 'deregistered' and ${yearTo(sql`d.left_on`, asAt)}`,
  );

export const exitInterviews: Measure = {
  id: 'recruitment.exit-interviews',
  title: 'Households leaving with an exit interview',
  definition:
    'Of the households deregistered in the 12 months up to the end of the month, the percentage whose exit interview ' +
    'was held (declined or not offered is not counted as held). The list shows every household that left.',
  standard: NMS_13,
  planTarget: TARGET_32,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 20,
  metLabel: 'Exit interview held',
  missedLabel: 'No exit interview',
  order: 205,
  ...overHouseholds(
    (period) => leftInYear(period.asAt),
    (period) => sql`coalesce(l.exit_interview = 'done' and l.interview_on <= ${period.asAt}::date, false)`,
    sql`'Left ' || d.left_on::text || coalesce(', ' || replace(l.exit_interview, '_', ' '), ', nothing recorded')`,
    sql`d.left_on::text`,
  ),
};

/** Why a household left, in words, from its leaving record (null when none was recorded). */
const leavingReasonSql = sql`case l.reason ${sql.join(
  leavingReasons.map((r) => sql`when ${r} then ${leavingReasonNames[r]}`),
  sql` `,
)} end`;

export const householdsLeft: Measure = {
  id: 'recruitment.households-left',
  title: 'Households that left in the last 12 months',
  definition:
    'The number of fostering households deregistered in the 12 months up to the end of the month (today, for the ' +
    "current month), from each household's dated status history, whatever the reason. Each is listed with the day " +
    'it left and why, when the leaving was recorded. Fewer is better: the plan is to keep 900 households while ' +
    'recruiting 200 a year. The plan sets no number for leavers, so the figure is counted to show, not rated.',
  standard: NMS_13,
  planTarget: `${TARGET_32}; Target 7, action 7.3: more stable placements and fewer foster carers leaving`,
  unit: 'count',
  target: null,
  direction: 'lower',
  amberMargin: 0,
  metLabel: 'Left',
  order: 208,
  ...overHouseholds(
    (period) => leftInYear(period.asAt),
    () => sql`true`,
    sql`'Left ' || d.left_on::text || coalesce(': ' || ${leavingReasonSql}, ', why not recorded')`,
    sql`d.left_on::text`,
  ),
};

const interviewDue = sql`(h.approved_on + interval '${sql.raw(String(POST_APPROVAL_INTERVIEW_MONTHS))} months')::date`;
/** The household's approval still stood on the day its interview fell due (My work's rule: after it, an exit interview). */
const approvalStoodWhenDue = sql`exists (select 1 from household_status_periods sp where sp.household_id = h.id
  and sp.status in (${sql.join(
    approvalStandsIn.map((s) => sql`${s}`),
    sql`, `,
  )}) and sp.from_on <= ${interviewDue} and (sp.to_on is null or sp.to_on > ${interviewDue}))`;

export const postApprovalOnTime: Measure = {
  id: 'recruitment.post-approval-interviews',
  title: 'Post-approval interviews on time',
  definition:
    'Of the households whose post-approval interview fell due in the month (six months after approval), the ' +
    'percentage interviewed on or before that day. A household whose approval had ended by then is not counted: ' +
    'its exit interview is the one owed.',
  standard: NMS_13,
  planTarget: TARGET_32,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Interviewed on time',
  missedLabel: 'Late or not yet',
  order: 206,
  ...overHouseholds(
    (period) =>
      householdsWhere(
        sql`left join recruitment_post_approval_interviews i on i.household_id = h.id`,
        sql`h.approved_on is not null and ${interviewDue} between ${period.from}::date and ${period.asAt}::date
          and ${approvalStoodWhenDue}`,
      ),
    () => sql`coalesce(i.interviewed_on <= ${interviewDue}, false)`,
    sql`'Due ' || ${interviewDue}::text || coalesce(', held ' || i.interviewed_on::text, '')`,
    sql`${interviewDue}::text`,
  ),
};

export const mentorsAtAssessment: Measure = {
  id: 'recruitment.mentors-allocated',
  title: 'Applicants with a mentor at assessment',
  definition:
    'Of the assessments started in the 12 months up to the end of the month, the percentage with a mentor (an ' +
    'approved carer) allocated by the end of the month.',
  standard: NMS_13,
  planTarget: TARGET_33,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Mentor allocated',
  missedLabel: 'No mentor',
  order: 207,
  ...overHouseholds(
    (period) =>
      householdsWhere(
        sql`join recruitment_assessments a on a.household_id = h.id`,
        yearTo(sql`a.started_on`, period.asAt),
      ),
    (period) => byDay(sql`a.mentor_allocated_on`, period),
    sql`'Assessment started ' || a.started_on::text`,
    sql`a.started_on::text`,
  ),
};

/** Target 3's own words: enough carers for brothers and sisters, so that fewer exemptions are needed. */
const TARGET_31 =
  'Target 3, action 3.1: enough foster carers, including for brothers and sisters together, so that fewer exemptions are needed';

/** An exemption (x) that is new, not the renewal of one ending the day it was agreed (a review records a new one). */
const newExemption = sql`not exists (select 1 from recruitment_exemptions before
  where before.household_id = x.household_id and before.id <> x.id and before.ended_on = x.agreed_on)`;

export const exemptionsAgreed: Measure = {
  id: 'recruitment.exemptions-agreed',
  title: 'Exemptions agreed in the last 12 months',
  definition:
    'The number of exemptions from the usual fostering limit of three children (Children Act 1989, schedule 7) ' +
    'newly agreed in the 12 months up to the end of the month (today, for the current month), each listed with the ' +
    'household, the day it was agreed and by whom; one agreed again at a review, replacing the last, is not new. ' +
    'Fewer is better: the plan is to recruit carers who can take brothers ' +
    'and sisters together, so that fewer exemptions are needed. It sets no number, so the figure is counted to show, ' +
    'not rated.',
  standard: NMS_13,
  planTarget: TARGET_31,
  unit: 'count',
  target: null,
  direction: 'lower',
  amberMargin: 0,
  metLabel: 'Agreed',
  order: 209,
  ...overHouseholds(
    (period) =>
      householdsWhere(
        sql`join recruitment_exemptions x on x.household_id = h.id`,
        sql`${yearTo(sql`x.agreed_on`, period.asAt)} and ${newExemption}`,
      ),
    () => sql`true`,
    sql`'Agreed ' || x.agreed_on::text || ' by ' || x.agreed_by`,
    sql`x.agreed_on::text`,
  ),
};

export const recruitmentMeasures: Measure[] = [
  enquiriesReceived,
  enquiriesToApplication,
  enquiriesToApproval,
  daysToRecommendation,
  recommendedWithin8Months,
  exitInterviews,
  householdsLeft,
  exemptionsAgreed,
  postApprovalOnTime,
  mentorsAtAssessment,
];
