import { sql } from 'drizzle-orm';
import type { RecordType } from '../../platform/access/registry.ts';
import { formatDate } from '../../platform/views/format.ts';
import { findDay } from './queries.ts';
import { dayPath } from './paths.ts';
import { mayReadDays } from './scope.ts';
import { DAY_RECORD } from './service.ts';

/**
 * A joint training day in the audit trail: "who has seen or changed this record" is scoped as the
 * day's page is (every reader of joint training days). Its attendance and evaluations are parts of it.
 */
export const dayRecordTypes: RecordType[] = [
  {
    type: DAY_RECORD,
    pages: ['/joint-training/:id'],
    async describe(db, id) {
      const day = await findDay(db, id);
      return day
        ? { label: `Joint training day on ${formatDate(day.heldOn)}: ${day.title}`, href: dayPath(day.id) }
        : null;
    },
    listedTo: (viewer) => (mayReadDays(viewer) ? null : sql`false`),
    async inScope(db, viewer, id) {
      return mayReadDays(viewer) && (await findDay(db, id)) !== null;
    },
  },
];
