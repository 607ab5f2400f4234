/**
 * The payments deadlines, kept by platform/due: each current disability enhancement's yearly review
 * (scoped by the household the child is placed with, so the payments officer, who reads households
 * but not children's records, sees it), and the yearly review of the published rates by the next
 * 1 April (the start of the financial year) after the latest set, the payments officer's (scoped by
 * that member of staff: the rates name no household or child).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { dateInWordsSql, queryRows } from '../../platform/db/sql.ts';
import { ACCOUNT_RECORD, recordsIn, type DueRule, type KeptDueItem } from '../../platform/due/index.ts';
import { NMS_28, TARGET_6_1 } from './labels.ts';
import { enhancementPath, paymentsPath } from './paths.ts';

/** The payments officer who owns the payments deadlines: the first active one by name. */
const paymentsOfficer = sql`(select u.id from users u where u.role = 'payments_officer' and u.active
  order by u.display_name, u.id limit 1)`;

/** An account changed is (now) a payments officer's: the payments work may pass to them. */
const isPaymentsOfficer = (ids: SQL) =>
  sql`exists (select 1 from users c where c.id in ${ids} and c.role = 'payments_officer')`;

interface EnhancementDue {
  id: string;
  due_on: string;
  household_id: string;
  team_id: string;
  area_id: string;
  ends: string | null;
  owner_id: string | null;
  label: string;
  detail: string;
}

async function enhancementReviews(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<EnhancementDue>(
    db,
    sql`select e.id, e.review_due_on::text as due_on, p.household_id, h.team_id, t.area_id, p.end_date::text as ends,
        ${paymentsOfficer} as owner_id,
        'Disability enhancement: ' || coalesce(c.preferred_name, c.first_name) || ' ' || c.last_name
          || ' (' || c.reference || ')' as label,
        'Yearly review of the enhancement agreed at the funding panel on ' || ${dateInWordsSql(sql`e.agreed_on`)} as detail
      from payment_enhancements e
      join placements p on p.id = e.placement_id
      join children c on c.id = p.child_id
      join households h on h.id = p.household_id
      join teams t on t.id = h.team_id
      where e.ended_on is null and ${recordsIn(sql`e.id`, ids)}`,
  );
  return rows.map((r) => ({
    recordId: r.id,
    dueOn: r.due_on,
    shownUntil: r.ends,
    teamId: r.team_id,
    areaId: r.area_id,
    ownerUserId: r.owner_id,
    householdId: r.household_id,
    childId: null,
    label: r.label,
    detail: r.detail,
    href: enhancementPath(r.id),
  }));
}

async function ratesReview(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<{ id: string; due_on: string; owner_id: string | null; detail: string }>(
    db,
    sql`select r.id, make_date(extract(year from r.effective_from)::int
          + case when r.effective_from >= make_date(extract(year from r.effective_from)::int, 4, 1) then 1 else 0 end,
          4, 1)::text as due_on,
        ${paymentsOfficer} as owner_id,
        'The latest rates are from ' || ${dateInWordsSql(sql`r.effective_from`)}
          || ': review them and publish the next set' as detail
      from payment_rates r
      where r.effective_from = (select max(effective_from) from payment_rates) and ${recordsIn(sql`r.id`, ids)}`,
  );
  // Every item is scoped by a record: the rates name none, so by the payments officer whose work it is
  // (no item while the service has no active payments officer).
  return rows
    .filter((r) => r.owner_id !== null)
    .map((r) => ({
      recordId: r.id,
      dueOn: r.due_on,
      teamId: null,
      areaId: null,
      ownerUserId: r.owner_id,
      householdId: null,
      childId: null,
      staffUserId: r.owner_id,
      label: 'Published rates for carers',
      detail: r.detail,
      href: paymentsPath(),
    }));
}

export const paymentsDueRules: DueRule[] = [
  {
    id: 'payments.enhancement-review',
    title: 'Disability enhancement reviewed',
    cites: `${NMS_28}; ${TARGET_6_1}`,
    countsFrom: 'the date the funding panel agreed the enhancement (or its last review), while the child is placed',
    period: 'within 12 months',
    audience: ['head_of_fostering', 'payments_officer'],
    recordType: 'payment-enhancement',
    affectedBy: {
      placement: (ids) => sql`select id from payment_enhancements where placement_id in ${ids}`,
      [ACCOUNT_RECORD]: (ids) =>
        sql`select id from payment_enhancements where ended_on is null and ${isPaymentsOfficer(ids)}`,
    },
    compute: (db, ids) => enhancementReviews(db, ids),
  },
  {
    id: 'payments.rates-review',
    title: 'Published rates for carers reviewed',
    cites: `${TARGET_6_1}: reviewed at the start of the financial year and published (local target)`,
    countsFrom: 'the date the latest set of rates is in force from',
    period: 'by the next 1 April',
    audience: ['head_of_fostering', 'payments_officer'],
    recordType: 'payment-rates',
    affectedBy: {
      [ACCOUNT_RECORD]: (ids) => sql`select id from payment_rates
        where effective_from = (select max(effective_from) from payment_rates) and ${isPaymentsOfficer(ids)}`,
    },
    compute: (db, ids) => ratesReview(db, ids),
  },
];
