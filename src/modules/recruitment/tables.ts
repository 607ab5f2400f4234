/**
 * The road in and the road out (issue 11): enquiries, information events, initial visits, the
 * application and the Form F assessment with its stage 1 checks, withdrawals, exemptions,
 * leaving (deregistration and the exit interview) and the post-approval interview. Every record
 * hangs off a household (households/tables.ts); the household's status is changed only through
 * the households service. The stage 1 checks are the household's checks (households/tables.ts
 * personChecks): one record whether made at assessment or renewed later.
 */
import { boolean, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';
import { households } from '../households/tables.ts';

/** The first contact: how they heard of us, what interests them, and when it was answered. */
export const recruitmentEnquiries = pgTable(
  'recruitment_enquiries',
  {
    householdId: uuid('household_id')
      .primaryKey()
      .references(() => households.id),
    enquiredOn: date('enquired_on').notNull(),
    /** labels.ts sources: website, social_media, search_advert, recruitment_event, word_of_mouth, existing_carer, carer_ambassador, other */
    source: text('source').notNull(),
    /** mainstream, short_breaks, specialist_disability, siblings, teenagers, family_and_friends */
    interests: text('interests').array().notNull(),
    email: text('email'),
    phone: text('phone'),
    secondName: text('second_name'),
    answeredOn: date('answered_on'),
    answeredBy: uuid('answered_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('recruitment_enquiries_on_idx').on(t.enquiredOn),
    index('recruitment_enquiries_source_idx').on(t.source, t.enquiredOn),
  ],
);

/** An information event and who came to it. */
export const recruitmentEvents = pgTable('recruitment_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  heldOn: date('held_on').notNull(),
  place: text('place').notNull(),
  online: boolean('online').notNull().default(false),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const recruitmentEventAttendees = pgTable(
  'recruitment_event_attendees',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvents.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.householdId] }),
    index('recruitment_event_attendees_household_idx').on(t.householdId),
  ],
);

/** The initial visit: the worker's recommendation to proceed or not, with reasons. */
export const recruitmentVisits = pgTable(
  'recruitment_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    visitedOn: date('visited_on').notNull(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => users.id),
    proceed: boolean('proceed').notNull(),
    reasons: text('reasons').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recruitment_visits_household_idx').on(t.householdId)],
);

/**
 * The application and its Form F assessment, one per household: the 8-month clock runs from
 * `applied_on` (NMS 14.4); stage 2 has a named assessor and the pre-approval training; the
 * assessment is complete only when every stage 1 check is done and satisfactory.
 */
export const recruitmentAssessments = pgTable(
  'recruitment_assessments',
  {
    householdId: uuid('household_id')
      .primaryKey()
      .references(() => households.id),
    appliedOn: date('applied_on').notNull(),
    startedOn: date('started_on'),
    assessorId: uuid('assessor_id').references(() => users.id),
    /** An employer's or previous fostering service's reference is needed (works with children, fostered before). */
    needsEmployerReference: boolean('needs_employer_reference').notNull().default(false),
    /** The mentor: an approved carer household from the register, allocated at assessment (Target 3.3). */
    mentorHouseholdId: uuid('mentor_household_id').references(() => households.id),
    mentorAllocatedOn: date('mentor_allocated_on'),
    trainingCompletedOn: date('training_completed_on'),
    trainingCourse: text('training_course'),
    completedOn: date('completed_on'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('recruitment_assessments_applied_idx').on(t.appliedOn),
    index('recruitment_assessments_assessor_idx').on(t.assessorId),
  ],
);

/** Withdrawal at any stage, with the Ofsted reason code (AW0-AW5). */
export const recruitmentWithdrawals = pgTable('recruitment_withdrawals', {
  householdId: uuid('household_id')
    .primaryKey()
    .references(() => households.id),
  withdrawnOn: date('withdrawn_on').notNull(),
  /** The household's status when it withdrew. */
  stage: text('stage').notNull(),
  ofstedCode: text('ofsted_code').notNull(),
  reason: text('reason').notNull(),
  recordedBy: uuid('recorded_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An exemption from the usual limit of three children (NMS 13 context of Target 3), reviewed by a date. */
export const recruitmentExemptions = pgTable(
  'recruitment_exemptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    agreedOn: date('agreed_on').notNull(),
    /** Who agreed it: the panel, or a manager named here. */
    agreedBy: text('agreed_by').notNull(),
    reason: text('reason').notNull(),
    /** The children it covers, by name as agreed. */
    childrenCovered: text('children_covered').notNull(),
    reviewOn: date('review_on').notNull(),
    endedOn: date('ended_on'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recruitment_exemptions_household_idx').on(t.householdId)],
);

/** Leaving the service: why, when, and the exit interview (offered, done or declined) with its themes. */
export const recruitmentLeavings = pgTable('recruitment_leavings', {
  householdId: uuid('household_id')
    .primaryKey()
    .references(() => households.id),
  /** resignation, retirement, review_decision, allegation_decision */
  reason: text('reason').notNull(),
  leftOn: date('left_on').notNull(),
  /** not_offered, offered, done, declined */
  exitInterview: text('exit_interview').notNull(),
  interviewOn: date('interview_on'),
  themes: text('themes').array().notNull(),
  notes: text('notes'),
  /** yes, no, not_sure */
  wouldReturn: text('would_return'),
  recordedBy: uuid('recorded_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The interview six months after approval (Target 3.2 and 3.3): learning from the road in. */
export const recruitmentPostApprovalInterviews = pgTable('recruitment_post_approval_interviews', {
  householdId: uuid('household_id')
    .primaryKey()
    .references(() => households.id),
  interviewedOn: date('interviewed_on').notNull(),
  feedback: text('feedback').notNull(),
  /** Did the mentor help? yes, no, no_mentor */
  mentorHelped: text('mentor_helped'),
  recordedBy: uuid('recorded_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Carers transferring from an independent fostering agency (action 6.3): the agency, the day they
 * were told they would be paid on the council's fees and allowances (at application, the plan
 * says), and the meeting held under the transfer protocol. One per household, changed as it goes.
 */
export const recruitmentTransfers = pgTable('recruitment_transfers', {
  householdId: uuid('household_id')
    .primaryKey()
    .references(() => households.id),
  agencyName: text('agency_name').notNull(),
  /** When the agency approved them as foster carers. */
  agencyApprovedOn: date('agency_approved_on').notNull(),
  toldOfPaymentsOn: date('told_of_payments_on').notNull(),
  /** The transfer protocol meeting (the council, the agency and the carers); null until held. */
  protocolMeetingOn: date('protocol_meeting_on'),
  /** The children the agency placed with them, and whether each stays on transfer. */
  childrenPlaced: text('children_placed'),
  recordedBy: uuid('recorded_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
