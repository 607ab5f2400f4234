import type { SignedInUser } from '../auth/sessions.ts';
import { can, type Permission } from '../access/policy.ts';

/**
 * A link one module adds to another module's record page: "Supervision and agreement" on the
 * household page comes from the supervision module, so the household page lists no module by name.
 */
export interface RecordLink {
  /** The page the link appears on. */
  on: 'household' | 'child';
  text: string;
  /** Where it goes, for the record shown. */
  href: (recordId: string) => string;
  permission: Permission;
  /** Lower comes first. */
  order: number;
}

const links: RecordLink[] = [];

export function registerRecordLink(link: RecordLink): void {
  if (links.some((l) => l.on === link.on && l.text === link.text)) return;
  links.push(link);
  links.sort((a, b) => a.order - b.order);
}

/** The links on a record's page that this user's role may follow. */
export function recordLinksFor(on: RecordLink['on'], user: Pick<SignedInUser, 'role'>, recordId: string) {
  return links
    .filter((l) => l.on === on && can(user.role, l.permission))
    .map((l) => ({ text: l.text, href: l.href(recordId) }));
}
