import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { teams, users } from '../../platform/auth/tables.ts';
import { households } from '../households/tables.ts';

/**
 * One month's sample of case files to audit: a team's own (10, by its team manager) or the
 * county's central sample (20, by the head and service managers). Picked once per month and
 * sample (the service action is idempotent), in SQL, at random among approved households.
 */
export const auditMonths = pgTable(
  'audit_months',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 'YYYY-MM' */
    month: text('month').notNull(),
    /** The team whose sample it is; null for the central sample across the county. */
    teamId: uuid('team_id').references(() => teams.id),
    pickedOn: date('picked_on').notNull(),
    pickedBy: uuid('picked_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('audit_months_team_idx')
      .on(t.month, t.teamId)
      .where(sql`${t.teamId} is not null`),
    uniqueIndex('audit_months_central_idx')
      .on(t.month)
      .where(sql`${t.teamId} is null`),
  ],
);

/**
 * The audit of one household's case file, on the county's one template. `grade` is computed on
 * completion (the worst section, or inadequate when a child placed there has no current signed
 * delegated authority) and never typed. An inadequate audit's actions are put right by the
 * household's SSW within 5 working days (`putRightDueOn`, kept on write) and confirmed by the auditor.
 */
export const caseAudits = pgTable(
  'case_audits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    monthId: uuid('month_id')
      .notNull()
      .references(() => auditMonths.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /** The household's team when picked. */
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    /** random, open_matter (an open allegation, complaint or standard-of-care concern), swap */
    pickedBecause: text('picked_because').notNull(),
    /** to_do, completed, swapped (taken out of the sample by the manager, with the reason) */
    status: text('status').notNull().default('to_do'),
    swapReason: text('swap_reason'),
    swappedBy: uuid('swapped_by').references(() => users.id),
    swappedOn: date('swapped_on'),
    /** The file picked in place of this one. */
    replacedBy: uuid('replaced_by'),
    auditorId: uuid('auditor_id').references(() => users.id),
    auditedOn: date('audited_on'),
    /** outstanding, good, requires_improvement, inadequate: computed, never typed. */
    grade: text('grade'),
    /** Whether a child placed there had no current signed delegated authority on the audit date (computed). */
    delegatedAuthorityMissing: boolean('delegated_authority_missing'),
    /** Names of the children without one, as shown on the record. */
    delegatedAuthorityDetail: text('delegated_authority_detail'),
    /** A safeguarding concern raised in the audit, and the concern record it made. */
    safeguarding: text('safeguarding'),
    concernId: uuid('concern_id'),
    putRightDueOn: date('put_right_due_on'),
    putRightOn: date('put_right_on'),
    putRightNotes: text('put_right_notes'),
    putRightBy: uuid('put_right_by').references(() => users.id),
    confirmedOn: date('confirmed_on'),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_audits_month_idx').on(t.monthId, t.status),
    index('case_audits_household_idx').on(t.householdId, t.auditedOn),
    index('case_audits_done_idx')
      .on(t.auditedOn)
      .where(sql`${t.status} = 'completed'`),
    index('case_audits_put_right_idx')
      .on(t.putRightDueOn)
      .where(sql`${t.putRightDueOn} is not null`),
  ],
);

/** A section of the template: its grade, what was found and the actions set. */
export const caseAuditSections = pgTable(
  'case_audit_sections',
  {
    auditId: uuid('audit_id')
      .notNull()
      .references(() => caseAudits.id),
    /** supervision, agreement, annual_review, pdp_training, delegated_authority, childs_voice, safer_care, recording */
    section: text('section').notNull(),
    grade: text('grade').notNull(),
    findings: text('findings'),
    actions: text('actions'),
  },
  (t) => [primaryKey({ columns: [t.auditId, t.section] })],
);
