import { z } from 'zod';
import { roles } from '../../platform/access/roles.ts';
import { requiredText } from '../../platform/views/forms.ts';
import { email, optionalId } from '../../platform/views/form-fields.ts';
import { pageNumber } from '../../platform/views/params.ts';

import { isUuid } from '../../platform/views/params.ts';

export { isUuid };

const username = z
  .string({ error: 'Enter a username' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter a username')
  .min(2, 'Username must be 2 characters or more')
  .max(50, 'Username must be 50 characters or fewer')
  .regex(
    /^[a-z0-9][a-z0-9.-]*$/,
    'Username must start with a letter or digit and contain only lowercase letters, digits, dots and hyphens',
  );

const details = {
  displayName: requiredText('Enter the user’s full name', 200),
  email,
  role: z.enum(roles, { error: 'Select a role' }),
  teamId: optionalId('Select a team from the list'),
  areaId: optionalId('Select an area from the list'),
};

/** The details an administrator can change after the account exists. */
export const userDetailsForm = z.object(details);
export type UserDetails = z.infer<typeof userDetailsForm>;

/** A new account: its username (fixed for good) and its details. */
export const newUserForm = z.object({ username, ...details });
export type NewUser = z.infer<typeof newUserForm>;

export const sortKeys = ['name', 'username', 'role'] as const;
export type SortKey = (typeof sortKeys)[number];

/** Drops NUL bytes (PostgreSQL refuses them) from free text in a query string. */
const searchText = z
  .string()
  .transform((v) => v.replaceAll('\u0000', '').trim().slice(0, 100))
  .catch('');

/**
 * The filters, sort and page of the users list. Query strings are typed by hand, so anything
 * unexpected falls back to the default rather than failing.
 */
export const userListQuery = z.object({
  q: searchText.optional().transform((v) => v ?? ''),
  role: z.enum(roles).optional().catch(undefined),
  team: z
    .string()
    .refine((v) => isUuid(v))
    .optional()
    .catch(undefined),
  status: z.enum(['active', 'inactive']).optional().catch(undefined),
  sort: z.enum(sortKeys).catch('name').default('name'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
  page: pageNumber,
});
export type UserListQuery = z.infer<typeof userListQuery>;
