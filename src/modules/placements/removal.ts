/**
 * Removing a placement recorded in error (the wrong child, the wrong household), saying why, by
 * those who may end it. Decisions:
 * - Only the child's latest placement goes: a later one was recorded from the child's life after
 *   it (a move from it), so the later one is put right first.
 * - Records other modules keep during the placement (visits by the child's social worker, times
 *   the child went missing, allegations that suspended or ended it, disability enhancements) are
 *   theirs and would lose their placement: the removal is refused, naming them, until they are
 *   removed or put right there. (If they are right, the placement was not recorded in error: its
 *   start or ending is corrected instead.)
 * - The placement's own papers (the documents given to the carer and the delegated authority) were
 *   recorded for this placement alone and go with it: the removal page names them first, and the
 *   audit entry keeps what they said.
 * - A placement that answered a referral (placed from its match, or in an emergency while it was
 *   open) gives the referral back: it returns to the status it had before it was placed (matched,
 *   accepted ...), with the removal on its timeline, so the child can be placed again from it. If the
 *   child has another open referral by then, the referral stays placed (one open referral per
 *   child) and its timeline says the placement was removed.
 * - A placement the child left when this one began (a move) stays ended: whether the child left it
 *   is for the user to say, by undoing that ending from its page, which this removal makes possible.
 */
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { inTransaction, notFound, Refused, type Result, type Who } from '../../platform/views/results.ts';
import { placementInWords, placementsStartingFrom, recordInWords, recordsDuring } from './correction-records.ts';
import { placementState } from './corrections.ts';
import { delegatedAuthorityOf, documentsOf, type PlacementRecord } from './queries.ts';
import { moveReferral } from './referrals.ts';
import { canChangePlacement } from './scope.ts';
import {
  agencyPlacements,
  delegatedAuthorities,
  placementDocuments,
  placements,
  referralEvents,
  referrals,
} from './tables.ts';

/** "a, b and c" */
function listInWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Why the placement cannot be removed, in words (none when it can). */
export async function removalRefusals(db: DbOrTx, placement: PlacementRecord): Promise<string[]> {
  const name = placement.childFirstName;
  const state = await placementState(db, placement.id);
  const [later] = await placementsStartingFrom(db, state.childId, placement.id, state.startDate);
  if (later) {
    return [
      `${name} has a later placement, ${placementInWords(later)}: only the child’s latest placement can be removed. Put that one right first.`,
    ];
  }
  const records = await recordsDuring(db, placement.id);
  if (records.length === 0) return [];
  return [
    `Records are kept during this placement: ${listInWords(records.map(recordInWords))}. They would be left without their placement, so it cannot be removed while they are there.`,
    'If they were recorded in error too, remove them first. If they are right, the placement was not recorded in error: change its start or correct its ending instead.',
  ];
}

/** The status a referral had before it was placed, from its timeline (the step before its latest 'placed'). */
async function statusBeforePlaced(tx: DbOrTx, referralId: string): Promise<string | null> {
  const events = await tx
    .select({ kind: referralEvents.kind })
    .from(referralEvents)
    .where(eq(referralEvents.referralId, referralId))
    .orderBy(desc(referralEvents.at), desc(referralEvents.id));
  const placed = events.findIndex((e) => e.kind === 'placed');
  const statusOf: Record<string, string> = {
    submitted: 'submitted',
    resubmitted: 'submitted',
    returned: 'returned',
    accepted: 'accepted',
    matched: 'matched',
    reopened: 'matched',
  };
  const before = placed < 0 ? undefined : events.slice(placed + 1).find((e) => statusOf[e.kind]);
  return before ? statusOf[before.kind]! : null;
}

/**
 * Gives back the referral the placement answered (see the module comment): the status it had before,
 * or, while the child has another open referral, a note on its timeline. Returns the status it
 * returned to, or null.
 */
