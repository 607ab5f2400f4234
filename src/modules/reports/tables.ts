import { date, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';
import { bytea } from '../../platform/db/columns.ts';
import type { ReportContent } from './content.ts';

/**
 * The quarterly report to the executive (NMS 25.7), one per quarter of the April to March year:
 * a draft the head of fostering writes the foreword and narrative of, then issued. An issued report
 * keeps the content as it was issued (the rendered figures and words) and its Word document, and
 * never changes; later reports compare their figures against it.
 */
export const quarterlyReports = pgTable('quarterly_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The first day of the quarter (1 April, 1 July, 1 October or 1 January): one report each. */
  quarterStart: date('quarter_start').notNull().unique(),
  foreword: text('foreword').notNull().default(''),
  /** The head's account of what went off target and why, beside the updates' own narrative. */
  offTarget: text('off_target').notNull().default(''),
  /** What the service will do next quarter. */
  nextQuarter: text('next_quarter').notNull().default(''),
  /** draft or issued. */
  status: text('status').notNull().default('draft'),
  changedByUserId: uuid('changed_by_user_id').references(() => users.id),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  issuedOn: date('issued_on'),
  issuedByUserId: uuid('issued_by_user_id').references(() => users.id),
  /** The report as it was issued: what the page and the document showed. */
  issuedContent: jsonb('issued_content').$type<ReportContent>(),
  issuedDocx: bytea('issued_docx'),
});
