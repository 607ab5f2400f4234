import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { areas, teams, users } from '../../platform/auth/tables.ts';

/**
 * Staff supervision (Target 9, NMS 24): a member of staff's record is their user account. These
 * tables hang off it; only this module writes them.
 */

/**
 * The columns a supervision agreement and a session share: their own id, the member of staff and
 * their supervisor. A function, so that each table gets its own column builders.
 */
const memberAndSupervisor = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  staffUserId: uuid('staff_user_id')
    .notNull()
    .references(() => users.id),
  supervisorId: uuid('supervisor_id')
    .notNull()
    .references(() => users.id),
});

/** Who recorded a row and when: every table here but the sessions (the supervisor records those). */
const recorded = () => ({
  recordedBy: uuid('recorded_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** When a member of staff joined the fostering service, and whether they follow the induction programme. */
export const staffStarts = pgTable('staff_starts', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  joinedOn: date('joined_on', { mode: 'string' }).notNull(),
  /** New to the service: follows the fostering induction programme (Target 10.1). */
  inductionRequired: boolean('induction_required').notNull(),
  ...recorded(),
});

/** The supervision agreement (contract): signed by both on a date, with the agreed frequency. The latest is current. */
export const staffAgreements = pgTable(
  'staff_supervision_agreements',
  {
    ...memberAndSupervisor(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    /** Every 4, 5 or 6 weeks. */
    frequencyWeeks: integer('frequency_weeks').notNull(),
    ...recorded(),
  },
  (t) => [index('staff_supervision_agreements_staff_idx').on(t.staffUserId, t.signedOn)],
);

/** A supervision session on the county's one template, recorded (and signed) by the supervisor, then signed by the member. */
export const staffSessions = pgTable(
  'staff_supervision_sessions',
  {
    ...memberAndSupervisor(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    caseDiscussion: text('case_discussion').notNull(),
    wellbeing: text('wellbeing').notNull(),
    development: text('development').notNull(),
    actions: text('actions').notNull(),
    /** Whether the member's PDP was reviewed at this session. */
    pdpReviewed: boolean('pdp_reviewed').notNull().default(false),
    /** The next session as planned (after the session). */
    nextOn: date('next_on', { mode: 'string' }),
    /** The supervisor signs by recording the session. */
    supervisorSignedAt: timestamp('supervisor_signed_at', { withTimezone: true }).notNull().defaultNow(),
    /** The member signs their own record; nobody else may. */
    staffSignedAt: timestamp('staff_signed_at', { withTimezone: true }),
    staffComment: text('staff_comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('staff_supervision_sessions_staff_idx').on(t.staffUserId, t.heldOn),
    index('staff_supervision_sessions_held_idx').on(t.heldOn),
  ],
);

/** The member's personal development plan: each saving is a version; the latest is current. */
export const staffPdps = pgTable(
  'staff_pdps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => users.id),
    goals: text('goals').notNull(),
    training: text('training').notNull(),
    support: text('support').notNull(),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    ...recorded(),
  },
  (t) => [index('staff_pdps_staff_idx').on(t.staffUserId, t.reviewedOn)],
);

/** Mandatory training and induction items completed, one row each time (the latest counts). */
export const staffTraining = pgTable(
  'staff_training',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => users.id),
    /** A key of settings.ts mandatoryCourses or inductionItems. */
    item: text('item').notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    ...recorded(),
  },
  (t) => [index('staff_training_staff_idx').on(t.staffUserId, t.item, t.completedOn)],
);

/**
 * An audit of a member's supervision folder (Target 9.1: the head of fostering audits two folders
 * in each area every quarter). What the folder held on the day is read by Hearth and kept as it
 * was; the auditor's judgement of the notes, the grade and the findings are theirs. The member's
 * team and area on the day are kept, so a later move does not change whose quarter it counted in.
 */
export const staffFolderAudits = pgTable(
  'staff_folder_audits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => users.id),
    auditorId: uuid('auditor_id')
      .notNull()
      .references(() => users.id),
    auditedOn: date('audited_on', { mode: 'string' }).notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    areaId: uuid('area_id').references(() => areas.id),
    /** What the folder held on the day, as Hearth read it. */
    hasAgreement: boolean('has_agreement').notNull(),
    supervisedInTime: boolean('supervised_in_time').notNull(),
    sessionsSigned: boolean('sessions_signed').notNull(),
    pdpCurrent: boolean('pdp_current').notNull(),
    trainingCurrent: boolean('training_current').notNull(),
    /** The auditor's reading of the supervision notes. */
    notesShowAnalysis: boolean('notes_show_analysis').notNull(),
    notesSignsOfSafety: boolean('notes_signs_of_safety').notNull(),
    actionsFollowedUp: boolean('actions_followed_up').notNull(),
    /** outstanding, good, requires_improvement or inadequate (the case-file audits' grades). */
    grade: text('grade').notNull(),
    findings: text('findings').notNull(),
    actionsForManager: text('actions_for_manager'),
    /** The day the member's manager recorded the actions for them done, and who did (the clock's end). */
    actionsDoneOn: date('actions_done_on', { mode: 'string' }),
    actionsDoneBy: uuid('actions_done_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('staff_folder_audits_staff_idx').on(t.staffUserId, t.auditedOn),
    index('staff_folder_audits_audited_idx').on(t.auditedOn),
    check('staff_folder_audits_grade', sql`grade in ('outstanding', 'good', 'requires_improvement', 'inadequate')`),
    check(
      'staff_folder_audits_actions_done',
      sql`actions_done_on is null or (actions_for_manager is not null and actions_done_on >= audited_on
        and actions_done_by is not null)`,
    ),
  ],
);
