import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { roleNames, type Role } from '../access/roles.ts';
import { users } from '../auth/tables.ts';
import { auditEvents } from './tables.ts';
import { auditWords } from './words.ts';

export interface AuditEntry {
  id: number;
  at: Date;
  /** The person's name and role ("Sam Sutherland (Supervising social worker)"), or "Hearth" for the system. */
  who: string;
  /** What they did, in words ("Viewed the household record"). */
  what: string;
  /** For administrators: the username, route and request id as logged. */
  username: string | null;
  route: string | null;
  requestId: string | null;
}

/** Who has seen or changed one record, newest first, one page at a time. */
export async function auditTrailFor(
  db: Db,
  recordType: string,
  recordId: string,
  page: { limit: number; offset: number },
): Promise<{ entries: AuditEntry[]; total: number }> {
  const where = and(eq(auditEvents.recordType, recordType), eq(auditEvents.recordId, recordId));
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      username: auditEvents.username,
      action: auditEvents.action,
      recordType: auditEvents.recordType,
      detail: auditEvents.detail,
      route: auditEvents.route,
      requestId: auditEvents.requestId,
      displayName: users.displayName,
      role: users.role,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(where);
  return {
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at,
      who: r.displayName ? `${r.displayName} (${roleNames[r.role as Role] ?? r.role})` : (r.username ?? 'Hearth'),
      what: auditWords(r.action, r.recordType, r.detail ?? null),
      username: r.username,
      route: r.route,
      requestId: r.requestId,
    })),
    total: Number(count?.n ?? 0),
  };
}
