import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';
import { children } from '../children/tables.ts';
import { households } from '../households/tables.ts';

/**
 * The supervision agreement of a household: signed by the carers and the supervising social
 * worker, renewed at the annual review. Each signing is a row; the latest is the current one.
 */
export const supervisionAgreements = pgTable(
  'supervision_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    signedOn: date('signed_on').notNull(),
    /** The carers who signed, as written on the agreement. */
    signedByCarers: text('signed_by_carers').notNull(),
    /** The supervising social worker who signed. */
    signedBySswId: uuid('signed_by_ssw_id').references(() => users.id),
    /** Renewed at the annual review: 12 months after signing. */
    reviewOn: date('review_on').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('supervision_agreements_household_idx').on(t.householdId, t.signedOn),
    index('supervision_agreements_review_idx').on(t.reviewOn, t.signedOn),
  ],
);

/**
 * A supervision visit to a household, on the service's one Signs of Safety template. A draft keeps
 * whatever the worker has typed so far (the template's answers may be empty); a finalised one has
 * every answer (supervision/service.ts checks before finalising).
 */
export const supervisions = pgTable(
  'supervisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    visitDate: date('visit_date').notNull(),
    announced: boolean('announced').notNull(),
    /** Who attended, as written by the worker. */
    attendees: text('attendees'),
    workingWell: text('working_well'),
    worries: text('worries'),
    needsToHappen: text('needs_to_happen'),
    scalingQuestion: text('scaling_question'),
    /** 0 to 10. */
    scalingScore: integer('scaling_score'),
    /** What the children placed said (their voice, in their words where possible). */
    childrenVoice: text('children_voice'),
    /** The carers' progress with their training and personal development plan. */
    trainingProgress: text('training_progress'),
    /**
     * Whether a child placed since the last visit saw the carers' profile before arriving:
     * yes, no, none_placed (no child placed since the last visit); null when not asked (older records).
     */
    profileSeenBeforeArrival: text('profile_seen_before_arrival'),
    /** draft, final */
    status: text('status').notNull().default('draft'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }),
    finalisedBy: uuid('finalised_by').references(() => users.id),
    /** When the notes were sent to the carers (due within 5 working days of the visit). */
    notesSentOn: date('notes_sent_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('supervisions_household_idx').on(t.householdId, t.visitDate),
    index('supervisions_visit_idx').on(t.visitDate),
    // The scorecard's range lookups for a closed month: finalised visits, and finalised unannounced ones, by date.
    index('supervisions_final_visit_idx')
      .on(t.visitDate, t.householdId)
      .where(sql`${t.status} = 'final'`),
    index('supervisions_final_unannounced_idx')
      .on(t.visitDate, t.householdId)
      .where(sql`${t.status} = 'final' and not ${t.announced}`),
    // A household's last finalised visit (and last unannounced one) as at a closed month's last day,
    // for the households a measure page lists: read from the index alone.
    index('supervisions_household_final_idx')
      .on(t.householdId, t.visitDate)
      .where(sql`${t.status} = 'final'`),
    index('supervisions_household_unannounced_idx')
      .on(t.householdId, t.visitDate)
      .where(sql`${t.status} = 'final' and not ${t.announced}`),
  ],
);

/** Each child placed in the household at the visit date: seen, seen alone or not seen. */
export const supervisionChildren = pgTable(
  'supervision_children',
  {
    supervisionId: uuid('supervision_id')
      .notNull()
      .references(() => supervisions.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** seen_alone, seen, not_seen */
    seen: text('seen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.supervisionId, t.childId] }), index('supervision_children_child_idx').on(t.childId)],
);

/** What needs to happen: each action with its owner and date. */
export const supervisionActions = pgTable(
  'supervision_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    supervisionId: uuid('supervision_id')
      .notNull()
      .references(() => supervisions.id),
    position: integer('position').notNull(),
    action: text('action').notNull(),
    owner: text('owner').notNull(),
    dueOn: date('due_on').notNull(),
  },
  (t) => [index('supervision_actions_supervision_idx').on(t.supervisionId, t.position)],
);

/**
 * The notes of a finalised supervision as a message to the household's carers: the outbox.
 * 'pending' messages are sent (and retried after a failure) until the mail server takes them;
 * 'held' ones were kept here because Hearth has no mail server (SMTP_URL unset).
 */
export const supervisionNotesMessages = pgTable(
  'supervision_notes_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    supervisionId: uuid('supervision_id')
      .notNull()
      .unique()
      .references(() => supervisions.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /** The carers' email addresses when the message was written. */
    recipients: text('recipients').array().notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The name of the signed record (PDF) attached. */
    attachmentName: text('attachment_name').notNull(),
    /** pending, sent, held */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** The mail server's reason for the last failure, shown to the worker. */
    lastError: text('last_error'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** The secret in the message's "I have received these notes" link. */
    acknowledgeToken: text('acknowledge_token').notNull().unique(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    /** link, portal */
    acknowledgedVia: text('acknowledged_via'),
    /** The corrected notes, written again after a finalised supervision was put right. */
    corrected: boolean('corrected').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('supervision_notes_messages_due_idx').on(t.status, t.nextAttemptAt),
    index('supervision_notes_messages_household_idx').on(t.householdId, t.createdAt),
  ],
);

/**
 * Kept facts for the scorecard and deadlines: each household's latest finalised visit, latest
 * finalised unannounced visit and latest supervision agreement, derived from the supervision
 * records (supervision/facts.ts) and refreshed in the transaction that changes them. One row per
 * household with any supervision record.
 */
export const householdSupervisionFacts = pgTable(
  'household_supervision_facts',
  {
    householdId: uuid('household_id')
      .primaryKey()
      .references(() => households.id),
    lastVisitOn: date('last_visit_on'),
    lastUnannouncedVisitOn: date('last_unannounced_visit_on'),
    agreementSignedOn: date('agreement_signed_on'),
    /** The latest review date of a signed agreement: current while it is today or later. */
    agreementReviewOn: date('agreement_review_on'),
  },
  (t) => [
    index('household_supervision_facts_visit_idx').on(t.lastVisitOn),
    index('household_supervision_facts_unannounced_idx').on(t.lastUnannouncedVisitOn),
  ],
);

/**
 * Kept facts for the scorecard: each finalised visit to a household at which a child was seen
 * (alone or not), one row per child, household and day, derived from the supervision records
 * (supervision/facts.ts) and refreshed in the transaction that finalises a visit. A closed month's
 * "children seen in 3 months" reads its window from the index, not every visit's children.
 */
export const childSeenVisits = pgTable(
  'child_seen_visits',
  {
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    visitOn: date('visit_on').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.householdId, t.childId, t.visitOn] }),
    index('child_seen_visits_visit_idx').on(t.visitOn, t.householdId, t.childId),
  ],
);

/**
 * Kept facts for the scorecard: the last finalised visit to a household at which each child was
 * seen (alone or not), derived from the supervision records (supervision/facts.ts) and refreshed
 * in the transaction that finalises a visit.
 */
export const childSeenFacts = pgTable(
  'child_seen_facts',
  {
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    lastSeenOn: date('last_seen_on').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.childId, t.householdId] }),
    index('child_seen_facts_household_idx').on(t.householdId),
  ],
);
