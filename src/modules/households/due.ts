/**
 * The statutory deadlines on a fostering household: renewing the DBS and medical checks of its
 * carers and household members before they expire. Registered with platform/due by
 * registerHouseholdsDueRules(), with who may see items scoped by a household (visibleHouseholdIds).
 */
import { sql } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import { householdScope } from '../../platform/access/scope.ts';
import { teams } from '../../platform/auth/tables.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { recordsIn, type KeptDueItem } from '../../platform/due/index.ts';
import { householdDueItem, type HouseholdDueRow } from '../../platform/due/household-item.ts';
import { birthdaySql } from '../../platform/dates/birthday-sql.ts';
import type { DueRule, DueScopeCondition } from '../../platform/due/rule.ts';
import { hiddenHouseholdIds, visibleHouseholdIds } from './scope.ts';
import { carers, householdMembers, households, memberMovedInSql, personChecks } from './tables.ts';
import { householdPath } from './paths.ts';
import { CHANGE_NOTICE_RULE, noticesToDealWith } from './change-notices.ts';
import { CHANGE_NOTICE_WORKING_DAYS } from './labels.ts';

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
  /** The satisfactory check's expiry, or the day of an unsatisfactory one when no check was satisfactory. */
  due_on: string;
  satisfactory: boolean;
  team_id: string;
  area_id: string;
  owner_id: string | null;
}

const kindNames = { dbs: 'DBS check', medical: 'Medical' } as const;
type CheckKind = keyof typeof kindNames;

/**
 * For each carer and household member of an approved household, the latest satisfactory check of
 * `kind`, when it has an expiry date: due on that date. A later check that was not satisfactory
 * renews nothing, so the satisfactory one before it still sets the date. A person whose checks of
 * that kind were all unsatisfactory has no check to renew: due on the day of the latest, so the
 * item stands overdue until a satisfactory check is recorded.
 */
