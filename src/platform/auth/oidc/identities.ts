import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNotNull, like, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import type { Role } from '../../access/roles.ts';
import { hashPassword } from '../passwords.ts';
import { createSession, destroyUserSessions, hashToken } from '../sessions.ts';
import { providerIdentities, providerSessions, usedSignInStates, users } from '../tables.ts';
import type { OidcIdentity } from './client.ts';
import { claimValues } from './provider.ts';
import { mappingFor } from './mappings.ts';
import { SIGN_IN_LIFETIME_MS } from './sign-in-cookie.ts';
import { accountWithEmail } from './links.ts';
import { linkByVerifiedEmail } from './settings.ts';

const CALLBACK_ROUTE = 'GET /sign-in/oidc/callback';

/**
 * Marks a sign-in's state as used. False when it was used before: the same return from the
 * provider is never accepted twice, even with the cookie that went with it.
 */
export async function useSignInState(db: Db, state: string, now = new Date()): Promise<boolean> {
  await db
    .delete(usedSignInStates)
    .where(lt(usedSignInStates.usedAt, new Date(now.getTime() - 2 * SIGN_IN_LIFETIME_MS)));
  const used = await db
    .insert(usedSignInStates)
    .values({ stateHash: createHash('sha256').update(state).digest('hex'), usedAt: now })
    .onConflictDoNothing()
    .returning({ stateHash: usedSignInStates.stateHash });
  return used.length === 1;
}

export type ProviderSignIn =
  | { kind: 'signed-in'; token: string; userId: string }
  /** No role mapping matches and no administrator has given a role: on the waiting list. */
  | { kind: 'waiting' }
  /** Deactivated in Hearth by an administrator. */
  | { kind: 'deactivated' };

/** The person's name as the provider gives it, or what stands in for it. */
function nameOf(identity: OidcIdentity): string {
  const { given_name: given, family_name: family } = identity.claims;
  const parts = [given, family].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  const name = identity.name?.trim() || parts.join(' ') || identity.email || 'Name not given';
  return name.replaceAll('\u0000', '').slice(0, 200);
}

