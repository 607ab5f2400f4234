import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { SignedInUser } from '../auth/sessions.ts';

/**
 * Each module registers how to find and check access to its record types, so platform pages
 * (the audit trail of a record) can check scope without knowing any module's tables.
 */
export interface RecordType {
  /** 'user', 'household', 'child' ... as written in the audit trail. */
  type: string;
  /** A human label such as "Household: the Smiths", or null when the record does not exist. */
  describe(db: Db, id: string): Promise<{ label: string; href: string } | null>;
  /** Whether the viewer's scope includes this record. */
  inScope(db: Db, viewer: SignedInUser, id: string): Promise<boolean>;
  /**
   * The same rule for a list built elsewhere (the records behind a scorecard figure): a condition
   * that the record of this type with the id `id` (a uuid) is one the viewer may open, or null when
   * a household scope already says it (the list's own team, area and restricted checks). A type
   * whose rule is narrower than its household's (an audit, a child, a referral) gives one. It is
   * checked row by row, after the list's own scope: a lookup by id, never every record the viewer
   * may open.
   */
  listedTo?(viewer: SignedInUser, id: SQL): SQL | null;
  /**
   * The pages (route templates such as '/children/:id') whose `:id` is a record of this type: a
   * page under one ('/children/:id/edit', '/children/:id/visits/:visitId') answered in full writes a
   * view of the record to the audit trail, unless it wrote its own (platform/audit/page-views.ts).
   */
  pages?: readonly string[];
}

const registered = new Map<string, RecordType>();

export function registerRecordType(recordType: RecordType): void {
  registered.set(recordType.type, recordType);
}

export function recordType(type: string): RecordType | undefined {
  return registered.get(type);
}

/**
 * A condition on a list's rows (`r.record_type`, `r.record_id`) that keeps only the records the
 * viewer may open, by each registered type's `listedTo`; null when no type narrows the list.
 */
export function listedToViewer(viewer: SignedInUser): SQL | null {
  const arms: SQL[] = [];
  for (const type of registered.values()) {
    const opens = type.listedTo?.(viewer, sql`r.record_id::uuid`);
    if (opens) arms.push(sql`when ${type.type} then ${opens}`);
  }
  return arms.length ? sql`(case r.record_type ${sql.join(arms, sql` `)} else true end)` : null;
}

/**
 * The record type whose pages hold this route template (the longest page that starts it), or
 * undefined: for writing a page's view to the audit trail.
 */
export function recordTypeOfPage(route: string): string | undefined {
  let found: { type: string; length: number } | undefined;
  for (const type of registered.values()) {
    for (const page of type.pages ?? []) {
      const holds = route === page || route.startsWith(`${page}/`);
      if (holds && page.length > (found?.length ?? -1)) found = { type: type.type, length: page.length };
    }
  }
  return found?.type;
}

/** The registered record types' names (for the test that holds each to its access rule). */
export function recordTypes(): string[] {
  return [...registered.keys()];
}
