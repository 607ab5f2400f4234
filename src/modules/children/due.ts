/**
 * The statutory deadlines on a child's record: health assessments, and leaving care at 18 (the
 * day a young person stops being looked after, to be recorded as such). Registered with the deadline
 * engine (platform/due) by registerChildrenDueRules(), with who may see items scoped by a child
 * (visibleChildIds); each rule is one query, with the due date worked out here.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import { childScope } from '../../platform/access/scope.ts';
import { addMonths, addYears, ageOn, birthdayOn, birthdaySql, type IsoDate } from '../../platform/dates/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { recordsIn, workingDaysAfter, type KeptDueItem } from '../../platform/due/index.ts';
import type { DueRule, DueScopeCondition } from '../../platform/due/rule.ts';
import { placements } from '../placements/tables.ts';
import { visibleChildIds } from './scope.ts';
import { children, healthAssessments } from './tables.ts';
import { childPath, leavingPath } from './paths.ts';
import { HEALTH_ASSESSMENT_RULE } from './labels.ts';

/** The fostering and children's social work roles whose work a child's deadlines are. */
export const childDeadlineAudience: readonly Role[] = [
  'head_of_fostering',
  'assistant_director',
  'service_manager',
  'team_manager',
  'supervising_social_worker',
  'childrens_social_worker',
];

/** Working days from becoming looked after to the initial health assessment. */
export const INITIAL_HEALTH_ASSESSMENT_WORKING_DAYS = 20;

/**
 * When the next review health assessment is due after one done on `latest`: six months later
 * if the child is still under 5 on that date, otherwise a year later.
 */
export function reviewHealthAssessmentDue(dateOfBirth: IsoDate, latest: IsoDate): IsoDate {
  const sixMonthly = addMonths(latest, 6);
  return ageOn(dateOfBirth, sixMonthly) < 5 ? sixMonthly : addYears(latest, 1);
}

interface ChildRow {
  id: string;
  reference: string;
  first_name: string;
  last_name: string;
  area_id: string;
  owner_id: string | null;
  team_id: string | null;
  date_of_birth: string;
  left_care_on: string | null;
  counts_from: string;
}

/**
 * The columns every child deadline needs: who the child is, their social worker, and the team
 * of the household they are placed with now (none when not placed). Children who have left care
 * by `today` are left out (their items are never shown again).
 */
function childDeadlineQuery(
  ids: readonly string[] | null,
  today: IsoDate,
  countsFrom: SQL,
  where: SQL,
  join: SQL = sql``,
): SQL {
  return sql`
    select ${children.id} as id, ${children.reference} as reference,
      ${children.firstName} as first_name, ${children.lastName} as last_name, ${children.areaId} as area_id,
      ${children.allocatedSocialWorkerId} as owner_id, current_home.team_id as team_id,
      to_char(${children.dateOfBirth}, 'YYYY-MM-DD') as date_of_birth,
      to_char(${children.leftCareOn}, 'YYYY-MM-DD') as left_care_on,
      to_char(${countsFrom}, 'YYYY-MM-DD') as counts_from
    from ${children}
    ${join}
    left join lateral (
      select h.team_id
      from placements p join households h on h.id = p.household_id
      where p.child_id = ${children.id} and p.end_date is null
      order by p.start_date desc limit 1
    ) current_home on true
    where (${children.leftCareOn} is null or ${children.leftCareOn} > ${today})
      and ${recordsIn(children.id, ids)}
      and ${where}`;
}

/** A child deadline's item, shown to those who may see the child until the child leaves care. */
function childItem(row: ChildRow, dueOn: IsoDate): KeptDueItem {
  return {
    recordId: row.id,
    label: `${row.first_name} ${row.last_name} (${row.reference})`,
    href: childPath(row.id),
    dueOn,
    shownUntil: row.left_care_on,
    teamId: row.team_id,
    areaId: row.area_id,
    ownerUserId: row.owner_id,
    householdId: null,
    childId: row.id,
  };
}

async function initialHealthAssessments(
  db: DbOrTx,
  ids: readonly string[] | null,
  today: IsoDate,
): Promise<KeptDueItem[]> {
  const rows = await queryRows<ChildRow>(
    db,
    childDeadlineQuery(
      ids,
      today,
      sql`${children.lookedAfterSince}`,
      sql`not exists (select 1 from ${healthAssessments}
          where ${healthAssessments.childId} = ${children.id} and ${healthAssessments.kind} = 'initial')`,
    ),
  );
  return rows.map((row) => childItem(row, workingDaysAfter(row.counts_from, INITIAL_HEALTH_ASSESSMENT_WORKING_DAYS)));
}

