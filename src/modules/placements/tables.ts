import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';
import { children } from '../children/tables.ts';
import { households } from '../households/tables.ts';

/** A request from a child's social worker for a foster placement. */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    requestedBy: uuid('requested_by').references(() => users.id),
    /** emergency, short_term, long_term, short_break, staying_put */
    placementType: text('placement_type').notNull(),
    /** emergency (today), urgent (within a week), planned */
    urgency: text('urgency').notNull(),
    neededFrom: date('needed_from').notNull(),
    needs: text('needs').notNull(),
    /** How many siblings should be placed together, counting this child (1 = no siblings). */
    siblingGroupSize: integer('sibling_group_size').notNull().default(1),
    /** submitted, returned, accepted, matched, placed, withdrawn */
    status: text('status').notNull(),
    /** Times it was returned for poor quality: counted on the scorecard. */
    timesReturned: integer('times_returned').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // By status, longest waiting first: the referrals waiting on a manager in My work.
    index('referrals_status_idx').on(t.status, t.updatedAt),
    index('referrals_child_idx').on(t.childId),
  ],
);

/** Submitted, returned (with reasons), re-submitted, accepted, withdrawn: the referral's history. */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    kind: text('kind').notNull(),
    reason: text('reason'),
    byUserId: uuid('by_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.at)],
);

/** The household chosen for a referral, with the reasons and the support package. */
export const matches = pgTable(
  'matches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    reasons: text('reasons').notNull(),
    supportPackage: text('support_package').notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('matches_referral_idx').on(t.referralId)],
);

/** A child living with a fostering household. A move is an ending plus a new placement. */
export const placements = pgTable(
  'placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    referralId: uuid('referral_id').references(() => referrals.id),
    /** emergency, short_term, long_term, short_break, staying_put */
    placementType: text('placement_type').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    /** planned, unplanned */
    ending: text('ending'),
    endReason: text('end_reason'),
    placementPlanOn: date('placement_plan_on'),
    /** Did the child see the carer's profile before arriving? */
    childSawProfile: boolean('child_saw_profile'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A child's placements in date order, with the household and end of each, read from the index
    // alone: each child's latest placement and the placements in a year, for every child looked
    // after (the three-or-more-placements measure read 73,000 table pages for them at national scale).
    index('placements_child_idx').on(t.childId, t.startDate, t.householdId, t.endDate),
    index('placements_household_idx').on(t.householdId, t.endDate),
    // The children placed now with a set of households, from the index alone (visibleChildIds).
    index('placements_open_household_idx')
      .on(t.householdId, t.childId)
      .where(sql`${t.endDate} is null`),
    index('placements_start_idx').on(t.startDate),
    // The scorecard's unplanned endings: placements that ended in a month.
    index('placements_end_idx').on(t.endDate),
  ],
);

/** Documents given to the carer: referral, risk assessment, delegated authority, placement arrangements. */
export const placementDocuments = pgTable(
  'placement_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placementId: uuid('placement_id')
      .notNull()
      .references(() => placements.id),
    kind: text('kind').notNull(),
    givenOn: date('given_on').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
  },
  (t) => [uniqueIndex('placement_documents_kind_idx').on(t.placementId, t.kind)],
);

/** Delegated authority: one form per placement, who may decide what. */
export const delegatedAuthorities = pgTable('delegated_authorities', {
  id: uuid('id').primaryKey().defaultRandom(),
  placementId: uuid('placement_id')
    .notNull()
    .unique()
    .references(() => placements.id),
  /** For each area: who holds the decision (carer, social worker, parent, shared) and notes. */
  medicalHolder: text('medical_holder').notNull(),
  medicalNotes: text('medical_notes'),
  educationHolder: text('education_holder').notNull(),
  educationNotes: text('education_notes'),
  socialHolder: text('social_holder').notNull(),
  socialNotes: text('social_notes'),
  religiousHolder: text('religious_holder').notNull(),
  religiousNotes: text('religious_notes'),
  culturalHolder: text('cultural_holder').notNull(),
  culturalNotes: text('cultural_notes'),
  /** The parties who signed (carer, social worker, parent ...), and when. */
  signedBy: text('signed_by'),
  signedOn: date('signed_on'),
  copyGivenToCarerOn: date('copy_given_to_carer_on'),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A child placed with an independent fostering agency (IFA) because the service's own carers
 * could not take them: the other side of the in-house placement rate. The agency's carers are
 * not in Hearth, so only the agency's name is kept.
 */
export const agencyPlacements = pgTable(
  'agency_placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** The referral the in-house service could not match, when there was one. */
    referralId: uuid('referral_id').references(() => referrals.id),
    agencyName: text('agency_name').notNull(),
    /** emergency, short_term, long_term, short_break, staying_put (as for in-house placements) */
    placementType: text('placement_type').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    endReason: text('end_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agency_placements_child_idx').on(t.childId, t.startDate)],
);

/**
 * Kept facts (facts.ts): every placement, with the service's carers or an agency (`kind`), as
 * `everyPlacementRow` (scope.ts) derives it: the placement's dates and type, the
 * household's team, area, name and whether it is restricted (none for an agency), the connected
 * person's temporary approval for the child (regulation 24) while it stood, and the child's
 * reference, area and the day they left care. Kept in step, by child, in the transaction that
 * changes a placement, a household, a temporary approval or the child. The measures of visits up
 * to date (the placements regulation 28(2) times) and of children placed in-house read it instead
 * of joining every placement to its household and its child.
 */
export const keptPlacements = pgTable(
  'kept_placements',
  {
    id: uuid('id').primaryKey(),
    /** 'in-house' or 'agency' */
    kind: text('kind').notNull(),
    childId: uuid('child_id').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    placementType: text('placement_type').notNull(),
    teamId: uuid('team_id'),
    areaId: uuid('area_id'),
    restricted: boolean('restricted').notNull(),
    placedWith: text('placed_with'),
    reg24From: date('reg24_from'),
    reg24Until: date('reg24_until'),
    childReference: text('child_reference').notNull(),
    childAreaId: uuid('child_area_id').notNull(),
    childLeftCareOn: date('child_left_care_on'),
  },
  (t) => [index('kept_placements_child_idx').on(t.childId), index('kept_placements_end_idx').on(t.endDate)],
);
