/**
 * The deadlines of staff supervision and staff training, kept by platform/due and scoped by the
 * member of staff (the `staff` scope: the member, their manager, the head and the assistant
 * director). Each rule's records are members of staff (their user ids).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { addWeeks } from '../../platform/dates/index.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { ACCOUNT_RECORD, recordsIn, type DueRule, type KeptDueItem } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { roleNames, isRole } from '../../platform/access/roles.ts';
import { folderAuditQuarterRule } from './folder-audit-due.ts';
import { folderAuditPath, folderPath } from './paths.ts';
import { managerOf, staffRoleList, staffRoles } from './scope.ts';
import {
  DEFAULT_SUPERVISION_WEEKS,
  FOLDER_AUDIT_ACTIONS_CITES,
  FOLDER_AUDIT_ACTIONS_WEEKS,
  INDUCTION_CITES,
  inductionDueOn,
  inductionItems,
  mandatoryCourses,
  renewalDueOn,
  STAFF_SUPERVISION_CITES,
  supervisionDueOn,
  TRAINING_CITES,
  type CourseKey,
} from './settings.ts';

const managers: readonly Role[] = ['head_of_fostering', 'assistant_director', 'team_manager'];
const everyone: readonly Role[] = [...new Set<Role>(['head_of_fostering', 'assistant_director', ...staffRoles])];

interface MemberRow {
  record_id: string;
  name: string;
  role: string;
  team_id: string | null;
  area_id: string | null;
  manager_id: string | null;
  joined_on: string;
}

/** Active members of staff (of these ids, or all), with their team, area, manager and the day they joined. */
export const membersSql = (ids: readonly string[] | null) => sql`select u.id as record_id, u.display_name as name,
    u.role, u.team_id, coalesce(t.area_id, u.area_id) as area_id, ${managerOf} as manager_id,
    coalesce(st.joined_on, (u.created_at at time zone 'Europe/London')::date)::text as joined_on
  from users u
  left join teams t on t.id = u.team_id
  left join staff_starts st on st.user_id = u.id
  where u.role in (${staffRoleList}) and u.active and ${recordsIn(sql`u.id`, ids)}`;

const label = (row: MemberRow) => `${row.name} (${isRole(row.role) ? roleNames[row.role] : row.role})`;

function item(row: MemberRow, dueOn: string, owner: string | null, detail: string): KeptDueItem {
  return {
    recordId: row.record_id,
    dueOn,
    teamId: row.team_id,
    areaId: row.area_id,
    ownerUserId: owner,
    householdId: null,
    childId: null,
    staffUserId: row.record_id,
    label: label(row),
    detail,
    href: folderPath(row.record_id),
  };
}

async function supervisionItems(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<MemberRow & { last_on: string | null; agreed_on: string | null; weeks: number | null }>(
    db,
    sql`select m.*, s.last_on::text as last_on, a.signed_on::text as agreed_on, a.frequency_weeks as weeks
      from (${membersSql(ids)}) m
      left join lateral (select max(held_on) as last_on from staff_supervision_sessions
        where staff_user_id = m.record_id) s on true
      left join lateral (select signed_on, frequency_weeks from staff_supervision_agreements
        where staff_user_id = m.record_id order by signed_on desc, created_at desc limit 1) a on true`,
  );
  return rows.map((row) => {
    const weeks = row.weeks ?? DEFAULT_SUPERVISION_WEEKS;
    const from = row.last_on ?? row.agreed_on ?? row.joined_on;
    const detail = row.last_on ? `Last supervised on ${formatDate(row.last_on)}` : 'No supervision recorded yet';
    return item(row, supervisionDueOn(from, weeks), row.manager_id, detail);
  });
}

async function renewalItems(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<MemberRow & { item: CourseKey; last_on: string | null }>(
    db,
    sql`select m.*, c.item, x.last_on::text as last_on
      from (${membersSql(ids)}) m
      cross join (values ${sql.raw(mandatoryCourses.map((c) => `('${c.key}')`).join(', '))}) as c(item)
      left join lateral (select max(completed_on) as last_on from staff_training
        where staff_user_id = m.record_id and item = c.item) x on true`,
  );
  return rows.map((row) => {
    const name = mandatoryCourses.find((c) => c.key === row.item)!.name;
    return row.last_on
      ? item(
          row,
          renewalDueOn(row.last_on, row.item),
          row.record_id,
          `${name}: renewal (last done ${formatDate(row.last_on)})`,
        )
      : item(row, inductionDueOn(row.joined_on), row.record_id, `${name}: not done yet`);
  });
}

