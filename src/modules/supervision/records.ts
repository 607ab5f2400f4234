import { eq } from 'drizzle-orm';
import type { RecordType } from '../../platform/access/registry.ts';
import { findHouseholdReadInFull } from '../households/scope.ts';
import { households } from '../households/tables.ts';
import { isUuid } from './forms.ts';
import { findVisibleSupervision } from './queries.ts';
import { supervisionAgreements, supervisions } from './tables.ts';
import { householdSupervisionPath, supervisionPath } from './paths.ts';

/** Supervisions and agreements as record types, so "who has seen or changed this record" works for them. */
export const supervisionRecordTypes: RecordType[] = [
  {
    type: 'supervision',
    pages: ['/supervision/:id'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await db
        .select({ visitDate: supervisions.visitDate, name: households.name })
        .from(supervisions)
        .innerJoin(households, eq(households.id, supervisions.householdId))
        .where(eq(supervisions.id, id));
      return row ? { label: `Supervision: ${row.name}, ${row.visitDate}`, href: supervisionPath(id) } : null;
    },
    async inScope(db, viewer, id) {
      return isUuid(id) && (await findVisibleSupervision(db, viewer, id)) !== null;
    },
  },
  {
    type: 'supervision-agreement',
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await db
        .select({ householdId: supervisionAgreements.householdId, name: households.name })
        .from(supervisionAgreements)
        .innerJoin(households, eq(households.id, supervisionAgreements.householdId))
        .where(eq(supervisionAgreements.id, id));
      return row
        ? { label: `Supervision agreement: ${row.name}`, href: householdSupervisionPath(row.householdId) }
        : null;
    },
    async inScope(db, viewer, id) {
      if (!isUuid(id)) return false;
      const [row] = await db
        .select({ householdId: supervisionAgreements.householdId })
        .from(supervisionAgreements)
        .where(eq(supervisionAgreements.id, id));
      return row !== undefined && (await findHouseholdReadInFull(db, viewer, row.householdId)) !== null;
    },
  },
];
