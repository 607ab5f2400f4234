import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';
import { children } from '../children/tables.ts';
import { households } from '../households/tables.ts';
import { placements } from '../placements/tables.ts';

/**
 * An episode of a child missing from a foster placement with the service's carers (business plan
 * 2016, Target 2: the Child Missing from Care report as the indicator of whether fewer children go
 * missing; statutory guidance on children who run away or go missing from home or care, 2014): the
 * day the child was found missing, whether the police were told, the day they came back, and the
 * independent return interview offered (within 72 hours of the return), held or declined. One open
 * (not yet returned) at a time per child. The household is the placement's, kept for scope and counts.
 */
export const missingEpisodes = pgTable(
  'missing_episodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    placementId: uuid('placement_id')
      .notNull()
      .references(() => placements.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    missingOn: date('missing_on').notNull(),
    reportedToPolice: boolean('reported_to_police').notNull(),
    /** What was known when it was recorded (where the child might be, who was told): optional. */
    circumstances: text('circumstances'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    returnedOn: date('returned_on'),
    /** Where the child was found or came back from, and anything learned: optional. */
    returnNote: text('return_note'),
    returnRecordedBy: uuid('return_recorded_by').references(() => users.id),
    /**
     * The independent return interview: offered on, then held on or declined by the child; or not
     * offered, and why (the child was moved out of the area, is in hospital ...), which ends its deadline.
     */
    interviewOfferedOn: date('interview_offered_on'),
    interviewHeldOn: date('interview_held_on'),
    interviewDeclined: boolean('interview_declined').notNull().default(false),
    interviewNotOfferedReason: text('interview_not_offered_reason'),
    interviewRecordedBy: uuid('interview_recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('missing_episodes_one_open_idx')
      .on(t.childId)
      .where(sql`returned_on is null`),
    index('missing_episodes_child_idx').on(t.childId, t.missingOn),
    // The measures: episodes by the day they began, and by the day the child came back.
    index('missing_episodes_missing_on_idx').on(t.missingOn),
    index('missing_episodes_returned_on_idx').on(t.returnedOn),
    index('missing_episodes_household_idx').on(t.householdId),
    // The dates in order, whatever writes them.
    check('missing_episodes_returned_after', sql`returned_on is null or returned_on >= missing_on`),
    check(
      'missing_episodes_offered_after',
      sql`interview_offered_on is null or (returned_on is not null and interview_offered_on >= returned_on)`,
    ),
    check(
      'missing_episodes_held_after',
      sql`interview_held_on is null or (interview_offered_on is not null and interview_held_on >= interview_offered_on)`,
    ),
  ],
);