/** A username for a new account: the email address (or preferred username) when free, made unique when not. */
async function freeUsername(db: DbOrTx, identity: Pick<OidcIdentity, 'email' | 'claims'>): Promise<string> {
  const preferred = identity.claims.preferred_username;
  const wanted = identity.email ?? (typeof preferred === 'string' ? preferred : null) ?? 'council-account';
  const base =
    wanted
      .toLowerCase()
      .replace(/[^a-z0-9@._-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '')
      .slice(0, 80) || 'council-account';
  const taken = new Set(
    (
      await db
        .select({ username: users.username })
        .from(users)
        .where(like(users.username, `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))
    ).map((r) => r.username),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; n < 10; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  return `${base}-${randomBytes(4).toString('hex')}`;
}

/** People who sign in through the provider have no password of their own: a long random one stands in. */
async function noPassword(): Promise<string> {
  return hashPassword(randomBytes(32).toString('base64url'));
}

type Placement = { role: Role; teamId: string | null; areaId: string | null };

/**
 * At someone's first sign-in through the provider, with the administrator's setting on and the
 * provider saying it has verified their email address (email_verified: true): links them to the one
 * active staff account, not an administrator's, with that address and no provider account yet.
 * The account keeps its role while no mapping matches their groups. Null: not linked.
 */
async function linkByEmail(
  tx: DbOrTx,
  known: typeof providerIdentities.$inferSelect,
  identity: OidcIdentity,
  system: Actor,
  now: Date,
) {
  const firstSignIn = known.firstSeenAt.getTime() === now.getTime() && known.userId === null;
  if (!firstSignIn || !identity.emailVerified || !known.email || !(await linkByVerifiedEmail(tx))) return null;
  const userId = await accountWithEmail(tx, known.email);
  if (!userId) return null;
  const [linked] = await tx
    .update(providerIdentities)
    .set({ userId, roleGivenBy: 'administrator' })
    .where(eq(providerIdentities.id, known.id))
    .returning();
  await recordAudit(tx, system, {
    action: 'link-council-account',
    recordType: 'user',
    recordId: userId,
    detail: { issuer: known.issuer, subject: known.subject, through: 'verified email' },
  });
  return linked!;
}

/**
 * Signs in someone the provider has vouched for (its ID token checked), known by issuer and
 * subject. The role mappings are applied again at every sign-in: the first that matches the claim
 * gives the role, team and area (the account is made the first time); with none, a role an
 * administrator gave stays, and otherwise they lose access and wait for a role. Never asks for
 * Hearth's second factor: the provider does its own.
 */
export async function signInThroughProvider(
  db: Db,
  identity: OidcIdentity,
  options: { claim: string; requestId: string },
  now = new Date(),
): Promise<ProviderSignIn> {
  const values = claimValues(identity.claims, options.claim);
  const displayName = nameOf(identity);
  const email = identity.email?.replaceAll('\u0000', '').slice(0, 254) ?? null;
  return db.transaction(async (tx) => {
    const [found] = await tx
      .insert(providerIdentities)
      .values({
        issuer: identity.issuer,
        subject: identity.subject,
        displayName,
        email,
        claimValues: values,
        firstSeenAt: now,
        lastSignInAt: now,
      })
      .onConflictDoUpdate({
        target: [providerIdentities.issuer, providerIdentities.subject],
        set: { displayName, email, claimValues: values, lastSignInAt: now },
      })
      .returning();
    const system: Actor = { userId: null, username: null, route: CALLBACK_ROUTE, requestId: options.requestId };
    const known = (await linkByEmail(tx, found!, identity, system, now)) ?? found!;
    const [account] = known.userId ? await tx.select().from(users).where(eq(users.id, known.userId)).limit(1) : [];
    const mapping = await mappingFor(tx, values);

    if (!mapping && !(account && known.roleGivenBy === 'administrator')) {
      // No role in Hearth: on the waiting list; an account that had access loses it now.
      let accessRemovedAt = known.accessRemovedAt;
      if (account?.active) {
        accessRemovedAt = now;
        await tx.update(users).set({ active: false, deactivatedAt: now }).where(eq(users.id, account.id));
        await destroyUserSessions(tx, account.id);
        await recordAudit(tx, system, {
          action: 'deactivate',
          recordType: 'user',
          recordId: account.id,
          detail: { reason: 'no role mapping matches their account at the identity provider' },
        });
      }
      await tx
        .update(providerIdentities)
        .set({ waitingSince: known.waitingSince ?? now, accessRemovedAt, roleGivenBy: null })
        .where(eq(providerIdentities.id, known.id));
      return { kind: 'waiting' as const };
    }

    let userId: string;
    let username: string;
    if (!account) {
      username = await freeUsername(tx, identity);
      const [created] = await tx
        .insert(users)
        .values({
          username,
          displayName,
          email,
          role: mapping!.role,
          teamId: mapping!.teamId,
          areaId: mapping!.areaId,
          passwordHash: await noPassword(),
        })
        .returning({ id: users.id });
      userId = created!.id;
      await recordAudit(tx, system, {
        action: 'create',
        recordType: 'user',
        recordId: userId,
        detail: { through: 'identity provider', roleMapping: mapping!.claimValue },
      });
    } else {
      userId = account.id;
      username = account.username;
      const removedBySignIn =
        known.accessRemovedAt !== null && account.deactivatedAt?.getTime() === known.accessRemovedAt.getTime();
      if (!account.active && !removedBySignIn) return { kind: 'deactivated' as const };
      const next: Partial<Placement> & { displayName: string; email: string | null } = { displayName, email };
      if (mapping) Object.assign(next, { role: mapping.role, teamId: mapping.teamId, areaId: mapping.areaId });
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== account[k]);
      if (changed.length || !account.active) {
        await tx
          .update(users)
          .set({ ...next, ...(account.active ? {} : { active: true, deactivatedAt: null }) })
          .where(eq(users.id, userId));
      }
      const actor: Actor = { ...system, userId, username };
      if (!account.active) {
        await recordAudit(tx, actor, {
          action: 'reactivate',
          recordType: 'user',
          recordId: userId,
          detail: { reason: 'a role mapping matches their account at the identity provider again' },
        });
      }
      if (changed.length) {
        await recordAudit(tx, actor, {
          action: 'update',
          recordType: 'user',
          recordId: userId,
          detail: { changed, through: 'identity provider', ...(mapping ? { roleMapping: mapping.claimValue } : {}) },
        });
      }
    }
    await tx
      .update(providerIdentities)
      .set({
        userId,
        roleGivenBy: mapping ? 'mapping' : 'administrator',
        waitingSince: null,
        accessRemovedAt: null,
      })
      .where(eq(providerIdentities.id, known.id));
    const token = await createSession(tx, userId, now);
    await tx
      .insert(providerSessions)
      .values({ sessionId: hashToken(token), identityId: known.id, idToken: identity.idToken ?? null });
    await recordAudit(
      tx,
      { ...system, userId, username },
      { action: 'sign-in', recordType: 'user', recordId: userId, detail: { through: 'identity provider' } },
    );
    return { kind: 'signed-in' as const, token, userId };
  });
}

/** The provider's part of a session, when it was started through the provider. */
export async function providerSession(db: DbOrTx, sessionId: string) {
  const [row] = await db
    .select({ idToken: providerSessions.idToken })
    .from(providerSessions)
    .where(eq(providerSessions.sessionId, sessionId))
    .limit(1);
  return row ?? null;
}

/** A person waiting for a role, as the administrator's list shows them. */
export interface WaitingPerson {
  id: string;
  displayName: string;
  email: string | null;
  claimValues: string[];
  waitingSince: Date;
  /** Had a Hearth account, and lost access when no mapping matched any more. */
  hadAccess: boolean;
}

const waitingColumns = {
  id: providerIdentities.id,
  displayName: providerIdentities.displayName,
  email: providerIdentities.email,
  claimValues: providerIdentities.claimValues,
  waitingSince: providerIdentities.waitingSince,
  userId: providerIdentities.userId,
};

function asWaiting(
  row: { waitingSince: Date | null; userId: string | null } & Omit<WaitingPerson, 'waitingSince' | 'hadAccess'>,
): WaitingPerson {
  const { userId, waitingSince, ...rest } = row;
  return { ...rest, waitingSince: waitingSince!, hadAccess: userId !== null };
}

/** One page of the people waiting for a role, longest waiting first. */
export async function listWaiting(db: DbOrTx, page: number, pageSize: number) {
  const waiting = isNotNull(providerIdentities.waitingSince);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(providerIdentities)
    .where(waiting);
  const total = Number(count?.n ?? 0);
  const shown = Math.min(page, Math.max(1, Math.ceil(total / pageSize)));
  const rows = await db
    .select(waitingColumns)
    .from(providerIdentities)
    .where(waiting)
    .orderBy(asc(providerIdentities.waitingSince), asc(providerIdentities.displayName))
    .limit(pageSize)
    .offset((shown - 1) * pageSize);
  return { people: rows.map(asWaiting), total, page: shown };
}

export async function findWaiting(db: DbOrTx, id: string): Promise<WaitingPerson | null> {
  const [row] = await db
    .select(waitingColumns)
    .from(providerIdentities)
    .where(and(eq(providerIdentities.id, id), isNotNull(providerIdentities.waitingSince)))
    .limit(1);
  return row ? asWaiting(row) : null;
}

export type GiveRoleResult = { ok: true; userId: string } | { ok: false; reason: 'not-waiting' };

/**
 * An administrator gives a role to someone waiting: their account is made (or given back, with
 * the new role), and they can sign in through the provider straight away. The role stays while no
 * mapping matches them; a mapping that matches later takes over.
 */
export async function giveRole(db: Db, actor: Actor, identityId: string, place: Placement): Promise<GiveRoleResult> {
  const passwordHash = await noPassword();
  return db.transaction(async (tx) => {
    const [known] = await tx
      .select()
      .from(providerIdentities)
      .where(and(eq(providerIdentities.id, identityId), isNotNull(providerIdentities.waitingSince)))
      .for('update')
      .limit(1);
    if (!known) return { ok: false as const, reason: 'not-waiting' as const };
    let userId = known.userId;
    if (userId) {
      await tx
        .update(users)
        .set({ ...place, active: true, deactivatedAt: null })
        .where(eq(users.id, userId));
    } else {
      const [created] = await tx
        .insert(users)
        .values({
          username: await freeUsername(tx, { email: known.email, claims: {} }),
          displayName: known.displayName,
          email: known.email,
          ...place,
          passwordHash,
        })
        .returning({ id: users.id });
      userId = created!.id;
      await recordAudit(tx, actor, {
        action: 'create',
        recordType: 'user',
        recordId: userId,
        detail: { through: 'identity provider' },
      });
    }
    await tx
      .update(providerIdentities)
      .set({ userId, roleGivenBy: 'administrator', waitingSince: null, accessRemovedAt: null })
      .where(eq(providerIdentities.id, identityId));
    await recordAudit(tx, actor, { action: 'give-role', recordType: 'user', recordId: userId, detail: { ...place } });
    return { ok: true as const, userId };
  });
}
