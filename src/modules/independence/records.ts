import { sql } from 'drizzle-orm';
import type { RecordType } from '../../platform/access/registry.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { isUuid } from '../../platform/views/params.ts';
import { checklistPath } from './paths.ts';
import { checklistChildVisibleTo } from './scope.ts';
import { CHECKLIST_RECORD } from './service.ts';

/** The checklist in the audit trail: "who has seen or changed this record" is scoped as the young person's record is. */
export const checklistRecordTypes: RecordType[] = [
  {
    type: CHECKLIST_RECORD,
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await queryRows<{ child_id: string; name: string }>(
        db,
        sql`select c.id as child_id, c.first_name || ' ' || c.last_name || ' (' || c.reference || ')' as name
          from independence_checklists k join children c on c.id = k.child_id where k.id = ${id}`,
      );
      return row ? { label: `Independence checklist: ${row.name}`, href: checklistPath(row.child_id) } : null;
    },
    async inScope(db, viewer, id) {
      if (!isUuid(id)) return false;
      const [row] = await queryRows<{ id: string }>(
        db,
        sql`select k.id from independence_checklists k join children on children.id = k.child_id
          where k.id = ${id} and ${checklistChildVisibleTo(viewer)}`,
      );
      return Boolean(row);
    },
  },
];
