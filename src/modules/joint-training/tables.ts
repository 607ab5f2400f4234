import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';
import { panelMembers } from '../panel/tables.ts';

/**
 * A joint training day (business plan action 10.2: a yearly joint training day or conference for all
 * fostering staff and panel members, "learning to be measured through evaluation"): the day, its
 * title and theme, where it was and who organised it. Recorded by the head of fostering or the
 * training coordinator; only this module writes these tables.
 */
export const jointTrainingDays = pgTable(
  'joint_training_days',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    /** What the day focused on ("Safeguarding and robust recommendations at panel"). */
    theme: text('theme').notNull(),
    place: text('place').notNull(),
    /** Who organised it, in words (a person, a team or a trainer from outside). */
    organisedBy: text('organised_by').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('joint_training_days_held_on_idx').on(t.heldOn)],
);

/**
 * Someone who attended a joint training day: exactly one of a member of the fostering staff (their
 * account) or a member of the panel's central list (who may have no account).
 */
export const jointTrainingAttendance = pgTable(
  'joint_training_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dayId: uuid('day_id')
      .notNull()
      .references(() => jointTrainingDays.id),
    userId: uuid('user_id').references(() => users.id),
    panelMemberId: uuid('panel_member_id').references(() => panelMembers.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('joint_training_attendance_one_person', sql`num_nonnulls(${t.userId}, ${t.panelMemberId}) = 1`),
    uniqueIndex('joint_training_attendance_day_user_idx')
      .on(t.dayId, t.userId)
      .where(sql`${t.userId} is not null`),
    uniqueIndex('joint_training_attendance_day_panel_member_idx')
      .on(t.dayId, t.panelMemberId)
      .where(sql`${t.panelMemberId} is not null`),
    // The measures: who attended in the 12 months, by person.
    index('joint_training_attendance_user_idx').on(t.userId),
    index('joint_training_attendance_panel_member_idx').on(t.panelMemberId),
  ],
);

/**
 * An attendee's evaluation of the day: their confidence on the day's theme before and after (1 to
 * 5), how useful the day was (1 to 5) and what they will do differently. Given by the attendee
 * themselves, or entered by the head of fostering or the training coordinator from a paper form.
 */
export const jointTrainingEvaluations = pgTable(
  'joint_training_evaluations',
  {
    attendanceId: uuid('attendance_id')
      .primaryKey()
      .references(() => jointTrainingAttendance.id),
    confidenceBefore: integer('confidence_before').notNull(),
    confidenceAfter: integer('confidence_after').notNull(),
    usefulness: integer('usefulness').notNull(),
    willDoDifferently: text('will_do_differently').notNull(),
    /** Entered from the attendee's paper form by someone else. */
    fromPaper: boolean('from_paper').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('joint_training_evaluations_before', sql`${t.confidenceBefore} between 1 and 5`),
    check('joint_training_evaluations_after', sql`${t.confidenceAfter} between 1 and 5`),
    check('joint_training_evaluations_usefulness', sql`${t.usefulness} between 1 and 5`),
  ],
);
