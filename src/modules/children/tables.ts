import { boolean, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { areas, users } from '../../platform/auth/tables.ts';

/** A child in care. */
export const children = pgTable(
  'children',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** C-000123 */
    reference: text('reference').notNull().unique(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    preferredName: text('preferred_name'),
    dateOfBirth: date('date_of_birth').notNull(),
    /** female, male, other */
    gender: text('gender').notNull(),
    ethnicity: text('ethnicity'),
    /** s31_care_order, interim_care_order, s20_accommodated, placement_order, remand, other */
    legalStatus: text('legal_status').notNull(),
    lookedAfterSince: date('looked_after_since').notNull(),
    /** No longer looked after (18th birthday, return home, adoption ...); for a child who died, the date of death. */
    leftCareOn: date('left_care_on'),
    /** Why the child left care (labels.ts leavingReasons): home, adopted, sgo, cao, independent, staying_put, transferred, died, other. */
    leftCareReason: text('left_care_reason'),
    /** What the social worker added (required for "other"). */
    leftCareDetails: text('left_care_details'),
    /**
     * The notifications of a child's death (Fostering Services (England) Regulations 2011,
     * regulation 36 and Schedule 7): the day each was made, null until recorded.
     */
    deathNotifiedChiefInspectorOn: date('death_notified_chief_inspector_on'),
    deathNotifiedResponsibleAuthorityOn: date('death_notified_responsible_authority_on'),
    deathNotifiedSecretaryOfStateOn: date('death_notified_secretary_of_state_on'),
    deathNotifiedAreaAuthorityOn: date('death_notified_area_authority_on'),
    deathNotifiedHealthBoardOn: date('death_notified_health_board_on'),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    allocatedSocialWorkerId: uuid('allocated_social_worker_id').references(() => users.id),
    disability: boolean('disability').notNull().default(false),
    uasc: boolean('uasc').notNull().default(false),
    cseRisk: boolean('cse_risk').notNull().default(false),
    missingRisk: boolean('missing_risk').notNull().default(false),
    /** The outward code of the school's postcode (e.g. CT1), for matching by distance. */
    schoolPostcode: text('school_postcode'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // With the id, an area's children are read from the index alone (visibleChildIds).
    index('children_area_idx').on(t.areaId, t.id),
    index('children_social_worker_idx').on(t.allocatedSocialWorkerId),
    index('children_looked_after_idx').on(t.lookedAfterSince),
    // The list's page by name, and whether each is in care, read from the index alone (listChildren).
    index('children_name_idx').on(t.lastName, t.firstName, t.id, t.leftCareOn),
    // The list's count of children in care (or who have left) without reading the table.
    index('children_left_care_idx').on(t.leftCareOn),
  ],
);

/** Initial and review health assessments. */
export const healthAssessments = pgTable(
  'health_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** initial, review */
    kind: text('kind').notNull(),
    completedOn: date('completed_on').notNull(),
    notes: text('notes'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('health_assessments_child_idx').on(t.childId, t.completedOn)],
);
