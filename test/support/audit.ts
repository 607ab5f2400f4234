import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';

/** The database's own message when a statement is refused (drizzle wraps it), or null when it ran. */
export async function refusalOf(statement: Promise<unknown>): Promise<string | null> {
  try {
    await statement;
    return null;
  } catch (error) {
    const cause = (error as Error).cause;
    return cause instanceof Error ? cause.message : (error as Error).message;
  }
}

/**
 * Deletes the newest audit entries the way a superuser could: with the append-only triggers
 * switched off for the moment, then switched back on to fire always.
 */
export async function deleteNewestAuditEntries(db: DbOrTx, n: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger all`);
    await tx.execute(
      sql`delete from audit_events where id in (select id from audit_events order by id desc limit ${n})`,
    );
    await tx.execute(sql`alter table audit_events enable trigger all`);
    await tx.execute(sql`alter table audit_events enable always trigger audit_events_no_update_or_delete`);
    await tx.execute(sql`alter table audit_events enable always trigger audit_events_no_truncate`);
  });
}
