/**
 * The deadlines of the road in and out, kept by platform/due on the household (recordType
 * 'household', so every change to a household's recruitment records refreshes them): the enquiry
 * answered, the 8-month clock to the panel, stage 1 checks expiring during the assessment, the
 * post-approval interview and exemption reviews.
 */
import { named } from '../../platform/views/format.ts';
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { addMonths, type IsoDate } from '../../platform/dates/index.ts';
import { recordsIn, type DueRule, type KeptDueItem } from '../../platform/due/index.ts';
import { householdPath } from '../households/paths.ts';
import { approvalStandsSql } from '../households/scope.ts';
import { checkKindNames } from './labels.ts';
import { recruitmentPath } from './paths.ts';
import {
  CHECKS_CITED,
  checkNoticeFrom,
  ENQUIRY_RESPONSE_WORKING_DAYS,
  enquiryAnswerBy,
  NMS_14_4,
  panelDueBy,
  POST_APPROVAL_SHOWN_MONTHS,
  postApprovalDueBy,
  TARGET_3,
} from './settings.ts';

const audience: readonly Role[] = [
  'head_of_fostering',
  'service_manager',
  'team_manager',
  'assessing_social_worker',
  'recruitment_coordinator',
];
const coordinatorsAudience: readonly Role[] = [
  'head_of_fostering',
  'service_manager',
  'team_manager',
  'recruitment_coordinator',
];
/**
 * After approval the household's supervising social worker knows of its interview and exemption too.
 * They do not open the recruitment page: these deadlines lead to the household's page, which links it
 * for those who may.
 */
const onHouseholdPage = (row: Row): Partial<KeptDueItem> => ({ href: householdPath(row.household_id) });
const approvedAudience: readonly Role[] = [...coordinatorsAudience, 'supervising_social_worker'];

interface Row {
  household_id: string;
  label: string;
  team_id: string;
  area_id: string;
  owner_id: string | null;
  on: string;
  detail: string | null;
}

/** Rows of households (h, team t) with `select` giving `on`, `detail` and `owner_id`, `from` joined and `where` holding. */
async function rowsOf(db: DbOrTx, ids: readonly string[] | null, select: SQL, from: SQL, where: SQL): Promise<Row[]> {
  return queryRows<Row>(
    db,
    sql`select h.id as household_id, h.name || ' (' || h.reference || ')' as label, h.team_id, t.area_id, ${select}
      from households h join teams t on t.id = h.team_id ${from}
      where ${recordsIn(sql`h.id`, ids)} and ${where}`,
  );
}

const item =
  (due: (row: Row) => IsoDate, extra: (row: Row) => Partial<KeptDueItem> = () => ({})) =>
  (row: Row): KeptDueItem => ({
    recordId: row.household_id,
    dueOn: due(row),
    teamId: row.team_id,
    areaId: row.area_id,
    ownerUserId: row.owner_id,
    householdId: row.household_id,
    childId: null,
    label: row.label,
    detail: row.detail,
    href: recruitmentPath(row.household_id),
    ...extra(row),
  });

