import type { SignedInUser } from '../auth/sessions.ts';
import { can, type Permission } from '../access/policy.ts';

/** A link in the service navigation, shown to the roles that hold its permission. */
export interface NavItem {
  text: string;
  href: string;
  permission: Permission;
  /** Lower comes first. */
  order: number;
  /** What the page holds, in a few words ("annual reviews of carers' approval"): for the user's home page. */
  describes?: string;
}

const items: NavItem[] = [];

export function registerNavItem(item: NavItem): void {
  if (!items.some((i) => i.href === item.href)) items.push(item);
  items.sort((a, b) => a.order - b.order);
}

export function navigationFor(user: SignedInUser | null, url: string) {
  if (!user) return [];
  const path = url.split('?')[0] ?? url;
  return items
    .filter((item) => can(user.role, item.permission))
    .map((item) => {
      const active = path === item.href || path.startsWith(`${item.href}/`);
      return { text: item.text, href: item.href, describes: item.describes, active, current: path === item.href };
    });
}
