/**
 * Test support: a temporary approval written straight to the database (no audit), its deadline kept
 * as the service keeps it; a connected person's household and a child to approve it for; and the
 * kept deadline items of an approval.
 */
import { sql } from 'drizzle-orm';
import { makeChild, makeReferral } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { expiresOnFor } from './labels.ts';
import { APPROVAL_RECORD } from './service.ts';
import { temporaryApprovals } from './tables.ts';

export type ApprovalValues = Partial<typeof temporaryApprovals.$inferInsert> & {
  householdId: string;
  childId: string;
  approvedOn: string;
};

/** An approval given on the day for 16 weeks (unless said), by a made-up nominated officer; its items refreshed as on `today`. */
export async function makeApproval(db: DbOrTx, values: ApprovalValues, today?: string) {
  const [row] = await db
    .insert(temporaryApprovals)
    .values({ expiresOn: expiresOnFor(values.approvedOn), approvedBy: 'Nadia Officer', ...values })
    .returning();
  await refreshDueItems(db, APPROVAL_RECORD, [row!.id], today);
  return row!;
}

/**
 * A family and friends household in assessment in the manager's team (`name` Household), and a
 * child in care (Juno `name`child, looked after since `lookedAfterSince`) in the manager's area with
 * a referral for a placement (so the team manager may read them).
 */
export async function connectedPerson(db: DbOrTx, name: string, lookedAfterSince: IsoDate) {
  const household = await makeHousehold(db, {
    name: `${name} Household`,
    status: 'in_assessment',
    householdType: 'family_and_friends',
  });
  const child = await makeChild(db, { firstName: 'Juno', lastName: `${name}child`, lookedAfterSince });
  await makeReferral(db, { childId: child.id, urgency: 'emergency', placementType: 'short_term' });
  return { household, child };
}

const RULE = 'connected-persons.assessment-decided';

/** The kept deadline items of an approval. */
export const approvalDueItems = (db: DbOrTx, id: string) =>
  queryRows<{ due_on: string; detail: string }>(
    db,
    sql`select due_on::text, detail from due_items where rule_id = ${RULE} and record_id = ${id}`,
  );