function expiringChecks(kind: CheckKind) {
  return async (db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> => {
    const rows = await queryRows<CheckRow>(
      db,
      sql`
      select latest.household_id, latest.household_name, latest.household_reference,
        coalesce(${carers.firstName} || ' ' || ${carers.lastName},
          ${householdMembers.firstName} || ' ' || ${householdMembers.lastName}, 'the household') as person_name,
        case when latest.carer_id is not null then 'carer'
          when latest.member_id is not null then 'household member' end as person_role,
        to_char(case when latest.satisfactory then latest.expires_on else latest.completed_on end, 'YYYY-MM-DD')
          as due_on, latest.satisfactory,
        latest.team_id, ${teams.areaId} as area_id, latest.owner_id
      from (
        select distinct on (${personChecks.householdId}, ${personChecks.carerId}, ${personChecks.memberId})
          ${personChecks.householdId} as household_id, ${personChecks.carerId} as carer_id,
          ${personChecks.memberId} as member_id, ${personChecks.expiresOn} as expires_on,
          ${personChecks.completedOn} as completed_on, ${personChecks.satisfactory} as satisfactory,
          ${households.name} as household_name, ${households.reference} as household_reference,
          ${households.teamId} as team_id, ${households.allocatedSswId} as owner_id
        from ${personChecks}
        join ${households} on ${households.id} = ${personChecks.householdId}
        where ${personChecks.kind} = ${kind}
          and ${households.status} = 'approved'
          and ${recordsIn(households.id, ids)}
        order by ${personChecks.householdId}, ${personChecks.carerId}, ${personChecks.memberId},
          ${personChecks.satisfactory} desc, ${personChecks.completedOn} desc, ${personChecks.createdAt} desc
      ) latest
      join ${teams} on ${teams.id} = latest.team_id
      left join ${carers} on ${carers.id} = latest.carer_id
      left join ${householdMembers} on ${householdMembers.id} = latest.member_id
      -- A former carer's or member's checks are renewed no more.
      where (latest.expires_on is not null or not latest.satisfactory)
        and ${householdMembers.leftOn} is null and ${carers.leftOn} is null`,
    );
    return rows.map((row) => ({
      recordId: row.household_id,
      label: `${row.household_name} (${row.household_reference})`,
      detail:
        `${kindNames[kind]} of ${row.person_name}${row.person_role ? ` (${row.person_role})` : ''}` +
        (row.satisfactory ? '' : ': not satisfactory, no satisfactory check recorded'),
      href: householdPath(row.household_id),
      dueOn: row.due_on,
      teamId: row.team_id,
      areaId: row.area_id,
      ownerUserId: row.owner_id,
      householdId: row.household_id,
      childId: null,
    }));
  };
}

/**
 * Each adult living in an approved household with no DBS check of theirs on record: due the day
 * they moved in, or their 18th birthday when that is later (shown from their 17th, so that the
 * check can be in hand by then). A member with no date of birth counts as an adult unless recorded
 * as a birth child. Any DBS check recorded for them ends it; renewals take over from there.
 */
async function adultMemberChecks(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const movedIn = memberMovedInSql('m');
  const eighteen = birthdaySql(sql`m.date_of_birth`, 18);
  const rows = await queryRows<HouseholdDueRow & { adult_on: string | null }>(
    db,
    sql`select h.id as record_id, h.id as household_id, h.name || ' (' || h.reference || ')' as label,
        m.first_name || ' ' || m.last_name as detail, h.team_id, t.area_id, h.allocated_ssw_id as owner_id,
        to_char(greatest(${movedIn}, ${eighteen}), 'YYYY-MM-DD') as due_on,
        to_char(${birthdaySql(sql`m.date_of_birth`, 17)}, 'YYYY-MM-DD') as shown_from,
        ${eighteen}::text as adult_on
      from household_members m
      join households h on h.id = m.household_id
      join ${teams} t on t.id = h.team_id
      where h.status = 'approved' and m.left_on is null and ${recordsIn(sql`h.id`, ids)}
        and (m.date_of_birth is not null or m.relationship <> 'birth_child')
        and not exists (select 1 from person_checks c where c.member_id = m.id and c.kind = 'dbs')`,
  );
  return rows.map((row) =>
    householdDueItem({
      ...row,
      href: householdPath(row.household_id),
      detail:
        row.adult_on === row.due_on
          ? `DBS check of ${row.detail} (household member) at 18`
          : `DBS check of ${row.detail} (adult household member)`,
    }),
  );
}

/**
 * Who sees the deadlines scoped by a household: the households they may see. The LADO reads no
 * household, but is the audience of the allegation deadlines only (concerns/due.ts), which run
 * county-wide: every household's items of those rules.
 */
export const householdDueScope: DueScopeCondition = (viewer) => {
  if (viewer.role === 'head_of_fostering' || viewer.role === 'lado') return 'all';
  const hidden = hiddenHouseholdIds(viewer);
  if (hidden) return { allBut: hidden };
  const kind = householdScope(viewer).kind;
  // A caseload (allocated households, a carer's own): a short list.
  return kind === 'allocated' || kind === 'household'
    ? { few: visibleHouseholdIds(viewer) }
    : visibleHouseholdIds(viewer);
};

/** The households module's deadlines, and who sees items scoped by a household. */
export const householdsDueRules: DueRule[] = [
  {
    id: 'households.dbs-check-renewal',
    title: 'DBS check renewal',
    cites: CHECKS_CITED,
    countsFrom:
      'the latest satisfactory DBS check of each carer and household member living in an approved household (an unsatisfactory one renews nothing; one who has left owes no more)',
    period: 'renewed by the date it expires',
    audience: householdDeadlineAudience,
    recordType: 'household',
    compute: expiringChecks('dbs'),
  },
  {
    id: 'households.medical-check-renewal',
    title: 'Medical renewal',
    cites: CHECKS_CITED,
    countsFrom:
      'the latest satisfactory medical of each carer (and household member, where one is needed) living in an approved household (an unsatisfactory one renews nothing; one who has left owes no more)',
    period: 'renewed by the date it expires',
    audience: householdDeadlineAudience,
    recordType: 'household',
    compute: expiringChecks('medical'),
  },
  {
    id: 'households.adult-member-dbs-check',
    title: 'DBS check of an adult household member',
    cites: CHECKS_CITED,
    countsFrom:
      'the day an adult came to live in an approved household, or a member’s 18th birthday, while no DBS check of theirs is recorded',
    period: 'by the day they move in or turn 18 (shown from their 17th birthday)',
    audience: householdDeadlineAudience,
    recordType: 'household',
    compute: adultMemberChecks,
  },
  {
    id: 'households.change-notice',
    title: 'A change the carers told us about',
    cites: CHANGE_NOTICE_RULE,
    countsFrom: 'the day the carers told the service, from their portal, of a change in their household',
    period: `dealt with within ${CHANGE_NOTICE_WORKING_DAYS} working days`,
    audience: householdDeadlineAudience,
    recordType: 'household',
    compute: noticesToDealWith,
  },
];
