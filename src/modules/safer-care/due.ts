/**
 * The safer-care module's deadline, kept by platform/due: each approved household's plan is agreed
 * again within 12 months of its last version (`review_by`, kept on write), or sooner, within 10
 * working days of the household changing after it (a child placed there for the first time, someone
 * coming to live there or leaving); a household approved with no plan recorded is due one from its approval. The work of
 * the household's supervising social worker, seen by those who see the household; the item moves
 * when a version is recorded or corrected, when a child is placed or someone joins or leaves, and goes
 * when the household is no longer approved.
 */
import { sql } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { recordsIn, type DueRule, type KeptDueItem } from '../../platform/due/index.ts';
import { householdDueItem, type HouseholdDueRow } from '../../platform/due/household-item.ts';
import { formatDate } from '../../platform/views/format.ts';
import { CHANGE_WORKING_DAYS, PLAN_RECORD, REVIEW_MONTHS, SAFER_CARE_RULE } from './labels.ts';
import { firstChangeSql } from './queries.ts';
import { dueAgainOf } from './service.ts';
import { householdPlansPath } from './paths.ts';

const audience: readonly Role[] = [
  'head_of_fostering',
  'assistant_director',
  'service_manager',
  'team_manager',
  'supervising_social_worker',
];

type Row = Omit<HouseholdDueRow, 'href'> & {
  agreed_on: string | null;
  review_by: string | null;
  changed_on: string | null;
};

async function planAgreed(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select h.id as record_id, h.id as household_id, h.team_id, t.area_id, h.allocated_ssw_id as owner_id,
        h.name || ' (' || h.reference || ')' as label,
        latest.agreed_on::text as agreed_on, latest.review_by::text as review_by,
        ${firstChangeSql(sql`h.id`, sql`latest.agreed_on`)}::text as changed_on,
        coalesce(h.approved_on, h.status_since)::text as due_on, null as detail
      from households h
      join teams t on t.id = h.team_id
      left join lateral (select p.agreed_on, p.review_by from safer_care_plans p where p.household_id = h.id
        order by p.agreed_on desc, p.recorded_at desc limit 1) latest on true
      where h.status = 'approved' and ${recordsIn(sql`h.id`, ids)}`,
  );
  return rows.map((r) => {
    if (!r.agreed_on || !r.review_by) {
      return householdDueItem({
        ...r,
        detail: 'No safer-care plan recorded',
        href: householdPlansPath(r.household_id),
      });
    }
    const due = dueAgainOf(r.review_by, r.changed_on);
    const changed = due.changedOn ? `; the household changed on ${formatDate(due.changedOn)}` : '';
    return householdDueItem({
      ...r,
      due_on: due.on,
      detail: `Safer-care plan last agreed on ${formatDate(r.agreed_on)}${changed}`,
      href: householdPlansPath(r.household_id),
    });
  });
}

export const saferCareDueRules: DueRule[] = [
  {
    id: 'safer-care.plan-agreed',
    title: 'Safer-care plan agreed again',
    cites: SAFER_CARE_RULE,
    countsFrom:
      'the day the household’s latest safer-care plan was agreed (or its approval, when none is recorded), or the day the household changed after it (a child placed there for the first time, someone coming to live there or someone leaving)',
    period: `within ${REVIEW_MONTHS} months, or within ${CHANGE_WORKING_DAYS} working days of the household changing`,
    audience,
    recordType: 'household',
    affectedBy: {
      [PLAN_RECORD]: (ids) => sql`select household_id from safer_care_plans where id in ${ids}`,
      // A child placed for the first time since the plan: the household changed.
      placement: (ids) => sql`select household_id from placements where id in ${ids}`,
    },
    compute: (db, ids) => planAgreed(db, ids),
    // 2: a member leaving, and the day a member moved in (when given), change the household.
    // 3: so does a carer leaving. 4: and a carer joining.
    version: 4,
  },
];