async function inductionItemsDue(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const keys = inductionItems.map((i) => i.key);
  const rows = await queryRows<MemberRow & { done: number }>(
    db,
    sql`select m.*, (select count(distinct item)::int from staff_training x
        where x.staff_user_id = m.record_id and x.item in (${sql.join(
          keys.map((k) => sql`${k}`),
          sql`, `,
        )})) as done
      from (${membersSql(ids)}) m
      join staff_starts st on st.user_id = m.record_id and st.induction_required`,
  );
  return rows
    .filter((row) => row.done < keys.length)
    .map((row) =>
      item(row, inductionDueOn(row.joined_on), row.manager_id, `Induction: ${row.done} of ${keys.length} items done`),
    );
}

/** The actions each audit of the member's folder set their manager, until recorded done. */
async function folderAuditActionItems(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<MemberRow & { audit_id: string; audited_on: string }>(
    db,
    sql`select m.*, fa.id as audit_id, fa.audited_on::text as audited_on
      from (${membersSql(ids)}) m
      join staff_folder_audits fa on fa.staff_user_id = m.record_id
      where fa.actions_for_manager is not null and fa.actions_done_on is null`,
  );
  return rows.map((row) => ({
    ...item(
      row,
      addWeeks(row.audited_on, FOLDER_AUDIT_ACTIONS_WEEKS),
      row.manager_id,
      `Actions from the audit of the supervision folder on ${formatDate(row.audited_on)}`,
    ),
    href: folderAuditPath(row.audit_id),
  }));
}

/**
 * An account changed: the member themselves (their team, role, or the account closed), and the
 * members whose manager it may now be (its team's, for a team manager; everyone's for the head, who
 * manages those with no team manager). Items the account owned before are refreshed by the engine.
 */
const byAccount = {
  [ACCOUNT_RECORD]: (ids: SQL) => sql`select u.id from users u where u.id in ${ids}
    or u.team_id in (select c.team_id from users c where c.id in ${ids} and c.role = 'team_manager')
    or exists (select 1 from users c where c.id in ${ids} and c.role = 'head_of_fostering')`,
};

/** The staff module's deadlines. */
export const staffDueRules: DueRule[] = [
  {
    id: 'staff.supervision',
    title: 'Staff supervision',
    cites: STAFF_SUPERVISION_CITES,
    countsFrom: 'the last session (or the agreement, or the day they joined), at the frequency in the agreement',
    period: `every 4 to 6 weeks (${DEFAULT_SUPERVISION_WEEKS} unless the agreement says otherwise)`,
    audience: managers,
    recordType: 'staff-member',
    affectedBy: byAccount,
    compute: supervisionItems,
  },
  {
    id: 'staff.training-renewal',
    title: 'Mandatory staff training renewal',
    cites: TRAINING_CITES,
    countsFrom: 'the last time each course was done (never done: the day they joined, with the induction period)',
    period: 'each course renewed after its own period',
    audience: everyone,
    recordType: 'staff-member',
    affectedBy: byAccount,
    compute: renewalItems,
  },
  {
    id: 'staff.folder-audit-actions',
    title: 'Actions from a supervision folder audit',
    cites: FOLDER_AUDIT_ACTIONS_CITES,
    countsFrom: 'the day the head of fostering audited the folder and set its manager actions',
    period: `within ${FOLDER_AUDIT_ACTIONS_WEEKS} weeks (local policy), until the manager records them done`,
    audience: managers,
    recordType: 'staff-member',
    affectedBy: byAccount,
    compute: folderAuditActionItems,
  },
  folderAuditQuarterRule,
  {
    id: 'staff.induction',
    title: 'Staff induction completed',
    cites: INDUCTION_CITES,
    countsFrom: 'the day a new member of staff joined the fostering service',
    period: 'within 12 weeks (local policy)',
    audience: everyone,
    recordType: 'staff-member',
    affectedBy: byAccount,
    compute: inductionItemsDue,
  },
];
