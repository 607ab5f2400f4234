import type { Role } from './roles.ts';

/**
 * What each role may do. This is the one place that says so: routes name a permission,
 * services check one, and the access-matrix test holds every route to it.
 */
export const permissions = {
  /** Staff home page: "My work" and the deadlines in the user's scope. */
  'work.view': [
    'head_of_fostering',
    'assistant_director',
    'service_manager',
    'team_manager',
    'supervising_social_worker',
    'assessing_social_worker',
    'reviewing_officer',
    'childrens_social_worker',
    'lado',
    'panel_member',
    'training_coordinator',
    'recruitment_coordinator',
    'payments_officer',
  ],
  /** Create, deactivate and reset users; set roles, teams and areas. */
  'users.manage': ['admin'],
  /** Open "who has seen or changed this record" for records in scope. */
  'audit.view': ['admin', 'head_of_fostering', 'service_manager', 'team_manager'],
  /** The carer portal: own household only. */
  'portal.use': ['foster_carer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

/**
 * How a route is protected. Every route must declare one (the app refuses to start otherwise):
 * 'public' for pages anyone may open, 'signed-in' for any signed-in user, or a permission.
 */
export type RouteAccess = 'public' | 'signed-in' | { permission: Permission };
