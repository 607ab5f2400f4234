/**
 * The carer portal accounts of a household's carers. An administrator creates a foster carer's
 * account (Administration); whoever may change the household then links it, from the carer's row
 * on the household's page, to that carer: the account sees that household's portal and nothing
 * else. The link ends by hand ("Remove access") or when the carer leaves the household, and the
 * account's sessions end with it, so a carer who has left sees nothing more of the household.
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import { users } from '../../platform/auth/tables.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import { findCarer } from './queries.ts';
import { householdFor } from './scope.ts';
import { carers } from './tables.ts';

/** The most accounts the form offers to link (the accounts made for carers and not yet linked). */
export const ACCOUNTS_OFFERED = 200;

/** A carer's portal account, as the household's page shows it. */
export interface PortalAccount {
  userId: string;
  carerId: string;
  displayName: string;
  email: string | null;
  active: boolean;
}

/** The household's carers' portal accounts, as one JSON array: a column of the household page's one query. */
export function portalAccountsJson(householdId: string): SQL {
  return sql`(select coalesce(json_agg(json_build_object('userId', acc.id, 'carerId', acc.carer_id,
      'displayName', acc.display_name, 'email', acc.email, 'active', acc.active) order by acc.display_name), '[]')
    from users acc where acc.household_id = ${householdId} and acc.carer_id is not null)`;
}

/** One carer's account, if linked. */
export async function accountOf(db: DbOrTx, carerId: string): Promise<PortalAccount | null> {
  const [row] = await db
    .select({ userId: users.id, displayName: users.displayName, email: users.email, active: users.active })
    .from(users)
    .where(eq(users.carerId, carerId))
    .limit(1);
  return row ? { ...row, carerId } : null;
}

/**
 * The foster carers' accounts an administrator has made that are not linked to a household yet,
 * those in the carer's surname first.
 */
export async function accountsToLink(db: DbOrTx, lastName: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'foster_carer'), eq(users.active, true), isNull(users.householdId)))
    .orderBy(sql`strpos(lower(${users.displayName}), lower(${lastName})) = 0`, users.displayName, users.id)
    .limit(ACCOUNTS_OFFERED);
}

/** A change of an account's access, on the household's trail and on the account's. */
async function auditAccess(
  tx: DbOrTx,
  who: Who,
  householdId: string,
  change: { carerId: string } & ({ linked: string } | { unlinked: string }),
) {
  await recordAudit(tx, who.actor, {
    action: 'update',
    recordType: 'household',
    recordId: householdId,
    detail: { part: 'portal-account', ...change },
  });
  await recordAudit(tx, who.actor, {
    action: 'update',
    recordType: 'user',
    recordId: 'linked' in change ? change.linked : change.unlinked,
    detail: { changed: ['householdId'] },
  });
}

/** The carer, living in the household, for the account's forms; else a refusal. */
async function carerLivingIn(tx: DbOrTx, who: Who, householdId: string, carerId: string) {
  const access = await householdFor(tx, who.user, householdId, 'change');
  if (!access.ok) return access;
  const carer = await findCarer(tx, householdId, carerId);
  return carer && !carer.leftOn ? { ok: true as const, carer } : notFound;
}

/**
 * Links a foster carer's account, not yet linked, to a carer living in the household: it sees the
 * household's portal from the next page it opens.
 */
export async function linkPortalAccount(
  db: Db,
  who: Who,
  householdId: string,
  carerId: string,
  userId: string,
): Promise<Result<{ ok: true }>> {
  return db.transaction(async (tx) => {
    const found = await carerLivingIn(tx, who, householdId, carerId);
    if (!found.ok) return found;
    // One account a carer: two links made at once for the same carer wait for each other here.
    await tx.select({ id: carers.id }).from(carers).where(eq(carers.id, carerId)).for('update');
    if (await accountOf(tx, carerId)) {
      return invalid({ field: 'userId', message: 'This carer already has an account: remove it first' });
    }
    const [linked] = await tx
      .update(users)
      .set({ householdId, carerId })
      .where(
        and(eq(users.id, userId), eq(users.role, 'foster_carer'), eq(users.active, true), isNull(users.householdId)),
      )
      .returning({ id: users.id });
    if (!linked) return invalid({ field: 'userId', message: 'Select the carer’s account from the list' });
    await auditAccess(tx, who, householdId, { carerId, linked: userId });
    return { ok: true };
  });
}

/**
 * Ends the carer's account's access to the household (in the caller's transaction): it is
 * unlinked, kept for the administrator, and signed out everywhere. Returns whether there was one.
 */
export async function endPortalAccess(tx: DbOrTx, who: Who, householdId: string, carerId: string): Promise<boolean> {
  const unlinked = await tx
    .update(users)
    .set({ householdId: null, carerId: null })
    .where(and(eq(users.carerId, carerId), eq(users.householdId, householdId)))
    .returning({ id: users.id });
  for (const { id } of unlinked) {
    await destroyUserSessions(tx, id);
    await auditAccess(tx, who, householdId, { carerId, unlinked: id });
  }
  return unlinked.length > 0;
}

/** Removes a carer's access to the household's portal by hand. */
export async function unlinkPortalAccount(
  db: Db,
  who: Who,
  householdId: string,
  carerId: string,
): Promise<Result<{ ok: true }>> {
  return db.transaction(async (tx) => {
    const access = await householdFor(tx, who.user, householdId, 'change');
    if (!access.ok) return access;
    if (!(await findCarer(tx, householdId, carerId))) return notFound;
    return (await endPortalAccess(tx, who, householdId, carerId)) ? { ok: true } : notFound;
  });
}
