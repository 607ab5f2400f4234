/**
 * The fostering review team's list: every approved household it may see with its next review
 * (due a year after approval, then a year after the last review), soonest first, counted and
 * paged in SQL.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { householdVisibleTo } from '../households/scope.ts';

export const WORKLIST_PAGE_SIZE = 25;

export const worklistFilters = {
  all: 'All approved households',
  first: 'First reviews since approval',
  'not-started': 'Reviews not yet started',
} as const;
export type WorklistFilter = keyof typeof worklistFilters;

export interface WorklistRow {
  household_id: string;
  name: string;
  reference: string;
  due_on: string;
  first: boolean;
  open_id: string | null;
  started_on: string | null;
  placed: number;
}

const nextDue = sql`(coalesce(last.reviewed_on, coalesce(households.approved_on, households.status_since)) + interval '1 year')::date`;

function from(viewer: SignedInUser, filter: WorklistFilter): SQL {
  const where =
    filter === 'first' ? sql`and last.reviewed_on is null` : filter === 'not-started' ? sql`and o.id is null` : sql``;
  return sql`from households
    left join lateral (select max(r.reviewed_on) as reviewed_on from annual_reviews r
      where r.household_id = households.id and r.status = 'completed'
        and r.reviewed_on >= coalesce(households.approved_on, households.status_since)) last on true
    left join annual_reviews o on o.household_id = households.id and o.status = 'gathering'
    where households.status = 'approved' and ${householdVisibleTo(viewer)} ${where}`;
}

/** A page of the approved households the viewer may see, by when their next review is due. */
export async function reviewWorklist(db: DbOrTx, viewer: SignedInUser, filter: WorklistFilter, page: number) {
  const today = todayInLondon();
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n ${from(viewer, filter)}`);
  const rows = await queryRows<WorklistRow>(
    db,
    sql`select households.id as household_id, households.name, households.reference,
        to_char(${nextDue}, 'YYYY-MM-DD') as due_on, last.reviewed_on is null as first,
        o.id as open_id, o.started_on::text as started_on,
        (select count(distinct p.child_id)::int from placements p where p.household_id = households.id
          and p.start_date <= ${today}::date and (p.end_date is null or p.end_date >= ${today}::date)) as placed
      ${from(viewer, filter)}
      order by ${nextDue}, households.reference
      limit ${WORKLIST_PAGE_SIZE} offset ${(page - 1) * WORKLIST_PAGE_SIZE}`,
  );
  return { rows, total: Number(total?.n ?? 0) };
}
