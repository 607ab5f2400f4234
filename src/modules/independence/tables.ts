import { date, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';
import { children } from '../children/tables.ts';

/**
 * A young person's independence checklist (business plan Target 11, action 11.2: part of their
 * review from 15½, completed by 17½; NMS 12.1): one per child, from the day it was started. It is
 * completed when every skill area is done (`completed_on` the day the last area was done, how
 * 'all-areas') or on a day the social worker records (how 'recorded', with a note).
 */
export const independenceChecklists = pgTable('independence_checklists', {
  id: uuid('id').primaryKey().defaultRandom(),
  childId: uuid('child_id')
    .notNull()
    .unique()
    .references(() => children.id),
  startedOn: date('started_on').notNull(),
  completedOn: date('completed_on'),
  /** labels.ts completionWays: all-areas, recorded; null while not completed. */
  completedHow: text('completed_how'),
  /** Why it was recorded as completed with areas still not done (optional). */
  completionNote: text('completion_note'),
  startedBy: uuid('started_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A skill area of a checklist recorded as done: on what day, and who confirmed it (in words: "the
 * young person and their foster carer, at the review"). An area not done has no row. The areas
 * are a fixed list in code (labels.ts skillAreas), stored by key.
 */
export const independenceChecklistAreas = pgTable(
  'independence_checklist_areas',
  {
    checklistId: uuid('checklist_id')
      .notNull()
      .references(() => independenceChecklists.id),
    /** labels.ts skillAreas: a key. */
    area: text('area').notNull(),
    doneOn: date('done_on').notNull(),
    confirmedBy: text('confirmed_by').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.checklistId, t.area] })],
);
