import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/tables.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import { removeSecondFactor } from '../../platform/auth/second-factor.ts';
import { recordAudit, type Actor } from '../../platform/audit/service.ts';
import { ACCOUNT_RECORD, refreshDueItems } from '../../platform/due/index.ts';
import type { Role } from '../../platform/access/roles.ts';
import { invalid, notFound, type FieldError, type Invalid, type Result } from '../../platform/views/results.ts';
import type { NewUser, UserDetails } from './forms.ts';
import { findArea, findTeam, findUser, usernameTaken, type UserRecord } from './queries.ts';
import { generateTemporaryPassword } from './temporary-password.ts';

/** Roles whose work is organised by fostering team, so the account needs one. */
export const rolesNeedingTeam: readonly Role[] = [
  'team_manager',
  'supervising_social_worker',
  'assessing_social_worker',
];
/** Roles that oversee an area, so the account needs one. */
export const rolesNeedingArea: readonly Role[] = ['service_manager'];

const USERNAME_TAKEN = 'That username is already taken: choose another';

/**
 * Checks team and area against the role and against each other. A team belongs to one area,
 * so a team with no area chosen takes its team's area (managers' scope works by area).
 */
export async function placeInService(
  db: DbOrTx,
  input: Pick<UserDetails, 'role' | 'teamId' | 'areaId'>,
): Promise<{ ok: true; teamId: string | null; areaId: string | null } | Invalid> {
  const errors: FieldError[] = [];
  const team = input.teamId ? await findTeam(db, input.teamId) : null;
  const area = input.areaId ? await findArea(db, input.areaId) : null;
  if (input.teamId && !team) errors.push({ field: 'teamId', message: 'Select a team from the list' });
  if (input.areaId && !area) errors.push({ field: 'areaId', message: 'Select an area from the list' });
  if (!input.teamId && rolesNeedingTeam.includes(input.role)) {
    errors.push({ field: 'teamId', message: 'Select the team this person works in' });
  }
  if (!input.areaId && !team && rolesNeedingArea.includes(input.role)) {
    errors.push({ field: 'areaId', message: 'Select the area this service manager oversees' });
  }
  if (team && area && team.areaId !== area.id) {
    errors.push({ field: 'areaId', message: 'Select the area the chosen team belongs to, or leave the area empty' });
  }
  if (errors.length) return invalid(...errors);
  return { ok: true, teamId: team?.id ?? null, areaId: area?.id ?? team?.areaId ?? null };
}

/** PostgreSQL's unique_violation, however the driver wraps it. */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

export type CreateUserResult = Result<{ id: string; temporaryPassword: string }>;

/** Creates an account with a temporary password the user must change at first sign-in. */
export async function createUser(db: Db, actor: Actor, input: NewUser): Promise<CreateUserResult> {
  const place = await placeInService(db, input);
  const errors = place.ok ? [] : [...place.errors];
  if (await usernameTaken(db, input.username)) errors.unshift({ field: 'username', message: USERNAME_TAKEN });
  if (!place.ok || errors.length) return invalid(...errors);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName,
          email: input.email,
          role: input.role,
          teamId: place.teamId,
          areaId: place.areaId,
          passwordHash,
          mustChangePassword: true,
        })
        .returning({ id: users.id });
      await refreshDueItems(tx, ACCOUNT_RECORD, [row!.id]);
      await recordAudit(tx, actor, { action: 'create', recordType: 'user', recordId: row!.id });
      return row!.id;
    });
    return { ok: true, id, temporaryPassword };
  } catch (error) {
    // Someone else took the username between the check and the insert.
    if (isUniqueViolation(error)) return invalid({ field: 'username', message: USERNAME_TAKEN });
    throw error;
  }
}

export type UpdateUserResult = Result<{ changed: string[] }>;

