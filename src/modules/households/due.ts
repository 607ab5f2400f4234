/**
 * The statutory deadlines on a fostering household: renewing the DBS and medical checks of its
 * carers and household members before they expire. Registered with platform/due by
 * registerHouseholdsDueRules(); one query per rule, scoped by householdVisibleTo.
 */
import { sql } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { teams, users } from '../../platform/auth/tables.ts';
import type { Db } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { registerDueRule, type DueItem, type DueWindow } from '../../platform/due/index.ts';
import { householdVisibleTo } from './scope.ts';
import { carers, householdMembers, households, personChecks } from './tables.ts';

/** Who is shown a household's check renewals: the supervising team and those above it. */
export const householdDeadlineAudience: readonly Role[] = [
  'head_of_fostering',
  'assistant_director',
  'service_manager',
  'team_manager',
  'supervising_social_worker',
];

const CHECKS_CITED =
  'Fostering Services (England) Regulations 2011, regulation 26 and Schedule 3 (enhanced DBS certificate and health of each foster carer and adult household member); Fostering Services: National Minimum Standards (2011), standard 19';

interface CheckRow {
  household_id: string;
  household_name: string;
  household_reference: string;
  person_name: string;
  /** carer, household member, or null for a check on the household as a whole. */
  person_role: string | null;
  expires_on: string;
  team_id: string;
  team_name: string;
  area_id: string;
  owner_id: string | null;
  owner_name: string | null;
}

const kindNames = { dbs: 'DBS check', medical: 'Medical' } as const;
type CheckKind = keyof typeof kindNames;

/**
 * The latest check of `kind` for each carer and household member of an approved household the
 * viewer may see, when it expires on or before `until`.
 */
function expiringChecks(kind: CheckKind) {
  return async (db: Db, viewer: SignedInUser, window: DueWindow): Promise<DueItem[]> => {
    const rows = await queryRows<CheckRow>(
      db,
      sql`
      select latest.household_id, latest.household_name, latest.household_reference,
        coalesce(${carers.firstName} || ' ' || ${carers.lastName},
          ${householdMembers.firstName} || ' ' || ${householdMembers.lastName}, 'the household') as person_name,
        case when latest.carer_id is not null then 'carer'
          when latest.member_id is not null then 'household member' end as person_role,
        to_char(latest.expires_on, 'YYYY-MM-DD') as expires_on,
        latest.team_id, ${teams.name} as team_name, ${teams.areaId} as area_id,
        latest.owner_id, ${users.displayName} as owner_name
      from (
        select distinct on (${personChecks.householdId}, ${personChecks.carerId}, ${personChecks.memberId})
          ${personChecks.householdId} as household_id, ${personChecks.carerId} as carer_id,
          ${personChecks.memberId} as member_id, ${personChecks.expiresOn} as expires_on,
          ${households.name} as household_name, ${households.reference} as household_reference,
          ${households.teamId} as team_id, ${households.allocatedSswId} as owner_id
        from ${personChecks}
        join ${households} on ${households.id} = ${personChecks.householdId}
        where ${personChecks.kind} = ${kind}
          and ${households.status} = 'approved'
          and ${householdVisibleTo(viewer)}
        order by ${personChecks.householdId}, ${personChecks.carerId}, ${personChecks.memberId},
          ${personChecks.completedOn} desc, ${personChecks.createdAt} desc
      ) latest
      join ${teams} on ${teams.id} = latest.team_id
      left join ${carers} on ${carers.id} = latest.carer_id
      left join ${householdMembers} on ${householdMembers.id} = latest.member_id
      left join ${users} on ${users.id} = latest.owner_id
      where latest.expires_on is not null and latest.expires_on <= ${window.until}`,
    );
    return rows.map((row) => ({
      ruleId: `households.${kind}-check-renewal`,
      recordType: 'household',
      recordId: row.household_id,
      label: `${row.household_name} (${row.household_reference})`,
      detail: `${kindNames[kind]} of ${row.person_name}${row.person_role ? ` (${row.person_role})` : ''}`,
      href: `/households/${row.household_id}`,
      dueOn: row.expires_on,
      teamId: row.team_id,
      teamName: row.team_name,
      areaId: row.area_id,
      ownerUserId: row.owner_id,
      ownerName: row.owner_name,
    }));
  };
}

/** Registers the households module's deadlines with platform/due. */
export function registerHouseholdsDueRules(): void {
  registerDueRule({
    id: 'households.dbs-check-renewal',
    title: 'DBS check renewal',
    cites: CHECKS_CITED,
    countsFrom: 'the latest DBS check of each carer and household member of an approved household',
    period: 'renewed by the date it expires',
    audience: householdDeadlineAudience,
    items: expiringChecks('dbs'),
  });
  registerDueRule({
    id: 'households.medical-check-renewal',
    title: 'Medical renewal',
    cites: CHECKS_CITED,
    countsFrom: 'the latest medical of each carer (and household member, where one is needed) of an approved household',
    period: 'renewed by the date it expires',
    audience: householdDeadlineAudience,
    items: expiringChecks('medical'),
  });
}
