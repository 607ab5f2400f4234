import { and, asc, eq } from 'drizzle-orm';
import type { TestApp } from '../../../test/support/app.ts';
import { makeAgencyPlacement, makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import type { IsoDate } from '../../platform/dates/index.ts';

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

/**
 * A child (named `firstName` `lastName`) placed with an agency from `from` who moved to `lastName` Home,
 * one of the service's households, on `movedOn`: the agency placement ended that day.
 */
export async function movedFromAgency(
  t: TestApp,
  firstName: string,
  lastName: string,
  from: IsoDate,
  movedOn: IsoDate,
) {
  const db = t.database.db;
  const household = await makeHousehold(db, { name: `${lastName} Home` });
  const child = await makeChild(db, { firstName, lastName });
  const agency = await makeAgencyPlacement(db, {
    childId: child.id,
    startDate: from,
    endDate: movedOn,
    endReason: 'Moved to the service’s own foster carers',
  });
  await makePlacement(db, { childId: child.id, householdId: household.id, startDate: movedOn });
  return { child, agency };
}
