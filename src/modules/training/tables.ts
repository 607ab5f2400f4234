import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';
import { children } from '../children/tables.ts';
import { carers, households } from '../households/tables.ts';

/**
 * A course on the carers' training calendar. `mandatoryFor` says who must attend it and so makes
 * a requirement (training/due.ts): new carers (core training, within the first year of approval),
 * carers with a child aged 11 or over placed, carers of a disabled child.
 */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    /** core, tsd, safeguarding, cse_missing, allegations, lgbt, placement_stability, transitions, first_aid, disability, other */
    category: text('category').notNull(),
    description: text('description'),
    /** Length of the course in hours (3.5 = half a day). */
    hours: numeric('hours', { precision: 4, scale: 1 }).notNull(),
    /** none, new_carers, child_11_plus, child_disability */
    mandatoryFor: text('mandatory_for').notNull().default('none'),
    /** A withdrawn course keeps its history but takes no new sessions and makes no requirement. */
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_courses_category_idx').on(t.category),
    index('training_courses_mandatory_idx').on(t.mandatoryFor),
  ],
);

/** A session of a course: when, where (or online), how many places, who trains. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    startsOn: date('starts_on').notNull(),
    /** The last day, for a course over more than one day (the same as startsOn otherwise). */
    endsOn: date('ends_on').notNull(),
    /** 24-hour start time, '10:00'. */
    startTime: text('start_time'),
    /** in_person, online */
    format: text('format').notNull(),
    /** The venue, or the name of the online meeting service. */
    place: text('place').notNull(),
    capacity: integer('capacity').notNull(),
    trainer: text('trainer').notNull(),
    /** scheduled, cancelled */
    status: text('status').notNull().default('scheduled'),
    cancelledReason: text('cancelled_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_sessions_starts_idx').on(t.startsOn),
    index('training_sessions_course_idx').on(t.courseId, t.startsOn),
    check('training_sessions_dates', sql`${t.endsOn} >= ${t.startsOn}`),
    check('training_sessions_capacity', sql`${t.capacity} > 0`),
    // The pairs a booking keeps a copy of the session's date and course by (training_bookings).
    unique('training_sessions_id_starts_on_key').on(t.id, t.startsOn),
    unique('training_sessions_id_course_key').on(t.id, t.courseId),
  ],
);

/**
 * Places on a session taken by another organisation (business plan action 2.1: spare places offered
 * to supported lodgings providers such as Catch22, or sold to independent fostering agencies, to
 * bring in income): who, how many places, and the charge for each (0 when offered free). They count
 * against the session's places, as carers' bookings do.
 */
export const trainingOtherPlaces = pgTable(
  'training_other_places',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    organisation: text('organisation').notNull(),
    /** labels.ts otherOrganisationKinds. */
    kind: text('kind').notNull(),
    places: integer('places').notNull(),
    /** The charge for each place, in whole pence; 0 when the places were offered free. */
    pencePerPlace: integer('pence_per_place').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_other_places_session_idx').on(t.sessionId),
    check('training_other_places_places', sql`${t.places} > 0`),
    check('training_other_places_charge', sql`${t.pencePerPlace} >= 0`),
  ],
);

/**
 * A carer's place on a session: booked (from the portal or by staff) or cancelled, and once the
 * session has been held, whether they attended. One row per carer and session: booking again
 * after a cancellation reopens it.
 */
