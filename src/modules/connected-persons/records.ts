import { sql } from 'drizzle-orm';
import type { RecordType } from '../../platform/access/registry.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { isUuid } from '../../platform/views/params.ts';
import { approvalPath } from './paths.ts';
import { approvalVisibleTo, mayReadApprovals } from './scope.ts';
import { APPROVAL_RECORD } from './service.ts';

/** An approval in the audit trail: "who has seen or changed this record" is scoped as its page is. */
export const approvalRecordTypes: RecordType[] = [
  {
    type: APPROVAL_RECORD,
    pages: ['/temporary-approvals/:id'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await queryRows<{ name: string }>(
        db,
        sql`select h.name || ' for ' || c.first_name || ' ' || c.last_name as name
          from temporary_approvals ta join households h on h.id = ta.household_id
            join children c on c.id = ta.child_id where ta.id = ${id}`,
      );
      return row ? { label: `Temporary approval: ${row.name}`, href: approvalPath(id) } : null;
    },
    async inScope(db, viewer, id) {
      if (!isUuid(id) || !mayReadApprovals(viewer)) return false;
      const [row] = await queryRows<{ id: string }>(
        db,
        sql`select ta.id from temporary_approvals ta join households on households.id = ta.household_id
          join children on children.id = ta.child_id where ta.id = ${id} and ${approvalVisibleTo(viewer)}`,
      );
      return Boolean(row);
    },
  },
];
