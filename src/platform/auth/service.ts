import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import { signInFailures, users } from './tables.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
import { createSession, destroySession, destroyUserSessions, type PendingSignIn } from './sessions.ts';
import { checkSecondFactor, confirmSetUp, findSecondFactor, secondFactorRequired } from './second-factor.ts';

/** After this many failures in the window, sign-in pauses for the account or the address. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export type SignInResult =
  | { ok: true; token: string; userId: string; mustChangePassword: boolean; next: 'signed-in' | 'code' | 'set-up' }
  | { ok: false; reason: 'invalid' | 'throttled' | 'staff-use-provider' };

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
  input: {
    username: string;
    password: string;
    address: string;
    requestId: string;
    requireSecondFactor: boolean;
    /** Staff sign in only through the council's identity provider (foster carers keep passwords). */
    staffPasswordsRefused?: boolean;
  },
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
  // Said only after the right password, so it tells no one else which accounts are staff's.
  if (input.staffPasswordsRefused && user.role !== 'foster_carer') return { ok: false, reason: 'staff-use-provider' };
  // A second factor to enter or to set up: the session opens nothing until it is done, and the
  // failures are kept, so a known password does not reset the count of wrong codes.
  const factor = await findSecondFactor(db, user.id);
  const next = factor?.confirmedAt
    ? ('code' as const)
    : secondFactorRequired(user, input.requireSecondFactor)
      ? ('set-up' as const)
      : null;
  if (next) {
    const token = await createSession(db, user.id, now, next);
    return { ok: true, token, userId: user.id, mustChangePassword: user.mustChangePassword, next };
  }
  return db.transaction(async (tx) => {
    await tx.delete(signInFailures).where(eq(signInFailures.username, username));
    const token = await createSession(tx, user.id, now);
    await recordAudit(
      tx,
      { userId: user.id, username: user.username, route: 'POST /sign-in', requestId: input.requestId },
      { action: 'sign-in', recordType: 'user', recordId: user.id },
    );
    return {
      ok: true as const,
      token,
      userId: user.id,
      mustChangePassword: user.mustChangePassword,
      next: 'signed-in' as const,
    };
  });
}

export type SecondFactorResult =
  { ok: true; token: string; recoveryCodes?: string[] } | { ok: false; reason: 'invalid' | 'throttled' };

/**
 * The last step of signing in: a code from the app (or a recovery code), or, the first time, the
 * code that confirms a newly set-up app. Wrong codes count as failed sign-ins for the account and
 * the address. Success replaces the pending session with a full one (a new id).
 */
export async function finishSignIn(
  db: Db,
  sessionSecret: string,
  pending: PendingSignIn,
  input: { code: string; address: string; requestId: string },
  now = new Date(),
): Promise<SecondFactorResult> {
  const failures = await recentFailures(db, pending.username, input.address, now);
  if (failures.account >= MAX_FAILURES_PER_ACCOUNT || failures.address >= MAX_FAILURES_PER_ADDRESS) {
    await destroySession(db, pending.sessionId);
    return { ok: false, reason: 'throttled' };
  }
  const actor = { userId: pending.userId, username: pending.username, route: null, requestId: input.requestId };
  let recoveryCodes: string[] | undefined;
  let method: string | null;
  if (pending.step === 'set-up') {
    const confirmed = await confirmSetUp(
      db,
      sessionSecret,
      { ...actor, route: 'POST /sign-in/set-up' },
      pending.userId,
      input.code,
      now,
    );
    recoveryCodes = confirmed.ok ? confirmed.recoveryCodes : undefined;
    method = confirmed.ok ? 'new-code' : null;
  } else {
    method = await checkSecondFactor(db, sessionSecret, pending.userId, input.code, now);
  }
  if (!method) {
    await db.insert(signInFailures).values({ username: pending.username, address: input.address, at: now });
    return { ok: false, reason: 'invalid' };
  }
  const token = await db.transaction(async (tx) => {
    await tx.delete(signInFailures).where(eq(signInFailures.username, pending.username));
    await destroySession(tx, pending.sessionId);
    const fresh = await createSession(tx, pending.userId, now);
    await recordAudit(
      tx,
      { ...actor, route: pending.step === 'set-up' ? 'POST /sign-in/set-up' : 'POST /sign-in/code' },
      { action: 'sign-in', recordType: 'user', recordId: pending.userId, detail: { secondFactor: method } },
    );
    return fresh;
  });
  return { ok: true, token, recoveryCodes };
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
