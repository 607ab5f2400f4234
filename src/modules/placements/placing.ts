import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { recordAudit, type Actor } from '../../platform/audit/service.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { compareIsoDates, todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import {
  inTransaction,
  invalid,
  notFound,
  Refused,
  type FieldError,
  type Result,
} from '../../platform/views/results.ts';
import type { ChildRecord } from '../children/scope.ts';
import { children } from '../children/tables.ts';
import { CONNECTED_TYPE, inForceOnSql } from '../connected-persons/labels.ts';
import { households } from '../households/tables.ts';
import { endAgencyPlacementsOnMoveInHouse } from './agency.ts';
import { isPlanned } from './labels.ts';
import type { EndInput, MoveInput, PlacementInput } from './forms.ts';
import {
  findHouseholdForPlacement,
  findPlacement,
  latestMatch,
  openPlacementOf,
  openReferralOf,
  placementsRunningFrom,
  type PlacementRecord,
  type ReferralRecord,
} from './queries.ts';
import { canChangePlacement } from './scope.ts';
import { placements } from './tables.ts';
import { moveReferral } from './referrals.ts';

interface NewPlacement {
  childId: string;
  householdId: string;
  referralId: string | null;
  placementType: string;
  startDate: IsoDate;
  placementPlanOn: IsoDate | null;
  childSawProfile: boolean | null;
}

/**
 * Whether the household is a connected person with temporary approval for this child in force on
 * the placement's first day (connected-persons: given on or before it, running to or past it).
 */
async function temporarilyApprovedFor(tx: DbOrTx, p: NewPlacement, type: string): Promise<boolean> {
  if (type !== CONNECTED_TYPE) return false;
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`select ta.id from temporary_approvals ta where ta.household_id = ${p.householdId}
      and ta.child_id = ${p.childId} and ${inForceOnSql(sql`${p.startDate}::date`)} limit 1`,
  );
  return Boolean(row);
}

/**
 * Starts a placement inside the caller's transaction, refusing a child who already has an open
 * placement and a household that would go over its approved places. The child's and household's
 * rows are locked first, so two placements made at the same moment cannot both get through.
 */
async function startPlacement(tx: DbOrTx, user: SignedInUser, actor: Actor, p: NewPlacement): Promise<string> {
  const [child] = await tx
    .select({ id: children.id, dateOfBirth: children.dateOfBirth })
    .from(children)
    .where(eq(children.id, p.childId))
    .for('update');
  const [household] = await tx
    .select({
      id: households.id,
      name: households.name,
      status: households.status,
      type: households.householdType,
      places: households.approvedPlaces,
    })
    .from(households)
    .where(eq(households.id, p.householdId))
    .for('update');
  if (!child || !household)
    throw new Refused([{ field: 'household', message: 'The child or household no longer exists' }]);
  const [current] = await tx
    .select({ householdName: households.name, startDate: placements.startDate })
    .from(placements)
    .innerJoin(households, eq(households.id, placements.householdId))
    .where(and(eq(placements.childId, p.childId), isNull(placements.endDate)))
    .limit(1);
  if (current) {
    const message = isPlanned({ ...current, endDate: null }, todayInLondon())
      ? `The child is due to move to ${current.householdName} on ${formatDate(current.startDate)}: no other placement can be recorded for them until then`
      : `The child already lives with ${current.householdName}: end that placement first, or record a move`;
    throw new Refused([{ field: 'child', message }]);
  }
  if (compareIsoDates(p.startDate, child.dateOfBirth) < 0) {
    throw new Refused([{ field: 'startDate', message: 'Start date must be on or after the child’s date of birth' }]);
  }
  // A connected person approved for this child alone (regulation 24) takes them whatever their terms.
  const temporary = household.status !== 'approved' && (await temporarilyApprovedFor(tx, p, household.type));
  if (household.status !== 'approved' && !temporary) {
    const hint =
      household.type === CONNECTED_TYPE
        ? ': give the connected person temporary approval for this child first, from the child’s record'
        : '';
    throw new Refused([{ field: 'household', message: `${household.name} is not an approved household${hint}` }]);
  }
  const running = await placementsRunningFrom(tx, household.id, p.startDate);
  if (!temporary && running + 1 > household.places) {
    const approved = `${household.places} ${household.places === 1 ? 'child' : 'children'}`;
    const placed = `${running} ${running === 1 ? 'is' : 'are'} placed there from ${formatDate(p.startDate)}`;
    throw new Refused([
      {
        field: 'household',
        message: `${household.name} is approved for ${approved} and ${placed}: it cannot take another child`,
      },
    ]);
  }
  const [row] = await tx
    .insert(placements)
    .values({ ...p, createdBy: user.id })
    .returning({ id: placements.id });
  await refreshDueItems(tx, 'placement', [row!.id]);
  await recordAudit(tx, actor, {
    action: 'create',
    recordType: 'placement',
    recordId: row!.id,
    detail: { childId: p.childId, householdId: p.householdId },
  });
  await endAgencyPlacementsOnMoveInHouse(tx, actor, p.childId, p.startDate);
  return row!.id;
}

