import { asc, gt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { auditEvents } from './tables.ts';
import { GENESIS_HASH, entryHash } from './chain.ts';
import { isSignedWith, recentAnchors, type GivenAnchor } from './anchors.ts';
import { unsealedCount } from './seal.ts';

export { sealAuditTrail } from './seal.ts';

/** Who is acting and where: taken from the request (or a script) once, passed to every write. */
export interface Actor {
  userId: string | null;
  username: string | null;
  route: string | null;
  requestId: string | null;
  /** The records this request has written a view of (shared by its actors), so a page writes one view, not two. */
  viewed?: Set<string>;
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

/**
 * Appends an event to the audit trail. Call it with the transaction that makes the change,
 * so the change and its audit entry commit (or fail) together. Takes no lock: the entry is
 * chained a moment later by the sealer (`sealAuditTrail`), in the order entries commit.
 */
export async function recordAudit(db: DbOrTx, actor: Actor, event: AuditEvent): Promise<void> {
  await recordAudits(db, actor, [event]);
}

/**
 * Appends one event for each record a single change touched (each booking a cancelled session
 * cancels, each paper a meeting publishes), in one insert: so each record's own trail shows it.
 */
export async function recordAudits(db: DbOrTx, actor: Actor, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  for (const event of events) if (event.action === 'view') actor.viewed?.add(event.recordId);
  // One row per event from four arrays, each one parameter: a list page writes a view of each of
  // its 50 records, and building that insert row by row (500 parameters) took a fifth of the page.
  const column = (pick: (event: AuditEvent) => string | null) => sql.param(events.map(pick));
  await db.execute(sql`
    insert into audit_events (at, user_id, username, action, record_type, record_id, route, request_id, detail)
    select ${new Date().toISOString()}::timestamptz, ${actor.userId}::uuid, ${actor.username}::text, e.action,
      e.record_type, e.record_id, ${actor.route}::text, ${actor.requestId}::text, e.detail::jsonb
    from unnest(
      ${column((e) => e.action)}::text[], ${column((e) => e.recordType)}::text[],
      ${column((e) => e.recordId)}::text[], ${column((e) => (e.detail ? JSON.stringify(e.detail) : null))}::text[]
    ) with ordinality as e(action, record_type, record_id, detail, n)
    order by e.n`);
}

export interface VerifyOptions {
  /**
   * SESSION_SECRET: the trail is compared with the newest anchor signed with it, and newer anchors
   * not signed with it are reported. Without it, with the newest anchor, unchecked.
   */
  secret?: string;
  /** An anchor kept outside the database: `<count>:<hash>` from the log line. */
  given?: GivenAnchor;
  batchSize?: number;
}

/** An anchor the trail was compared with. */
export interface ComparedAnchor {
  source: 'database' | 'given';
  entryCount: number;
  /** The newest entry's id when anchored (only known for anchors in the database). */
  headId: number | null;
  headHash: string;
  at: Date | null;
}

export interface VerifyResult {
  /** Entries whose hash and link were checked, oldest first, up to the first broken one. */
  checked: number;
  /** The first entry that was altered or does not link to the one before it. */
  brokenAt: { id: number; reason: string } | null;
  /** The trail ends short of (or differs from) what an anchor recorded: its newest entries were removed. */
  missingTail: { afterId: number | null; reason: string } | null;
  /** What the trail was compared with. */
  anchors: ComparedAnchor[];
  /** Entries written but not yet chained by the sealer (Hearth seals them within a second while it runs). */
  unsealed: number;
  /** Anchors newer than the one compared with that are not signed with the secret (written by hand?). */
  unsignedAnchors: number;
}

function describeAnchor(a: ComparedAnchor): string {
  return a.source === 'database'
    ? `the anchor written at ${a.at?.toISOString()}`
    : `the anchor given (ending in hash ${a.headHash.slice(0, 12)}…)`;
}

function removedAfter(afterId: number | null): string {
  return afterId === null ? 'every entry was removed' : `entries after ${afterId} were removed`;
}

/**
 * Walks the whole chain in order and reports the first entry whose hash or link is wrong; then
 * compares it with the newest anchor (and an anchor given from outside the database): a chain
 * whose newest entries were deleted still links, but no longer reaches what the anchor recorded.
 */
export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<VerifyResult> {
  const batchSize = options.batchSize ?? 5_000;
  const recent = await recentAnchors(db);
  const newest = options.secret ? recent.findIndex((a) => isSignedWith(options.secret!, a)) : recent.length ? 0 : -1;
  const unsignedAnchors = newest === -1 ? recent.length : newest;
  const anchors: ComparedAnchor[] = [];
  const stored = recent[newest];
  if (stored) {
    anchors.push({
      source: 'database',
      entryCount: stored.entryCount,
      headId: stored.headId,
      headHash: stored.headHash,
      at: stored.at,
    });
  }
  if (options.given) {
    anchors.push({
      source: 'given',
      entryCount: options.given.entryCount,
      headId: null,
      headHash: options.given.headHash,
      at: null,
    });
  }
  const pending = new Set(anchors);
  const unsealed = await unsealedCount(db);
  const result = (
    brokenAt: VerifyResult['brokenAt'],
    missingTail: VerifyResult['missingTail'] = null,
  ): VerifyResult => ({ checked, brokenAt, missingTail, anchors, unsignedAnchors, unsealed });

  let prevHash = GENESIS_HASH;
  let lastId: number | null = null;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, lastSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prevHash !== prevHash || row.seq !== checked + 1) {
        return result({
          id: row.id,
          reason: 'does not link to the entry before it (an entry was removed or altered)',
        });
      }
      if (entryHash(prevHash, row) !== row.hash) {
        return result({ id: row.id, reason: 'its contents do not match its hash (the entry was altered)' });
      }
      prevHash = row.hash!;
      checked += 1;
      for (const anchor of pending) {
        if (checked !== anchor.entryCount) continue;
        if (row.hash !== anchor.headHash || (anchor.headId !== null && row.id !== anchor.headId)) {
          return result(null, {
            afterId: null,
            reason:
              `entries were removed or replaced at or before entry ${row.id}: the trail's ` +
              `${checked} entries up to it do not match ${describeAnchor(anchor)}, which counted ` +
              `${anchor.entryCount}` +
              (anchor.headId === null ? '' : ` up to entry ${anchor.headId}`),
          });
        }
        pending.delete(anchor);
      }
      lastId = row.id;
      lastSeq = row.seq!;
    }
  }
  for (const anchor of pending) {
    return result(null, {
      afterId: lastId,
      reason:
        `${removedAfter(lastId)}: the trail has ${checked} entries, but ${describeAnchor(anchor)} counted ` +
        `${anchor.entryCount}` +
        (anchor.headId === null ? '' : ` up to entry ${anchor.headId}`),
    });
  }
  return result(null);
}
