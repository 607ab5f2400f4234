import { sql } from 'drizzle-orm';
import type { RecordType } from '../../platform/access/registry.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { isUuid } from '../../platform/views/params.ts';
import { householdRequestsPath } from './paths.ts';
import { findVisibleRequest } from './queries.ts';
import { REQUEST_RECORD } from './labels.ts';
import { requestHouseholdVisibleTo } from './scope.ts';

/** The records module's records in the audit trail: "who has seen or changed this record" is scoped as its page is. */
export const recordsRecordTypes: RecordType[] = [
  {
    type: REQUEST_RECORD,
    pages: ['/records-requests/:id'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await queryRows<{ household_id: string; name: string; organisation: string }>(
        db,
        sql`select r.household_id, h.name || ' (' || h.reference || ')' as name, r.organisation
          from records_requests r join households h on h.id = r.household_id where r.id = ${id}`,
      );
      return row
        ? {
            label: `Request for records: ${row.name}, from ${row.organisation}`,
            href: householdRequestsPath(row.household_id),
          }
        : null;
    },
    // Narrower than its household: only those who read requests (records.view) are listed them, on a
    // scorecard measure's records as on the household's page.
    listedTo: (viewer, id) =>
      viewer.role === 'head_of_fostering'
        ? null
        : sql`exists (select 1 from records_requests rq where rq.id = ${id}
            and ${requestHouseholdVisibleTo(viewer, sql`rq.household_id`)})`,
    async inScope(db, viewer, id) {
      return isUuid(id) && (await findVisibleRequest(db, viewer, id)) !== null;
    },
  },
];
