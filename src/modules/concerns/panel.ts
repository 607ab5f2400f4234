/**
 * What allegations bring to the fostering panel (declared in the module's entry as its panel
 * business): the ones waiting to be presented (an outcome recorded, not yet presented), as
 * standards of care items, and recording the presentation when the panel recommends.
 */
import { and, asc, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { recordAudit, type Actor } from '../../platform/audit/service.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import type { PanelBusiness, PresentedMove } from '../../platform/modules/panel-business.ts';
import { formatDate } from '../../platform/views/format.ts';
import { households } from '../households/tables.ts';
import { refreshMatter } from './service.ts';
import { matterPath } from './paths.ts';
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
  return rows.map((r) => ({ ...r, href: matterPath(r.concernId) }));
}

/**
 * Records that an allegation was presented to the fostering panel on `presentedOn`, when the panel
 * makes its recommendation on it (called by the panel module in its own transaction, under the
 * panel's access rule, so not limited to the roles that take the allegation's own "panel" step).
 * Keeps the matter's stage and deadlines in step and audits the change. False when the allegation
 * has no outcome yet, was already presented, or its outcome is later than `presentedOn`.
 */
export async function recordAllegationPresentedToPanel(
  tx: DbOrTx,
  actor: Actor,
  concernId: string,
  presentedOn: IsoDate,
): Promise<boolean> {
  const rows = await tx
    .update(concerns)
    .set({ presentedToPanelOn: presentedOn, updatedAt: new Date() })
    .where(
      and(
        eq(concerns.id, concernId),
        eq(concerns.kind, 'allegation'),
        isNotNull(concerns.outcomeOn),
        lte(concerns.outcomeOn, presentedOn),
        isNull(concerns.presentedToPanelOn),
      ),
    )
    .returning({ id: concerns.id });
  if (!rows.length) return false;
  await refreshMatter(tx, concernId);
  await recordAudit(tx, actor, {
    action: 'update',
    recordType: 'concern',
    recordId: concernId,
    detail: { step: 'panel', fields: ['presentedToPanelOn'] },
  });
  return true;
}

/**
 * The meeting that considered the allegation put right to another day: the allegation says it was
 * presented on that day instead, never before its outcome (called by the panel module in the
 * meeting's transaction). Answers why not, before writing anything.
 */
export async function moveAllegationPresentedOn(
  tx: DbOrTx,
  actor: Actor,
  concernId: string,
  { from, to }: PresentedMove,
): Promise<string | undefined> {
  const [allegation] = await tx
    .select({ outcomeOn: concerns.outcomeOn, presentedOn: concerns.presentedToPanelOn, name: households.name })
    .from(concerns)
    .innerJoin(households, eq(households.id, concerns.householdId))
    .where(and(eq(concerns.id, concernId), eq(concerns.kind, 'allegation')))
    .for('update', { of: concerns });
  if (!allegation || allegation.presentedOn !== from) return undefined;
  if (allegation.outcomeOn && compareIsoDates(to, allegation.outcomeOn) < 0) {
    return `Date of the meeting must be on or after ${formatDate(allegation.outcomeOn)}, when the outcome of the allegation about ${allegation.name} it considered was recorded`;
  }
  await tx.update(concerns).set({ presentedToPanelOn: to, updatedAt: new Date() }).where(eq(concerns.id, concernId));
  await refreshMatter(tx, concernId);
  await recordAudit(tx, actor, {
    action: 'update',
    recordType: 'concern',
    recordId: concernId,
    detail: { step: 'panel', fields: ['presentedToPanelOn'], was: from },
  });
  return undefined;
}

/**
 * Standards of care items: an allegation with an outcome goes before the panel, which reviews the
 * household's approval; the allegation is marked presented when the panel makes its recommendation.
 */
export const allegationPanelBusiness: PanelBusiness[] = [
  {
    kind: 'standards_of_care',
    recordType: 'concern',
    dueForPanel: async (db, { limit }) =>
      (await allegationsAwaitingPanel(db, { limit })).map((a) => ({
        householdId: a.householdId,
        householdName: a.householdName,
        householdReference: a.householdReference,
        hint: `Allegation: outcome recorded on ${formatDate(a.outcomeOn)}`,
        recordId: a.concernId,
      })),
    presentedToPanel: recordAllegationPresentedToPanel,
    presentedOnMoved: moveAllegationPresentedOn,
  },
];
