import { and, eq, inArray, ne, notInArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { providerSessions, sessions, signInSettings, users } from '../tables.ts';

const STAFF_PASSWORDS = 'staff-passwords';
const LINK_BY_EMAIL = 'link-by-verified-email';

async function settingValue(db: DbOrTx, key: string): Promise<string | undefined> {
  const [row] = await db
    .select({ value: signInSettings.value })
    .from(signInSettings)
    .where(eq(signInSettings.key, key))
    .limit(1);
  return row?.value;
}

/** Sets a sign-in setting, in the audit trail. */
async function writeSetting(tx: DbOrTx, actor: Actor, key: string, change: { from: string; to: string }) {
  const changedAt = new Date();
  await tx
    .insert(signInSettings)
    .values({ key, value: change.to, changedAt, changedBy: actor.userId })
    .onConflictDoUpdate({ target: signInSettings.key, set: { value: change.to, changedAt, changedBy: actor.userId } });
  await recordAudit(tx, actor, { action: 'change-setting', recordType: 'setting', recordId: key, detail: change });
}

/**
 * Whether an administrator has switched off passwords for staff: they then sign in only through
 * the council's identity provider. Foster carers keep their passwords. Off unless switched on.
 */
export async function staffPasswordsRefused(db: DbOrTx): Promise<boolean> {
  return (await settingValue(db, STAFF_PASSWORDS)) === 'refused';
}

/** When staff passwords were last switched on or off, and by whom (null: never changed). */
export async function staffPasswordsChange(db: DbOrTx) {
  const [row] = await db
    .select({ changedAt: signInSettings.changedAt, changedBy: users.displayName })
    .from(signInSettings)
    .leftJoin(users, eq(users.id, signInSettings.changedBy))
    .where(eq(signInSettings.key, STAFF_PASSWORDS))
    .limit(1);
  return row ?? null;
}

/**
 * Switches staff passwords off (refused) or on again, in the audit trail. Switching them off ends
 * the sessions of staff who signed in with a password: they sign in again with their council account.
 */
export async function setStaffPasswords(db: Db, actor: Actor, refused: boolean): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const before = await staffPasswordsRefused(tx);
    if (before === refused) return { changed: false };
    const value = refused ? 'refused' : 'allowed';
    await writeSetting(tx, actor, STAFF_PASSWORDS, { from: before ? 'refused' : 'allowed', to: value });
    if (refused) {
      await tx
        .delete(sessions)
        .where(
          and(
            inArray(sessions.userId, tx.select({ id: users.id }).from(users).where(ne(users.role, 'foster_carer'))),
            notInArray(sessions.id, tx.select({ id: providerSessions.sessionId }).from(providerSessions)),
          ),
        );
    }
    return { changed: true };
  });
}

/**
 * Whether an administrator has chosen to link someone's first sign-in through the provider to the
 * Hearth account that has the same email address, when the provider says it has verified it. Off
 * unless switched on.
 */
export async function linkByVerifiedEmail(db: DbOrTx): Promise<boolean> {
  return (await settingValue(db, LINK_BY_EMAIL)) === 'on';
}

/** Switches linking by verified email on or off, in the audit trail. */
export async function setLinkByVerifiedEmail(db: Db, actor: Actor, on: boolean): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const before = await linkByVerifiedEmail(tx);
    if (before === on) return { changed: false };
    await writeSetting(tx, actor, LINK_BY_EMAIL, { from: before ? 'on' : 'off', to: on ? 'on' : 'off' });
    return { changed: true };
  });
}
