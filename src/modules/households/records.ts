import { eq } from 'drizzle-orm';
import type { RecordType } from '../../platform/access/registry.ts';
import { findVisibleHousehold } from './scope.ts';
import { carers, households } from './tables.ts';
import { isUuid } from './forms.ts';
import { householdPath } from './paths.ts';

/**
 * Households and carers as record types, so "who has seen or changed this record" works for
 * them, scoped exactly as the household pages are. A carer has no page of their own: their
 * record links to their household.
 */
export const householdRecordTypes: RecordType[] = [
  {
    type: 'household',
    pages: ['/households/:id'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await db
        .select({ name: households.name, reference: households.reference })
        .from(households)
        .where(eq(households.id, id));
      return row ? { label: `Household: ${row.name} (${row.reference})`, href: householdPath(id) } : null;
    },
    async inScope(db, viewer, id) {
      return isUuid(id) && (await findVisibleHousehold(db, viewer, id)) !== null;
    },
  },
  {
    type: 'carer',
    // A carer's training record (the training module's pages) is read as the carer's.
    pages: ['/training/carers/:id'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await db
        .select({ firstName: carers.firstName, lastName: carers.lastName, householdId: carers.householdId })
        .from(carers)
        .where(eq(carers.id, id));
      return row ? { label: `Carer: ${row.firstName} ${row.lastName}`, href: householdPath(row.householdId) } : null;
    },
    async inScope(db, viewer, id) {
      if (!isUuid(id)) return false;
      const [row] = await db.select({ householdId: carers.householdId }).from(carers).where(eq(carers.id, id));
      return row !== undefined && (await findVisibleHousehold(db, viewer, row.householdId)) !== null;
    },
  },
];
