import { sql } from 'drizzle-orm';
import { childScope } from '../../platform/access/scope.ts';
import type { RecordType } from '../../platform/access/registry.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { isUuid } from '../../platform/views/params.ts';
import { workPath } from './paths.ts';
import { mayReadWork, workChildVisibleTo } from './scope.ts';
import { WORK_RECORD } from './service.ts';

/** The work in the audit trail: "who has seen or changed this record" is scoped as the work's page is. */
export const workRecordTypes: RecordType[] = [
  {
    type: WORK_RECORD,
    pages: ['/lifelong-links/:id'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await queryRows<{ name: string }>(
        db,
        sql`select c.first_name || ' ' || c.last_name || ' (' || c.reference || ')' as name
          from lifelong_links w join children c on c.id = w.child_id where w.id = ${id}`,
      );
      return row ? { label: `Lifelong Links work: ${row.name}`, href: workPath(id) } : null;
    },
    listedTo: (viewer, id) =>
      !mayReadWork(viewer)
        ? sql`false`
        : childScope(viewer).kind === 'all'
          ? null
          : sql`exists (select 1 from lifelong_links w join children on children.id = w.child_id
            where w.id = ${id} and ${workChildVisibleTo(viewer)})`,
    async inScope(db, viewer, id) {
      if (!isUuid(id) || !mayReadWork(viewer)) return false;
      const [row] = await queryRows<{ id: string }>(
        db,
        sql`select w.id from lifelong_links w join children on children.id = w.child_id
          where w.id = ${id} and ${workChildVisibleTo(viewer)}`,
      );
      return Boolean(row);
    },
  },
];
