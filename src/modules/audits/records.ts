import { sql } from 'drizzle-orm';
import type { RecordType } from '../../platform/access/registry.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { isUuid } from '../../platform/views/params.ts';
import { auditPath, monthPath } from './paths.ts';
import { findVisibleAudit, findVisibleMonth } from './queries.ts';
import { auditVisibleTo } from './scope.ts';
import { caseAudits } from './tables.ts';
import { monthName } from './views.ts';

/** Case-file audits as a record type: "who has seen or changed this record" is scoped as its page is. */
export const auditRecordTypes: RecordType[] = [
  {
    type: 'case-audit',
    pages: ['/audits/:id'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await queryRows<{ name: string; month: string }>(
        db,
        sql`select h.name, m.month from case_audits a join audit_months m on m.id = a.month_id
          join households h on h.id = a.household_id where a.id = ${id}`,
      );
      return row
        ? { label: `Case-file audit: the ${row.name} household, ${monthName(row.month)}`, href: auditPath(id) }
        : null;
    },
    listedTo: (viewer, id) =>
      viewer.role === 'head_of_fostering'
        ? null
        : sql`exists (select 1 from ${caseAudits} where ${caseAudits.id} = ${id} and ${auditVisibleTo(viewer)})`,
    async inScope(db, viewer, id) {
      return isUuid(id) && (await findVisibleAudit(db, viewer, id)) !== null;
    },
  },
];

/** A month's sample of files, as written to the trail when picked or viewed. */
auditRecordTypes.push({
  type: 'audit-month',
  async describe(db, id) {
    if (!isUuid(id)) return null;
    const [row] = await queryRows<{ name: string | null; month: string }>(
      db,
      sql`select t.name, m.month from audit_months m left join teams t on t.id = m.team_id where m.id = ${id}`,
    );
    return row
      ? { label: `Case-file audits: ${row.name ?? 'central sample'}, ${monthName(row.month)}`, href: monthPath(id) }
      : null;
  },
  async inScope(db, viewer, id) {
    return isUuid(id) && (await findVisibleMonth(db, viewer, id)) !== null;
  },
});
