/** Test support: demo users as the SignedInUser a route would see. Not used by the app. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { areas, users } from '../../platform/auth/tables.ts';
import type { DbOrTx } from '../../platform/db/client.ts';

export async function viewer(db: DbOrTx, username: string): Promise<SignedInUser> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  if (!u) throw new Error(`no user called ${username}`);
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    teamId: u.teamId,
    areaId: u.areaId,
    householdId: u.householdId,
    mustChangePassword: false,
    sessionId: 'test',
  };
}

/** A service manager for an area (the demo has none): a user row, so joins on users work. */
export async function serviceManager(db: DbOrTx, areaName: string): Promise<SignedInUser> {
  const [area] = await db.select().from(areas).where(eq(areas.name, areaName));
  const username = `sm-${randomUUID().slice(0, 8)}`;
  await db.insert(users).values({
    username,
    displayName: `Service Manager ${areaName}`,
    role: 'service_manager',
    areaId: area!.id,
    passwordHash: 'not-a-real-hash',
  });
  return viewer(db, username);
}
