import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/audit/service.ts';
import { invalid, notFound, type Result } from '../../platform/views/results.ts';
import { addRoleMapping } from '../../platform/auth/oidc/mappings.ts';
import { giveRole, providerSession } from '../../platform/auth/oidc/identities.ts';
import { setStaffPasswords } from '../../platform/auth/oidc/settings.ts';
import type { GiveRole, RoleMappingInput } from './sign-in-forms.ts';
import { placeInService } from './service.ts';

/** Adds a mapping from a value of the provider's claim to a role, team and area (checked as for an account). */
export async function addMapping(db: Db, actor: Actor, input: RoleMappingInput): Promise<Result> {
  const place = await placeInService(db, input);
  if (!place.ok) return invalid(...place.errors);
  const added = await addRoleMapping(db, actor, {
    claimValue: input.claimValue,
    role: input.role,
    teamId: place.teamId,
    areaId: place.areaId,
  });
  if (!added.ok) {
    return invalid({
      field: 'claimValue',
      message: 'There is already a role for this group: remove it first to give another',
    });
  }
  return added;
}

/** Gives a role, team and area to someone waiting for one (not found: no longer waiting). */
export async function giveRoleToWaiting(
  db: Db,
  actor: Actor,
  identityId: string,
  input: GiveRole,
): Promise<Result<{ userId: string }>> {
  const place = await placeInService(db, input);
  if (!place.ok) return invalid(...place.errors);
  const given = await giveRole(db, actor, identityId, { role: input.role, teamId: place.teamId, areaId: place.areaId });
  return given.ok ? given : notFound;
}

/**
 * Switches passwords for staff off or on. Off needs the identity provider set up, and the
 * administrator signed in through it: then it is known to work, and they are not locked out.
 */
export async function switchStaffPasswords(
  db: Db,
  actor: Actor & { sessionId: string },
  input: { refused: boolean; providerConfigured: boolean },
): Promise<Result<{ changed: boolean }>> {
  if (input.refused && !input.providerConfigured) {
    return invalid({
      field: 'staffPasswords',
      message: 'Hearth is not connected to the council’s identity provider, so staff need their passwords',
    });
  }
  if (input.refused && !(await providerSession(db, actor.sessionId))) {
    return invalid({
      field: 'staffPasswords',
      message:
        'Sign in with your council account first (sign out, then use the council’s button), so you know it works before passwords are switched off',
    });
  }
  return { ok: true, ...(await setStaffPasswords(db, actor, input.refused)) };
}
