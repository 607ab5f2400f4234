/**
 * Test fixtures for the audits module: a team of its own (so a sample draws only from the
 * fixture's households), a month's sample and audits written straight to the database with their
 * deadlines kept, as the service keeps them. Made-up people only.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { teamIdByName } from '../../../test/support/households.ts';
import { auditMonths, caseAudits } from './tables.ts';

let teamCount = 0;

/** A new fostering team in the East Kent area. */
export async function makeTeam(db: DbOrTx): Promise<string> {
  teamCount += 1;
  const east = await teamIdByName(db, 'East Kent Fostering Team 1');
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into teams (name, area_id) select ${`Audit Fixture Team ${teamCount} ${Date.now()}`}, area_id
      from teams where id = ${east} returning id`,
  );
  return row!.id;
}

/**
 * A month's sample (a team's, or central with teamId null), with nothing picked into it by the test.
 * The month's central sample may exist already (the demo picks one each month): it is reused.
 */
export async function makeMonth(db: DbOrTx, month: string, teamId: string | null): Promise<string> {
  const [row] = await db
    .insert(auditMonths)
    .values({ month, teamId, pickedOn: `${month}-01` })
    .onConflictDoNothing()
    .returning({ id: auditMonths.id });
  if (row) return row.id;
  const [existing] = await db
    .select({ id: auditMonths.id })
    .from(auditMonths)
    .where(and(eq(auditMonths.month, month), teamId ? eq(auditMonths.teamId, teamId) : isNull(auditMonths.teamId)));
  return existing!.id;
}

export type AuditOverrides = Partial<typeof caseAudits.$inferInsert> & {
  monthId: string;
  householdId: string;
  teamId: string;
};

/** An audit in a month's sample (default: to do, picked at random), its deadlines kept. */
export async function makeAudit(db: DbOrTx, values: AuditOverrides) {
  const [row] = await db
    .insert(caseAudits)
    .values({ pickedBecause: 'random', ...values })
    .returning();
  await refreshDueItems(db, 'case-audit', [row!.id]);
  return row!;
}
