/**
 * Test fixtures for Lifelong Links: a work written straight to the database at whatever stage a
 * test needs, a child placed with a household of a team, and a member of staff who can sign in
 * (with the demo users' password). Made-up people only.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import { areas, users } from '../../platform/auth/tables.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { makeChild, makePlacement, type ChildOverrides } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { lifelongLinks } from './tables.ts';

export type WorkValues = Partial<typeof lifelongLinks.$inferInsert> & { childId: string; identifiedOn: string };

/** A work at the stage its values say (only the identified day is needed). */
export async function makeWork(db: DbOrTx, values: WorkValues) {
  const [row] = await db.insert(lifelongLinks).values(values).returning();
  return row!;
}

/** A child placed (from `since`, to `until` when given) with a new household of the team; allocated to cicsw unless said. */
export async function placedChild(
  db: DbOrTx,
  teamId: string,
  since: string,
  until: string | null = null,
  child: ChildOverrides = {},
) {
  const made = await makeChild(db, { lastName: 'Linksfixture', lookedAfterSince: '2020-06-01', ...child });
  const household = await makeHousehold(db, { teamId });
  await makePlacement(db, { childId: made.id, householdId: household.id, startDate: since, endDate: until });
  return { ...made, householdId: household.id };
}

/** A member of staff with the demo users' password (copied from the demo's cicsw), for signing in. */
export async function staffMember(db: DbOrTx, role: Role, areaName: string): Promise<string> {
  const [demo] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.username, 'cicsw'));
  const [area] = await db.select({ id: areas.id }).from(areas).where(eq(areas.name, areaName));
  const username = `links-${randomUUID().slice(0, 8)}`;
  await db.insert(users).values({
    username,
    displayName: `Lee Linksworker ${username.slice(-4)}`,
    role,
    areaId: area!.id,
    passwordHash: demo!.hash,
  });
  return username;
}
