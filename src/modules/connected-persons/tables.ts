import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';
import { children } from '../children/tables.ts';
import { households } from '../households/tables.ts';

/**
 * Temporary approval of a connected person (a relative, friend or other person connected with the
 * child) as a foster carer for one named child, before their full assessment (Care Planning,
 * Placement and Case Review (England) Regulations 2010, regulations 24 and 25): for up to 16 weeks
 * from `approved_on` (`expires_on`), extended once by up to 8 weeks while the assessment is not
 * finished (`extended_until`), or until the outcome of an independent review of a decision not to
 * approve (`extension_reason` 'review', no date). It gives way when the household is approved as
 * foster carers (households.approved_on on or after `approved_on`), or is ended (`ended_on`, why).
 * One running approval per household and child (the partial unique index).
 */
export const temporaryApprovals = pgTable(
  'temporary_approvals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** The day the nominated officer approved; the approval runs to `expires_on` (16 weeks on). */
    approvedOn: date('approved_on').notNull(),
    expiresOn: date('expires_on').notNull(),
    /** The nominated officer who approved (free text: they may not use Hearth). */
    approvedBy: text('approved_by').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    /** The extension (regulation 25): the day decided, by whom, why, the panel's views sought, the IRO told. */
    extendedOn: date('extended_on'),
    extendedBy: text('extended_by'),
    extensionReason: text('extension_reason'),
    /** The new last day for an extension while the assessment is finished; null for an independent review. */
    extendedUntil: date('extended_until'),
    panelViewsSoughtOn: date('panel_views_sought_on'),
    iroInformed: boolean('iro_informed'),
    extensionRecordedBy: uuid('extension_recorded_by').references(() => users.id),
    /** Ended other than by full approval: the day, why (labels.ts endReasons), a note. */
    endedOn: date('ended_on'),
    endReason: text('end_reason'),
    endNote: text('end_note'),
    endedBy: uuid('ended_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('temporary_approvals_one_running_idx')
      .on(t.householdId, t.childId)
      .where(sql`ended_on is null`),
    index('temporary_approvals_household_idx').on(t.householdId, t.approvedOn),
    index('temporary_approvals_child_idx').on(t.childId, t.approvedOn),
    // The approvals running out (the list) and those decided in a period (the measure).
    index('temporary_approvals_expires_idx').on(t.expiresOn),
  ],
);
