/**
 * The six-monthly reviews' rules and writes: finding a review's place within the viewer's access,
 * reading it (audited), saving it to come back to, and marking it complete (who and when, its
 * figures frozen). Every change checks who may make it, keeps the deadline in step
 * (refreshDueItems on 'service-review') and writes its audit entry in one transaction.
 */
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { isUuid } from '../../platform/views/params.ts';
import { forbidden, inTransaction, invalid, type Result, type Who } from '../../platform/views/results.ts';
import { countFigures, storedFigures } from './figures.ts';
import type { Figures } from './figure-parts.ts';
import type { ReviewInput } from './forms.ts';
import { isKindKey, reviewKind, type ReviewKind } from './kinds.ts';
import { hasEnded, periodFromSlug, slotId } from './periods.ts';
import { areaName, savedReview, type SavedReview } from './queries.ts';
import { mayRead, mayWrite } from './scope.ts';
import { serviceReviews } from './tables.ts';

/** A six-monthly review as a record of the audit trail and of its deadline. */
export const SERVICE_REVIEW_RECORD = 'service-review';

/** A review's place: its kind, half-year and area (none for a service-wide review), and its id. */
export interface Place {
  id: string;
  kind: ReviewKind;
  periodStart: IsoDate;
  areaId: string | null;
  areaName: string | null;
}

/**
 * The place an address names, when it is one (a kind, a half-year that has ended, an area for a
 * kind written per area and none otherwise) and the viewer may read its review; otherwise null
 * (a 404: out of scope looks the same as missing).
 */
export async function findPlace(
  db: DbOrTx,
  viewer: SignedInUser,
  address: { kind: string; period: string; areaId?: string },
  today: IsoDate,
): Promise<Place | null> {
  const { kind: key, period, areaId = null } = address;
  if (!isKindKey(key)) return null;
  const kind = reviewKind(key);
  const periodStart = periodFromSlug(period);
  if (!periodStart || !hasEnded(periodStart, today)) return null;
  if (kind.perArea !== (areaId !== null) || (areaId !== null && !isUuid(areaId))) return null;
  const name = areaId ? await areaName(db, areaId) : null;
  if (areaId && !name) return null;
  if (!mayRead(viewer, kind, areaId)) return null;
  return { id: slotId(key, periodStart, areaId), kind, periodStart, areaId, areaName: name };
}

export interface ReviewOnPage {
  saved: SavedReview | null;
  figures: Figures;
  /** True when the figures are counted now (not completed); false when frozen at completion. */
  live: boolean;
}

/** The review of a place for its page: the saved record, and its figures (frozen once completed). The view is audited. */
export async function viewReview(db: DbOrTx, who: Who, place: Place): Promise<ReviewOnPage> {
  const saved = await savedReview(db, place.kind.key, place.periodStart, place.areaId);
  const frozen = saved?.completedAt ? storedFigures(saved.figures) : null;
  const figures = frozen ?? (await countFigures(db, place.kind.key, place.periodStart, place.areaId));
  await recordAudit(db, who.actor, {
    action: 'view',
    recordType: SERVICE_REVIEW_RECORD,
    recordId: place.id,
    detail: { kind: place.kind.key, periodStart: place.periodStart, ...(place.areaId ? { areaId: place.areaId } : {}) },
  });
  return { saved, figures, live: frozen === null };
}

/** Whether the viewer may write the review of this place. */
export const mayWriteAt = (viewer: SignedInUser, place: Place) => mayWrite(viewer, place.kind, place.areaId);

/**
 * Saves the review's answers; with `intent` 'complete', marks it complete too: who and when, and
 * its figures counted now and kept. A completed review is not changed again.
 */
export async function saveReview(db: Db, who: Who, place: Place, input: ReviewInput, today: IsoDate): Promise<Result> {
  if (!mayWriteAt(who.user, place)) return forbidden;
  const complete = input.intent === 'complete';
  return inTransaction(db, async (tx) => {
    const [existing] = await queryRows<{ completed: boolean }>(
      tx,
      sql`select completed_at is not null as completed from service_reviews where id = ${place.id} for update`,
    );
    if (existing?.completed) {
      return invalid({ field: 'heard', message: 'This review has already been marked as complete' });
    }
    const answers = {
      heard: input.heard,
      learnt: input.learnt,
      willDo: input.willDo,
      sharedWith: input.sharedWith,
      sharedOn: input.sharedOn,
      updatedBy: who.user.id,
      updatedAt: new Date(),
      ...(complete
        ? {
            figures: await countFigures(tx, place.kind.key, place.periodStart, place.areaId),
            completedOn: today,
            completedAt: new Date(),
            completedBy: who.user.id,
          }
        : {}),
    };
    await tx
      .insert(serviceReviews)
      .values({ id: place.id, kind: place.kind.key, areaId: place.areaId, periodStart: place.periodStart, ...answers })
      .onConflictDoUpdate({ target: serviceReviews.id, set: answers });
    await refreshDueItems(tx, SERVICE_REVIEW_RECORD, [place.id], today);
    await recordAudit(tx, who.actor, {
      action: complete ? 'complete' : existing ? 'update' : 'create',
      recordType: SERVICE_REVIEW_RECORD,
      recordId: place.id,
      detail: { kind: place.kind.key, periodStart: place.periodStart },
    });
    return { ok: true as const, id: place.id };
  });
}
