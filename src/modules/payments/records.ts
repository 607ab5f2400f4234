import { sql } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { RecordType } from '../../platform/access/registry.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { formatDate } from '../../platform/views/format.ts';
import { isUuid } from '../../platform/views/params.ts';
import { enhancementPath, paymentsPath } from './paths.ts';
import { findVisibleEnhancement } from './queries.ts';

/** The payments module's records in the audit trail: "who has seen or changed this record" is scoped as its page is. */
export const paymentRecordTypes: RecordType[] = [
  {
    type: 'payment-enhancement',
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await queryRows<{ name: string }>(
        db,
        sql`select coalesce(c.preferred_name, c.first_name) || ' ' || c.last_name as name
          from payment_enhancements e join placements p on p.id = e.placement_id join children c on c.id = p.child_id
          where e.id = ${id}`,
      );
      return row ? { label: `Disability enhancement: ${row.name}`, href: enhancementPath(id) } : null;
    },
    async inScope(db, viewer, id) {
      return isUuid(id) && (await findVisibleEnhancement(db, viewer, id)) !== null;
    },
  },
  {
    // A set of published rates holds no personal record: open to whoever may read the rates.
    type: 'payment-rates',
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await queryRows<{ from: string }>(
        db,
        sql`select effective_from::text as from from payment_rates where id = ${id}`,
      );
      return row ? { label: `Published rates from ${formatDate(row.from)}`, href: paymentsPath() } : null;
    },
    async inScope(_db, viewer, id) {
      return isUuid(id) && can(viewer.role, 'payments.view');
    },
  },
];
