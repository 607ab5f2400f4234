/**
 * Putting right an agency placement recorded wrongly, by those who may end it
 * (canChangeAgencyPlacement): what its recording form holds (the agency, the start date, the type),
 * its ending corrected, or an ending recorded in error undone. The same rules as for a placement with
 * the service's own carers (corrections.ts, whose checks these share): the child's placements one
 * after another, none overlapping, and every visit made during the placement inside it. Each change
 * locks the child's row first, as placing does, and commits with the child's visit deadlines and the
 * kept placement facts refreshed (refreshDueItems for the agency placement) and an audit entry on
 * the child saying what the placement said before.
 */
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { inTransaction, invalid, notFound, Refused, type Result, type Who } from '../../platform/views/results.ts';
import type { AgencyEndInput, AgencyPlacementInput } from './agency-forms.ts';
import { AGENCY_PLACEMENT_RECORD, canChangeAgencyPlacement, type AgencyPlacementRecord } from './agency.ts';
import { leftCareRefusal, otherPlacementRefusal, placementsOverlapping, recordsDuring } from './correction-records.ts';
import { childBorn, lateStartRefusal, overlapMessage, recordsEndingErrors, startRefusal } from './corrections.ts';
import { MAX_DAYS_AHEAD } from './forms.ts';
import { agencyPlacements } from './tables.ts';

/** The placement as recorded now, with its child's date of birth: the child's row and its own locked. */
async function lockedPlacement(tx: DbOrTx, placement: AgencyPlacementRecord) {
  const { dateOfBirth } = await childBorn(tx, placement.childId, true);
  const [row] = await tx.select().from(agencyPlacements).where(eq(agencyPlacements.id, placement.id)).for('update');
  if (!row) throw new Refused([{ field: 'placement', message: 'This placement has been removed' }]);
  return { ...row, dateOfBirth };
}

/** The recording form's answers, as the audit trail keeps them. */
type Recorded = Record<'agencyName' | 'startDate' | 'placementType', string>;

/** Writes the view of the form that changes the placement's start to the audit trail (on the child). */
export const agencyStartViewed = (db: DbOrTx, who: Who, placement: AgencyPlacementRecord) =>
  recordAudit(db, who.actor, {
    action: 'view',
    recordType: 'child',
    recordId: placement.childId,
    detail: { part: 'agency-placement-start', agencyPlacementId: placement.id },
  });

/**
 * What the recording form holds, put right: the agency's name, the type of placement and the day it
 * started. The start keeps the rules of a placement's start (corrections.ts): on or after the
 * child's date of birth, over none of the child's other placements, on or before the first visit
 * made during it, and not in the future once the placement has begun (one still to begin may move
 * within the days ahead the recording form allows). An ended placement is corrected too, its start
 * on or before its end: unlike the service's own placements, whose start details are put right while
 * current, an agency placement is often ended by the child's move to our carers the day it happens
 * (endAgencyPlacementsOnMoveInHouse), and the ending form does not hold the agency, the start or the
 * type, so a team manager would otherwise have no way to put them right. The ending's date itself is
 * corrected on the ending form.
 */
export async function changeAgencyStart(
  db: Db,
  who: Who,
  placement: AgencyPlacementRecord,
  input: AgencyPlacementInput,
): Promise<Result> {
  if (!canChangeAgencyPlacement(who.user, placement)) return notFound;
  return inTransaction(db, async (tx) => {
    const locked = await lockedPlacement(tx, placement);
    const [from, name] = [input.startDate, placement.childFirstName];
    const ended = locked.endDate;
    const late = ended
      ? compareIsoDates(from, ended) > 0 &&
        `Start date must be on or before ${formatDate(ended)}, when the placement ended: if its ending is wrong too, correct it first`
      : lateStartRefusal(locked.startDate, from, name, MAX_DAYS_AHEAD);
    if (late) throw new Refused([{ field: 'startDate', message: late }]);
    const ours = { id: placement.id, childId: placement.childId, name, dateOfBirth: locked.dateOfBirth, agency: true };
    const refusal = await startRefusal(tx, ours, from, ended);
    if (refusal) throw new Refused([{ field: 'startDate', message: refusal }]);
    const keys = ['agencyName', 'startDate', 'placementType'] as const;
    const changed = keys.filter((k) => input[k] !== locked[k]);
    if (changed.length === 0) return { ok: true, id: placement.id };
    const pick = (r: Recorded) => Object.fromEntries(changed.map((k) => [k, r[k]]));
    await tx
      .update(agencyPlacements)
      .set({ agencyName: input.agencyName, startDate: from, placementType: input.placementType })
      .where(eq(agencyPlacements.id, placement.id));
    await refreshDueItems(tx, AGENCY_PLACEMENT_RECORD, [placement.id]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'child',
      recordId: placement.childId,
      detail: { part: 'agency-placement-start', agencyPlacementId: placement.id, ...pick(input), was: pick(locked) },
    });
    return { ok: true, id: placement.id };
  });
}

