import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';

/**
 * The next household reference (H-000123). Takes a transaction-scoped advisory lock so two
 * enquiries recorded at the same moment never get the same number; call it inside the
 * transaction that inserts the household.
 */
export async function nextHouseholdReference(db: DbOrTx): Promise<string> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('hearth.household_reference'))`);
  const [row] = await queryRows<{ n: number | string | null }>(
    db,
    sql`select coalesce(max(substring(reference from 3)::int), 0) + 1 as n
        from households where reference ~ '^H-[0-9]+$'`,
  );
  return formatHouseholdReference(Number(row?.n ?? 1));
}

export function formatHouseholdReference(n: number): string {
  return `H-${String(n).padStart(6, '0')}`;
}
