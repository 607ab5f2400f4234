/**
 * An agency decision withdrawn as recorded in error, taken back from the household: the status
 * change it made (an approval or a deregistration) undone, the household back in the status (and
 * since the day) it was in before, a first approval's date of approval cleared; the terms or skills
 * level it set put back as they were before it. Refused, before anything is written, when something
 * since stands on it: a later status change, or terms or a skills level changed again since. Run by
 * the panel module inside the withdrawal's transaction (this module's panel business), after it has
 * checked the decision maker's access and what the panel itself holds (letters, later decisions).
 */
import { and, count, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { householdChanged } from '../../platform/modules/household-changes.ts';
import type { HouseholdBefore, WithdrawnDecision } from '../../platform/modules/panel-business.ts';
import { formatDate } from '../../platform/views/format.ts';
import { invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import { refreshHouseholdFacts } from './facts.ts';
import { approvalStandsWhile, statusName } from './labels.ts';
import { findHouseholdById, type HouseholdRecord } from './scope.ts';
import { lockHousehold } from './service.ts';
import { householdStatusEvents, households } from './tables.ts';

const refusal = (message: string) =>
  invalid({ field: 'reason', message: `The decision cannot be withdrawn: ${message}` });

/** The household's status events, latest first (the order the kept status periods use). */
async function latestEvents(tx: DbOrTx, householdId: string) {
  return tx
    .select({
      id: householdStatusEvents.id,
      toStatus: householdStatusEvents.toStatus,
      onDate: householdStatusEvents.onDate,
      origin: householdStatusEvents.origin,
      originId: householdStatusEvents.originId,
    })
    .from(householdStatusEvents)
    .where(eq(householdStatusEvents.householdId, householdId))
    .orderBy(desc(householdStatusEvents.onDate), desc(householdStatusEvents.createdAt), desc(householdStatusEvents.id))
    .limit(2);
}

type Terms = Pick<HouseholdBefore, 'approvedPlaces' | 'ageMin' | 'ageMax'>;
const sameTerms = (a: Terms, b: Terms) =>
  a.approvedPlaces === b.approvedPlaces && a.ageMin === b.ageMin && a.ageMax === b.ageMax;

/** What the decision set on the household that goes back, or why it cannot. */
function columnsBack(household: HouseholdRecord, d: WithdrawnDecision): Result<{ set: Partial<HouseholdBefore> }> {
  if (d.outcome === 'skills_level' && d.skillLevel !== null) {
    if (household.skillLevel !== d.skillLevel) {
      return refusal('the household’s skills level has changed since it. Put the level right on its terms page');
    }
    if (!d.before) {
      return refusal(
        'it was recorded before Hearth kept the skills level it replaced. Put the level right on the household’s terms page',
      );
    }
    return { ok: true, set: { skillLevel: d.before.skillLevel } };
  }
  if ((d.outcome === 'approve' || d.outcome === 'change_of_terms') && d.terms) {
    if (!sameTerms(household, d.terms)) {
      return refusal('the household’s terms of approval have changed since it. Put the terms right on its terms page');
    }
    if (!d.before) {
      // An approval goes back to assessment, where the next decision sets the terms again.
      if (d.outcome === 'approve') return { ok: true, set: {} };
      return refusal(
        'it was recorded before Hearth kept the terms it replaced. Put the terms right on the household’s terms page',
      );
    }
    const { approvedPlaces, ageMin, ageMax } = d.before;
    return { ok: true, set: { approvedPlaces, ageMin, ageMax } };
  }
  return { ok: true, set: {} };
}

/** The status change the decision made, undone when it is the household's latest; or why not. */
async function statusBack(tx: DbOrTx, household: HouseholdRecord, d: WithdrawnDecision) {
  if (d.outcome !== 'approve' && d.outcome !== 'deregister') return { ok: true as const, move: null };
  const [latest, previous] = await latestEvents(tx, household.id);
  if (!latest || latest.origin !== 'agency-decision' || latest.originId !== d.id) {
    const since = latest ? ` (${statusName(latest.toStatus).toLowerCase()} from ${formatDate(latest.onDate)})` : '';
    return refusal(`the household’s status has changed since it${since}. Put that change right first`);
  }
  if (!previous) return refusal('the household has no status before it to go back to');
  return { ok: true as const, move: { event: latest, previous } };
}

/** Takes the withdrawn decision back from the household, under the rules above (with `check`, only says whether it could). */
export async function withdrawDecisionFromHousehold(
  tx: DbOrTx,
  who: Who,
  d: WithdrawnDecision,
  mode: 'apply' | 'check' = 'apply',
): Promise<Result<object>> {
  if (mode === 'apply') await lockHousehold(tx, d.householdId);
  const household = await findHouseholdById(tx, d.householdId);
  if (!household) return notFound;
  const columns = columnsBack(household, d);
  if (!columns.ok) return columns;
  const status = await statusBack(tx, household, d);
  if (!status.ok || mode === 'check') return status;
  const set: Partial<typeof households.$inferInsert> = { ...columns.set };
  const { move } = status;
  if (move) {
    await tx.delete(householdStatusEvents).where(eq(householdStatusEvents.id, move.event.id));
    set.status = move.previous.toStatus;
    set.statusSince = move.previous.onDate;
    // A first approval set the date of approval: it goes with it (a re-approval's leaves it).
    if (d.outcome === 'approve' && household.approvedOn === move.event.onDate) {
      const [approvals] = await tx
        .select({ n: count() })
        .from(householdStatusEvents)
        .where(
          and(eq(householdStatusEvents.householdId, household.id), eq(householdStatusEvents.toStatus, 'approved')),
        );
      if (!approvals?.n) set.approvedOn = null;
    }
  }
  const fields = Object.keys(set).filter((f) => set[f as keyof typeof set] !== household[f as keyof HouseholdRecord]);
  if (!fields.length) return { ok: true };
  await tx
    .update(households)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(households.id, household.id));
  // What ended with a deregistration withdrawn comes back; what began under an approval withdrawn ends.
  if (move && approvalStandsWhile(move.previous.toStatus) !== approvalStandsWhile(move.event.toStatus)) {
    const endedOn = move.event.onDate;
    await householdChanged(
      tx,
      who,
      approvalStandsWhile(move.previous.toStatus)
        ? { kind: 'approval-restored', householdId: household.id, endedOn }
        : { kind: 'approval-ended', householdId: household.id, endedOn },
    );
  }
  await refreshDueItems(tx, 'household', [household.id]);
  await refreshHouseholdFacts(tx, household.id);
  await recordAudit(tx, who.actor, {
    action: 'undo',
    recordType: 'household',
    recordId: household.id,
    detail: {
      part: 'withdrawn-decision',
      fields,
      was: Object.fromEntries(fields.map((f) => [f, household[f as keyof HouseholdRecord]])),
      recordId: d.id,
      ...(move ? { eventId: move.event.id, backTo: move.previous.toStatus, backToSince: move.previous.onDate } : {}),
    },
  });
  return { ok: true };
}
