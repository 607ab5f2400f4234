/**
 * The fostering panel: its central list of members, its meetings and who sat, the agenda items,
 * their papers (stored in the database, opened only through an access check), the panel's
 * recommendation on each item and the agency decision maker's decision on it.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns.ts';
import type { HouseholdBefore } from '../../platform/modules/panel-business.ts';
import { users } from '../../platform/auth/tables.ts';
import { households } from '../households/tables.ts';

/** The central list of panel members (labels.ts names the roles). */
export const panelMembers = pgTable(
  'panel_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** chair, vice_chair, social_worker, independent, care_experienced, medical_adviser, panel_adviser */
    role: text('role').notNull(),
    /** The member's own Hearth account (role panel_member), through which they read papers. */
    userId: uuid('user_id').references(() => users.id),
    joinedOn: date('joined_on').notNull(),
    trainingOn: date('training_on'),
    dbsOn: date('dbs_on'),
    appraisalOn: date('appraisal_on'),
    /** Notice given to leave, and the day they leave the list. */
    noticeOn: date('notice_on'),
    leavesOn: date('leaves_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One member on the list per account: the account reads the papers as that member.
  (t) => [
    uniqueIndex('panel_members_user_idx')
      .on(t.userId)
      .where(sql`${t.userId} is not null`),
  ],
);

export const panelMeetings = pgTable(
  'panel_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetsOn: date('meets_on').notNull(),
    place: text('place').notNull(),
    online: boolean('online').notNull().default(false),
    /** 5 working days before the meeting: the day papers are due to its members (kept on write). */
    papersDueOn: date('papers_due_on').notNull(),
    /** The chair's signature of the minutes: papers close to members from then on. */
    minutesSignedOn: date('minutes_signed_on'),
    minutesSignedBy: uuid('minutes_signed_by').references(() => panelMembers.id),
    minutes: text('minutes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('panel_meetings_meets_on_idx').on(t.meetsOn)],
);

/** The members sitting on a meeting (they alone read its papers). */
export const panelAttendance = pgTable(
  'panel_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => panelMeetings.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => panelMembers.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] })],
);

/** An agenda item and the panel's recommendation on it. */
export const panelItems = pgTable(
  'panel_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => panelMeetings.id),
    /** approval, first_review, change_of_terms, deregistration, standards_of_care, skills_level, exemption */
    kind: text('kind').notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /** The record the item comes from: an annual review or an allegation. */
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
    /** Terms proposed (approval, change of terms). */
    places: integer('places'),
    ageMin: integer('age_min'),
    ageMax: integer('age_max'),
    careType: text('care_type'),
    /** The skills level proposed (2 Skilled or 3 Advanced), for a skills level item. */
    skillLevel: integer('skill_level'),
    /** approve, not_approve, with_terms */
    recommendation: text('recommendation'),
    reasons: text('reasons'),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    votesAbstaining: integer('votes_abstaining'),
    recommendedBy: uuid('recommended_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('panel_items_meeting_idx').on(t.meetingId), index('panel_items_household_idx').on(t.householdId)],
);

/** A paper for an agenda item: PDF or Word only, quality-assured by a team manager, then published. */
export const panelPapers = pgTable(
  'panel_papers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => panelItems.id),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    /** Target 10.2: who quality-assured it, when, and the outcome (accepted, returned). */
    qaBy: uuid('qa_by').references(() => users.id),
    qaOn: date('qa_on'),
    qaOutcome: text('qa_outcome'),
    qaNotes: text('qa_notes'),
    publishedOn: date('published_on'),
  },
  (t) => [index('panel_papers_item_idx').on(t.itemId)],
);

/** The agency decision maker's decision on a recommendation, and the letters to the applicant. */
export const agencyDecisions = pgTable(
  'agency_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id').references(() => panelItems.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /** approve, not_approve, change_of_terms, deregister, noted */
    outcome: text('outcome').notNull(),
    agrees: boolean('agrees').notNull(),
    reasons: text('reasons').notNull(),
    /** The day the recommendation and signed minutes reached the decision maker, and 7 working days on. */
    receivedOn: date('received_on'),
    dueOn: date('due_on'),
    decidedOn: date('decided_on').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    /** The applicant told (within 2 working days) and written to (within 5). */
    toldDueOn: date('told_due_on').notNull(),
    letterDueOn: date('letter_due_on').notNull(),
    toldOn: date('told_on'),
    letterSentOn: date('letter_sent_on'),
    /** A decision brought over from the old records (no panel record behind it). */
    imported: boolean('imported').notNull().default(false),
    /**
     * The household's terms and skills level just before the decision applied, so a decision
     * withdrawn as recorded in error puts back what it replaced (null for decisions recorded before
     * migration 0068, and for imported ones).
     */
    householdBefore: jsonb('household_before').$type<HouseholdBefore>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agency_decisions_item_idx')
      .on(t.itemId)
      .where(sql`${t.itemId} is not null`),
    index('agency_decisions_household_idx').on(t.householdId),
    index('agency_decisions_decided_idx').on(t.decidedOn),
  ],
);

/**
 * The evidence checklist for presenting carers at skills level 2 or 3 (action 6.2: a clear process
 * for the evidence, the same across the county): each piece the panel expects, confirmed by the
 * worker presenting the household, for a skills level item. One per item, changed until the
 * meeting's minutes are signed.
 */
export const panelSkillsEvidence = pgTable('panel_skills_evidence', {
  itemId: uuid('item_id')
    .primaryKey()
    .references(() => panelItems.id),
  competencies: boolean('competencies').notNull(),
  training: boolean('training').notNull(),
  supervision: boolean('supervision').notNull(),
  annualReview: boolean('annual_review').notNull(),
  childrensViews: boolean('childrens_views').notNull(),
  carersPortfolio: boolean('carers_portfolio').notNull(),
  notes: text('notes'),
  checkedBy: uuid('checked_by').references(() => users.id),
  checkedOn: date('checked_on').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
