/** Temporary approvals' reads: one found within the viewer's access, a child's and a household's, the list. */
import { sql } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { isUuid } from '../../platform/views/params.ts';
import { householdVisibleTo } from '../households/scope.ts';
import { APPROVABLE_STATUSES, CONNECTED_TYPE, fullyApprovedSql, runsOutSql, undecidedSql } from './labels.ts';
import { approvalVisibleTo } from './scope.ts';

export interface ApprovalRow {
  id: string;
  householdId: string;
  householdName: string;
  householdReference: string;
  householdStatus: string;
  childId: string;
  childName: string;
  childReference: string;
  childDateOfBirth: IsoDate;
  approvedOn: IsoDate;
  expiresOn: IsoDate;
  approvedBy: string;
  recordedByName: string | null;
  extendedOn: IsoDate | null;
  extendedBy: string | null;
  extensionReason: string | null;
  extendedUntil: IsoDate | null;
  panelViewsSoughtOn: IsoDate | null;
  iroInformed: boolean | null;
  endedOn: IsoDate | null;
  endReason: string | null;
  endNote: string | null;
  endedByName: string | null;
  fullyApprovedOn: IsoDate | null;
  /** The child's open placement, if any: where they live now (or are due to move to). */
  placementId: string | null;
  placedHere: boolean;
}

const h = sql.raw('households');
const nameOf = (column: string) => sql.raw(`(select u.display_name from users u where u.id = ta.${column})`);

const columns = sql`ta.id, ta.household_id as "householdId", households.name as "householdName",
  households.reference as "householdReference", households.status as "householdStatus",
  ta.child_id as "childId", children.first_name || ' ' || children.last_name as "childName",
  children.reference as "childReference", children.date_of_birth::text as "childDateOfBirth",
  ta.approved_on::text as "approvedOn", ta.expires_on::text as "expiresOn", ta.approved_by as "approvedBy",
  ${nameOf('recorded_by')} as "recordedByName", ta.extended_on::text as "extendedOn", ta.extended_by as "extendedBy",
  ta.extension_reason as "extensionReason", ta.extended_until::text as "extendedUntil",
  ta.panel_views_sought_on::text as "panelViewsSoughtOn", ta.iro_informed as "iroInformed",
  ta.ended_on::text as "endedOn", ta.end_reason as "endReason", ta.end_note as "endNote",
  ${nameOf('ended_by')} as "endedByName", ${fullyApprovedSql(sql.raw('ta'), h)}::text as "fullyApprovedOn",
  p.id as "placementId", coalesce(p.household_id = ta.household_id, false) as "placedHere"`;

const from = sql`temporary_approvals ta
  join households on households.id = ta.household_id
  join children on children.id = ta.child_id
  left join lateral (select p.id, p.household_id from placements p
    where p.child_id = ta.child_id and p.end_date is null order by p.start_date desc limit 1) p on true`;

/** One approval, if the user may read its household or its child; null otherwise (out of scope looks the same as missing). */
export async function findApproval(db: DbOrTx, user: SignedInUser, id: string): Promise<ApprovalRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<ApprovalRow>(
    db,
    sql`select ${columns} from ${from} where ta.id = ${id} and ${approvalVisibleTo(user)}`,
  );
  return row ?? null;
}

/** Whether the user may read the approval's household (and so record its decisions, with the permission). */
export async function householdInReach(db: DbOrTx, user: SignedInUser, householdId: string): Promise<boolean> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select households.id from households where households.id = ${householdId} and ${householdVisibleTo(user)}`,
  );
  return Boolean(row);
}

/** Every approval of a child, or of a household, running first, then the latest first (a handful). No access check. */
export function approvalsOf(db: DbOrTx, of: { childId: string } | { householdId: string }): Promise<ApprovalRow[]> {
  const where = 'childId' in of ? sql`ta.child_id = ${of.childId}` : sql`ta.household_id = ${of.householdId}`;
  return queryRows<ApprovalRow>(
    db,
    sql`select ${columns} from ${from} where ${where}
      order by ${undecidedSql(sql.raw('ta'), h)} desc, ta.approved_on desc, ta.id`,
  );
}

/**
 * The households a connected person's approval may be given to: family and friends households the
 * user may read, not yet approved (an enquiry, an applicant or in assessment), by name.
 */
export function approvableHouseholds(db: DbOrTx, user: SignedInUser) {
  return queryRows<{ id: string; name: string; reference: string; town: string }>(
    db,
    sql`select households.id, households.name, households.reference, households.town from households
      where households.household_type = ${CONNECTED_TYPE}
        and households.status in (${sql.join(
          APPROVABLE_STATUSES.map((s) => sql`${s}`),
          sql`, `,
        )})
        and ${householdVisibleTo(user)}
      order by households.name, households.reference limit 500`,
  );
}

export const LIST_PAGE_SIZE = 25;

export interface ListRow extends ApprovalRow {
  teamName: string;
  runsOut: IsoDate | null;
}

/**
 * The approvals still to be decided that the user may read (neither ended nor given way to full
 * approval), the soonest to run out first (those extended for an independent review last); a page
 * at a time, counted, with how many have run out.
 */
export async function listUndecided(db: DbOrTx, user: SignedInUser, page: number, today: IsoDate) {
  const where = sql`${undecidedSql(sql.raw('ta'), h)} and ${approvalVisibleTo(user)}`;
  const rows = await queryRows<ListRow>(
    db,
    sql`select ${columns}, (select t.name from teams t where t.id = households.team_id) as "teamName",
        ${runsOutSql()}::text as "runsOut"
      from ${from} where ${where}
      order by ${runsOutSql()} nulls last, children.last_name, ta.id
      limit ${LIST_PAGE_SIZE} offset ${(page - 1) * LIST_PAGE_SIZE}`,
  );
  const [counts] = await queryRows<{ total: number; ranOut: number }>(
    db,
    sql`select count(*)::int as total, count(*) filter (where ${runsOutSql()} < ${today}::date)::int as "ranOut"
      from temporary_approvals ta join households on households.id = ta.household_id
        join children on children.id = ta.child_id
      where ${where}`,
  );
  return { rows, total: Number(counts?.total ?? 0), ranOut: Number(counts?.ranOut ?? 0) };
}
