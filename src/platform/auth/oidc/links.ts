import { and, asc, eq, inArray, isNotNull, isNull, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { providerIdentities, providerSessions, sessions, users } from '../tables.ts';

/**
 * The links between Hearth accounts and accounts at the council's identity provider (issuer and
 * subject): the administrator sees them on each user's page, links someone waiting to the account
 * they already have, and unlinks. With the setting on, a first sign-in links by verified email.
 */

/** A provider account as the administrator's user page shows it. */
export interface CouncilAccount {
  id: string;
  issuer: string;
  subject: string;
  email: string | null;
  firstSeenAt: Date;
  lastSignInAt: Date;
}

/** The provider accounts that sign in to a Hearth account (one at most, from one provider). */
export async function councilAccountsOf(db: DbOrTx, userId: string): Promise<CouncilAccount[]> {
  return db
    .select({
      id: providerIdentities.id,
      issuer: providerIdentities.issuer,
      subject: providerIdentities.subject,
      email: providerIdentities.email,
      firstSeenAt: providerIdentities.firstSeenAt,
      lastSignInAt: providerIdentities.lastSignInAt,
    })
    .from(providerIdentities)
    .where(eq(providerIdentities.userId, userId))
    .orderBy(asc(providerIdentities.firstSeenAt));
}

/**
 * Accounts a provider account may be linked to: active staff accounts (foster carers sign in with
 * a password) that no provider account signs in to yet.
 */
function linkable(): SQL {
  return and(
    eq(users.active, true),
    ne(users.role, 'foster_carer'),
    notInArray(
      users.id,
      sql`(select ${providerIdentities.userId} from ${providerIdentities} where ${providerIdentities.userId} is not null)`,
    ),
  )!;
}

/** The accounts an administrator may link someone waiting to, by name. */
export async function linkCandidates(db: DbOrTx) {
  return db
    .select({ id: users.id, displayName: users.displayName, username: users.username, email: users.email })
    .from(users)
    .where(linkable())
    .orderBy(asc(users.displayName), asc(users.username));
}

/**
 * The account a first sign-in links to by its verified email: the one linkable account with that
 * email address (any case), never an administrator's. Null when none, or more than one, matches.
 */
export async function accountWithEmail(db: DbOrTx, email: string): Promise<string | null> {
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(and(linkable(), ne(users.role, 'admin'), eq(sql`lower(${users.email})`, email.toLowerCase())))
    .limit(2);
  return found.length === 1 ? found[0]!.id : null;
}

export type LinkResult = { ok: true } | { ok: false; reason: 'not-waiting' | 'not-linkable' };

/**
 * Links someone waiting (with no Hearth account yet) to an account they already have: they sign
 * in to it from now on, with its role, team and area, which an administrator keeps (a mapping
 * that matches their groups later takes over, as for any account).
 */
export async function linkWaitingToAccount(
  db: Db,
  actor: Actor,
  identityId: string,
  userId: string,
): Promise<LinkResult> {
  return db.transaction(async (tx) => {
    const [known] = await tx
      .select()
      .from(providerIdentities)
      .where(
        and(
          eq(providerIdentities.id, identityId),
          isNotNull(providerIdentities.waitingSince),
          isNull(providerIdentities.userId),
        ),
      )
      .for('update')
      .limit(1);
    if (!known) return { ok: false as const, reason: 'not-waiting' as const };
    const [account] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), linkable()))
      .limit(1);
    if (!account) return { ok: false as const, reason: 'not-linkable' as const };
    await tx
      .update(providerIdentities)
      .set({ userId, roleGivenBy: 'administrator', waitingSince: null, accessRemovedAt: null })
      .where(eq(providerIdentities.id, identityId));
    await recordAudit(tx, actor, {
      action: 'link-council-account',
      recordType: 'user',
      recordId: userId,
      detail: { issuer: known.issuer, subject: known.subject, through: 'administrator' },
    });
    return { ok: true as const };
  });
}

/**
 * Unlinks a provider account from a Hearth account: the sessions it started end, and it goes on
 * the list of people waiting (where it can be linked to another account). The Hearth account
 * stays, with its password. If one of their groups has a role, their next sign-in makes a new
 * account: to stop them signing in, deactivate them at the provider or remove the group's role.
 */
export async function unlinkCouncilAccount(db: Db, actor: Actor, userId: string, identityId: string) {
  return db.transaction(async (tx) => {
    const [known] = await tx
      .select()
      .from(providerIdentities)
      .where(and(eq(providerIdentities.id, identityId), eq(providerIdentities.userId, userId)))
      .for('update')
      .limit(1);
    if (!known) return false;
    await tx
      .delete(sessions)
      .where(
        inArray(
          sessions.id,
          tx
            .select({ id: providerSessions.sessionId })
            .from(providerSessions)
            .where(eq(providerSessions.identityId, identityId)),
        ),
      );
    await tx
      .update(providerIdentities)
      .set({ userId: null, roleGivenBy: null, waitingSince: new Date(), accessRemovedAt: null })
      .where(eq(providerIdentities.id, identityId));
    await recordAudit(tx, actor, {
      action: 'unlink-council-account',
      recordType: 'user',
      recordId: userId,
      detail: { issuer: known.issuer, subject: known.subject },
    });
    return true;
  });
}
