import { eq } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { RecordType } from '../../platform/access/registry.ts';
import { isUuid } from '../../platform/views/params.ts';
import { reportTitle, quarterFromStart } from './content.ts';
import { reportPath } from './paths.ts';
import { quarterlyReports } from './tables.ts';

/** Quarterly reports on "who has seen or changed this record": not personal, open to whoever may read them. */
export const reportRecordTypes: RecordType[] = [
  {
    type: 'quarterly-report',
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await db
        .select({ start: quarterlyReports.quarterStart })
        .from(quarterlyReports)
        .where(eq(quarterlyReports.id, id));
      return row ? { label: reportTitle(quarterFromStart(row.start)), href: reportPath(row.start) } : null;
    },
    inScope: async (_db, viewer) => can(viewer.role, 'reports.view'),
  },
];
