import { asc, desc, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { queryRows } from '../db/sql.ts';
import { auditEvents } from './tables.ts';
import { AUDIT_LOCK_KEY, GENESIS_HASH, entryHash } from './chain.ts';

/** How many entries one sealing transaction chains. */
const SEAL_BATCH = 2_000;

/** The newest sealed entry: where the chain continues. */
export async function chainHead(db: Pick<Db, 'select'>): Promise<{ id: number; seq: number; hash: string } | null> {
  const [head] = await db
    .select({ id: auditEvents.id, seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(isNotNull(auditEvents.seq))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return head ? { id: head.id, seq: head.seq!, hash: head.hash! } : null;
}

/**
 * Chains the entries written since the last seal: each gets the next place in the chain, the hash of
 * the entry before it and its own hash. Requests write entries without a lock; this runs in the
 * background (every second, at start and at stop) and takes the trail's lock only for itself, so the
 * chain costs the requests nothing. Entries are chained in the order they are found committed (by id
 * within one pass): an entry whose transaction commits late simply takes a later place.
 * Another process sealing at the same moment is left to it (the lock is tried, not waited for).
 * Returns the number of entries sealed.
 */
export async function sealAuditTrail(db: DbOrTx): Promise<number> {
  let sealed = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const [lock] = await queryRows<{ locked: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(${AUDIT_LOCK_KEY}) as locked`,
      );
      if (!lock?.locked) return -1;
      const rows = await tx
        .select()
        .from(auditEvents)
        .where(isNull(auditEvents.seq))
        .orderBy(asc(auditEvents.id))
        .limit(SEAL_BATCH);
      if (rows.length === 0) return 0;
      const head = await chainHead(tx);
      let prevHash = head?.hash ?? GENESIS_HASH;
      let seq = head?.seq ?? 0;
      const seals = rows.map((row) => {
        seq += 1;
        const hash = entryHash(prevHash, row);
        const seal = sql`(${row.id}::bigint, ${seq}::bigint, ${prevHash}, ${hash})`;
        prevHash = hash;
        return seal;
      });
      await tx.execute(sql`
        update audit_events as e set seq = s.seq, prev_hash = s.prev_hash, hash = s.hash
        from (values ${sql.join(seals, sql`, `)}) as s(id, seq, prev_hash, hash)
        where e.id = s.id`);
      return rows.length;
    });
    if (done <= 0) return sealed;
    sealed += done;
    if (done < SEAL_BATCH) return sealed;
  }
}

/** How many entries wait to be sealed (the verifier reports them: they are not yet in the chain). */
export async function unsealedCount(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_events where seq is null`);
  return row?.n ?? 0;
}
