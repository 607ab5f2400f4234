/**
 * What the road in brings to the fostering panel (declared in the module's entry as its panel
 * business): the households whose assessment is complete, for approval.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { PanelBusiness } from '../../platform/modules/panel-business.ts';
import { formatDate } from '../../platform/views/format.ts';

export interface ReadyForPanel {
  householdId: string;
  householdName: string;
  householdReference: string;
  assessmentCompletedOn: string;
}

/**
 * Households in assessment whose assessment (Form F) is complete, oldest first. The panel module
 * passes `without`, a query of the household ids that already have a recommendation, to leave those out.
 */
export async function householdsReadyForPanel(
  db: DbOrTx,
  options: { without?: SQL; limit?: number } = {},
): Promise<ReadyForPanel[]> {
  return queryRows<ReadyForPanel>(
    db,
    sql`select h.id as "householdId", h.name as "householdName", h.reference as "householdReference",
      a.completed_on::text as "assessmentCompletedOn"
      from households h join recruitment_assessments a on a.household_id = h.id
      where h.status = 'in_assessment' and a.completed_on is not null
        ${options.without ? sql`and h.id not in (${options.without})` : sql``}
      order by a.completed_on, h.name
      ${options.limit === undefined ? sql`` : sql`limit ${options.limit}`}`,
  );
}

/**
 * Approval items: households in assessment whose assessment is complete, leaving out those the
 * panel says were already put to it for approval (`without`), at most `limit`.
 */
export const roadInPanelBusiness: PanelBusiness[] = [
  {
    kind: 'approval',
    dueForPanel: async (db, { limit, without }) =>
      (await householdsReadyForPanel(db, { without, limit })).map((h) => ({
        householdId: h.householdId,
        householdName: h.householdName,
        householdReference: h.householdReference,
        hint: `Assessment completed on ${formatDate(h.assessmentCompletedOn)}`,
        recordId: null,
      })),
  },
];
