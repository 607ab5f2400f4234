import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';
import { children } from '../children/tables.ts';
import { agencyPlacements, placements } from '../placements/tables.ts';

/**
 * A visit to a child in care by their social worker (Care Planning, Placement and Case Review
 * (England) Regulations 2010, regulations 28 and 29), during one placement: with the service's own
 * carers (`placement_id`) or with an independent fostering agency (`agency_placement_id`), the one
 * the child lived in on the day of the visit. Whether the child was seen, and seen alone or why not;
 * where; a short note of what the child said and what happens next.
 */
export const childVisits = pgTable(
  'child_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    placementId: uuid('placement_id').references(() => placements.id),
    agencyPlacementId: uuid('agency_placement_id').references(() => agencyPlacements.id),
    visitedOn: date('visited_on').notNull(),
    /** Who visited: a member of staff, by default the child's allocated social worker. */
    visitedBy: uuid('visited_by')
      .notNull()
      .references(() => users.id),
    childSeen: boolean('child_seen').notNull(),
    /** Null when the child was not seen. */
    seenAlone: boolean('seen_alone'),
    /** refused, not_practicable, too_young: why a child seen was not seen alone (null otherwise). */
    notAloneReason: text('not_alone_reason'),
    /** placement, school, elsewhere */
    place: text('place').notNull(),
    /** What the child said, and what happens next. */
    note: text('note'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // During exactly one placement, in-house or with an agency.
    check('child_visits_one_placement', sql`num_nonnulls(${t.placementId}, ${t.agencyPlacementId}) = 1`),
    // Seen alone is said only of a child seen; a reason only when seen but not alone.
    check(
      'child_visits_seen',
      sql`(${t.childSeen} and ${t.seenAlone} is not null) or (not ${t.childSeen} and ${t.seenAlone} is null)`,
    ),
    check(
      'child_visits_not_alone_reason',
      sql`(${t.seenAlone} = false and ${t.notAloneReason} in ('refused', 'not_practicable', 'too_young'))
        or (${t.seenAlone} is distinct from false and ${t.notAloneReason} is null)`,
    ),
    check('child_visits_place', sql`${t.place} in ('placement', 'school', 'elsewhere')`),
    // A child's visits by date: their page, their last visits, and the last one during a placement
    // (the deadline and the measure, once per child).
    index('child_visits_child_idx').on(t.childId, t.visitedOn),
    // The measure's visits of the last 3 months in which the child was seen, by placement: read
    // from the index alone, not from the whole table (a fifth of the national demo's visits).
    index('child_visits_seen_idx')
      .on(t.visitedOn, t.placementId, t.agencyPlacementId)
      .where(sql`${t.childSeen}`),
  ],
);

/**
 * Kept facts (facts.ts): for each placement, in-house or with an agency (`kind`), the day of the
 * last visit during it in which the child was seen. Kept in step in the transaction that records,
 * changes or removes a visit; the measure of visits up to date reads it for today instead of
 * reading the visits of the last 3 months.
 */
export const childVisitFacts = pgTable('child_visit_facts', {
  placementId: uuid('placement_id').primaryKey(),
  /** 'in-house' or 'agency' */
  kind: text('kind').notNull(),
  lastSeenOn: date('last_seen_on').notNull(),
});
