/**
 * Places on a session taken by other organisations (business plan action 2.1: spare places offered
 * to supported lodgings providers or sold to independent fostering agencies, to bring in income):
 * recorded by the training coordinator against the session's places, or removed when recorded in
 * error. The session's row is locked while its places are counted, as a carer's booking does, so
 * the two cannot take the last place twice. On the session's trail.
 */
import { eq } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db } from '../../platform/db/client.ts';
import { forbidden, invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import { placesTaken } from './bookings.ts';
import type { OtherPlacesInput } from './forms.ts';
import { trainingOtherPlaces, trainingSessions } from './tables.ts';

/** Records places on a session taken by another organisation, if the session has them left. */
export async function offerPlaces(db: Db, who: Who, sessionId: string, input: OtherPlacesInput): Promise<Result> {
  if (!can(who.user.role, 'training.manage')) return forbidden;
  return db.transaction(async (tx) => {
    const [session] = await tx.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)).for('update');
    if (!session) return notFound;
    if (session.status === 'cancelled') {
      return invalid({ field: 'places', message: 'This session was cancelled: choose another session' });
    }
    const left = session.capacity - (await placesTaken(tx, sessionId));
    if (input.places > left) {
      return invalid({
        field: 'places',
        message:
          left <= 0
            ? 'This session is full: choose another session, or give it more places'
            : `Only ${left} ${left === 1 ? 'place is' : 'places are'} left on this session: enter ${left} or fewer`,
      });
    }
    const [made] = await tx
      .insert(trainingOtherPlaces)
      .values({ sessionId, ...input, recordedBy: who.user.id })
      .returning({ id: trainingOtherPlaces.id });
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: 'training-session',
      recordId: sessionId,
      detail: {
        part: 'other-places',
        id: made!.id,
        kind: input.kind,
        places: input.places,
        pencePerPlace: input.pencePerPlace,
      },
    });
    return { ok: true as const, id: sessionId };
  });
}

/** Removes places recorded in error (the wrong session, or places not taken after all), with why. */
export async function removeOtherPlaces(db: Db, who: Who, id: string, reason: string): Promise<Result> {
  if (!can(who.user.role, 'training.manage')) return forbidden;
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(trainingOtherPlaces).where(eq(trainingOtherPlaces.id, id)).for('update');
    if (!row) return notFound;
    await tx.delete(trainingOtherPlaces).where(eq(trainingOtherPlaces.id, id));
    await recordAudit(tx, who.actor, {
      action: 'delete',
      recordType: 'training-session',
      recordId: row.sessionId,
      detail: { part: 'other-places', id, places: row.places, reason },
    });
    return { ok: true as const, id: row.sessionId };
  });
}
