import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import { signInFailures, users } from './tables.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
import { createSession, destroySession, destroyUserSessions } from './sessions.ts';

/** After this many failures in the window, sign-in pauses for the account or the address. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export type SignInResult =
  | { ok: true; token: string; userId: string; mustChangePassword: boolean }
  | { ok: false; reason: 'invalid' | 'throttled' };

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

async function recentFailures(db: Db, username: string, address: string, now: Date) {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [row] = await db
    .select({
      account: sql<number>`count(*) filter (where ${signInFailures.username} = ${username})::int`,
      address: sql<number>`count(*) filter (where ${signInFailures.address} = ${address})::int`,
    })
    .from(signInFailures)
    .where(
      and(
        gt(signInFailures.at, since),
        sql`(${signInFailures.username} = ${username} or ${signInFailures.address} = ${address})`,
      ),
    );
  return { account: Number(row?.account ?? 0), address: Number(row?.address ?? 0) };
}

/**
 * Checks a username and password. The same answer for an unknown user and a wrong password,
 * and the same pause for both once the account or address has failed too often.
 */
export async function signIn(
  db: Db,
  input: { username: string; password: string; address: string; requestId: string },
  now = new Date(),
): Promise<SignInResult> {
  const username = normaliseUsername(input.username);
  const failures = await recentFailures(db, username, input.address, now);
  if (failures.account >= MAX_FAILURES_PER_ACCOUNT || failures.address >= MAX_FAILURES_PER_ADDRESS) {
    return { ok: false, reason: 'throttled' };
  }
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid || !user.active) {
    await db.insert(signInFailures).values({ username, address: input.address, at: now });
    return { ok: false, reason: 'invalid' };
  }
  return db.transaction(async (tx) => {
    await tx.delete(signInFailures).where(eq(signInFailures.username, username));
    const token = await createSession(tx, user.id, now);
    await recordAudit(
      tx,
      { userId: user.id, username: user.username, route: 'POST /sign-in', requestId: input.requestId },
      { action: 'sign-in', recordType: 'user', recordId: user.id },
    );
    return { ok: true as const, token, userId: user.id, mustChangePassword: user.mustChangePassword };
  });
}

export async function signOut(db: Db, actor: Actor, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await destroySession(tx, sessionId);
    if (actor.userId) await recordAudit(tx, actor, { action: 'sign-out', recordType: 'user', recordId: actor.userId });
  });
}

export type ChangePasswordResult =
  { ok: true; token: string } | { ok: false; field: 'currentPassword'; message: string };

/** A user chooses a new password: every session of theirs ends and this one starts afresh. */
export async function changeOwnPassword(
  db: Db,
  actor: Actor & { userId: string },
  input: { currentPassword: string; newPassword: string },
): Promise<ChangePasswordResult> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId)).limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, field: 'currentPassword', message: 'Your current password is not correct' };
  }
  const passwordHash = await hashPassword(input.newPassword);
  const token = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date() })
      .where(eq(users.id, user.id));
    await destroyUserSessions(tx, user.id);
    await recordAudit(tx, actor, { action: 'change-password', recordType: 'user', recordId: user.id });
    return createSession(tx, user.id);
  });
  return { ok: true, token };
}
