import { and, eq, inArray, ne, notInArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { providerSessions, sessions, signInSettings, users } from '../tables.ts';

const STAFF_PASSWORDS = 'staff-passwords';

/**
 * Whether an administrator has switched off passwords for staff: they then sign in only through
 * the council's identity provider. Foster carers keep their passwords. Off unless switched on.
 */
export async function staffPasswordsRefused(db: DbOrTx): Promise<boolean> {
  const [row] = await db
    .select({ value: signInSettings.value })
    .from(signInSettings)
    .where(eq(signInSettings.key, STAFF_PASSWORDS))
    .limit(1);
  return row?.value === 'refused';
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
    const changedAt = new Date();
    await tx
      .insert(signInSettings)
      .values({ key: STAFF_PASSWORDS, value, changedAt, changedBy: actor.userId })
      .onConflictDoUpdate({ target: signInSettings.key, set: { value, changedAt, changedBy: actor.userId } });
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
    await recordAudit(tx, actor, {
      action: 'change-setting',
      recordType: 'setting',
      recordId: STAFF_PASSWORDS,
      detail: { from: before ? 'refused' : 'allowed', to: value },
    });
    return { changed: true };
  });
}
