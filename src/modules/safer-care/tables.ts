import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';
import { households } from '../households/tables.ts';

/**
 * A household's safer-care plan, one row for each version agreed with the carers (labels.ts says
 * what a plan is). The newest version (by `agreed_on`) is the plan in force; the earlier ones stay as
 * the household's history. `review_by` is kept on write: 12 months after `agreed_on`.
 */
export const saferCarePlans = pgTable(
  'safer_care_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /** The day this version was agreed with the carers. */
    agreedOn: date('agreed_on').notNull(),
    /** 12 months after `agreed_on`: the day the plan is next due to be agreed again. */
    reviewBy: date('review_by').notNull(),
    /** labels.ts planReasons: first, yearly, child_placed, household_changed, after_concern */
    reason: text('reason').notNull(),
    /** labels.ts planAreas: the areas of family life this version sets out. */
    covers: text('covers').array().notNull(),
    /** What the plan says, or what changed in this version, in brief. */
    summary: text('summary').notNull(),
    /** The day the carers were given their copy of this version; null until they have it. */
    copyGivenOn: date('copy_given_on'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A household's versions, newest first; and its plan in force (the deadline's lookup).
    index('safer_care_plans_household_idx').on(t.householdId, t.agreedOn),
  ],
);