async function reviewHealthAssessments(
  db: DbOrTx,
  ids: readonly string[] | null,
  today: IsoDate,
): Promise<KeptDueItem[]> {
  const rows = await queryRows<ChildRow>(
    db,
    childDeadlineQuery(
      ids,
      today,
      sql`latest.completed_on`,
      sql`latest.completed_on is not null`,
      sql`join lateral (
        select max(${healthAssessments.completedOn}) as completed_on
        from ${healthAssessments} where ${healthAssessments.childId} = ${children.id}
      ) latest on true`,
    ),
  );
  return rows.map((row) => childItem(row, reviewHealthAssessmentDue(row.date_of_birth, row.counts_from)));
}

/**
 * Young people in care within a year of 18 (so the items appear in good time, and the engine works
 * them out again each day as others turn 17): due on the 18th birthday, until leaving care is
 * recorded. Only the recorded leaving date takes a young person out of care on every page.
 */
async function leavingCareAt18(db: DbOrTx, ids: readonly string[] | null, today: IsoDate): Promise<KeptDueItem[]> {
  const rows = await queryRows<ChildRow>(
    db,
    childDeadlineQuery(
      ids,
      today,
      birthdaySql(sql`${children.dateOfBirth}`, 18),
      sql`${birthdaySql(sql`${children.dateOfBirth}`, 17)} <= ${today}::date`,
    ),
  );
  return rows.map((row) => ({
    ...childItem(row, birthdayOn(row.date_of_birth, 18)),
    href: leavingPath(row.id),
    detail: 'Turns 18: record that they left care',
  }));
}

/** A change to a placement moves its child's team; to a household, its placed children's. */
const childAffectedBy = {
  placement: (ids: SQL) => sql`select ${placements.childId} from ${placements} where ${placements.id} in ${ids}`,
  household: (ids: SQL) =>
    sql`select ${placements.childId} from ${placements} where ${placements.householdId} in ${ids} and ${placements.endDate} is null`,
};

/** Who sees the deadlines scoped by a child: the childs they may see. */
export const childDueScope: DueScopeCondition = (viewer) => {
  const scope = childScope(viewer);
  if (scope.kind === 'all') return 'all';
  // A caseload (a social worker's children, those placed with a caseload's or a carer's household): a short list.
  const few =
    scope.kind === 'allocated' ||
    scope.kind === 'household' ||
    (scope.kind === 'placed-with' && ['allocated', 'household'].includes(scope.households.kind));
  return few ? { few: visibleChildIds(viewer) } : visibleChildIds(viewer);
};

/** The children module's deadlines with platform/due. */
export const childrenDueRules: DueRule[] = [
  {
    id: 'children.initial-health-assessment',
    title: 'Initial health assessment',
    cites: HEALTH_ASSESSMENT_RULE,
    countsFrom: 'the date the child became looked after, until an initial health assessment is recorded',
    period: `within ${INITIAL_HEALTH_ASSESSMENT_WORKING_DAYS} working days`,
    audience: childDeadlineAudience,
    recordType: 'child',
    affectedBy: childAffectedBy,
    compute: initialHealthAssessments,
  },
  {
    id: 'children.review-health-assessment',
    title: 'Review health assessment',
    cites: `${HEALTH_ASSESSMENT_RULE}; Schedule 1 to the 2010 Regulations`,
    countsFrom: 'the date of the latest health assessment (initial or review)',
    period: 'every 6 months while the child is under 5 (age on the due date), every 12 months from 5',
    audience: childDeadlineAudience,
    recordType: 'child',
    affectedBy: childAffectedBy,
    compute: reviewHealthAssessments,
  },
  {
    id: 'children.leaving-care-at-18',
    title: 'Leaving care at 18 recorded',
    cites:
      'Children Act 1989, sections 22 and 105(1) (a child is looked after until they are 18); Care Planning, Placement and Case Review (England) Regulations 2010, Part 7 (ceasing to look after a child)',
    countsFrom: 'the young person’s date of birth, from 17, while no leaving care is recorded',
    period: 'on their 18th birthday',
    audience: childDeadlineAudience,
    recordType: 'child',
    affectedBy: childAffectedBy,
    compute: leavingCareAt18,
    renewDaily: true,
  },
];
