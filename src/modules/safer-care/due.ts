/**
 * The safer-care module's deadline, kept by platform/due: each approved household's plan is agreed
 * again within 12 months of its last version (`review_by`, kept on write); a household approved with
 * no plan recorded is due one from its approval. The work of the household's supervising social
 * worker, seen by those who see the household; the item moves when a version is recorded or
 * corrected, and goes when the household is no longer approved.
 */
import { sql } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { recordsIn, type DueRule, type KeptDueItem } from '../../platform/due/index.ts';
import { householdDueItem, type HouseholdDueRow } from '../../platform/due/household-item.ts';
import { formatDate } from '../../platform/views/format.ts';
import { PLAN_RECORD, SAFER_CARE_RULE } from './labels.ts';
import { householdPlansPath } from './paths.ts';

const audience: readonly Role[] = [
  'head_of_fostering',
  'assistant_director',
  'service_manager',
  'team_manager',
  'supervising_social_worker',
];

type Row = Omit<HouseholdDueRow, 'href'> & { agreed_on: string | null };

async function planAgreed(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select h.id as record_id, h.id as household_id, h.team_id, t.area_id, h.allocated_ssw_id as owner_id,
        h.name || ' (' || h.reference || ')' as label,
        latest.agreed_on::text as agreed_on,
        coalesce(latest.review_by, h.approved_on, h.status_since)::text as due_on, null as detail
      from households h
      join teams t on t.id = h.team_id
      left join lateral (select p.agreed_on, p.review_by from safer_care_plans p where p.household_id = h.id
        order by p.agreed_on desc, p.recorded_at desc limit 1) latest on true
      where h.status = 'approved' and ${recordsIn(sql`h.id`, ids)}`,
  );
  return rows.map((r) =>
    householdDueItem({
      ...r,
      detail: r.agreed_on ? `Safer-care plan last agreed on ${formatDate(r.agreed_on)}` : 'No safer-care plan recorded',
      href: householdPlansPath(r.household_id),
    }),
  );
}

export const saferCareDueRules: DueRule[] = [
  {
    id: 'safer-care.plan-agreed',
    title: 'Safer-care plan agreed again',
    cites: SAFER_CARE_RULE,
    countsFrom: 'the day the household’s latest safer-care plan was agreed (or its approval, when none is recorded)',
    period: 'within 12 months',
    audience,
    recordType: 'household',
    affectedBy: {
      [PLAN_RECORD]: (ids) => sql`select household_id from safer_care_plans where id in ${ids}`,
    },
    compute: (db, ids) => planAgreed(db, ids),
  },
];
