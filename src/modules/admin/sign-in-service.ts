import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/audit/service.ts';
import { addRoleMapping } from '../../platform/auth/oidc/mappings.ts';
import { giveRole } from '../../platform/auth/oidc/identities.ts';
import { providerSession } from '../../platform/auth/oidc/identities.ts';
import { setStaffPasswords } from '../../platform/auth/oidc/settings.ts';
import type { GiveRole, RoleMappingInput } from './sign-in-forms.ts';
import { placeInService, type FieldError } from './service.ts';

export type Outcome = { ok: true } | { ok: false; errors: FieldError[] } | { ok: false; notFound: true };

/** Adds a mapping from a value of the provider's claim to a role, team and area (checked as for an account). */
export async function addMapping(db: Db, actor: Actor, input: RoleMappingInput): Promise<Outcome> {
  const place = await placeInService(db, input);
  if (!place.ok) return place;
  const added = await addRoleMapping(db, actor, {
    claimValue: input.claimValue,
    role: input.role,
    teamId: place.teamId,
    areaId: place.areaId,
  });
  if (!added.ok) {
    return {
      ok: false,
      errors: [
        { field: 'claimValue', message: 'There is already a role for this group: remove it first to give another' },
      ],
    };
  }
  return { ok: true };
}

/** Gives a role, team and area to someone waiting for one. */
export async function giveRoleToWaiting(db: Db, actor: Actor, identityId: string, input: GiveRole): Promise<Outcome> {
  const place = await placeInService(db, input);
  if (!place.ok) return place;
  const given = await giveRole(db, actor, identityId, { role: input.role, teamId: place.teamId, areaId: place.areaId });
  return given.ok ? { ok: true } : { ok: false, notFound: true };
}

/**
 * Switches passwords for staff off or on. Off needs the identity provider set up, and the
 * administrator signed in through it: then it is known to work, and they are not locked out.
 */
export async function switchStaffPasswords(
  db: Db,
  actor: Actor & { sessionId: string },
  input: { refused: boolean; providerConfigured: boolean },
): Promise<Outcome> {
  if (input.refused && !input.providerConfigured) {
    return {
      ok: false,
      errors: [
        {
          field: 'staffPasswords',
          message: 'Hearth is not connected to the council’s identity provider, so staff need their passwords',
        },
      ],
    };
  }
  if (input.refused && !(await providerSession(db, actor.sessionId))) {
    return {
      ok: false,
      errors: [
        {
          field: 'staffPasswords',
          message:
            'Sign in with your council account first (sign out, then use the council’s button), so you know it works before passwords are switched off',
        },
      ],
    };
  }
  await setStaffPasswords(db, actor, input.refused);
  return { ok: true };
}
