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
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';
import { children } from '../children/tables.ts';
import { householdMembers, households, personChecks } from '../households/tables.ts';

/** What every gathered record holds: scale answers (1 up), answers in words, and whether someone helped. */
export interface Answers {
  scales?: Record<string, number>;
  words: Record<string, string>;
  helped?: boolean;
  helper?: string | null;
}

/**
 * A review of a fostering household's approval (Fostering Services (England) Regulations 2011,
 * regulation 28): the yearly one, or an extra one after an allegation, a complaint or a major
 * change. Run by a reviewing officer, independently of the supervising social worker: it gathers
 * the views (review_contributions), then is completed with its outcome and written report.
 */
export const annualReviews = pgTable(
  'annual_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /** annual, extra */
    kind: text('kind').notNull(),
    /** For an extra review: allegation, complaint, major_change. */
    reason: text('reason'),
    reasonDetail: text('reason_detail'),
    /** The first review since approval: it always goes to panel. */
    firstReview: boolean('first_review').notNull(),
    /** When a yearly review was due when it was started (null for an extra review). */
    dueOn: date('due_on'),
    startedOn: date('started_on').notNull(),
    reviewingOfficerId: uuid('reviewing_officer_id')
      .notNull()
      .references(() => users.id),
    /** gathering, completed */
    status: text('status').notNull().default('gathering'),
    /** The date of the review meeting: the date of the review (set when it is completed). */
    reviewedOn: date('reviewed_on'),
    /** continue, change_terms, refer_to_panel */
    outcome: text('outcome'),
    /** The change of terms, or why it is referred to panel. */
    outcomeDetail: text('outcome_detail'),
    /** The reviewing officer's assessment and recommendation. */
    summary: text('summary'),
    /** What the children said, in words the carers may read (their own words are never shown to the carers). */
    childrenSummary: text('children_summary'),
    /** Whether the personal development plan was updated at the review. */
    pdpUpdated: boolean('pdp_updated'),
    /** Goes to the fostering panel: the first review always, a change of terms or a referral too. */
    toPanel: boolean('to_panel').notNull().default(false),
    /** Set by the panel module when the review is presented at a panel meeting. */
    presentedToPanelOn: date('presented_to_panel_on'),
    /** The carers' copy of the report: sent on, and the 28 days they have to comment. */
    reportSentOn: date('report_sent_on'),
    commentsDueOn: date('comments_due_on'),
    carerComment: text('carer_comment'),
    carerCommentedOn: date('carer_commented_on'),
    completedBy: uuid('completed_by').references(() => users.id),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('annual_reviews_household_idx').on(t.householdId, t.startedOn),
    // A household's last completed review (its next is due a year on): the deadline and the
    // scorecard's households on hold or inactive look it up household by household.
    index('annual_reviews_household_reviewed_idx')
      .on(t.householdId, t.reviewedOn)
      .where(sql`${t.status} = 'completed'`),
    // The scorecard: reviews completed in a month.
    index('annual_reviews_reviewed_idx')
      .on(t.reviewedOn, t.householdId)
      .where(sql`${t.status} = 'completed'`),
    // One review gathering at a time per household.
    uniqueIndex('annual_reviews_one_open_idx')
      .on(t.householdId)
      .where(sql`${t.status} = 'gathering'`),
  ],
);

/** The children placed with the household when the review started: each one's views are sought. */
export const reviewChildren = pgTable(
  'review_children',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => annualReviews.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** The age-appropriate form: under_8, 8_to_12, 13_plus (the child's age when the review started). */
    ageGroup: text('age_group').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.childId] }), index('review_children_child_idx').on(t.childId)],
);

/**
 * A link sent (or handed over) for a child's views or a child's social worker's feedback: no
 * account, single use, expiring after 28 days. Only the SHA-256 of its secret is kept.
 */
export const reviewLinks = pgTable(
  'review_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => annualReviews.id),
    /** child_views, social_worker_feedback */
    kind: text('kind').notNull(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** The child's form: under_8, 8_to_12, 13_plus (null for a social worker). */
    ageGroup: text('age_group'),
    tokenHash: text('token_hash').notNull().unique(),
    /** email, handed (a QR code or short address given by the worker) */
    delivery: text('delivery').notNull(),
    email: text('email'),
    /** Who it is for, as the staff pages show it ("Chris Okafor, children's social worker"). */
    recipient: text('recipient').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedOn: date('requested_on').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** Chasing: a reminder after 7 days, the requester's manager told after 14. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    managerToldAt: timestamp('manager_told_at', { withTimezone: true }),
  },
  (t) => [
    index('review_links_review_idx').on(t.reviewId),
    index('review_links_open_idx')
      .on(t.requestedAt)
      .where(sql`${t.usedAt} is null and ${t.withdrawnAt} is null`),
  ],
);

/**
 * What the review gathered, each with its date and source: the carers' report, the supervising
 * social worker's report, each placed child's views, each child's social worker's feedback, and
 * household members' views. `answers` holds the form's answers (see forms.ts for each kind).
 */
export const reviewContributions = pgTable(
  'review_contributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => annualReviews.id),
    /** carer_report, ssw_report, child_views, social_worker_feedback, member_views */
    kind: text('kind').notNull(),
    childId: uuid('child_id').references(() => children.id),
    memberId: uuid('member_id').references(() => householdMembers.id),
    receivedOn: date('received_on').notNull(),
    /** link (given through its link, no account), recorded (written in by a worker) */
    source: text('source').notNull(),
    /** Who gave it, as written ("Chris Okafor, children's social worker"; "the child, by the link"). */
    givenBy: text('given_by').notNull(),
    answers: jsonb('answers').$type<Answers>().notNull(),
    linkId: uuid('link_id')
      .unique()
      .references(() => reviewLinks.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One of each kind per child or member: a form submitted twice is kept once.
    unique('review_contributions_one_idx').on(t.reviewId, t.kind, t.childId, t.memberId).nullsNotDistinct(),
    // The measures of what children said: the forms of one kind given in twelve months, found by
    // range rather than by reading every contribution the service ever gathered.
    index('review_contributions_kind_received_idx').on(t.kind, t.receivedOn),
  ],
);

/**
 * The checks renewed at a review. Each is a check in the household's own record (person_checks:
 * whose it is, when, when it is next due), so the review, the household page and the renewal
 * deadlines read the same check; this says which review it was recorded at.
 */
export const reviewRenewedChecks = pgTable(
  'review_renewed_checks',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => annualReviews.id),
    checkId: uuid('check_id')
      .notNull()
      .unique()
      .references(() => personChecks.id),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.checkId] })],
);

/**
 * The review's messages, as the outbox keeps them: links sent to social workers (never with the
 * secret: the message is sent while it is still in memory, and kept without it), reminders, the
 * requester's manager told, and the carers' copy of the report (pending until the mail server
 * takes it; 'held' when Hearth has no mail server).
 */
export const reviewMessages = pgTable(
  'review_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => annualReviews.id),
    linkId: uuid('link_id').references(() => reviewLinks.id),
    /** link, reminder, manager, report */
    purpose: text('purpose').notNull(),
    recipients: text('recipients').array().notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The carers' copy of the report attached (PDF), for purpose 'report'. */
    attachmentName: text('attachment_name'),
    /** pending, sent, held, failed (a link message that could not be sent: the worker hands it over) */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('review_messages_review_idx').on(t.reviewId, t.createdAt),
    index('review_messages_due_idx').on(t.status, t.nextAttemptAt),
  ],
);
