/**
 * The statutory deadlines on a placement: the placement plan and delegated authority, both within
 * 5 working days of the start. A Staying Put arrangement (a young adult, no longer in care) has
 * neither. Registered with platform/due by registerPlacementsDueRules(); one
 * query per rule; items are shown to those who may see both the child and the household.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import { teams } from '../../platform/auth/tables.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { recordsIn, workingDaysAfter, type KeptDueItem } from '../../platform/due/index.ts';
import type { DueRule } from '../../platform/due/rule.ts';
import { children } from '../children/tables.ts';
import { households } from '../households/tables.ts';
import { delegatedAuthorities, placements } from './tables.ts';
import { placementPath } from './paths.ts';
import { childInCarePlacement } from './scope.ts';
import { DELEGATED_AUTHORITY_RULE, PLACEMENT_PLAN_RULE } from './labels.ts';

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

interface PlacementRow {
  id: string;
  child_id: string;
  household_id: string;
  start_date: string;
  child_first_name: string;
  child_last_name: string;
  child_reference: string;
  household_name: string;
  team_id: string;
  area_id: string;
  owner_id: string | null;
  /** Whether a delegated authority form exists, and when it was signed and a copy given. */
  recorded: boolean;
  signed_on: string | null;
  copy_given_on: string | null;
}

/**
 * Open placements of children in care (of these ids, or all) that match `where`: not Staying Put. Their items are scoped by both the
 * child and the household, so a label never names a restricted household to someone not named on it.
 */
function openPlacementsQuery(ids: readonly string[] | null, where: SQL): SQL {
  return sql`
    select ${placements.id} as id, ${placements.childId} as child_id, ${placements.householdId} as household_id,
      to_char(${placements.startDate}, 'YYYY-MM-DD') as start_date,
      ${children.firstName} as child_first_name, ${children.lastName} as child_last_name,
      ${children.reference} as child_reference, ${households.name} as household_name,
      ${households.teamId} as team_id, ${teams.areaId} as area_id,
      ${children.allocatedSocialWorkerId} as owner_id,
      ${delegatedAuthorities.id} is not null as recorded,
      to_char(${delegatedAuthorities.signedOn}, 'YYYY-MM-DD') as signed_on,
      to_char(${delegatedAuthorities.copyGivenToCarerOn}, 'YYYY-MM-DD') as copy_given_on
    from ${placements}
    join ${children} on ${children.id} = ${placements.childId}
    join ${households} on ${households.id} = ${placements.householdId}
    join ${teams} on ${teams.id} = ${households.teamId}
    left join ${delegatedAuthorities} on ${delegatedAuthorities.placementId} = ${placements.id}
    where ${placements.endDate} is null
      and ${childInCarePlacement('placements')}
      and ${recordsIn(placements.id, ids)}
      and ${where}`;
}

function placementItem(row: PlacementRow, detail?: string): KeptDueItem {
  return {
    recordId: row.id,
    label: `${row.child_first_name} ${row.child_last_name} (${row.child_reference}) with ${row.household_name}`,
    detail,
    href: placementPath(row.id),
    dueOn: workingDaysAfter(row.start_date, PLACEMENT_PAPERWORK_WORKING_DAYS),
    teamId: row.team_id,
    areaId: row.area_id,
    ownerUserId: row.owner_id,
    householdId: row.household_id,
    childId: row.child_id,
  };
}

async function placementPlans(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<PlacementRow>(db, openPlacementsQuery(ids, sql`${placements.placementPlanOn} is null`));
  return rows.map((row) => placementItem(row));
}

/** What is still missing from a delegated authority form. */
function delegatedAuthorityGap(row: PlacementRow): string {
  if (!row.recorded) return 'Not yet recorded';
  if (!row.signed_on && !row.copy_given_on) return 'Not yet signed, and no copy given to the carer';
  if (!row.signed_on) return 'Not yet signed';
  return 'No signed copy given to the carer yet';
}

async function delegatedAuthority(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<PlacementRow>(
    db,
    openPlacementsQuery(
      ids,
      sql`(${delegatedAuthorities.signedOn} is null or ${delegatedAuthorities.copyGivenToCarerOn} is null)`,
    ),
  );
  return rows.map((row) => placementItem(row, delegatedAuthorityGap(row)));
}

/** A change to a child (name, worker) or a household (name, team) moves its open placements' items. */
const placementAffectedBy = {
  child: (ids: SQL) =>
    sql`select ${placements.id} from ${placements} where ${placements.childId} in ${ids} and ${placements.endDate} is null`,
  household: (ids: SQL) =>
    sql`select ${placements.id} from ${placements} where ${placements.householdId} in ${ids} and ${placements.endDate} is null`,
};

/** The placements module's deadlines with platform/due. */
export const placementsDueRules: DueRule[] = [
  {
    id: 'placements.placement-plan',
    title: 'Placement plan',
    cites: PLACEMENT_PLAN_RULE,
    countsFrom:
      'the start of the placement (the plan is due before it starts, or at the latest); not for Staying Put, where the young person is an adult',
    period: `within ${PLACEMENT_PAPERWORK_WORKING_DAYS} working days`,
    audience: placementDeadlineAudience,
    recordType: 'placement',
    // 2: Staying Put arrangements left out.
    version: 2,
    affectedBy: placementAffectedBy,
    compute: placementPlans,
  },
  {
    id: 'placements.delegated-authority',
    title: 'Delegated authority signed and given to the carer',
    cites: DELEGATED_AUTHORITY_RULE,
    countsFrom: 'the start of the placement; not for Staying Put, where the young person is an adult',
    period: `signed, and a copy given to the carer, within ${PLACEMENT_PAPERWORK_WORKING_DAYS} working days`,
    audience: placementDeadlineAudience,
    recordType: 'placement',
    // 2: Staying Put arrangements left out.
    version: 2,
    affectedBy: placementAffectedBy,
    compute: delegatedAuthority,
  },
];
