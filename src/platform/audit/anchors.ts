import { createHmac, timingSafeEqual } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { auditAnchors, auditEvents } from './tables.ts';
import { AUDIT_LOCK_KEY } from './chain.ts';
import { chainHead, sealAuditTrail } from './seal.ts';

/**
 * How far the audit trail reached at one moment: its number of entries, its newest entry's id and
 * that entry's hash. The hash covers every entry before it, so count plus hash pin the whole trail.
 */
export interface AuditAnchor {
  at: Date;
  entryCount: number;
  headId: number;
  headHash: string;
  signature: string;
}

/** How many recent anchors are read to find the newest one signed with this secret. */
const RECENT_ANCHORS = 20;

function signatureOf(secret: string, a: Omit<AuditAnchor, 'signature'>): string {
  return createHmac('sha256', secret)
    .update(`hearth audit anchor v1:${a.at.toISOString()}:${a.entryCount}:${a.headId}:${a.headHash}`)
    .digest('hex');
}

/** True when the anchor was signed with this secret (written by Hearth, not by hand in the database). */
export function isSignedWith(secret: string, anchor: AuditAnchor): boolean {
  const expected = Buffer.from(signatureOf(secret, anchor), 'hex');
  const given = Buffer.from(anchor.signature, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The newest anchors, newest first. */
export async function recentAnchors(db: DbOrTx, limit = RECENT_ANCHORS): Promise<AuditAnchor[]> {
  return db
    .select({
      at: auditAnchors.at,
      entryCount: auditAnchors.entryCount,
      headId: auditAnchors.headId,
      headHash: auditAnchors.headHash,
      signature: auditAnchors.signature,
    })
    .from(auditAnchors)
    .orderBy(desc(auditAnchors.id))
    .limit(limit);
}

export type AnchorOutcome =
  /** A new anchor was written. */
  | { kind: 'written'; anchor: AuditAnchor }
  /** Nothing was added since the last anchor. */
  | { kind: 'unchanged'; anchor: AuditAnchor }
  /** The trail has no entries yet. */
  | { kind: 'empty' }
  /** The entry the last anchor ended at is gone or altered: not anchored, so the loss stays visible. */
  | { kind: 'tail-missing'; anchor: AuditAnchor };

/**
 * Seals what is waiting, then writes an anchor of the chain's current end, unless nothing was added
 * since the last one. Cheap: the newest sealed entry carries its place in the chain, which is the
 * number of entries up to it. Holds the trail's lock for those few lookups, so the anchor sees a
 * whole chain.
 */
export async function writeAuditAnchor(db: Db, secret: string, now = new Date()): Promise<AnchorOutcome> {
  await sealAuditTrail(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
    const head = await chainHead(tx);
    const recent = await recentAnchors(tx);
    const base = recent.find((a) => isSignedWith(secret, a));
    if (base) {
      const [anchored] = await tx
        .select({ hash: auditEvents.hash, seq: auditEvents.seq })
        .from(auditEvents)
        .where(eq(auditEvents.id, base.headId));
      if (anchored?.hash !== base.headHash || anchored.seq !== base.entryCount) {
        return { kind: 'tail-missing', anchor: base };
      }
    }
    if (!head) return { kind: 'empty' };
    if (base && base === recent[0] && base.headId === head.id) return { kind: 'unchanged', anchor: base };
    const fields = { at: now, entryCount: head.seq, headId: head.id, headHash: head.hash };
    const anchor = { ...fields, signature: signatureOf(secret, fields) };
    await tx.insert(auditAnchors).values(anchor);
    return { kind: 'written', anchor };
  });
}

/** The log line of an anchor: numbers and hashes only, no personal data; `--anchor` takes the last part. */
export function anchorLogLine(anchor: AuditAnchor): string {
  return (
    `audit trail anchored: ${anchor.entryCount} ${anchor.entryCount === 1 ? 'entry' : 'entries'}, newest entry ${anchor.headId}, ` +
    `hash ${anchor.headHash}, signature ${anchor.signature} ` +
    `(check later with: npm run audit:verify -- --anchor ${anchor.entryCount}:${anchor.headHash})`
  );
}

/** An anchor kept outside the database, as `<count>:<hash>` from the log line. */
export interface GivenAnchor {
  entryCount: number;
  headHash: string;
}

export function parseAnchorArgument(text: string): GivenAnchor | null {
  const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(text.trim().toLowerCase());
  if (!match) return null;
  const entryCount = Number(match[1]);
  return entryCount > 0 ? { entryCount, headHash: match[2]! } : null;
}
