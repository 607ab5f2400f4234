import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';
import { households } from '../households/tables.ts';

/**
 * A call from a fostering household to the out-of-hours service (business plan action 7.2: each area
 * runs an out-of-hours service for its carers from 5pm to midnight on weekdays and at weekends and
 * bank holidays, backed by the County Out of Hours team after midnight; NMS 21.3): when, who called
 * and who answered, what it was about, what was done, and a short note for the day team.
 */
export const outOfHoursCalls = pgTable(
  'out_of_hours_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    calledOn: date('called_on').notNull(),
    /** The time of the call, 24-hour "21:30" (London). */
    calledAt: text('called_at').notNull(),
    /** labels.ts callers: carer, young-person, police, other. */
    caller: text('caller').notNull(),
    /** labels.ts answerers: area (the area's fostering out-of-hours worker), county (County Out of Hours). */
    answeredBy: text('answered_by').notNull(),
    /** labels.ts reasons. */
    reason: text('reason').notNull(),
    /** labels.ts outcomes. */
    outcome: text('outcome').notNull(),
    note: text('note').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('out_of_hours_calls_household_idx').on(t.householdId, t.calledOn),
    // The measures and the list: the calls of a month.
    index('out_of_hours_calls_called_on_idx').on(t.calledOn),
  ],
);
