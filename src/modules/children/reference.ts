import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';

/**
 * The next child reference (C-000123). Takes a transaction-scoped advisory lock so two children
 * recorded at the same moment never get the same number; call it inside the inserting transaction.
 */
export async function nextChildReference(db: DbOrTx): Promise<string> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('hearth.child_reference'))`);
  const [row] = await queryRows<{ n: number | string | null }>(
    db,
    sql`select coalesce(max(substring(reference from 3)::int), 0) + 1 as n
        from children where reference ~ '^C-[0-9]{6}$'`,
  );
  return `C-${String(Number(row?.n ?? 1)).padStart(6, '0')}`;
}
