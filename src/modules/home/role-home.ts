/**
 * What a role's home says Hearth holds for them, in a sentence, for the roles whose own area of
 * the service is not built yet, with the pages they may use for it beyond the service navigation.
 * The navigation's own pages ("Households: fostering households, their carers ...") follow.
 */
import { can, type Permission } from '../../platform/access/policy.ts';
import type { Role } from '../../platform/access/roles.ts';

interface RoleHome {
  sentence: string;
  links: { text: string; href: string; describes: string; permission: Permission }[];
}

const roleHomes: Partial<Record<Role, RoleHome>> = {
  payments_officer: {
    sentence:
      'Hearth holds every fostering household’s approval: its status and date, the approval terms and the skill ' +
      'level that sets the carers’ fee. It also holds the rates the service publishes each year (allowances by the ' +
      'child’s age, fees by skill level, day care) and the disability enhancements agreed at the funding panel, with ' +
      'their yearly reviews. The payments themselves are made by the council’s finance system, not by Hearth: check ' +
      'a household’s approval, skill level and any enhancement here before you pay.',
    links: [
      {
        text: 'Approved households',
        href: '/households?status=approved',
        describes: 'the households approved today; open one for its approval terms and skill level',
        permission: 'households.view',
      },
    ],
  },
};

/** The sentence and the links for this role's home, or null when its work speaks for itself. */
export function roleHomeFor(
  role: Role,
): { sentence: string; links: { text: string; href: string; describes: string }[] } | null {
  const home = roleHomes[role];
  if (!home) return null;
  return {
    sentence: home.sentence,
    links: home.links
      .filter((l) => can(role, l.permission))
      .map(({ text, href, describes }) => ({ text, href, describes })),
  };
}
