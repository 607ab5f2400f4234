import { doublePrecision, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A measure's figures for a closed month, stored once at month end so later corrections to
 * the records do not rewrite the past. One row per measure, month and scope (the whole service,
 * an area or a team); never overwritten.
 */
export const measureSnapshots = pgTable(
  'measure_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    measureId: text('measure_id').notNull(),
    /** 'YYYY-MM' */
    month: text('month').notNull(),
    /** service, area, team */
    scopeKind: text('scope_kind').notNull(),
    /** The area's or team's id; '' for the whole service. */
    scopeId: text('scope_id').notNull(),
    numerator: integer('numerator').notNull(),
    denominator: integer('denominator'),
    value: doublePrecision('value'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('measure_snapshots_unique_idx').on(t.measureId, t.month, t.scopeKind, t.scopeId)],
);
