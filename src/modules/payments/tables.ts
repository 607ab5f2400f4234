import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';
import { placements } from '../placements/tables.ts';

/**
 * A set of published rates for carers (NMS 28; business plan Target 6, action 6.1: reviewed at the
 * start of each financial year and published), in force from `effective_from` until the next set.
 * Amounts are whole pence: the weekly allowance for a child of each age band (the DfE national
 * minimum allowance bands), the weekly fee for each skill level, and the hourly day-care rate with
 * the recommended Living Wage it is measured against.
 */
export const paymentRates = pgTable('payment_rates', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The day the rates are in force from; one set a day (the unique index also finds the set in force). */
  effectiveFrom: date('effective_from').notNull().unique(),
  allowance0To4: integer('allowance_0_4').notNull(),
  allowance5To10: integer('allowance_5_10').notNull(),
  allowance11To15: integer('allowance_11_15').notNull(),
  allowance16To17: integer('allowance_16_17').notNull(),
  feeLevel1: integer('fee_level_1').notNull(),
  feeLevel2: integer('fee_level_2').notNull(),
  feeLevel3: integer('fee_level_3').notNull(),
  dayCareHourly: integer('day_care_hourly').notNull(),
  livingWageHourly: integer('living_wage_hourly').notNull(),
  recordedBy: uuid('recorded_by').references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A disability enhancement for a child's placement: the weekly amount for the child's assessed
 * level of need, agreed at the funding panel and reviewed yearly (`reviewDueOn`, agreed_on plus 12
 * months, kept on write). A review is a new agreement: the one it replaces is ended on the new
 * agreement's date, so the history stays and one agreement is current (`ended_on` null) per placement.
 */
export const paymentEnhancements = pgTable(
  'payment_enhancements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placementId: uuid('placement_id')
      .notNull()
      .references(() => placements.id),
    weeklyAmount: integer('weekly_amount').notNull(),
    /** labels.ts needLevels: moderate, high, complex */
    levelOfNeed: text('level_of_need').notNull(),
    /** The date of the funding panel's decision. */
    agreedOn: date('agreed_on').notNull(),
    reviewDueOn: date('review_due_on').notNull(),
    /** Replaced by a later agreement (its date), or stopped; null while current. */
    endedOn: date('ended_on'),
    notes: text('notes'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One current agreement per placement.
    uniqueIndex('payment_enhancements_current_idx')
      .on(t.placementId)
      .where(sql`${t.endedOn} is null`),
    // The current list in review order, and the rule's and measure's reads.
    index('payment_enhancements_review_idx')
      .on(t.reviewDueOn, t.placementId)
      .where(sql`${t.endedOn} is null`),
    // A placement's agreements, newest first (its history), and the measure's "current at the month's end".
    index('payment_enhancements_placement_idx').on(t.placementId, t.agreedOn, t.endedOn),
  ],
);
