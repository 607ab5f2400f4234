/**
 * When a household's review of approval falls due (regulation 28), as SQL over a household `h`:
 * a year after its approval for the first review, then no more than a year after the last. Read
 * by the deadline (due.ts) and the scorecard (measures.ts), so the two never differ.
 */
import { sql, type SQL } from 'drizzle-orm';

/** The household's approval: the day of the decision (or, for an old record without it, its status date). */
export const approvedFrom = sql`coalesce(h.approved_on, h.status_since)`;

/**
 * `last.reviewed_on`: the household's last review of approval completed since its approval (up to
 * the day, when given), or null.
 */
export function lastReview(upTo?: string): SQL {
  return sql`left join lateral (select max(r.reviewed_on) as reviewed_on from annual_reviews r
    where r.household_id = h.id and r.status = 'completed' and r.reviewed_on >= ${approvedFrom}
      ${upTo ? sql`and r.reviewed_on <= ${upTo}::date` : sql``}) last on true`;
}

/** The day the next review is due by (a date), from `h` and `last`. */
export const reviewDueOn = sql`(coalesce(last.reviewed_on, ${approvedFrom}) + interval '1 year')::date`;
