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
import { dueScopeCondition } from '../../platform/due/index.ts';
import { placementRunningOn } from '../placements/scope.ts';

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

/** The rule whose kept items are each approved household's next review (reviews/due.ts). */
const REVIEW_DUE_RULE = 'reviews.review-due';

/** No completed review since the household's approval: its next review is its first. */
const reviewedSinceApproval = (household: SQL) => sql`select 1 from annual_reviews r
  join households h on h.id = r.household_id
  where r.household_id = ${household} and r.status = 'completed'
    and r.reviewed_on >= coalesce(h.approved_on, h.status_since)`;
const reviewOpen = sql`select 1 from annual_reviews r where r.household_id = due_items.household_id and r.status = 'gathering'`;

/**
 * The approved households the viewer may see, each with its next review date as the deadline
 * engine keeps it (due_items, refreshed when a review or the household changes) and scoped as My
 * work scopes it, so the list is counted, ordered and paged on indexes instead of working out
 * every household's date on each read.
 */
function from(viewer: SignedInUser, filter: WorklistFilter): SQL {
  const where =
    filter === 'first'
      ? sql`and not exists (${reviewedSinceApproval(sql`due_items.household_id`)})`
      : filter === 'not-started'
        ? sql`and not exists (${reviewOpen})`
        : sql``;
  return sql`from due_items where due_items.rule_id = ${REVIEW_DUE_RULE} and ${dueScopeCondition(viewer)} ${where}`;
}

/** A page of the approved households the viewer may see, by when their next review is due. */
export async function reviewWorklist(db: DbOrTx, viewer: SignedInUser, filter: WorklistFilter, page: number) {
  const today = todayInLondon();
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n ${from(viewer, filter)}`);
  const rows = await queryRows<WorklistRow>(
    db,
    sql`select households.id as household_id, households.name, households.reference,
        to_char(page.due_on, 'YYYY-MM-DD') as due_on, not exists (${reviewedSinceApproval(sql`households.id`)}) as first,
        o.id as open_id, o.started_on::text as started_on,
        (select count(distinct p.child_id)::int from placements p where p.household_id = households.id
          and ${placementRunningOn('p', today)}) as placed
      from (select due_items.household_id, due_items.due_on
        ${from(viewer, filter)}
        order by due_items.due_on, (select h.reference from households h where h.id = due_items.household_id)
        limit ${WORKLIST_PAGE_SIZE} offset ${(page - 1) * WORKLIST_PAGE_SIZE}) page
      join households on households.id = page.household_id
      left join annual_reviews o on o.household_id = households.id and o.status = 'gathering'
      order by page.due_on, households.reference`,
  );
  return { rows, total: Number(total?.n ?? 0) };
}
