import { asc, desc, eq, and, gt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { auditEvents } from './tables.ts';
import { GENESIS_HASH, entryHash } from './chain.ts';

/** Who is acting and where: taken from the request (or a script) once, passed to every write. */
export interface Actor {
  userId: string | null;
  username: string | null;
  route: string | null;
  requestId: string | null;
}

export const systemActor = (what: string): Actor => ({ userId: null, username: null, route: what, requestId: null });

export interface AuditEvent {
  /** view, create, update, sign-in ... */
  action: string;
  /** household, child, carer, user ... */
  recordType: string;
  recordId: string;
  detail?: Record<string, unknown>;
}

/** Serialises writers so each entry chains onto the one before it, across processes. */
const AUDIT_LOCK_KEY = 7_246_001;

/**
 * Appends an event to the audit trail. Call it with the transaction that makes the change,
 * so the change and its audit entry commit (or fail) together.
 */
export async function recordAudit(db: DbOrTx, actor: Actor, event: AuditEvent): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
    const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    const prevHash = last?.hash ?? GENESIS_HASH;
    const fields = {
      at: new Date(),
      userId: actor.userId,
      username: actor.username,
      action: event.action,
      recordType: event.recordType,
      recordId: event.recordId,
      route: actor.route,
      requestId: actor.requestId,
      detail: event.detail ?? null,
    };
    await tx.insert(auditEvents).values({ ...fields, prevHash, hash: entryHash(prevHash, fields) });
  });
}

export interface VerifyResult {
  checked: number;
  brokenAt: { id: number; reason: string } | null;
}

/** Walks the whole chain in order and reports the first entry whose hash or link is wrong. */
export async function verifyAuditChain(db: Db, batchSize = 5_000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, lastId))
      .orderBy(asc(auditEvents.id))
      .limit(batchSize);
    if (rows.length === 0) return { checked, brokenAt: null };
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return {
          checked,
          brokenAt: { id: row.id, reason: 'does not link to the entry before it (an entry was removed or altered)' },
        };
      }
      if (entryHash(prevHash, row) !== row.hash) {
        return {
          checked,
          brokenAt: { id: row.id, reason: 'its contents do not match its hash (the entry was altered)' },
        };
      }
      prevHash = row.hash;
      lastId = row.id;
      checked += 1;
    }
  }
}

export interface AuditEntry {
  id: number;
  at: Date;
  username: string | null;
  action: string;
  route: string | null;
  requestId: string | null;
}

/** Who has seen or changed one record, newest first. */
export async function auditTrailFor(
  db: Db,
  recordType: string,
  recordId: string,
  page: { limit: number; offset: number },
): Promise<{ entries: AuditEntry[]; total: number }> {
  const where = and(eq(auditEvents.recordType, recordType), eq(auditEvents.recordId, recordId));
  const [entries, [count]] = await Promise.all([
    db
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        username: auditEvents.username,
        action: auditEvents.action,
        route: auditEvents.route,
        requestId: auditEvents.requestId,
      })
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(where),
  ]);
  return { entries, total: Number(count?.n ?? 0) };
}
