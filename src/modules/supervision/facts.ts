/**
 * The supervision module's kept facts: each household's latest finalised visit, latest finalised
 * unannounced visit and latest supervision agreement (household_supervision_facts), when each
 * child was last seen at a visit to the household (child_seen_facts), and every visit at which a
 * child was seen (child_seen_visits). Every write
 * that finalises a visit or records an agreement calls `refreshSupervisionFacts` in the same
 * transaction.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { refreshFacts, type KeptFacts } from '../../platform/measures/facts.ts';

/** One row per household with a finalised visit or a signed agreement. */
export const householdSupervisionFacts: KeptFacts = {
  table: 'household_supervision_facts',
  key: 'household_id',
  columns: ['household_id', 'last_visit_on', 'last_unannounced_visit_on', 'agreement_signed_on', 'agreement_review_on'],
  derive(keys?: SQL) {
    const visits = keys ? sql`and s.household_id in (${keys})` : sql``;
    const agreements = keys ? sql`where a.household_id in (${keys})` : sql``;
    return sql`with v as (
        select s.household_id, max(s.visit_date) as last_visit_on,
          max(s.visit_date) filter (where not s.announced) as last_unannounced_visit_on
        from supervisions s where s.status = 'final' ${visits}
        group by s.household_id
      ), a as (
        select a.household_id, max(a.signed_on) as agreement_signed_on, max(a.review_on) as agreement_review_on
        from supervision_agreements a ${agreements}
        group by a.household_id
      )
      select coalesce(v.household_id, a.household_id), v.last_visit_on, v.last_unannounced_visit_on,
        a.agreement_signed_on, a.agreement_review_on
      from v full join a on a.household_id = v.household_id`;
  },
};

/** One row per child and household: the last finalised visit to the household at which the child was seen. */
export const childSeenFacts: KeptFacts = {
  table: 'child_seen_facts',
  key: 'household_id',
  columns: ['child_id', 'household_id', 'last_seen_on'],
  derive(keys?: SQL) {
    const some = keys ? sql`and s.household_id in (${keys})` : sql``;
    return sql`select sc.child_id, s.household_id, max(s.visit_date)
      from supervisions s join supervision_children sc on sc.supervision_id = s.id
      where s.status = 'final' and sc.seen in ('seen', 'seen_alone') ${some}
      group by sc.child_id, s.household_id`;
  },
};

/** One row per child, household and day of a finalised visit at which the child was seen. */
export const childSeenVisits: KeptFacts = {
  table: 'child_seen_visits',
  key: 'household_id',
  columns: ['child_id', 'household_id', 'visit_on'],
  derive(keys?: SQL) {
    const some = keys ? sql`and s.household_id in (${keys})` : sql``;
    return sql`select distinct sc.child_id, s.household_id, s.visit_date
      from supervisions s join supervision_children sc on sc.supervision_id = s.id
      where s.status = 'final' and sc.seen in ('seen', 'seen_alone') ${some}`;
  },
};

/** Keeps the household's supervision facts in step: call it in the transaction that changed them. */
export async function refreshSupervisionFacts(tx: DbOrTx, householdId: string): Promise<void> {
  await refreshFacts(tx, householdSupervisionFacts, [householdId]);
  await refreshFacts(tx, childSeenFacts, [householdId]);
  await refreshFacts(tx, childSeenVisits, [householdId]);
}
