import { z } from 'zod';
import { roles } from '../../platform/access/roles.ts';
import { requiredText } from '../../platform/views/forms.ts';
import { optionalId } from '../../platform/views/form-fields.ts';
import { isUuid, pageNumber } from '../../platform/views/params.ts';

/** Staff roles only: foster carers sign in with a Hearth password, their account linked to a household. */
const staffRole = z
  .enum(roles, { error: 'Select a role' })
  .refine((role) => role !== 'foster_carer', 'Foster carers sign in with a Hearth password: select a staff role');

const placement = {
  role: staffRole,
  teamId: optionalId('Select a team from the list'),
  areaId: optionalId('Select an area from the list'),
};

/** A role, team and area given to someone waiting. */
export const giveRoleForm = z.object(placement);
export type GiveRole = z.infer<typeof giveRoleForm>;

/** A new mapping: a value of the provider's claim and the role, team and area it gives. */
export const roleMappingForm = z.object({
  claimValue: requiredText('Enter the group, exactly as the identity provider sends it', 200),
  ...placement,
});
export type RoleMappingInput = z.infer<typeof roleMappingForm>;

export const staffPasswordsForm = z.object({
  staffPasswords: z.enum(['allowed', 'refused'], { error: 'Select how staff sign in' }),
});

export const listPageQuery = z.object({ page: pageNumber, done: z.string().optional().catch(undefined) });

/** The Hearth account someone waiting is linked to. */
export const linkAccountForm = z.object({
  userId: z
    .string({ error: 'Select their Hearth account' })
    .trim()
    .refine((v) => isUuid(v), 'Select their Hearth account'),
});

export const linkByEmailForm = z.object({
  linkByEmail: z.enum(['on', 'off'], { error: 'Select whether a first sign-in is linked by email address' }),
});
