import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { teams, users } from '../../platform/auth/tables.ts';
import { children } from '../children/tables.ts';
import { carers, householdMembers, households } from '../households/tables.ts';
import { placements } from '../placements/tables.ts';

/**
 * One matter about the fostering service, of one kind: an allegation (harm or risk of harm to a
 * child by a carer or a household member), a standard-of-care concern, a complaint or a
 * compliment. The allegation's LADO process, the carer's independent support and the outcome are
 * columns here (one per matter); meetings, children, themes, linked placements and complaint
 * stages hang off it. `stage` is kept in step by the service on every change (concerns/stage.ts),
 * so the register filters and counts by it in SQL.
 */
export const concerns = pgTable(
  'concerns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** allegation, standard_of_care, complaint, compliment */
    kind: text('kind').notNull(),
    /** See concerns/stage.ts: awaiting-referral, referred, meeting-held, outcome, open, stage-1 ... closed. */
    stage: text('stage').notNull(),
    /** The household the matter is about (none for a complaint or compliment about the service alone). */
    householdId: uuid('household_id').references(() => households.id),
    /** The team whose matter it is when there is no household (otherwise the household's team). */
    teamId: uuid('team_id').references(() => teams.id),
    /** carer, household_member, service */
    againstKind: text('against_kind').notNull(),
    carerId: uuid('carer_id').references(() => carers.id),
    memberId: uuid('member_id').references(() => householdMembers.id),
    /** child, parent, carer, professional, staff, audit, anonymous */
    raisedBy: text('raised_by').notNull(),
    raisedByName: text('raised_by_name'),
    /** The day the service knew of it (received, for a complaint or compliment). */
    knownOn: date('known_on').notNull(),
    /** physical, emotional, sexual, neglect, standards_of_care, other (none for a compliment) */
    category: text('category'),
    summary: text('summary').notNull(),
    /** The case-file audit that raised it (audits module), if any. */
    sourceAuditId: uuid('source_audit_id'),

    // The allegation's LADO process.
    referredToLadoOn: date('referred_to_lado_on'),
    ladoName: text('lado_name'),
    ladoDecisionOn: date('lado_decision_on'),
    /** strategy_meeting, evaluation_meeting, no_further_action, other */
    immediateAction: text('immediate_action'),
    ladoDecisionNotes: text('lado_decision_notes'),
    /** substantiated, unsubstantiated, unfounded, false, malicious */
    outcome: text('outcome'),
    outcomeOn: date('outcome_on'),
    carerToldOn: date('carer_told_on'),
    carerToldBy: text('carer_told_by'),
    presentedToPanelOn: date('presented_to_panel_on'),
    /** Whether a review of the carers' approval follows (null: not yet decided). */
    approvalReview: boolean('approval_review'),

    // Support for the carer independent of the service (NMS 22.12).
    supportBy: text('support_by'),
    supportOrganisation: text('support_organisation'),
    supportOfferedOn: date('support_offered_on'),
    /** yes, no, not_yet */
    supportTakenUp: text('support_taken_up'),

    /** What was found or decided, in words (a concern or complaint), and the learning for the service. */
    result: text('result'),
    learning: text('learning'),
    closedOn: date('closed_on'),
    closedBy: uuid('closed_by').references(() => users.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('concerns_household_idx').on(t.householdId, t.knownOn),
    index('concerns_register_idx').on(t.knownOn, t.kind, t.stage),
    index('concerns_open_allegations_idx')
      .on(t.knownOn)
      .where(sql`${t.kind} = 'allegation' and ${t.closedOn} is null`),
    index('concerns_outcome_idx')
      .on(t.outcomeOn)
      .where(sql`${t.outcomeOn} is not null`),
  ],
);

/** The children a matter concerns, each with their account (seen by few) and the outcome given to them. */
export const concernChildren = pgTable(
  'concern_children',
  {
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** The child's account, in their words: only the LADO, the head and the child's social worker read it. */
    account: text('account'),
    outcomeToldOn: date('outcome_told_on'),
    outcomeToldBy: text('outcome_told_by'),
    outcomeToldHow: text('outcome_told_how'),
  },
  (t) => [primaryKey({ columns: [t.concernId, t.childId] }), index('concern_children_child_idx').on(t.childId)],
);

