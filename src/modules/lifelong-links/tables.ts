import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';
import { children } from '../children/tables.ts';

/**
 * A child's Lifelong Links work (business plan action 7.4; Family Rights Group's model, run with
 * Family Group Conferencing): finding the relatives and other adults who matter to the child,
 * bringing them together at a family network meeting and agreeing a plan for the child's lasting
 * relationships. A child may have more than one over time, one open at a time (the partial unique
 * index). Each step keeps its date and who recorded it; a step not reached yet is null.
 */
export const lifelongLinks = pgTable(
  'lifelong_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** The day the child was identified for the work; the account that recorded it. */
    identifiedOn: date('identified_on').notNull(),
    identifiedBy: uuid('identified_by').references(() => users.id),
    /** The Family Group Conferencing worker coordinating it (free text: they may not use Hearth). */
    coordinator: text('coordinator'),
    /** The child's agreement: the day they agreed, or why they were not asked (labels.ts notAskedReasons). */
    agreedOn: date('agreed_on'),
    notAskedReason: text('not_asked_reason'),
    agreementRecordedBy: uuid('agreement_recorded_by').references(() => users.id),
    /** People who matter found so far, and of them contacted: counts updated as the work goes on. */
    peopleFound: integer('people_found').notNull().default(0),
    peopleContacted: integer('people_contacted').notNull().default(0),
    peopleRecordedBy: uuid('people_recorded_by').references(() => users.id),
    peopleRecordedAt: timestamp('people_recorded_at', { withTimezone: true }),
    /** The family network meeting: the day it was held. */
    meetingOn: date('meeting_on'),
    meetingRecordedBy: uuid('meeting_recorded_by').references(() => users.id),
    /** The plan agreed for the child's lasting relationships: the day and a short note of it. */
    planAgreedOn: date('plan_agreed_on'),
    planNote: text('plan_note'),
    planRecordedBy: uuid('plan_recorded_by').references(() => users.id),
    /** Ended: the day, why (labels.ts endReasons) and a note (required for 'other'). */
    endedOn: date('ended_on'),
    endReason: text('end_reason'),
    endNote: text('end_note'),
    endedBy: uuid('ended_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('lifelong_links_one_open_idx')
      .on(t.childId)
      .where(sql`ended_on is null`),
    index('lifelong_links_child_idx').on(t.childId, t.identifiedOn),
    // The children joining in a year, and the work ended in twelve months (the measures).
    index('lifelong_links_identified_idx').on(t.identifiedOn),
    index('lifelong_links_ended_idx').on(t.endedOn),
  ],
);
