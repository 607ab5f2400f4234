import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The advisory lock that serialises writers of the trail, across processes: each entry chains onto
 * the one before it, and entries commit in id order, so an anchor taken under it sees a whole prefix.
 */
export const AUDIT_LOCK_KEY = 7_246_001;

/** JSON with object keys sorted, so the hash does not depend on how jsonb orders them. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface ChainedFields {
  at: Date;
  userId: string | null;
  username: string | null;
  action: string;
  recordType: string;
  recordId: string;
  route: string | null;
  requestId: string | null;
  detail: Record<string, unknown> | null;
}

/** The hash of one audit entry: its own fields plus the previous entry's hash. */
export function entryHash(prevHash: string, e: ChainedFields): string {
  const body = canonicalJson([
    prevHash,
    e.at.toISOString(),
    e.userId,
    e.username,
    e.action,
    e.recordType,
    e.recordId,
    e.route,
    e.requestId,
    e.detail,
  ]);
  return createHash('sha256').update(body).digest('hex');
}
