import { eq } from 'drizzle-orm';
import type { RecordType } from '../../platform/access/registry.ts';
import { formatDate } from '../../platform/views/format.ts';
import { households } from '../households/tables.ts';
import { isUuid } from './forms.ts';
import { reviewPath } from './paths.ts';
import { findVisibleReview } from './queries.ts';
import { annualReviews } from './tables.ts';

/** Reviews as a record type, so "who has seen or changed this record" works for them. */
export const reviewRecordTypes: RecordType[] = [
  {
    type: 'annual-review',
    pages: ['/reviews/:id'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await db
        .select({ startedOn: annualReviews.startedOn, name: households.name })
        .from(annualReviews)
        .innerJoin(households, eq(households.id, annualReviews.householdId))
        .where(eq(annualReviews.id, id));
      return row
        ? { label: `Review of approval: ${row.name}, started ${formatDate(row.startedOn)}`, href: reviewPath(id) }
        : null;
    },
    async inScope(db, viewer, id) {
      return isUuid(id) && (await findVisibleReview(db, viewer, id)) !== null;
    },
  },
];
