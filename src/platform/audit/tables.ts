import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * The append-only audit trail. Triggers (migration 0001, made to fire always by 0009, narrowed by
 * 0024) refuse UPDATE, DELETE and TRUNCATE, even under session_replication_role = replica; the one
 * change allowed is sealing: giving an entry written without them its place in the chain (`seq`),
 * `prev_hash` and `hash`, once, its own fields unchanged.
 * A request writes its entries without a lock; the sealer (`sealAuditTrail`, a second after, in
 * the background) chains them in the order they committed. Each sealed row's hash covers its
 * fields and the previous row's hash, so any later edit breaks the chain.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    userId: uuid('user_id'),
    username: text('username'),
    action: text('action').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    route: text('route'),
    requestId: text('request_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    /** The entry's place in the chain, 1, 2, 3 … with no gaps; null until sealed. */
    seq: bigint('seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    uniqueIndex('audit_events_seq_idx').on(t.seq),
    index('audit_events_unsealed_idx')
      .on(t.id)
      .where(sql`${t.seq} is null`),
    index('audit_events_record_idx').on(t.recordType, t.recordId, t.id),
    index('audit_events_user_idx').on(t.userId, t.id),
  ],
);

/**
 * Anchors of the audit trail: the number of entries, the newest entry's id and its hash, written at
 * start-up and every few minutes, each signed (HMAC with SESSION_SECRET). Removing the newest entries
 * of a hash chain leaves a shorter chain that still links; an anchor records how far the chain
 * reached, so `npm run audit:verify` notices a missing tail. Append-only like the trail (migration 0009).
 */
export const auditAnchors = pgTable('audit_anchors', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  entryCount: bigint('entry_count', { mode: 'number' }).notNull(),
  headId: bigint('head_id', { mode: 'number' }).notNull(),
  headHash: text('head_hash').notNull(),
  signature: text('signature').notNull(),
});
