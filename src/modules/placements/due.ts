/**
 * The statutory deadlines on a placement: the placement plan and delegated authority, both within
 * 5 working days of the start. Registered with platform/due by registerPlacementsDueRules(); one
 * query per rule, scoped to placements whose child and household the viewer may both see.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { teams, users } from '../../platform/auth/tables.ts';
import type { Db } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import {
  latestStartForWorkingDays,
  registerDueRule,
  workingDaysAfter,
  type DueItem,
  type DueWindow,
} from '../../platform/due/index.ts';
import { childVisibleTo } from '../children/scope.ts';
import { children } from '../children/tables.ts';
import { householdVisibleTo } from '../households/scope.ts';
import { households } from '../households/tables.ts';
import { delegatedAuthorities, placements } from './tables.ts';

/** Who is shown placement deadlines: fostering staff and the child's social worker. */
export const placementDeadlineAudience: readonly Role[] = [
  'head_of_fostering',
  'assistant_director',
  'service_manager',
  'team_manager',
  'supervising_social_worker',
  'childrens_social_worker',
];

/** Working days from the start of a placement to its plan and its signed delegated authority. */
export const PLACEMENT_PAPERWORK_WORKING_DAYS = 5;

const CARE_PLANNING_REGS = 'Care Planning, Placement and Case Review (England) Regulations 2010';

interface PlacementRow {
  id: string;
  start_date: string;
  child_first_name: string;
  child_last_name: string;
  child_reference: string;
  household_name: string;
  team_id: string;
  team_name: string;
  area_id: string;
  owner_id: string | null;
  owner_name: string | null;
  /** Whether a delegated authority form exists, and when it was signed and a copy given. */
  recorded: boolean;
  signed_on: string | null;
  copy_given_on: string | null;
}

/**
 * Open placements started on or before `latestStart` that match `where`, whose child and household
 * the viewer may both see (so a label never names a restricted household to someone not named on it).
 */
function openPlacementsQuery(viewer: SignedInUser, latestStart: string, where: SQL): SQL {
  return sql`
    select ${placements.id} as id, to_char(${placements.startDate}, 'YYYY-MM-DD') as start_date,
      ${children.firstName} as child_first_name, ${children.lastName} as child_last_name,
      ${children.reference} as child_reference, ${households.name} as household_name,
      ${households.teamId} as team_id, ${teams.name} as team_name, ${teams.areaId} as area_id,
      ${children.allocatedSocialWorkerId} as owner_id, ${users.displayName} as owner_name,
      ${delegatedAuthorities.id} is not null as recorded,
      to_char(${delegatedAuthorities.signedOn}, 'YYYY-MM-DD') as signed_on,
      to_char(${delegatedAuthorities.copyGivenToCarerOn}, 'YYYY-MM-DD') as copy_given_on
    from ${placements}
    join ${children} on ${children.id} = ${placements.childId}
    join ${households} on ${households.id} = ${placements.householdId}
    join ${teams} on ${teams.id} = ${households.teamId}
    left join ${users} on ${users.id} = ${children.allocatedSocialWorkerId}
    left join ${delegatedAuthorities} on ${delegatedAuthorities.placementId} = ${placements.id}
    where ${placements.endDate} is null
      and ${placements.startDate} <= ${latestStart}
      and ${where}
      and ${childVisibleTo(viewer)}
      and ${householdVisibleTo(viewer)}`;
}

function placementItem(ruleId: string, row: PlacementRow, detail?: string): DueItem {
  return {
    ruleId,
    recordType: 'placement',
    recordId: row.id,
    label: `${row.child_first_name} ${row.child_last_name} (${row.child_reference}) with ${row.household_name}`,
    detail,
    href: `/placements/${row.id}`,
    dueOn: workingDaysAfter(row.start_date, PLACEMENT_PAPERWORK_WORKING_DAYS),
    teamId: row.team_id,
    teamName: row.team_name,
    areaId: row.area_id,
    ownerUserId: row.owner_id,
    ownerName: row.owner_name,
  };
}

async function placementPlans(db: Db, viewer: SignedInUser, window: DueWindow): Promise<DueItem[]> {
  const latestStart = latestStartForWorkingDays(window.until, PLACEMENT_PAPERWORK_WORKING_DAYS);
  const rows = await queryRows<PlacementRow>(
    db,
    openPlacementsQuery(viewer, latestStart, sql`${placements.placementPlanOn} is null`),
  );
  return rows
    .map((row) => placementItem('placements.placement-plan', row))
    .filter((item) => item.dueOn <= window.until);
}

/** What is still missing from a delegated authority form. */
function delegatedAuthorityGap(row: PlacementRow): string {
  if (!row.recorded) return 'Not yet recorded';
  if (!row.signed_on && !row.copy_given_on) return 'Not yet signed, and no copy given to the carer';
  if (!row.signed_on) return 'Not yet signed';
  return 'No signed copy given to the carer yet';
}

async function delegatedAuthority(db: Db, viewer: SignedInUser, window: DueWindow): Promise<DueItem[]> {
  const latestStart = latestStartForWorkingDays(window.until, PLACEMENT_PAPERWORK_WORKING_DAYS);
  const rows = await queryRows<PlacementRow>(
    db,
    openPlacementsQuery(
      viewer,
      latestStart,
      sql`(${delegatedAuthorities.signedOn} is null or ${delegatedAuthorities.copyGivenToCarerOn} is null)`,
    ),
  );
  return rows
    .map((row) => placementItem('placements.delegated-authority', row, delegatedAuthorityGap(row)))
    .filter((item) => item.dueOn <= window.until);
}

/** Registers the placements module's deadlines with platform/due. */
export function registerPlacementsDueRules(): void {
  registerDueRule({
    id: 'placements.placement-plan',
    title: 'Placement plan',
    cites: `${CARE_PLANNING_REGS}, regulation 9(2) and Schedule 2`,
    countsFrom: 'the start of the placement (the plan is due before it starts, or at the latest)',
    period: `within ${PLACEMENT_PAPERWORK_WORKING_DAYS} working days`,
    audience: placementDeadlineAudience,
    items: placementPlans,
  });
  registerDueRule({
    id: 'placements.delegated-authority',
    title: 'Delegated authority signed and given to the carer',
    cites: `${CARE_PLANNING_REGS}, regulation 9 and Schedule 2 (the authority delegated to the foster carer is part of the placement plan); Fostering Services: National Minimum Standards (2011), standard 7`,
    countsFrom: 'the start of the placement',
    period: `signed, and a copy given to the carer, within ${PLACEMENT_PAPERWORK_WORKING_DAYS} working days`,
    audience: placementDeadlineAudience,
    items: delegatedAuthority,
  });
}
