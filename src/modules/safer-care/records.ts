import { sql } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { RecordType } from '../../platform/access/registry.ts';
import { readsWholeHousehold } from '../../platform/access/scope.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { formatDate } from '../../platform/views/format.ts';
import { isUuid } from '../../platform/views/params.ts';
import { PLAN_RECORD } from './labels.ts';
import { householdPlansPath } from './paths.ts';
import { planById } from './queries.ts';
import { householdWithPlans } from './scope.ts';

/** A version of a safer-care plan in the audit trail: "who has seen or changed this record", scoped as its household's plan. */
export const saferCareRecordTypes: RecordType[] = [
  {
    type: PLAN_RECORD,
    pages: ['/safer-care-plans/:id'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await queryRows<{ household_id: string; name: string; agreed_on: string }>(
        db,
        sql`select p.household_id, h.name || ' (' || h.reference || ')' as name, p.agreed_on::text as agreed_on
          from safer_care_plans p join households h on h.id = p.household_id where p.id = ${id}`,
      );
      return row
        ? {
            label: `Safer-care plan agreed on ${formatDate(row.agreed_on)}: ${row.name}`,
            href: householdPlansPath(row.household_id),
          }
        : null;
    },
    // Narrower than its household: not listed to a child's social worker, nor to a role that does not read plans.
    listedTo: (viewer) => (can(viewer.role, 'safer-care.view') && readsWholeHousehold(viewer) ? null : sql`false`),
    async inScope(db, viewer, id) {
      if (!isUuid(id)) return false;
      const plan = await planById(db, id);
      return plan !== null && (await householdWithPlans(db, viewer, plan.householdId)) !== null;
    },
  },
];