/** Writes the placement's ending corrected (or undone), its deadlines following, audited on the child with what it was. */
async function rewriteEnding(
  tx: DbOrTx,
  who: Who,
  placement: AgencyPlacementRecord,
  ending: { endDate: IsoDate | null; endReason: string | null },
  detail: Record<string, unknown>,
) {
  await tx.update(agencyPlacements).set(ending).where(eq(agencyPlacements.id, placement.id));
  await refreshDueItems(tx, AGENCY_PLACEMENT_RECORD, [placement.id]);
  await recordAudit(tx, who.actor, {
    action: 'update',
    recordType: 'child',
    recordId: placement.childId,
    detail: { part: 'agency-placement-ending', agencyPlacementId: placement.id, ...detail },
  });
}

/**
 * An ended agency placement's ending put right: its date (on or after the start, not after today,
 * not overlapping the child's next placement, not before a visit made during it) and the reason.
 * The child's row is locked first, as placing does; the deadlines and kept facts follow.
 */
export async function correctAgencyEnding(
  db: Db,
  who: Who,
  placement: AgencyPlacementRecord,
  input: AgencyEndInput,
): Promise<Result> {
  if (!canChangeAgencyPlacement(who.user, placement)) return notFound;
  if (!placement.endDate) return invalid({ field: 'endDate', message: 'This placement has not ended' });
  return inTransaction(db, async (tx) => {
    const locked = await lockedPlacement(tx, placement);
    if (!locked.endDate) throw new Refused([{ field: 'endDate', message: 'This placement has not ended' }]);
    const { startDate } = locked;
    if (compareIsoDates(input.endDate, startDate) < 0) {
      const message = `End date must be on or after the start date, ${formatDate(startDate)}`;
      throw new Refused([{ field: 'endDate', message }]);
    }
    const [next] = await placementsOverlapping(tx, placement.childId, placement.id, startDate, input.endDate);
    if (next) {
      const message = overlapMessage('End date', placement.childFirstName, next, startDate);
      throw new Refused([{ field: 'endDate', message }]);
    }
    const errors = recordsEndingErrors(await recordsDuring(tx, placement.id, true), input.endDate);
    if (errors.length) throw new Refused(errors);
    const before = { endDate: locked.endDate, endReason: locked.endReason };
    if (before.endDate === input.endDate && before.endReason === input.endReason) return { ok: true, id: placement.id };
    await rewriteEnding(tx, who, placement, { endDate: input.endDate, endReason: input.endReason }, { before });
    return { ok: true, id: placement.id };
  });
}

/** Why an ended agency placement cannot be made current again (none when it can): as for the service's own (corrections.ts). */
export async function agencyReopenRefusals(db: DbOrTx, placement: AgencyPlacementRecord): Promise<string[]> {
  const [row] = await db
    .select({ startDate: agencyPlacements.startDate, endDate: agencyPlacements.endDate })
    .from(agencyPlacements)
    .where(eq(agencyPlacements.id, placement.id));
  if (!row?.endDate) return ['This placement has not ended'];
  const name = placement.childFirstName;
  const other = await otherPlacementRefusal(db, { ...placement, startDate: row.startDate, endDate: row.endDate, name });
  if (other) return [other];
  const left = await leftCareRefusal(db, placement.childId, name, placement.placementType);
  return left ? [left] : [];
}

/** An agency placement's ending recorded in error, undone: the child is placed with the agency again. */
export async function reopenAgencyPlacement(db: Db, who: Who, placement: AgencyPlacementRecord): Promise<Result> {
  if (!canChangeAgencyPlacement(who.user, placement)) return notFound;
  return inTransaction(db, async (tx) => {
    const locked = await lockedPlacement(tx, placement);
    const refusals = await agencyReopenRefusals(tx, placement);
    if (refusals.length) throw new Refused(refusals.map((message) => ({ field: 'reopen', message })));
    const before = { endDate: locked.endDate, endReason: locked.endReason };
    await rewriteEnding(tx, who, placement, { endDate: null, endReason: null }, { before, reopened: true });
    return { ok: true, id: placement.id };
  });
}
