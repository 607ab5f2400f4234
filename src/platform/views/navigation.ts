import type { SignedInUser } from '../auth/sessions.ts';
import { can, type Permission } from '../access/policy.ts';

/** The headings of the "All areas" page, in the order it shows them. */
export const navGroups = [
  'Your work',
  'Carers and households',
  'Children',
  'Safeguarding and quality',
  'Performance and planning',
  'Administration',
] as const;
export type NavGroup = (typeof navGroups)[number];

/** A link in the service navigation, shown to the roles that hold its permission. */
export interface NavItem {
  text: string;
  href: string;
  permission: Permission;
  /** Lower comes first. */
  order: number;
  /** The heading it sits under on the "All areas" page. */
  group: NavGroup;
  /**
   * Kept in the header when a user may open more areas than the header holds; the others are
   * reached through "All areas" (the head of fostering may open over twenty).
   */
  primary?: boolean;
  /** What the page holds, in a few words ("annual reviews of carers' approval"): for the user's home page. */
  describes?: string;
}

/** The most links the header shows before it keeps only the primary ones and "All areas". */
export const headerLimit = 8;
export const allAreasHref = '/all-areas';

const items: NavItem[] = [];

export function registerNavItem(item: NavItem): void {
  if (!items.some((i) => i.href === item.href)) items.push(item);
  items.sort((a, b) => a.order - b.order);
}

function isWithin(path: string, href: string): boolean {
  return path === href || path.startsWith(`${href}/`);
}

function visibleTo(user: SignedInUser): NavItem[] {
  return items.filter((item) => can(user.role, item.permission));
}

/**
 * The header's links for this user: every area they may open when they fit, otherwise the primary
 * ones and "All areas", which is marked as the current section on the pages of the areas it holds.
 */
export function navigationFor(user: SignedInUser | null, url: string) {
  if (!user) return [];
  const path = url.split('?')[0] ?? url;
  const visible = visibleTo(user);
  const link = (text: string, href: string, active: boolean) => ({ text, href, active, current: path === href });
  if (visible.length <= headerLimit)
    return visible.map((item) => link(item.text, item.href, isWithin(path, item.href)));
  const shown = visible.filter((item) => item.primary);
  // The deepest area the page sits in: "/panel/decisions" is Decisions, not Panel.
  const within = visible.filter((item) => isWithin(path, item.href)).sort((a, b) => b.href.length - a.href.length)[0];
  const inHidden = path === allAreasHref || (within !== undefined && !within.primary);
  return [
    ...shown.map((item) => link(item.text, item.href, item === within)),
    link('All areas', allAreasHref, inHidden),
  ];
}

/** Whether this user's header holds every area they may open (so a home page need not list them). */
export function headerHoldsEverything(user: SignedInUser): boolean {
  return visibleTo(user).length <= headerLimit;
}

/** Every area this user may open, in the header's order. */
export function areaListFor(user: SignedInUser) {
  return visibleTo(user).map(({ text, href, describes }) => ({ text, href, describes }));
}

/** Every area this user may open, under the headings of the "All areas" page; empty headings left out. */
export function areasFor(user: SignedInUser) {
  const visible = visibleTo(user);
  return navGroups
    .map((group) => ({
      group,
      items: visible
        .filter((item) => item.group === group)
        .map(({ text, href, describes }) => ({ text, href, describes })),
    }))
    .filter((g) => g.items.length > 0);
}
