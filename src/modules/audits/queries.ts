/** The audits module's reads, each scoped by scope.ts. */
import { sql } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import type { Grade, Section } from './labels.ts';
import { auditVisibleTo, type AuditPlace } from './scope.ts';
import { placementRunningOn } from '../placements/scope.ts';

export interface AuditRecord extends AuditPlace {
  id: string;
  monthId: string;
  month: string;
  householdId: string;
  householdName: string;
  householdReference: string;
  teamName: string;
  sswName: string | null;
  pickedBecause: string;
  status: string;
  swapReason: string | null;
  auditorName: string | null;
  auditedOn: IsoDate | null;
  grade: Grade | null;
  delegatedAuthorityMissing: boolean | null;
  delegatedAuthorityDetail: string | null;
  safeguarding: string | null;
  concernId: string | null;
  putRightDueOn: IsoDate | null;
  putRightOn: IsoDate | null;
  putRightNotes: string | null;
  putRightByName: string | null;
  confirmedOn: IsoDate | null;
  confirmedByName: string | null;
}

/** A user's name, as a scalar subquery: planned on its own, so the list's joins stay few. */
const nameOf = (column: string) => sql.raw(`(select u.display_name from users u where u.id = ${column})`);

/*
 * The names of the workers on an audit are read per row shown (scalar subqueries), not joined: with
 * four more joins to users the planner weighed thousands of join orders, and planning took about
 * 16 ms of the audits home page's 40 (the query itself ran in 3).
 */
const auditColumns = sql`a.id, a.month_id as "monthId", m.month, m.team_id is null as central,
  a.household_id as "householdId", h.name as "householdName", h.reference as "householdReference",
  h.team_id as "teamId", t.area_id as "areaId", t.name as "teamName", h.allocated_ssw_id as "allocatedSswId",
  ${nameOf('h.allocated_ssw_id')} as "sswName", a.picked_because as "pickedBecause", a.status, a.swap_reason as "swapReason",
  a.auditor_id as "auditorId", ${nameOf('a.auditor_id')} as "auditorName", a.audited_on::text as "auditedOn", a.grade,
  a.delegated_authority_missing as "delegatedAuthorityMissing", a.delegated_authority_detail as "delegatedAuthorityDetail",
  a.safeguarding, a.concern_id as "concernId", a.put_right_due_on::text as "putRightDueOn",
  a.put_right_on::text as "putRightOn", a.put_right_notes as "putRightNotes", ${nameOf('a.put_right_by')} as "putRightByName",
  a.confirmed_on::text as "confirmedOn", ${nameOf('a.confirmed_by')} as "confirmedByName"`;

const auditJoins = sql`case_audits a
  join audit_months m on m.id = a.month_id
  join households h on h.id = a.household_id
  join teams t on t.id = h.team_id`;

/** The visibility condition written against the alias `a` (scope.ts speaks of `case_audits`). */
const visibleAs = (user: SignedInUser) =>
  sql`a.id in (select case_audits.id from case_audits where ${auditVisibleTo(user)})`;

/** An audit the user may see, or null. */
export async function findVisibleAudit(db: DbOrTx, user: SignedInUser, id: string): Promise<AuditRecord | null> {
  const [row] = await queryRows<AuditRecord>(
    db,
    sql`select ${auditColumns} from ${auditJoins} where a.id = ${id} and ${visibleAs(user)}`,
  );
  return row ?? null;
}

export interface SectionRow {
  section: Section;
  grade: Grade;
  findings: string | null;
  actions: string | null;
}

export async function auditSections(db: DbOrTx, auditId: string): Promise<SectionRow[]> {
  return queryRows<SectionRow>(
    db,
    sql`select section, grade, findings, actions from case_audit_sections where audit_id = ${auditId}`,
  );
}

/**
 * The children placed in the household on the day without a current delegated authority (a form
 * for their placement, signed on or before the day), by name: computed from the placements
 * module's records, never typed.
 */
