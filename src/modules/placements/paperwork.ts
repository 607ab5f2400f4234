import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { recordAudit, type Actor } from '../../platform/audit/service.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { notFound, type Result } from '../../platform/views/results.ts';
import type { DelegatedAuthorityInput, PaperworkInput } from './forms.ts';
import { decisionAreaKeys, documentKindKeys, isStayingPut } from './labels.ts';
import { delegatedAuthorityOf, documentsOf, type PlacementRecord } from './queries.ts';
import { canChangePlacement } from './scope.ts';
import { delegatedAuthorities, placementDocuments, placements } from './tables.ts';

/**
 * Records the placement plan date, whether the child saw the carers' profile before arriving,
 * and the dates the carer was given each document. A cleared date removes that record.
 */
export async function recordPaperwork(
  db: Db,
  user: SignedInUser,
  actor: Actor,
  placement: PlacementRecord,
  input: PaperworkInput,
): Promise<Result> {
  // A Staying Put arrangement has no plan, documents or delegated authority to record.
  if (!canChangePlacement(user, placement) || isStayingPut(placement)) return notFound;
  const before = new Map((await documentsOf(db, placement.id)).map((d) => [d.kind, d.givenOn]));
  const changed: string[] = [];
  if (input.placementPlanOn !== placement.placementPlanOn) changed.push('placementPlanOn');
  if (input.childSawProfile !== placement.childSawProfile) changed.push('childSawProfile');
  const given = documentKindKeys.filter((k) => input[`given_${k}`]);
  for (const k of documentKindKeys) if ((before.get(k) ?? null) !== input[`given_${k}`]) changed.push(`document:${k}`);
  if (changed.length === 0) return { ok: true, id: placement.id };
  await db.transaction(async (tx) => {
    await tx
      .update(placements)
      .set({ placementPlanOn: input.placementPlanOn, childSawProfile: input.childSawProfile })
      .where(eq(placements.id, placement.id));
    const cleared = documentKindKeys.filter((k) => !given.includes(k));
    if (cleared.length) {
      await tx
        .delete(placementDocuments)
        .where(and(eq(placementDocuments.placementId, placement.id), inArray(placementDocuments.kind, cleared)));
    }
    for (const kind of given) {
      const givenOn = input[`given_${kind}`]!;
      await tx
        .insert(placementDocuments)
        .values({ placementId: placement.id, kind, givenOn, recordedBy: user.id })
        .onConflictDoUpdate({
          target: [placementDocuments.placementId, placementDocuments.kind],
          set: { givenOn, recordedBy: user.id },
        });
    }
    await refreshDueItems(tx, 'placement', [placement.id]);
    await recordAudit(tx, actor, {
      action: 'update',
      recordType: 'placement',
      recordId: placement.id,
      detail: { changed },
    });
  });
  return { ok: true, id: placement.id };
}

/** Saves the placement's delegated authority form (one per placement), creating it the first time. */
export async function saveDelegatedAuthority(
  db: Db,
  user: SignedInUser,
  actor: Actor,
  placement: PlacementRecord,
  input: DelegatedAuthorityInput,
): Promise<Result> {
  // A Staying Put arrangement has no plan, documents or delegated authority to record.
  if (!canChangePlacement(user, placement) || isStayingPut(placement)) return notFound;
  const existing = await delegatedAuthorityOf(db, placement.id);
  const values = {
    ...Object.fromEntries(
      decisionAreaKeys.flatMap((a) => [
        [`${a}Holder`, input[`${a}Holder`]],
        [`${a}Notes`, input[`${a}Notes`]],
      ]),
    ),
    signedBy: input.signedBy.length ? input.signedBy.join(',') : null,
    signedOn: input.signedOn,
    copyGivenToCarerOn: input.copyGivenToCarerOn,
  } as Omit<typeof delegatedAuthorities.$inferInsert, 'placementId'>;
  const changed = existing
    ? (Object.keys(values) as (keyof typeof values)[]).filter((k) => values[k] !== existing[k])
    : ['created'];
  if (changed.length === 0) return { ok: true, id: placement.id };
  await db.transaction(async (tx) => {
    await tx
      .insert(delegatedAuthorities)
      .values({ ...values, placementId: placement.id, updatedBy: user.id })
      .onConflictDoUpdate({
        target: delegatedAuthorities.placementId,
        set: { ...values, updatedBy: user.id, updatedAt: new Date() },
      });
    await refreshDueItems(tx, 'placement', [placement.id]);
    await recordAudit(tx, actor, {
      action: 'update',
      recordType: 'placement',
      recordId: placement.id,
      detail: { delegatedAuthority: changed },
    });
  });
  return { ok: true, id: placement.id };
}