/** Places the child of a matched referral with the matched household. */
export async function placeFromMatch(
  db: Db,
  user: SignedInUser,
  actor: Actor,
  referral: ReferralRecord,
  input: PlacementInput,
): Promise<Result> {
  if (referral.status !== 'matched') {
    return invalid({ field: 'household', message: 'Only a matched referral can be placed' });
  }
  const match = await latestMatch(db, referral.id);
  if (!match) return notFound;
  const from = await movingFrom(db, user, referral.childId, match.householdId);
  if (from) {
    const errors = moveDayErrors(from, referral.childFirstName, input.startDate);
    if (errors.length) return invalid(...errors);
  }
  return inTransaction(db, async (tx) => {
    // A child matched while living with other carers moves on the first day of the new placement.
    if (from) {
      const endReason = `Moved to ${match.householdName}, as matched`;
      await closePlacement(tx, from.id, { endDate: input.startDate, ending: 'planned', endReason });
    }
    const id = await startPlacement(tx, user, actor, {
      childId: referral.childId,
      householdId: match.householdId,
      referralId: referral.id,
      placementType: input.placementType,
      startDate: input.startDate,
      placementPlanOn: input.placementPlanOn,
      childSawProfile: input.childSawProfile,
    });
    if (from) await placementEnded(tx, actor, from.id, { ending: 'planned', movedToPlacementId: id });
    await closeReferralAsPlaced(tx, user, actor, referral.id, id);
    return { ok: true, id };
  });
}

/**
 * The placement a matched child would move from: the one they live in now with other carers, when
 * the user answers for it (so may end it). Null when they live nowhere yet, are due to move
 * somewhere already, or live with the matched household (startPlacement then says why not).
 */
export async function movingFrom(
  db: DbOrTx,
  user: SignedInUser,
  childId: string,
  householdId: string,
): Promise<PlacementRecord | null> {
  const open = await openPlacementOf(db, childId);
  if (!open || open.householdId === householdId || isPlanned({ ...open, endDate: null }, todayInLondon())) return null;
  const current = await findPlacement(db, user, open.id);
  return current && canChangePlacement(user, current) ? current : null;
}

/** A move ends the current placement on the new one's first day: a day that has come, not before it began. */
function moveDayErrors(from: PlacementRecord, name: string, startDate: IsoDate): FieldError[] {
  if (compareIsoDates(startDate, todayInLondon()) > 0) {
    const message = `${name} lives with ${from.householdName} until the move: record the placement on the day ${name} moves, with that day as the start date`;
    return [{ field: 'startDate', message }];
  }
  if (compareIsoDates(startDate, from.startDate) < 0) {
    const since = formatDate(from.startDate);
    return [
      {
        field: 'startDate',
        message: `Start date must be on or after ${since}, when ${name} started living with ${from.householdName}`,
      },
    ];
  }
  return [];
}

/** A team manager places a child straight away in an emergency, without a match. */
export async function placeInEmergency(
  db: Db,
  user: SignedInUser,
  actor: Actor,
  child: ChildRecord,
  input: PlacementInput,
): Promise<Result> {
  const household = input.householdId
    ? await findHouseholdForPlacement(db, user, input.householdId, todayInLondon())
    : null;
  if (!household) return invalid({ field: 'householdId', message: 'Select a household from the list' });
  const referral = await openReferralOf(db, child.id);
  return inTransaction(db, async (tx) => {
    const id = await startPlacement(tx, user, actor, {
      childId: child.id,
      householdId: household.id,
      referralId: referral?.id ?? null,
      placementType: input.placementType,
      startDate: input.startDate,
      placementPlanOn: input.placementPlanOn,
      childSawProfile: input.childSawProfile,
    });
    // An open referral is answered by the emergency placement.
    if (referral) await closeReferralAsPlaced(tx, user, actor, referral.id, id);
    return { ok: true, id };
  });
}

