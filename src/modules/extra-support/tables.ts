import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';
import { children } from '../children/tables.ts';
import { households } from '../households/tables.ts';

/**
 * A hub family (business plan action 7.3): an experienced approved household that supports 3 or 4
 * other carers of young people with complex needs in its area, with emergency and ongoing support.
 * From the day it starts until the day it stops (null while it is a hub family).
 */
export const hubFamilies = pgTable(
  'hub_families',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    /** 'approval-ended' when the household's approval ended it, not a person: undoing that reopens it. */
    endedBy: text('ended_by'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A household is a hub family once at a time.
    uniqueIndex('hub_families_open_idx')
      .on(t.householdId)
      .where(sql`ended_on is null`),
    index('hub_families_household_idx').on(t.householdId, t.startedOn),
  ],
);

/** A household supported by a hub family, from a day until a day (null while it lasts). */
export const hubLinks = pgTable(
  'hub_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hubFamilyId: uuid('hub_family_id')
      .notNull()
      .references(() => hubFamilies.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    /**
     * When a change to a household ended it, not a person: 'approval-ended' (the supported
     * household's approval ended) or 'hub-approval-ended' (its hub family's did, which ended the
     * support it gave). Undoing that change reopens it.
     */
    endedBy: text('ended_by'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A household has one hub family at a time.
    uniqueIndex('hub_links_open_idx')
      .on(t.householdId)
      .where(sql`ended_on is null`),
    index('hub_links_household_idx').on(t.householdId, t.startedOn),
    index('hub_links_hub_idx').on(t.hubFamilyId, t.endedOn),
  ],
);

/**
 * A break at an outdoor activity centre (business plan action 7.3: day and residential weekends at
 * Swattenden and Bewl Water, a break for carers and new experiences for the children).
 */
export const activityBreaks = pgTable(
  'activity_breaks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /** labels.ts centres. */
    centre: text('centre').notNull(),
    /** labels.ts breakKinds: a day, or a residential weekend. */
    kind: text('kind').notNull(),
    fromOn: date('from_on').notNull(),
    toOn: date('to_on').notNull(),
    /** How many children went. */
    children: integer('children').notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activity_breaks_household_idx').on(t.householdId, t.fromOn),
    // The measure: the breaks of a month.
    index('activity_breaks_from_idx').on(t.fromOn),
  ],
);

/**
 * A request for clinical psychology support for a household (and a child placed there), emergency
 * or planned (business plan action 7.3: the emergency clinical psychology service that replaced the
 * therapeutic support). An emergency request's first session is due within a few working days
 * (labels.ts, local rule): `due_on`, kept on write; null for a planned one.
 */
export const psychologyRequests = pgTable(
  'psychology_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    childId: uuid('child_id').references(() => children.id),
    requestedOn: date('requested_on').notNull(),
    /** labels.ts urgencies. */
    urgency: text('urgency').notNull(),
    reason: text('reason').notNull(),
    dueOn: date('due_on'),
    firstSessionOn: date('first_session_on'),
    endedOn: date('ended_on'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('psychology_requests_household_idx').on(t.householdId, t.requestedOn),
    index('psychology_requests_child_idx').on(t.childId),
    // The measure: the emergency requests whose first session was due in a month.
    index('psychology_requests_due_idx').on(t.dueOn),
  ],
);
