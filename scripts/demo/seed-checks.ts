/** Checks the demo tests share: queries over a loaded demo, and the placements no day may break. */
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';

export const rows = <T>(database: Database, query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);
export const count = async (database: Database, query: ReturnType<typeof sql>) =>
  Number((await rows<{ n: number }>(database, query))[0]!.n);

/**
 * A child placed with a connected person under temporary approval for them (regulation 24): outside
 * any terms, while it stood: placed before the household was approved as foster carers, if it has been.
 */
const temporarilyApproved = sql`exists (select 1 from temporary_approvals ta where ta.household_id = p.household_id
  and ta.child_id = p.child_id and ta.approved_on <= p.start_date
  and p.start_date < coalesce(h.approved_on, 'infinity'::date))`;
/** The placements that began with the household full (more children than its places), or outside its approval. */
export const overPlaces = sql`select count(*)::int as n from placements p join households h on h.id = p.household_id
  where h.approved_places < (select count(*) from placements q where q.household_id = p.household_id
    and q.start_date <= p.start_date and (q.end_date is null or q.end_date > p.start_date))
    and not ${temporarilyApproved}`;
export const placedOutsideApproval = sql`select count(*)::int as n from placements p join households h on h.id = p.household_id
  where (h.approved_on is null or p.start_date < h.approved_on
    or (h.status <> 'approved' and coalesce(p.end_date, 'infinity'::date) > h.status_since))
    and not ${temporarilyApproved}`;
