import {
  boolean,
  date,
  doublePrecision,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * A measure's figures for a month, one row per measure, month and scope (the whole service, an
 * area or a team). A closed month's snapshot is stored once at month end so later corrections to
 * the records do not rewrite the past: never overwritten. Beside them, `provisional` rows hold the
 * latest count of a month with no snapshot yet (the current month), counted again in the server's
 * background when they are a few minutes old, out of date (a change to the records they count), or
 * of another day, so the scorecard page is one read.
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
    /** True for a count of a month not yet snapshotted (replaced by the next count or the snapshot). */
    provisional: boolean('provisional').notNull().default(false),
    /** The day the figures were counted as at (the month's last day, or today while it runs). */
    asAt: date('as_at'),
    /** A provisional count the records have changed under since: shown, and counted again soon. */
    outOfDate: boolean('out_of_date').notNull().default(false),
    /**
     * Set with `outOfDate` by a change to the records, cleared when a count of them begins: still
     * set when the count is stored, the change came during the count, which may have missed it.
     */
    changed: boolean('changed').notNull().default(false),
  },
  (t) => [uniqueIndex('measure_snapshots_unique_idx').on(t.measureId, t.month, t.scopeKind, t.scopeId)],
);
