import { createHash, randomBytes } from 'node:crypto';
import { eq, lt, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { sessions, users } from './tables.ts';
import { isRole, type Role } from '../access/roles.ts';

export const SESSION_COOKIE = 'hearth_session';
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, to keep reads cheap. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** The signed-in person, as every route and query sees them. */
export interface SignedInUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  teamId: string | null;
  areaId: string | null;
  householdId: string | null;
  mustChangePassword: boolean;
  sessionId: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A sign-in waiting for its second factor lasts this long. */
export const PENDING_TIMEOUT_MS = 10 * 60 * 1000;

/** What a half-finished sign-in waits for: a code from the app, or setting the app up. */
export type PendingStep = 'code' | 'set-up';

/** Someone whose password was right, but whose sign-in waits for the second factor. */
export interface PendingSignIn {
  userId: string;
  username: string;
  sessionId: string;
  step: PendingStep;
}

/**
 * Starts a new session (a new id every sign-in) and returns the cookie token. A pending session
 * (password checked, second factor not yet) opens no page: finishing the sign-in replaces it.
 */
export async function createSession(
  db: DbOrTx,
  userId: string,
  now = new Date(),
  pending: PendingStep | null = null,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({ id: hashToken(token), userId, createdAt: now, lastSeenAt: now, pending });
  return token;
}

export type SessionLookup = { user: SignedInUser } | { pending: PendingSignIn } | { expired: true } | null;

/**
 * The session and its user by the session's id, built once for each database (every request reads
 * it, and building the SQL again each time was a share of a page's work).
 */
const lookups = new WeakMap<Db, ReturnType<typeof buildSessionLookup>>();

function buildSessionLookup(db: Db) {
  return db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .limit(1)
    .prepare('hearth_find_session');
}

function sessionLookup(db: Db) {
  let lookup = lookups.get(db);
  if (!lookup) {
    lookup = buildSessionLookup(db);
    lookups.set(db, lookup);
  }
  return lookup;
}

/** Finds the session for a cookie token, enforcing the idle and absolute timeouts. */
export async function findSession(db: Db, token: string, now = new Date()): Promise<SessionLookup> {
  const id = hashToken(token);
  const [row] = await sessionLookup(db).execute({ id });
  if (!row) return null;
  const { session, user } = row;
  const idle = now.getTime() - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS;
  const tooOld =
    now.getTime() - session.createdAt.getTime() > (session.pending ? PENDING_TIMEOUT_MS : ABSOLUTE_TIMEOUT_MS);
  if (idle || tooOld || !user.active || !isRole(user.role)) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { expired: true };
  }
  if (session.pending === 'code' || session.pending === 'set-up') {
    return { pending: { userId: user.id, username: user.username, sessionId: id, step: session.pending } };
  }
  if (session.pending) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { expired: true };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      teamId: user.teamId,
      areaId: user.areaId,
      householdId: user.householdId,
      mustChangePassword: user.mustChangePassword,
      sessionId: id,
    },
  };
}

export async function destroySession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function destroyUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Removes sessions past either timeout (run now and then; lookups also refuse them). */
export async function purgeExpiredSessions(db: DbOrTx, now = new Date()): Promise<void> {
  await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS)),
        lt(sessions.createdAt, new Date(now.getTime() - ABSOLUTE_TIMEOUT_MS)),
      ),
    );
}