export const recruitmentDueRules: DueRule[] = [
  {
    id: 'recruitment.enquiry-response',
    title: 'Enquiry answered',
    cites: `Local target (not law): within ${ENQUIRY_RESPONSE_WORKING_DAYS} working day of the enquiry`,
    countsFrom: 'the day of the enquiry, until it is marked answered',
    period: `within ${ENQUIRY_RESPONSE_WORKING_DAYS} working day (local target)`,
    audience: coordinatorsAudience,
    recordType: 'household',
    async compute(db, ids) {
      const rows = await rowsOf(
        db,
        ids,
        sql`e.enquired_on::text as on, 'Enquiry not yet answered' as detail, null as owner_id`,
        sql`join recruitment_enquiries e on e.household_id = h.id`,
        sql`e.answered_on is null and h.status = 'enquiry'`,
      );
      return rows.map(item((r) => enquiryAnswerBy(r.on)));
    },
  },
  {
    id: 'recruitment.panel-clock',
    title: 'Panel recommendation within 8 months of the application',
    version: 2,
    cites: NMS_14_4,
    countsFrom:
      'the day the application was received, while the household is an applicant or in assessment, until the panel recommends on its approval',
    period: 'within 8 months',
    audience,
    recordType: 'household',
    async compute(db, ids) {
      const rows = await rowsOf(
        db,
        ids,
        sql`a.applied_on::text as on, a.assessor_id as owner_id,
          case when a.completed_on is null then 'Assessment not yet complete' else 'Assessment complete: to panel' end as detail`,
        sql`join recruitment_assessments a on a.household_id = h.id`,
        sql`h.status in ('applicant', 'in_assessment') and not exists (select 1 from panel_items i
          where i.household_id = h.id and i.kind = 'approval' and i.recommendation is not null)`,
      );
      return rows.map(item((r) => panelDueBy(r.on)));
    },
  },
  {
    id: 'recruitment.check-expiring',
    title: 'Assessment check expiring',
    cites: CHECKS_CITED,
    countsFrom: 'the expiry date of the latest check of each kind on each person, while the household is in assessment',
    period: 'renewed before it expires (shown 60 days before)',
    audience,
    recordType: 'household',
    async compute(db, ids) {
      const rows = await rowsOf(
        db,
        ids,
        sql`c.expires_on::text as on, a.assessor_id as owner_id, c.kind as detail`,
        sql`join recruitment_assessments a on a.household_id = h.id
          join lateral (select distinct on (x.kind, x.carer_id, x.member_id) x.kind, x.expires_on
            from person_checks x where x.household_id = h.id
            order by x.kind, x.carer_id, x.member_id, x.completed_on desc, x.created_at desc) c on true`,
        sql`h.status in ('applicant', 'in_assessment') and c.expires_on is not null`,
      );
      return rows.map(
        item(
          (r) => r.on,
          (r) => ({ shownFrom: checkNoticeFrom(r.on), detail: `${named(checkKindNames, r.detail)} expires` }),
        ),
      );
    },
  },
  {
    id: 'recruitment.post-approval-interview',
    title: 'Post-approval interview',
    cites: `${TARGET_3}, actions 3.2 and 3.3`,
    countsFrom: 'the approval date, until the interview is recorded',
    period: 'six months after approval',
    audience: approvedAudience,
    recordType: 'household',
    async compute(db, ids) {
      const rows = await rowsOf(
        db,
        ids,
        sql`h.approved_on::text as on, null as owner_id, 'Interview six months after approval' as detail`,
        sql``,
        sql`h.approved_on is not null and ${approvalStandsSql}
          and not exists (select 1 from recruitment_post_approval_interviews i where i.household_id = h.id)`,
      );
      return rows.map(
        item(
          (r) => postApprovalDueBy(r.on),
          (r) => ({
            ...onHouseholdPage(r),
            shownUntil: addMonths(postApprovalDueBy(r.on), POST_APPROVAL_SHOWN_MONTHS),
          }),
        ),
      );
    },
  },
  {
    id: 'recruitment.exemption-review',
    title: 'Exemption review',
    cites:
      'Children Act 1989, Schedule 7 (the usual fostering limit of three children) and Fostering Services: National Minimum Standards (2011), standard 13',
    countsFrom: 'the review date set when the exemption was agreed',
    period: 'by its review date',
    audience: ['head_of_fostering', 'service_manager', 'team_manager', 'supervising_social_worker'],
    recordType: 'household',
    async compute(db, ids) {
      const rows = await rowsOf(
        db,
        ids,
        sql`x.review_on::text as on, h.allocated_ssw_id as owner_id, 'Exemption for more than three children' as detail`,
        sql`join recruitment_exemptions x on x.household_id = h.id`,
        sql`x.ended_on is null and ${approvalStandsSql}`,
      );
      return rows.map(item((r) => r.on, onHouseholdPage));
    },
  },
];