async function giveBackReferral(tx: DbOrTx, who: Who, placement: PlacementRecord, reason: string) {
  const referralId = placement.referralId;
  if (!referralId) return null;
  const [referral] = await tx
    .select({ status: referrals.status, childId: referrals.childId })
    .from(referrals)
    .where(eq(referrals.id, referralId))
    .for('update');
  if (referral?.status !== 'placed') return null;
  // Answered by another placement too (an agency's): it stays answered.
  const [agency] = await tx
    .select({ id: agencyPlacements.id })
    .from(agencyPlacements)
    .where(eq(agencyPlacements.referralId, referralId))
    .limit(1);
  if (agency) return null;
  const [open] = await tx
    .select({ id: referrals.id })
    .from(referrals)
    .where(
      and(
        eq(referrals.childId, referral.childId),
        ne(referrals.id, referralId),
        inArray(referrals.status, ['submitted', 'returned', 'accepted', 'matched']),
      ),
    )
    .limit(1);
  const status = open ? null : await statusBeforePlaced(tx, referralId);
  const what = `The placement with ${placement.householdName} from ${formatDate(placement.startDate)} was removed, recorded in error: ${reason}`;
  await moveReferral(tx, who.user, who.actor, referralId, {
    status: status ?? 'placed',
    event: status ? 'reopened' : 'placement-removed',
    action: status ? 'reopen' : 'update',
    reason: what,
    detail: { placementId: placement.id, ...(status ? { status } : {}) },
  });
  return status;
}

/** Removes a placement recorded in error, with its own papers, giving back its referral; refused while records hang on it. */
export async function removePlacement(
  db: Db,
  who: Who,
  placement: PlacementRecord,
  reason: string,
): Promise<Result<{ id: string; referralStatus: string | null }>> {
  if (!canChangePlacement(who.user, placement)) return notFound;
  return inTransaction(db, async (tx) => {
    const state = await placementState(tx, placement.id, true);
    const refusals = await removalRefusals(tx, placement);
    if (refusals.length) throw new Refused(refusals.map((message) => ({ field: 'reason', message })));
    const [documents, authority] = await Promise.all([
      documentsOf(tx, placement.id),
      delegatedAuthorityOf(tx, placement.id),
    ]);
    const referralStatus = await giveBackReferral(tx, who, placement, reason);
    await tx.delete(placementDocuments).where(eq(placementDocuments.placementId, placement.id));
    await tx.delete(delegatedAuthorities).where(eq(delegatedAuthorities.placementId, placement.id));
    await tx.delete(placements).where(eq(placements.id, placement.id));
    // The placement's own deadlines go; the child's and household's (and the kept facts by child) are
    // worked out again without it: once it is gone, its id no longer leads to them.
    await refreshDueItems(tx, 'placement', [placement.id]);
    await refreshDueItems(tx, 'child', [state.childId]);
    await refreshDueItems(tx, 'household', [state.householdId]);
    if (placement.referralId) await refreshDueItems(tx, 'referral', [placement.referralId]);
    const removed = {
      childId: state.childId,
      householdId: state.householdId,
      referralId: placement.referralId,
      placementType: state.placementType,
      startDate: state.startDate,
      endDate: state.endDate,
      ending: state.ending,
      endReason: state.endReason,
    };
    await recordAudit(tx, who.actor, {
      action: 'delete',
      recordType: 'placement',
      recordId: placement.id,
      detail: { reason, ...removed, documents, delegatedAuthority: authority, referralStatus },
    });
    await recordAudit(tx, who.actor, {
      action: 'delete',
      recordType: 'child',
      recordId: state.childId,
      detail: { part: 'placement', placementId: placement.id, householdId: state.householdId, reason },
    });
    return { ok: true, id: state.childId, referralStatus };
  });
}

/** What goes with the placement: its papers, in words, for the removal page. */
export async function papersInWords(db: DbOrTx, placementId: string): Promise<string[]> {
  const [documents, authority] = await Promise.all([
    documentsOf(db, placementId),
    delegatedAuthorityOf(db, placementId),
  ]);
  const papers: string[] = [];
  if (documents.length) {
    papers.push(
      `${documents.length === 1 ? 'the date a document was' : 'the dates the documents were'} given to the carer`,
    );
  }
  if (authority) {
    papers.push(
      authority.signedOn
        ? `the delegated authority signed on ${formatDate(authority.signedOn)}`
        : 'the delegated authority',
    );
  }
  return papers;
}
