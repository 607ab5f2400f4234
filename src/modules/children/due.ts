/**
 * The statutory deadlines on a child's record: health assessments. Registered with the deadline
 * engine (platform/due) by registerChildrenDueRules(); each rule is one query, scoped by
 * childVisibleTo, with the due date worked out here.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { addDays, addMonths, addYears, ageOn, type IsoDate } from '../../platform/dates/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import {
  latestStartForWorkingDays,
  registerDueRule,
  workingDaysAfter,
  type DueItem,
  type DueWindow,
} from '../../platform/due/index.ts';
import { childVisibleTo } from './scope.ts';
import { children, healthAssessments } from './tables.ts';

/** The fostering and children's social work roles whose work a child's deadlines are. */
export const childDeadlineAudience: readonly Role[] = [
  'head_of_fostering',
  'assistant_director',
  'service_manager',
  'team_manager',
  'supervising_social_worker',
  'childrens_social_worker',
];

const HEALTH_GUIDANCE =
  'Promoting the health and well-being of looked-after children: statutory guidance for local authorities, clinical commissioning groups and NHS England (DfE and DH, March 2015)';

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
  owner_name: string | null;
  team_id: string | null;
  team_name: string | null;
  date_of_birth: string;
  counts_from: string;
}

/**
 * The columns every child deadline needs: who the child is, their social worker, and the team
 * of the household they are placed with now (none when not placed).
 */
function childDeadlineQuery(viewer: SignedInUser, today: IsoDate, countsFrom: SQL, where: SQL, join: SQL = sql``): SQL {
  return sql`
    select ${children.id} as id, ${children.reference} as reference,
      ${children.firstName} as first_name, ${children.lastName} as last_name, ${children.areaId} as area_id,
      ${children.allocatedSocialWorkerId} as owner_id, owner.display_name as owner_name,
      current_home.team_id as team_id, team.name as team_name,
      to_char(${children.dateOfBirth}, 'YYYY-MM-DD') as date_of_birth,
      to_char(${countsFrom}, 'YYYY-MM-DD') as counts_from
    from ${children}
    ${join}
    left join users owner on owner.id = ${children.allocatedSocialWorkerId}
    left join lateral (
      select h.team_id
      from placements p join households h on h.id = p.household_id
      where p.child_id = ${children.id} and p.end_date is null
      order by p.start_date desc limit 1
    ) current_home on true
    left join teams team on team.id = current_home.team_id
    where (${children.leftCareOn} is null or ${children.leftCareOn} > ${today})
      and ${where}
      and ${childVisibleTo(viewer)}`;
}

function childItem(ruleId: string, row: ChildRow, dueOn: IsoDate): DueItem {
  return {
    ruleId,
    recordType: 'child',
    recordId: row.id,
    label: `${row.first_name} ${row.last_name} (${row.reference})`,
    href: `/children/${row.id}`,
    dueOn,
    teamId: row.team_id,
    teamName: row.team_name,
    areaId: row.area_id,
    ownerUserId: row.owner_id,
    ownerName: row.owner_name,
  };
}

async function initialHealthAssessments(db: Db, viewer: SignedInUser, window: DueWindow): Promise<DueItem[]> {
  const ruleId = 'children.initial-health-assessment';
  const latestStart = latestStartForWorkingDays(window.until, INITIAL_HEALTH_ASSESSMENT_WORKING_DAYS);
  const rows = await queryRows<ChildRow>(
    db,
    childDeadlineQuery(
      viewer,
      window.today,
      sql`${children.lookedAfterSince}`,
      sql`${children.lookedAfterSince} <= ${latestStart}
        and not exists (select 1 from ${healthAssessments}
          where ${healthAssessments.childId} = ${children.id} and ${healthAssessments.kind} = 'initial')`,
    ),
  );
  const items: DueItem[] = [];
  for (const row of rows) {
    const dueOn = workingDaysAfter(row.counts_from, INITIAL_HEALTH_ASSESSMENT_WORKING_DAYS);
    if (dueOn <= window.until) items.push(childItem(ruleId, row, dueOn));
  }
  return items;
}

async function reviewHealthAssessments(db: Db, viewer: SignedInUser, window: DueWindow): Promise<DueItem[]> {
  const ruleId = 'children.review-health-assessment';
  // Six months is never fewer than 181 days: a cheap condition for SQL, refined below.
  const latestDone = addDays(window.until, -180);
  const rows = await queryRows<ChildRow>(
    db,
    childDeadlineQuery(
      viewer,
      window.today,
      sql`latest.completed_on`,
      sql`latest.completed_on <= ${latestDone}`,
      sql`join lateral (
        select max(${healthAssessments.completedOn}) as completed_on
        from ${healthAssessments} where ${healthAssessments.childId} = ${children.id}
      ) latest on true`,
    ),
  );
  const items: DueItem[] = [];
  for (const row of rows) {
    const dueOn = reviewHealthAssessmentDue(row.date_of_birth, row.counts_from);
    if (dueOn <= window.until) items.push(childItem(ruleId, row, dueOn));
  }
  return items;
}

/** Registers the children module's deadlines with platform/due. */
export function registerChildrenDueRules(): void {
  registerDueRule({
    id: 'children.initial-health-assessment',
    title: 'Initial health assessment',
    cites: `Care Planning, Placement and Case Review (England) Regulations 2010, regulation 7; ${HEALTH_GUIDANCE}`,
    countsFrom: 'the date the child became looked after, until an initial health assessment is recorded',
    period: `within ${INITIAL_HEALTH_ASSESSMENT_WORKING_DAYS} working days`,
    audience: childDeadlineAudience,
    items: initialHealthAssessments,
  });
  registerDueRule({
    id: 'children.review-health-assessment',
    title: 'Review health assessment',
    cites: `Care Planning, Placement and Case Review (England) Regulations 2010, regulation 7 and Schedule 1; ${HEALTH_GUIDANCE}`,
    countsFrom: 'the date of the latest health assessment (initial or review)',
    period: 'every 6 months while the child is under 5 (age on the due date), every 12 months from 5',
    audience: childDeadlineAudience,
    items: reviewHealthAssessments,
  });
}
