import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';
import { households } from '../households/tables.ts';

/**
 * A request for a household's records (Fostering Services (England) Regulations 2011, regulation
 * 32(6)): from another fostering service provider the carer has applied to (regulation 26(1A)(e)),
 * or from an adoption agency (Adoption Agencies Regulations 2005, regulation 30F(4)). The records
 * are to be sent, or access given, within 15 working days of the request (`due_on`, kept on write
 * from `received_on`, England and Wales bank holidays excluded).
 */
export const recordsRequests = pgTable(
  'records_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /** The organisation that asked, as it names itself. */
    organisation: text('organisation').notNull(),
    /** labels.ts requesterKinds: fostering_provider, adoption_agency */
    kind: text('kind').notNull(),
    receivedOn: date('received_on').notNull(),
    /** 15 working days after `received_on`. */
    dueOn: date('due_on').notNull(),
    /** The day the records were sent or access given; null while the request is open. */
    sentOn: date('sent_on'),
    sentBy: uuid('sent_by').references(() => users.id),
    notes: text('notes'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A household's requests, newest first.
    index('records_requests_household_idx').on(t.householdId, t.receivedOn),
    // The open requests across the service, overdue first (the Records page and the deadline).
    index('records_requests_open_idx')
      .on(t.dueOn, t.id)
      .where(sql`${t.sentOn} is null`),
    // The measure: the requests whose 15 working days ended in a month.
    index('records_requests_due_idx').on(t.dueOn),
  ],
);
