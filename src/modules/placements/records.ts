import { and, eq, sql } from 'drizzle-orm';
import type { RecordType } from '../../platform/access/registry.ts';
import { isUuid } from '../../platform/views/params.ts';
import { children } from '../children/tables.ts';
import { households } from '../households/tables.ts';
import { placementVisibleTo, referralVisibleTo } from './scope.ts';
import { placements, referrals } from './tables.ts';
import { placementPath, referralPath } from './paths.ts';

/** Referrals and placements as record types, so "who has seen or changed this record" works for them. */
export const placementRecordTypes: RecordType[] = [
  {
    type: 'referral',
    pages: ['/referrals/:id'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await db
        .select({ firstName: children.firstName, lastName: children.lastName })
        .from(referrals)
        .innerJoin(children, eq(children.id, referrals.childId))
        .where(eq(referrals.id, id))
        .limit(1);
      return row ? { label: `Referral: ${row.firstName} ${row.lastName}`, href: referralPath(id) } : null;
    },
    listedTo: (viewer, id) =>
      viewer.role === 'head_of_fostering'
        ? null
        : sql`exists (select 1 from ${referrals} join ${children} on ${children.id} = ${referrals.childId}
            where ${referrals.id} = ${id} and ${referralVisibleTo(viewer)})`,
    async inScope(db, viewer, id) {
      if (!isUuid(id)) return false;
      const [row] = await db
        .select({ id: referrals.id })
        .from(referrals)
        .innerJoin(children, eq(children.id, referrals.childId))
        .where(and(eq(referrals.id, id), referralVisibleTo(viewer)))
        .limit(1);
      return Boolean(row);
    },
  },
  {
    type: 'placement',
    pages: ['/placements/:id'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await db
        .select({ firstName: children.firstName, lastName: children.lastName, household: households.name })
        .from(placements)
        .innerJoin(children, eq(children.id, placements.childId))
        .innerJoin(households, eq(households.id, placements.householdId))
        .where(eq(placements.id, id))
        .limit(1);
      return row
        ? { label: `Placement: ${row.firstName} ${row.lastName} with ${row.household}`, href: placementPath(id) }
        : null;
    },
    async inScope(db, viewer, id) {
      if (!isUuid(id)) return false;
      const [row] = await db
        .select({ id: placements.id })
        .from(placements)
        .innerJoin(children, eq(children.id, placements.childId))
        .innerJoin(households, eq(households.id, placements.householdId))
        .where(and(eq(placements.id, id), placementVisibleTo(viewer)))
        .limit(1);
      return Boolean(row);
    },
  },
];