/** Changes a user's name, email, role, team and area; the audit entry names the fields changed. */
export async function updateUser(db: Db, actor: Actor, id: string, input: UserDetails): Promise<UpdateUserResult> {
  const user = await findUser(db, id);
  if (!user) return notFound;
  if (user.id === actor.userId && input.role !== user.role) {
    return invalid({ field: 'role', message: 'You cannot change your own role. Ask another administrator to do it' });
  }
  const place = await placeInService(db, input);
  if (!place.ok) return place;
  const next = {
    displayName: input.displayName,
    email: input.email,
    role: input.role,
    teamId: place.teamId,
    areaId: place.areaId,
  };
  const changed: string[] = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== user[k]);
  if (changed.length === 0) return { ok: true, changed };
  // A foster carer's account given a staff role sees its household no more (it is linked again from
  // the carer's row on the household's page, should it become a carer's account again).
  const unlink = user.role === 'foster_carer' && next.role !== 'foster_carer' && user.householdId !== null;
  if (unlink) changed.push('householdId');
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set(unlink ? { ...next, householdId: null, carerId: null } : next)
      .where(eq(users.id, id));
    await refreshDueItems(tx, ACCOUNT_RECORD, [id]);
    await recordAudit(tx, actor, { action: 'update', recordType: 'user', recordId: id, detail: { changed } });
  });
  return { ok: true, changed };
}

export type AccountChange = { ok: true } | { ok: false; reason: 'not-found' | 'self' | 'unchanged' };

/** Deactivates an account: the user cannot sign in, and every session of theirs ends now. */
export async function deactivateUser(db: Db, actor: Actor, id: string): Promise<AccountChange> {
  const user = await findUser(db, id);
  if (!user) return { ok: false, reason: 'not-found' };
  if (user.id === actor.userId) return { ok: false, reason: 'self' };
  if (!user.active) return { ok: false, reason: 'unchanged' };
  await db.transaction(async (tx) => {
    await tx.update(users).set({ active: false, deactivatedAt: new Date() }).where(eq(users.id, id));
    await destroyUserSessions(tx, id);
    await refreshDueItems(tx, ACCOUNT_RECORD, [id]);
    await recordAudit(tx, actor, { action: 'deactivate', recordType: 'user', recordId: id });
  });
  return { ok: true };
}

/** Lets a deactivated user sign in again, with the password they had. */
export async function reactivateUser(db: Db, actor: Actor, id: string): Promise<AccountChange> {
  const user = await findUser(db, id);
  if (!user) return { ok: false, reason: 'not-found' };
  if (user.active) return { ok: false, reason: 'unchanged' };
  await db.transaction(async (tx) => {
    await tx.update(users).set({ active: true, deactivatedAt: null }).where(eq(users.id, id));
    await refreshDueItems(tx, ACCOUNT_RECORD, [id]);
    await recordAudit(tx, actor, { action: 'reactivate', recordType: 'user', recordId: id });
  });
  return { ok: true };
}

export type ResetPasswordResult = { ok: true; temporaryPassword: string } | { ok: false; reason: 'not-found' | 'self' };

/** Sets a new temporary password: every session of the user's ends and they must choose their own. */
export async function resetPassword(db: Db, actor: Actor, id: string): Promise<ResetPasswordResult> {
  const user = await findUser(db, id);
  if (!user) return { ok: false, reason: 'not-found' };
  if (user.id === actor.userId) return { ok: false, reason: 'self' };
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, passwordChangedAt: new Date() })
      .where(eq(users.id, id));
    await destroyUserSessions(tx, id);
    await recordAudit(tx, actor, { action: 'reset-password', recordType: 'user', recordId: id });
  });
  return { ok: true, temporaryPassword };
}

/** Opens a user's account page: the view is written to the audit trail. */
export async function viewUser(db: Db, actor: Actor, id: string): Promise<UserRecord | null> {
  const user = await findUser(db, id);
  if (!user) return null;
  await recordAudit(db, actor, { action: 'view', recordType: 'user', recordId: id });
  return user;
}

/**
 * Removes a user's authenticator app and recovery codes (lost phone): they are signed out
 * everywhere and set up a new app when they next sign in, whatever the service requires.
 */
export async function resetSecondFactor(db: Db, actor: Actor, id: string): Promise<AccountChange> {
  const user = await findUser(db, id);
  if (!user) return { ok: false, reason: 'not-found' };
  if (user.id === actor.userId) return { ok: false, reason: 'self' };
  await db.transaction(async (tx) => {
    await removeSecondFactor(tx, id);
    await tx.update(users).set({ secondFactorRequired: true }).where(eq(users.id, id));
    await destroyUserSessions(tx, id);
    await recordAudit(tx, actor, { action: 'reset-second-factor', recordType: 'user', recordId: id });
  });
  return { ok: true };
}
