/**
 * What the panel module needs of allegations: the ones waiting to be presented to the fostering
 * panel (an outcome recorded, not yet presented), and recording the presentation.
 */
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Result, Who } from '../../platform/views/results.ts';
import { households } from '../households/tables.ts';
import { panelStep } from './allegation-steps.ts';
import { takeStep } from './steps.ts';
import { concerns } from './tables.ts';

export interface AllegationForPanel {
  concernId: string;
  householdId: string;
  householdName: string;
  householdReference: string;
  outcome: string;
  outcomeOn: string;
  /** The allegation's page. */
  href: string;
}

/**
 * The allegations waiting for the fostering panel: an outcome recorded and not yet presented,
 * oldest outcome first. Not scoped to a viewer: the panel module lists them for its agenda under
 * its own access rule, and shows no more than these columns (the allegation itself is opened
 * through its page, which is scoped).
 */
export async function allegationsAwaitingPanel(
  db: DbOrTx,
  options: { limit?: number } = {},
): Promise<AllegationForPanel[]> {
  const rows = await db
    .select({
      concernId: concerns.id,
      householdId: households.id,
      householdName: households.name,
      householdReference: households.reference,
      outcome: sql<string>`${concerns.outcome}`,
      outcomeOn: sql<string>`${concerns.outcomeOn}`,
    })
    .from(concerns)
    .innerJoin(households, eq(households.id, concerns.householdId))
    .where(and(eq(concerns.kind, 'allegation'), isNotNull(concerns.outcomeOn), isNull(concerns.presentedToPanelOn)))
    .orderBy(asc(concerns.outcomeOn), asc(concerns.id))
    .limit(options.limit ?? 100);
  return rows.map((r) => ({ ...r, href: `/concerns/${r.concernId}` }));
}

/**
 * Records that an allegation was presented to the fostering panel on a date, and whether a review
 * of the carers' approval follows: the same rules as the allegation's own "panel" step (the team
 * manager or the head; not before the outcome; not in the future).
 */
export async function markPresentedToPanel(
  db: DbOrTx,
  who: Who,
  concernId: string,
  input: { presentedOn: string; approvalReview: boolean },
): Promise<Result> {
  return takeStep(db, who, concernId, panelStep, {
    presentedOn: input.presentedOn,
    approvalReview: input.approvalReview ? 'yes' : 'no',
  });
}
