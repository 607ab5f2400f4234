import { and, asc, eq } from 'drizzle-orm';
import type { TestApp } from '../../../test/support/app.ts';
import { auditEvents } from '../../platform/audit/tables.ts';

/** A date as the three GOV.UK date boxes a browser would send. */
export function dateFields(name: string, iso: string): Record<string, string> {
  const [year, month, day] = iso.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year! };
}

/** The audit trail of one record, oldest first. */
export async function auditTrail(t: TestApp, recordType: string, recordId: string) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.recordType, recordType), eq(auditEvents.recordId, recordId)))
    .orderBy(asc(auditEvents.id));
}

/** The id at the end of a redirect such as /referrals/<id>?done=x. */
export function idFrom(location: unknown, prefix: string): string {
  const match = new RegExp(`^${prefix}/([0-9a-f-]{36})`).exec(String(location));
  if (!match) throw new Error(`no ${prefix} id in ${String(location)}`);
  return match[1]!;
}