async function closeReferralAsPlaced(
  tx: DbOrTx,
  user: SignedInUser,
  actor: Actor,
  referralId: string,
  placementId: string,
) {
  await moveReferral(tx, user, actor, referralId, {
    status: 'placed',
    event: 'placed',
    action: 'place',
    detail: { placementId },
  });
}

function endingErrors(placement: PlacementRecord, endDate: IsoDate): FieldError[] {
  if (placement.endDate) return [{ field: 'endDate', message: 'This placement has ended already' }];
  if (compareIsoDates(endDate, placement.startDate) < 0) {
    return [
      { field: 'endDate', message: `End date must be on or after the start date, ${formatDate(placement.startDate)}` },
    ];
  }
  return [];
}

type Ending = Pick<EndInput, 'endDate' | 'ending' | 'endReason'>;

/** Ends an open placement, in the caller's transaction (before a move starts the next one). */
async function closePlacement(tx: DbOrTx, placementId: string, ending: Ending) {
  await tx
    .update(placements)
    .set({ endDate: ending.endDate, ending: ending.ending, endReason: ending.endReason })
    .where(and(eq(placements.id, placementId), isNull(placements.endDate)));
}

/** After a placement is closed: its deadlines follow and the ending is audited (with the placement moved to, on a move). */
async function placementEnded(tx: DbOrTx, actor: Actor, placementId: string, detail: Record<string, unknown>) {
  await refreshDueItems(tx, 'placement', [placementId]);
  await recordAudit(tx, actor, { action: 'end', recordType: 'placement', recordId: placementId, detail });
}

/** Ends a placement: the date, planned or unplanned, and the reason (required when unplanned). */
export async function endPlacement(
  db: Db,
  user: SignedInUser,
  actor: Actor,
  placement: PlacementRecord,
  input: EndInput,
): Promise<Result> {
  if (!canChangePlacement(user, placement)) return notFound;
  const errors = endingErrors(placement, input.endDate);
  if (errors.length) return invalid(...errors);
  await db.transaction(async (tx) => {
    await closePlacement(tx, placement.id, input);
    await placementEnded(tx, actor, placement.id, { ending: input.ending });
  });
  return { ok: true, id: placement.id };
}

/** A move: the placement ends and a new one starts with another household on the same day, both recorded. */
export async function movePlacement(
  db: Db,
  user: SignedInUser,
  actor: Actor,
  placement: PlacementRecord,
  input: MoveInput,
): Promise<Result> {
  if (!canChangePlacement(user, placement)) return notFound;
  const errors = endingErrors(placement, input.endDate);
  if (input.householdId === placement.householdId) {
    errors.push({ field: 'householdId', message: 'Select a different household: the child is moving' });
  }
  if (errors.length) return invalid(...errors);
  const household = await findHouseholdForPlacement(db, user, input.householdId, todayInLondon());
  if (!household) return invalid({ field: 'householdId', message: 'Select a household from the list' });
  return inTransaction(db, async (tx) => {
    await closePlacement(tx, placement.id, input);
    const id = await startPlacement(tx, user, actor, {
      childId: placement.childId,
      householdId: household.id,
      referralId: null,
      placementType: input.placementType,
      startDate: input.endDate,
      placementPlanOn: input.placementPlanOn,
      childSawProfile: input.childSawProfile,
    });
    await placementEnded(tx, actor, placement.id, { ending: input.ending, movedToPlacementId: id });
    return { ok: true, id };
  });
}

/** Opens a placement's page: the view is written to the audit trail. */
export async function viewPlacement(db: Db, user: SignedInUser, actor: Actor, id: string) {
  const placement = await findPlacement(db, user, id);
  if (!placement) return null;
  await recordAudit(db, actor, { action: 'view', recordType: 'placement', recordId: placement.id });
  return placement;
}
