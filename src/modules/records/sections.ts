/** What the records module adds to another module's page: how long a closed household's records are kept. */
import type { PageSectionContext } from '../../platform/views/page-sections.ts';
import { isClosedStatus } from './labels.ts';
import { keptUntilOf } from './queries.ts';
import { retentionView } from './views.ts';

/**
 * The household's page (the household is in the viewer's scope already: the page checked it and
 * audited its view): for a household whose approval has ended or whose application was refused or
 * withdrawn, the day its records are kept until and the rule; null for any other household.
 */
export async function householdRetentionSection({ db, record, today }: PageSectionContext<'household'>) {
  // An open household (approved, in assessment, on hold) keeps its records: nothing to read.
  if (!isClosedStatus(record.status)) return null;
  const kept = await keptUntilOf(db, record.id);
  if (!kept?.keptUntil) return null;
  return { ...retentionView(kept.status, kept.closedOn, kept.keptUntil), passed: kept.keptUntil < today };
}