export async function delegatedAuthorityGaps(db: DbOrTx, householdId: string, on: IsoDate): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select coalesce(c.preferred_name, c.first_name) || ' ' || c.last_name as name
      from placements p join children c on c.id = p.child_id
      where p.household_id = ${householdId} and ${placementRunningOn('p', on)}
        and not exists (select 1 from delegated_authorities d where d.placement_id = p.id
          and d.signed_on is not null and d.signed_on <= ${on}::date)
      order by c.last_name, c.first_name`,
  );
  return rows.map((r) => r.name);
}

export interface MonthRecord {
  id: string;
  month: string;
  teamId: string | null;
  teamName: string | null;
  areaId: string | null;
  pickedOn: IsoDate;
}

/** A month's sample the user may see: the head and service managers any, a team manager their team's. */
export async function findVisibleMonth(db: DbOrTx, user: SignedInUser, id: string): Promise<MonthRecord | null> {
  const [row] = await queryRows<MonthRecord>(
    db,
    sql`select m.id, m.month, m.team_id as "teamId", t.name as "teamName", t.area_id as "areaId",
        m.picked_on::text as "pickedOn"
      from audit_months m left join teams t on t.id = m.team_id where m.id = ${id}`,
  );
  if (!row) return null;
  if (user.role === 'head_of_fostering' || user.role === 'service_manager') return row;
  if (user.role === 'team_manager' && row.teamId !== null && row.teamId === user.teamId) return row;
  return null;
}

/** The files of a month's sample the user may see, households by name. */
export async function monthFiles(db: DbOrTx, user: SignedInUser, monthId: string): Promise<AuditRecord[]> {
  return queryRows<AuditRecord>(
    db,
    sql`select ${auditColumns} from ${auditJoins}
      where a.month_id = ${monthId} and ${visibleAs(user)}
      order by a.status = 'swapped', h.name, h.reference`,
  );
}

export interface SampleRow {
  teamId: string | null;
  teamName: string | null;
  areaId: string | null;
  monthId: string | null;
  files: number;
  done: number;
  inadequate: number;
}

/** The samples of a month the user may see: each team in their scope and the central sample, picked or not. */
export async function samplesOfMonth(db: DbOrTx, user: SignedInUser, month: string): Promise<SampleRow[]> {
  const teamsSeen =
    user.role === 'head_of_fostering' || user.role === 'service_manager'
      ? sql`true`
      : user.role === 'team_manager' && user.teamId
        ? sql`t.id = ${user.teamId}`
        : sql`false`;
  const central = user.role === 'head_of_fostering' || user.role === 'service_manager';
  return queryRows<SampleRow>(
    db,
    sql`with s as (
        select t.id as team_id, t.name as team_name, t.area_id, t.name as sort from teams t where ${teamsSeen}
        union all select null, null, null, '~' where ${central}
      )
      select s.team_id as "teamId", s.team_name as "teamName", s.area_id as "areaId", m.id as "monthId",
        count(a.id) filter (where a.status <> 'swapped')::int as files,
        count(a.id) filter (where a.status = 'completed')::int as done,
        count(a.id) filter (where a.grade = 'inadequate')::int as inadequate
      from s
      left join audit_months m on m.month = ${month} and m.team_id is not distinct from s.team_id
      left join case_audits a on a.month_id = m.id
      group by s.team_id, s.team_name, s.area_id, m.id, s.sort
      order by s.sort`,
  );
}

export const LIST_PAGE_SIZE = 25;

/** Completed audits the user may see, newest first, a page at a time, with the total. */
export async function completedAudits(db: DbOrTx, user: SignedInUser, page: number) {
  const where = sql`a.status = 'completed' and ${visibleAs(user)}`;
  const rows = await queryRows<AuditRecord>(
    db,
    sql`select ${auditColumns} from ${auditJoins} where ${where}
      order by a.audited_on desc, h.name limit ${LIST_PAGE_SIZE} offset ${(page - 1) * LIST_PAGE_SIZE}`,
  );
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from case_audits a where ${where}`);
  return { rows, total: total?.n ?? 0 };
}

/** One household's audits the user may see (not those swapped out), newest first, a page at a time, with the total. */
export async function householdAudits(db: DbOrTx, user: SignedInUser, householdId: string, page: number) {
  const where = sql`a.household_id = ${householdId} and a.status <> 'swapped' and ${visibleAs(user)}`;
  const rows = await queryRows<AuditRecord>(
    db,
    sql`select ${auditColumns} from ${auditJoins} where ${where}
      order by m.month desc, a.audited_on desc nulls first, a.id
      limit ${LIST_PAGE_SIZE} offset ${(page - 1) * LIST_PAGE_SIZE}`,
  );
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from case_audits a where ${where}`);
  return { rows, total: total?.n ?? 0 };
}