/** The themes of a complaint, from the list, so repeats can be counted. */
export const concernThemes = pgTable(
  'concern_themes',
  {
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id),
    theme: text('theme').notNull(),
  },
  (t) => [primaryKey({ columns: [t.concernId, t.theme] }), index('concern_themes_theme_idx').on(t.theme)],
);

/** The evaluation, strategy and review meetings of an allegation. */
export const allegationMeetings = pgTable(
  'allegation_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id),
    /** strategy, evaluation, review */
    kind: text('kind').notNull(),
    heldOn: date('held_on').notNull(),
    attendees: text('attendees').notNull(),
    decisions: text('decisions').notNull(),
    policeInvolved: boolean('police_involved').notNull(),
    childrensServicesInvolved: boolean('childrens_services_involved').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('allegation_meetings_concern_idx').on(t.concernId, t.heldOn)],
);

/** Placements suspended or ended because of an allegation (the payment during it counts from the first). */
export const concernPlacements = pgTable(
  'concern_placements',
  {
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id),
    placementId: uuid('placement_id')
      .notNull()
      .references(() => placements.id),
    /** suspended, ended */
    effect: text('effect').notNull(),
    onDate: date('on_date').notNull(),
  },
  (t) => [primaryKey({ columns: [t.concernId, t.placementId] })],
);

/**
 * The statutory stages of a complaint (Children Act 1989 Representations Procedure (England)
 * Regulations 2006). The deadlines are worked out in working days by the service when the stage is
 * written and kept here, so the register, the deadlines and the measures read one date.
 */
export const complaintStages = pgTable(
  'complaint_stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id),
    /** 1, 2 or 3 */
    stage: integer('stage').notNull(),
    receivedOn: date('received_on').notNull(),
    /** Stage 1 or 2 extended to its longest timescale (20 or 65 working days). */
    extended: boolean('extended').notNull().default(false),
    extensionReason: text('extension_reason'),
    /** Stage 3: the review panel is held by this date, and was held on. */
    panelBy: date('panel_by'),
    panelOn: date('panel_on'),
    /** Stage 3: the panel's report is due by, and was sent on. */
    reportBy: date('report_by'),
    reportOn: date('report_on'),
    /** The response to the complainant is due by (the stage's timescale). */
    respondBy: date('respond_by').notNull(),
    respondedOn: date('responded_on'),
    /** upheld, partly_upheld, not_upheld */
    finding: text('finding'),
    response: text('response'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('complaint_stages_concern_stage_key').on(t.concernId, t.stage),
    index('complaint_stages_respond_by_idx').on(t.respondBy),
  ],
);

/**
 * A significant event notifiable under Schedule 7 of the Fostering Services (England) Regulations
 * 2011 (death, serious injury, serious illness, allegation, police involvement, child missing):
 * Ofsted and others are told within 24 hours of it becoming known.
 */
export const significantEvents = pgTable(
  'significant_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    childId: uuid('child_id').references(() => children.id),
    /** The allegation this event is, when it is one (then seen only by those who see the allegation). */
    concernId: uuid('concern_id')
      .unique()
      .references(() => concerns.id),
    /** death, serious_injury, serious_illness, allegation, police, missing */
    kind: text('kind').notNull(),
    summary: text('summary').notNull(),
    knownAt: timestamp('known_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('significant_events_household_idx').on(t.householdId, t.knownAt),
    index('significant_events_known_idx').on(t.knownAt),
  ],
);

/** Who was told of a significant event, when and how. */
export const eventNotices = pgTable(
  'event_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => significantEvents.id),
    /** ofsted, placing_authority, area_authority, parents, police, health, other */
    recipient: text('recipient').notNull(),
    toldAt: timestamp('told_at', { withTimezone: true }).notNull(),
    /** phone, email, online_form, letter, in_person */
    method: text('method').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_notices_event_idx').on(t.eventId, t.recipient, t.toldAt)],
);
