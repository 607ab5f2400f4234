import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns.ts';
import { teams, users } from '../../platform/auth/tables.ts';

/**
 * A fostering household: from enquiry to approval and beyond. Status values and allowed
 * transitions live in households/labels.ts; approval terms are columns here because
 * matching and vacancies query them directly.
 */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** H-000123: the reference staff quote. */
    reference: text('reference').notNull().unique(),
    name: text('name').notNull(),
    addressLine1: text('address_line1').notNull().default(''),
    addressLine2: text('address_line2'),
    town: text('town').notNull().default(''),
    postcode: text('postcode').notNull().default(''),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    status: text('status').notNull(),
    statusSince: date('status_since').notNull(),
    householdType: text('household_type').notNull(),
    /** Date of the agency decision to approve; the annual review clock counts from here. */
    approvedOn: date('approved_on'),
    approvedPlaces: integer('approved_places').notNull().default(0),
    ageMin: integer('age_min').notNull().default(0),
    ageMax: integer('age_max').notNull().default(17),
    /** any, female, male */
    genderPreference: text('gender_preference').notNull().default('any'),
    siblingGroups: boolean('sibling_groups').notNull().default(false),
    disability: boolean('disability').notNull().default(false),
    uasc: boolean('uasc').notNull().default(false),
    emergency: boolean('emergency').notNull().default(false),
    shortBreaks: boolean('short_breaks').notNull().default(false),
    stayingPut: boolean('staying_put').notNull().default(false),
    /** 1, 2 (Skilled) or 3 (Advanced) */
    skillLevel: integer('skill_level').notNull().default(1),
    allocatedSswId: uuid('allocated_ssw_id').references(() => users.id),
    firstYearLeadId: uuid('first_year_lead_id').references(() => users.id),
    /** The mentor is usually an experienced carer from another household. */
    mentorName: text('mentor_name'),
    /** True when a carer is also a member of staff: only named managers may see it. */
    restricted: boolean('restricted').notNull().default(false),
    /** The carer profile for children. */
    profileAbout: text('profile_about'),
    profileLikes: text('profile_likes'),
    profileHome: text('profile_home'),
    pets: text('pets'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('households_team_status_idx').on(t.teamId, t.status),
    // A team's households read from the index alone (visibleHouseholdIds).
    index('households_team_ids_idx').on(t.teamId, t.id, t.restricted),
    // The few restricted households (a carer on the staff), for hiddenHouseholdIds.
    index('households_restricted_idx')
      .on(t.id)
      .where(sql`${t.restricted}`),
    index('households_status_idx').on(t.status),
    index('households_ssw_idx').on(t.allocatedSswId),
  ],
);

/** Every status change, dated, with its reason: the household's timeline. */
export const householdStatusEvents = pgTable(
  'household_status_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    onDate: date('on_date').notNull(),
    reason: text('reason'),
    byUserId: uuid('by_user_id').references(() => users.id),
    /**
     * Where the change was recorded (StatusOrigin): 'enquiry', 'status-page' (by hand, on the
     * change-status page), 'agency-decision' (originId: the decision) or 'module-step' (a step of
     * another module, such as recruitment's). Null for a change recorded before this was kept whose
     * origin the audit trail did not tell (migration 0066).
     */
    origin: text('origin'),
    originId: uuid('origin_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('household_status_events_household_idx').on(t.householdId, t.onDate)],
);

/** The managers named on a restricted household (besides the head of fostering). */
export const householdRestrictedAccess = pgTable(
  'household_restricted_access',
  {
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.householdId, t.userId] })],
);

