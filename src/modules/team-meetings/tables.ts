import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teams, users } from '../../platform/auth/tables.ts';

/**
 * Learning from serious case reviews (business plan action 10.1: "To use Serious Case Reviews to
 * inform our practice and learn across the service"). A short list kept by the head of fostering of
 * the published reviews the service learns from: what it is called, who published it and when, the
 * published report's address, and its learning for fostering. A published review only: nothing
 * that identifies a child of the service is held here.
 */
export const seriousCaseReviews = pgTable(
  'serious_case_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    /** Who published it: a safeguarding children partnership, the national panel ... */
    publishedBy: text('published_by').notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    /** The published report's web address (http or https). */
    link: text('link').notNull(),
    /** A summary of its learning for fostering. */
    learning: text('learning').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('serious_case_reviews_published_idx').on(t.publishedOn),
    check('serious_case_reviews_link_web', sql`${t.link} ~ '^https?://'`),
  ],
);

/**
 * A team meeting where a serious case review was discussed (action 10.1: "Team Managers to use
 * Serious Case Reviews in Team Meetings"): the team, the day, who chaired and how many attended
 * (and who, when noted), which review, and what the team took from it.
 */
export const teamMeetings = pgTable(
  'team_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    chairedBy: uuid('chaired_by')
      .notNull()
      .references(() => users.id),
    attended: integer('attended').notNull(),
    /** Who attended, when the team manager notes it. */
    attendees: text('attendees'),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => seriousCaseReviews.id),
    /** What the team took from the review for its own practice. */
    learning: text('learning').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A team's meetings, the latest first; the measure and the clock: a team's meetings in a quarter.
    index('team_meetings_team_held_idx').on(t.teamId, t.heldOn),
    // A review's page: the teams that discussed it.
    index('team_meetings_review_held_idx').on(t.reviewId, t.heldOn),
    check('team_meetings_attended', sql`${t.attended} between 1 and 500`),
  ],
);

/** An action for the team from a meeting: what, whose (a member of the team), by when, and when done. */
export const teamMeetingActions = pgTable(
  'team_meeting_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => teamMeetings.id),
    action: text('action').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    doneBy: uuid('done_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('team_meeting_actions_meeting_idx').on(t.meetingId),
    index('team_meeting_actions_owner_idx').on(t.ownerId),
    check('team_meeting_actions_done_by', sql`(${t.doneOn} is null) = (${t.doneBy} is null)`),
  ],
);

/**
 * The monthly extended team manager fostering meeting, service-wide, chaired by the head of
 * fostering (action 10.1: "Reflective practice and learning will be included on agenda for all
 * extended team manager fostering meetings (monthly)"): the day, whether reflective practice and
 * learning were on the agenda, the learning discussed, and the serious case review when one was.
 */
export const extendedMeetings = pgTable(
  'extended_team_manager_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    reflectivePractice: boolean('reflective_practice').notNull(),
    learning: text('learning').notNull(),
    reviewId: uuid('review_id').references(() => seriousCaseReviews.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('extended_team_manager_meetings_held_idx').on(t.heldOn)],
);
