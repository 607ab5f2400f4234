import { sql } from 'drizzle-orm';
import { householdScope } from '../../platform/access/scope.ts';
import type { RecordType } from '../../platform/access/registry.ts';
import { dateInWordsSql, queryRows } from '../../platform/db/sql.ts';
import { isUuid } from '../../platform/views/params.ts';
import { callPath } from './paths.ts';
import { callHouseholdVisibleTo, mayReadCalls } from './scope.ts';
import { CALL_RECORD } from './service.ts';

/** A call in the audit trail: "who has seen or changed this record" is scoped as the call's page is. */
export const callRecordTypes: RecordType[] = [
  {
    type: CALL_RECORD,
    pages: ['/out-of-hours/:id', '/out-of-hours/:id/change', '/out-of-hours/:id/remove'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await queryRows<{ name: string; on: string }>(
        db,
        sql`select h.name || ' (' || h.reference || ')' as name, ${dateInWordsSql(sql`o.called_on`)} as on
          from out_of_hours_calls o join households h on h.id = o.household_id where o.id = ${id}`,
      );
      return row ? { label: `Out-of-hours call on ${row.on}: ${row.name}`, href: callPath(id) } : null;
    },
    listedTo: (viewer, id) =>
      !mayReadCalls(viewer)
        ? sql`false`
        : householdScope(viewer).kind === 'all'
          ? null
          : sql`exists (select 1 from out_of_hours_calls o join households on households.id = o.household_id
            where o.id = ${id} and ${callHouseholdVisibleTo(viewer)})`,
    async inScope(db, viewer, id) {
      if (!isUuid(id) || !mayReadCalls(viewer)) return false;
      const [row] = await queryRows<{ id: string }>(
        db,
        sql`select o.id from out_of_hours_calls o join households on households.id = o.household_id
          where o.id = ${id} and ${callHouseholdVisibleTo(viewer)}`,
      );
      return Boolean(row);
    },
  },
];
