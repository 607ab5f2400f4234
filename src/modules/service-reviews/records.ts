import { sql } from 'drizzle-orm';
import type { RecordType } from '../../platform/access/registry.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { isUuid } from '../../platform/views/params.ts';
import { isKindKey, reviewKind, type KindKey } from './kinds.ts';
import { serviceReviewPath } from './paths.ts';
import { addMonths, todayInLondon } from '../../platform/dates/index.ts';
import { halfYearOf, halfYearWords } from './periods.ts';
import { slotsSql } from './slots.ts';
import { mayRead } from './scope.ts';
import { SERVICE_REVIEW_RECORD } from './service.ts';

interface Row {
  kind: string;
  area_id: string | null;
  area_name: string | null;
  period_start: string;
}

async function reviewRow(
  db: Parameters<RecordType['describe']>[0],
  id: string,
): Promise<(Row & { kind: KindKey }) | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<Row>(
    db,
    sql`select r.kind, r.area_id, a.name as area_name, r.period_start::text as period_start
      from service_reviews r left join areas a on a.id = r.area_id where r.id = ${id}`,
  );
  return row && isKindKey(row.kind) ? { ...row, kind: row.kind } : null;
}

/**
 * A review not yet written, by its place's id (slots.ts), as a scorecard measure lists it: the
 * places of the last ten years, to the half-year now.
 */
async function slotRow(
  db: Parameters<RecordType['describe']>[0],
  id: string,
): Promise<(Row & { kind: KindKey }) | null> {
  if (!isUuid(id)) return null;
  const now = halfYearOf(todayInLondon());
  const [row] = await queryRows<Row>(
    db,
    sql`select s.kind, s.area_id, s.area_name, s.period_start::text as period_start
      from ${slotsSql(addMonths(now, -120), now)} s where s.id = ${id}::uuid`,
  );
  return row && isKindKey(row.kind) ? { ...row, kind: row.kind } : null;
}

/** A six-monthly review in the audit trail, once saved: scoped as its page is (scope.ts mayRead). */
export const serviceReviewRecordTypes: RecordType[] = [
  {
    type: SERVICE_REVIEW_RECORD,
    async describe(db, id) {
      const row = await reviewRow(db, id);
      if (!row) return null;
      const kind = reviewKind(row.kind);
      const where = row.area_name ? `: ${row.area_name}` : '';
      return {
        label: `Six-monthly review: ${kind.title}${where}, ${halfYearWords(row.period_start)}`,
        href: serviceReviewPath(row.kind, row.period_start, row.area_id),
      };
    },
    // Also a review still to write, which the measure of reviews completed on time lists by its place.
    async inScope(db, viewer, id) {
      const row = (await reviewRow(db, id)) ?? (await slotRow(db, id));
      return row !== null && mayRead(viewer, reviewKind(row.kind), row.area_id);
    },
  },
];
