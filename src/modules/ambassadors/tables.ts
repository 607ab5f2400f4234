import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';
import { carers, households } from '../households/tables.ts';

/**
 * A carer who is a Carer Ambassador (business plan action 3.2: "30 Carer Ambassadors recruited"):
 * an experienced carer who speaks for fostering at recruitment events and to people thinking of
 * fostering, supports applicants and new carers, and carries the service's learning to other
 * carers. From the day they started until the day they stopped (null while they are one). The
 * household is the carer's, kept beside them for the scope and the measures.
 */
export const carerAmbassadors = pgTable(
  'carer_ambassadors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    carerId: uuid('carer_id')
      .notNull()
      .references(() => carers.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    /**
     * Why it ended when it ended with a change to the household, not by hand: 'carer-left' or
     * 'approval-ended'. That change undone reopens it (null when stopped by hand, or still one).
     */
    endedBy: text('ended_by'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A carer is an ambassador once at a time.
    uniqueIndex('carer_ambassadors_open_idx')
      .on(t.carerId)
      .where(sql`ended_on is null`),
    index('carer_ambassadors_household_idx').on(t.householdId, t.startedOn),
    // The measure: the ambassadors on a day.
    index('carer_ambassadors_started_idx').on(t.startedOn),
  ],
);

/** Something a Carer Ambassador did for the service on a day: an event, a talk, support for a new carer. */
export const ambassadorActivities = pgTable(
  'ambassador_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ambassadorId: uuid('ambassador_id')
      .notNull()
      .references(() => carerAmbassadors.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    onDate: date('on_date').notNull(),
    /** labels.ts activityKinds. */
    kind: text('kind').notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ambassador_activities_household_idx').on(t.householdId, t.onDate),
    index('ambassador_activities_ambassador_idx').on(t.ambassadorId),
    // The measure: the activities of a month.
    index('ambassador_activities_on_idx').on(t.onDate),
  ],
);
