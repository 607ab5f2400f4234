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
}

const registered = new Map<string, RecordType>();

export function registerRecordType(recordType: RecordType): void {
  registered.set(recordType.type, recordType);
}

export function recordType(type: string): RecordType | undefined {
  return registered.get(type);
}

/** The registered record types' names (for the test that holds each to its access rule). */
export function recordTypes(): string[] {
  return [...registered.keys()];
}
