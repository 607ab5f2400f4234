/**
 * The households module's kept facts: each household's status periods (household_status_periods),
 * derived from its dated status events. Every write that adds a status event or changes a
 * household's status calls `refreshHouseholdFacts` in the same transaction.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { refreshFacts, type KeptFacts } from '../../platform/measures/facts.ts';

/**
 * A household's status on a day is that of its last status event on or before the day (the latest
 * recorded, when two share a date); before its first event, or with no events at all, it is the
 * household's own status from `status_since`. As periods: each event's status runs from its date
 * to the next event's date, and the household's own status from `status_since` to its first event.
 */
export const householdStatusPeriodFacts: KeptFacts = {
  table: 'household_status_periods',
  key: 'household_id',
  columns: ['household_id', 'status', 'from_on', 'to_on'],
  derive(keys?: SQL) {
    const events = keys ? sql`where e.household_id in (${keys})` : sql``;
    const own = keys ? sql`where h.id in (${keys})` : sql`where true`;
    return sql`with ev as (
        select e.household_id, e.to_status as status, e.on_date as from_on,
          lead(e.on_date) over (partition by e.household_id order by e.on_date, e.created_at, e.id) as to_on
        from household_status_events e ${events}
      ), firsts as (
        select household_id, min(from_on) as first_on from ev group by household_id
      )
      select household_id, status, from_on, to_on from ev where to_on is null or to_on > from_on
      union all
      select h.id, h.status, h.status_since, f.first_on
        from households h left join firsts f on f.household_id = h.id
        ${own} and (f.first_on is null or h.status_since < f.first_on)`;
  },
};

/** Keeps the household's status periods in step: call it in the transaction that changed its status. */
export async function refreshHouseholdFacts(tx: DbOrTx, householdId: string): Promise<void> {
  await refreshFacts(tx, householdStatusPeriodFacts, [householdId]);
}