export const carers = pgTable(
  'carers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    dateOfBirth: date('date_of_birth'),
    email: text('email'),
    phone: text('phone'),
    /** A carer who works for the council: the household becomes a restricted record. */
    isStaff: boolean('is_staff').notNull().default(false),
    /**
     * The day the carer stopped living in the household (a couple separating, say): a former
     * carer, kept on the record, who owes no more checks or training and is no longer counted.
     */
    /**
     * The day a carer came to live in a household already approved (a new partner), when given:
     * the household changed, so its safer-care plan is agreed again. Null for a carer who applied
     * with the household.
     */
    joinedOn: date('joined_on'),
    leftOn: date('left_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('carers_household_idx').on(t.householdId)],
);

/** Birth children and other adults living in the household. */
export const householdMembers = pgTable(
  'household_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    dateOfBirth: date('date_of_birth'),
    /** birth child, adult child, partner, grandparent, lodger, other adult */
    relationship: text('relationship').notNull(),
    /** The day they came to live in the household, when known; else the day they were recorded. */
    movedInOn: date('moved_in_on'),
    /** The day they stopped living in the household: a former member, kept on the record. */
    leftOn: date('left_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('household_members_household_idx').on(t.householdId)],
);

/**
 * A change in the household the carers told the service about from their portal (someone coming
 * to live there or leaving, or another change in their circumstances), until their supervising
 * social worker has dealt with it (`dealtWithAt`).
 */
export const householdChangeNotices = pgTable(
  'household_change_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /** moved_in, leaving or other (labels.ts). */
    kind: text('kind').notNull(),
    personName: text('person_name'),
    /** The day of the change, when the carers gave it (it may be to come). */
    onDate: date('on_date'),
    details: text('details'),
    toldBy: uuid('told_by')
      .notNull()
      .references(() => users.id),
    toldAt: timestamp('told_at', { withTimezone: true }).notNull().defaultNow(),
    dealtWithAt: timestamp('dealt_with_at', { withTimezone: true }),
    dealtWithBy: uuid('dealt_with_by').references(() => users.id),
  },
  (t) => [index('household_change_notices_household_idx').on(t.householdId, t.toldAt)],
);

/**
 * The day a member (an SQL alias of household_members) came to live in the household, as far as
 * the record knows: the day given, else the day they were added to the record (in London).
 */
export const memberMovedInSql = (member: string) => {
  const m = sql.raw(member);
  return sql`coalesce(${m}.moved_in_on, (${m}.created_at at time zone 'Europe/London')::date)`;
};

/**
 * Every check on a household, in one table whether made at assessment (the stage 1 checks of the
 * recruitment module) or later (renewals recorded on the household page): of one carer or adult
 * member, or of the household as a whole (references, health and safety, pets) when both are null.
 */
export const personChecks = pgTable(
  'person_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    carerId: uuid('carer_id').references(() => carers.id),
    memberId: uuid('member_id').references(() => householdMembers.id),
    /** households/labels.ts checkKinds: dbs, la_checks, medical, reference, personal_reference, employer_reference, health_and_safety, pets */
    kind: text('kind').notNull(),
    completedOn: date('completed_on').notNull(),
    expiresOn: date('expires_on'),
    /** Whether the outcome was satisfactory: an unsatisfactory check does not complete an assessment. */
    satisfactory: boolean('satisfactory').notNull().default(true),
    /** The outcome in a word or two ("Clear", "Fit to foster"). */
    outcome: text('outcome'),
    /** The referee's name, the certificate number ... (no result detail). */
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('person_checks_household_idx').on(t.householdId, t.kind),
    index('person_checks_expiry_idx').on(t.expiresOn),
  ],
);

/** The household photo for the carer profile: stored in the database, served only through an access check. */
export const householdPhotos = pgTable('household_photos', {
  householdId: uuid('household_id')
    .primaryKey()
    .references(() => households.id),
  contentType: text('content_type').notNull(),
  bytes: bytea('bytes').notNull(),
  size: integer('size').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  uploadedBy: uuid('uploaded_by').references(() => users.id),
});

/**
 * Kept facts for the scorecard: each household's status over time as dated periods, derived from
 * its status events (households/facts.ts) and refreshed in the transaction that changes them. A
 * household's status on a day is the one period with `from_on <= day < to_on` (`to_on` null while
 * it lasts), so a measure finds every household approved on a day with one indexed range lookup.
 */
export const householdStatusPeriods = pgTable(
  'household_status_periods',
  {
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    status: text('status').notNull(),
    fromOn: date('from_on').notNull(),
    /** The day the next status began; null while this one lasts. */
    toOn: date('to_on'),
  },
  (t) => [
    primaryKey({ columns: [t.householdId, t.fromOn] }),
    index('household_status_periods_status_idx').on(t.status, t.fromOn, t.toOn),
  ],
);
