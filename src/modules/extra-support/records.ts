import { sql, type SQL } from 'drizzle-orm';
import { householdScope } from '../../platform/access/scope.ts';
import type { RecordType } from '../../platform/access/registry.ts';
import { dateInWordsSql, queryRows } from '../../platform/db/sql.ts';
import { isUuid } from '../../platform/views/params.ts';
import { psychologyPath } from './paths.ts';
import { mayReadSupport, supportHouseholdVisibleTo } from './scope.ts';
import { PSYCHOLOGY_RECORD } from './service.ts';

/** The request's household in the viewer's scope (its own alias: `listedTo` runs inside a list aliased `r`). */
const inScope = (
  id: SQL | string,
) => sql`exists (select 1 from psychology_requests pr join households on households.id = pr.household_id
  where pr.id = ${id} and `;

/** A request for psychology support in the audit trail: "who has seen or changed this record" is scoped as its page is. */
export const supportRecordTypes: RecordType[] = [
  {
    type: PSYCHOLOGY_RECORD,
    pages: [
      '/extra-support/psychology/:id',
      '/extra-support/psychology/:id/change',
      '/extra-support/psychology/:id/remove',
    ],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await queryRows<{ name: string; on: string }>(
        db,
        sql`select h.name || ' (' || h.reference || ')' as name, ${dateInWordsSql(sql`r.requested_on`)} as on
          from psychology_requests r join households h on h.id = r.household_id where r.id = ${id}`,
      );
      return row ? { label: `Psychology support asked for on ${row.on}: ${row.name}`, href: psychologyPath(id) } : null;
    },
    listedTo: (viewer, id) =>
      !mayReadSupport(viewer)
        ? sql`false`
        : householdScope(viewer).kind === 'all'
          ? null
          : sql`${inScope(id)}${supportHouseholdVisibleTo(viewer)})`,
    async inScope(db, viewer, id) {
      if (!isUuid(id) || !mayReadSupport(viewer)) return false;
      const [row] = await queryRows<{ found: boolean }>(
        db,
        sql`select ${inScope(id)}${supportHouseholdVisibleTo(viewer)}) as found`,
      );
      return Boolean(row?.found);
    },
  },
];
