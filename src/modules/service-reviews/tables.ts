import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { areas, users } from '../../platform/auth/tables.ts';

/**
 * A six-monthly review (business plan actions 1.1, 1.2, 3.2 and 6.3): one per kind (kinds.ts), half-year
 * (`period_start`, 1 April or 1 October) and, for a kind written for each area, area. Its id is the id
 * of that place (periods.ts slotId: the md5 of kind, half-year and area), so one place has one review.
 * A row exists once someone has saved it; it is completed when `completed_at` is set, and its
 * figures are then frozen in `figures`, so a completed review reads as it was.
 */
export const serviceReviews = pgTable(
  'service_reviews',
  {
    id: uuid('id').primaryKey(),
    /** kinds.ts kindKeys. */
    kind: text('kind').notNull(),
    /** The area, for a kind written for each area; null for a service-wide one. */
    areaId: uuid('area_id').references(() => areas.id),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    heard: text('heard'),
    learnt: text('learnt'),
    willDo: text('will_do'),
    /** Who it was shared with ("team managers’ meeting"), and when (optional). */
    sharedWith: text('shared_with'),
    sharedOn: date('shared_on', { mode: 'string' }),
    /** The figures Hearth counted for the half-year, as shown when it was completed (figures.ts Figures). */
    figures: jsonb('figures'),
    /** The day (in London) it was marked complete: on time when on or before its due date. */
    completedOn: date('completed_on', { mode: 'string' }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'service_reviews_half_year',
      sql`extract(day from ${t.periodStart}) = 1 and extract(month from ${t.periodStart}) in (4, 10)`,
    ),
    check('service_reviews_completed', sql`(${t.completedAt} is null) = (${t.completedOn} is null)`),
    index('service_reviews_kind_period_idx').on(t.kind, t.periodStart, t.areaId),
    index('service_reviews_completed_idx').on(t.completedOn),
  ],
);