export const trainingBookings = pgTable(
  'training_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    carerId: uuid('carer_id')
      .notNull()
      .references(() => carers.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /**
     * The session's first day, kept on the booking so a carer's training dates are read from their
     * bookings alone (the training measures, over every carer). The foreign key below holds it to
     * the session's and carries any change of the session's date to its bookings.
     */
    sessionStartsOn: date('session_starts_on').notNull(),
    /**
     * The session's course, kept on the booking for the same reason: the measures that ask which
     * courses a carer attended (core training, TSD) read the bookings and the courses, not every
     * session (core training within the first year: 270 to 130 ms at national scale). Held to the
     * session's by the foreign key below.
     */
    sessionCourseId: uuid('session_course_id').notNull(),
    /** booked, cancelled */
    status: text('status').notNull(),
    /** portal, staff */
    bookedVia: text('booked_via').notNull(),
    bookedBy: uuid('booked_by').references(() => users.id),
    bookedAt: timestamp('booked_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /**
     * 'carer-left' when the place was given up because the carer left the household, not by a
     * person: the leaving cleared (recorded in error) books it again while the session is to come.
     */
    cancelledBy: text('cancelled_by'),
    /** Null until the register is taken: attended, absent. */
    attendance: text('attendance'),
    attendanceBy: uuid('attendance_by').references(() => users.id),
    attendanceAt: timestamp('attendance_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('training_bookings_session_carer_idx').on(t.sessionId, t.carerId),
    index('training_bookings_carer_idx').on(t.carerId),
    // A household's training year (its annual review, its training page).
    index('training_bookings_household_idx').on(t.householdId),
    index('training_bookings_attended_idx')
      .on(t.carerId, t.sessionId)
      .where(sql`${t.attendance} = 'attended'`),
    // Each carer's training dates, first and last, and the courses attended, without reading the sessions.
    index('training_bookings_attended_on_idx')
      .on(t.carerId, t.sessionStartsOn, t.sessionCourseId)
      .where(sql`${t.attendance} = 'attended'`),
    foreignKey({
      name: 'training_bookings_session_starts_on_fk',
      columns: [t.sessionId, t.sessionStartsOn],
      foreignColumns: [trainingSessions.id, trainingSessions.startsOn],
    }).onUpdate('cascade'),
    foreignKey({
      name: 'training_bookings_session_course_fk',
      columns: [t.sessionId, t.sessionCourseId],
      foreignColumns: [trainingSessions.id, trainingSessions.courseId],
    }).onUpdate('cascade'),
  ],
);

/**
 * The date a carer's Training, Support and Development standards were evidenced, as recorded by
 * their worker (attending a session of a TSD course evidences them too: see training/sql.ts).
 */
export const tsdEvidence = pgTable('tsd_evidence', {
  carerId: uuid('carer_id')
    .primaryKey()
    .references(() => carers.id),
  evidencedOn: date('evidenced_on').notNull(),
  notes: text('notes'),
  recordedBy: uuid('recorded_by').references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A carer's personal development plan, one row per version: started at assessment, reviewed at
 * each annual review (a new version); the latest is the current one until its review date.
 */
export const developmentPlans = pgTable(
  'development_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    carerId: uuid('carer_id')
      .notNull()
      .references(() => carers.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /** The date agreed with the carer. */
    agreedOn: date('agreed_on').notNull(),
    /** assessment, annual_review, other */
    occasion: text('occasion').notNull(),
    goals: text('goals').notNull(),
    trainingToDo: text('training_to_do').notNull(),
    support: text('support').notNull(),
    /** Reviewed by: 12 months after it was agreed unless set earlier. */
    reviewBy: date('review_by').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A carer's plans, latest first, holding the review date: each carer's current plan is read
    // from the index alone (the PDP measure looks up every approved carer's).
    index('development_plans_carer_latest_idx').on(t.carerId, t.agreedOn.desc(), t.createdAt.desc(), t.reviewBy),
    index('development_plans_household_idx').on(t.householdId, t.agreedOn),
  ],
);

/** A participation event for carers, children and young people, or both (Target 1.1). */
export const participationEvents = pgTable(
  'participation_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    /** carers, children, both */
    audience: text('audience').notNull(),
    /** young_peoples_council, fostering_team, carers_association, virtual_school */
    organiser: text('organiser').notNull(),
    heldOn: date('held_on').notNull(),
    /** The last day: an event over a weekend counts its days. */
    endsOn: date('ends_on').notNull(),
    place: text('place').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('participation_events_held_idx').on(t.heldOn),
    check('participation_events_dates', sql`${t.endsOn} >= ${t.heldOn}`),
  ],
);

/** Who attended an event: a carer or a child, once each. */
export const participationAttendance = pgTable(
  'participation_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => participationEvents.id),
    carerId: uuid('carer_id').references(() => carers.id),
    childId: uuid('child_id').references(() => children.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('participation_attendance_carer_idx').on(t.eventId, t.carerId),
    uniqueIndex('participation_attendance_child_idx').on(t.eventId, t.childId),
    index('participation_attendance_carer_only_idx').on(t.carerId),
    index('participation_attendance_child_only_idx').on(t.childId),
    check('participation_attendance_one', sql`(${t.carerId} is null) <> (${t.childId} is null)`),
  ],
);
