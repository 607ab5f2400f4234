import { and, desc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { can } from '../../platform/access/policy.ts';
import { recordAudit, type Actor } from '../../platform/audit/service.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { compareIsoDates } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { isUuid } from '../../platform/views/params.ts';
import { inTransaction, invalid, notFound, Refused, type Result } from '../../platform/views/results.ts';
import { children } from '../children/tables.ts';
import { households } from '../households/tables.ts';
import type { AgencyEndInput, AgencyPlacementInput } from './agency-forms.ts';
import type { ReferralRecord } from './queries.ts';
import { canChangePlacement, referralVisibleTo } from './scope.ts';
import { agencyPlacements, placements, referralEvents, referrals } from './tables.ts';

/**
 * Children placed with independent fostering agencies (IFAs): recorded from a referral the
 * service's own carers could not take, and ended later. The referral is closed as 'placed' (the
 * child has a placement) and this table says it is with an agency: a status of its own would add
 * nothing the open-referral lists, labels and filters need. One recorded wrongly is put right in
 * agency-corrections.ts.
 */

/** The record type of a change to an agency placement, for the deadlines it moves (a child's visits). */
export const AGENCY_PLACEMENT_RECORD = 'agency-placement';

/** Referral statuses a team manager may close with an agency placement: accepted, or matched but not placed. */
export const AGENCY_PLACEABLE_STATUSES = ['accepted', 'matched'] as const;

export function mayPlaceWithAgency(user: SignedInUser, referral: { status: string }): boolean {
  return (
    can(user.role, 'referrals.review') && (AGENCY_PLACEABLE_STATUSES as readonly string[]).includes(referral.status)
  );
}

/**
 * Records that the child of a referral was placed with an agency. Access is the rule for placing
 * a child in-house from a referral (placing.ts placeFromMatch): a user who quality-assures
 * referrals (`referrals.review`) and can see the referral (`findReferral`, scoped by
 * referralVisibleTo). The child's row is locked so two placements made at once cannot both
 * get through; the row, the referral's closing and the audit entries commit together.
 */
export async function placeWithAgency(
  db: Db,
  user: SignedInUser,
  actor: Actor,
  referral: ReferralRecord,
  input: AgencyPlacementInput,
): Promise<Result> {
  if (!can(user.role, 'referrals.review')) return notFound;
  if (!mayPlaceWithAgency(user, referral)) {
    return invalid({ field: 'agencyName', message: 'Only an accepted or matched referral can be placed' });
  }
  return inTransaction(db, async (tx) => {
    const [child] = await tx
      .select({ id: children.id, dateOfBirth: children.dateOfBirth })
      .from(children)
      .where(eq(children.id, referral.childId))
      .for('update');
    if (!child) throw new Refused([{ field: 'agencyName', message: 'The child no longer exists' }]);
    if (compareIsoDates(input.startDate, child.dateOfBirth) < 0) {
      throw new Refused([{ field: 'startDate', message: 'Start date must be on or after the child’s date of birth' }]);
    }
    const open = await openPlacementName(tx, child.id);
    if (open) {
      throw new Refused([
        { field: 'agencyName', message: `The child is placed with ${open} already: end that placement first` },
      ]);
    }
    const [row] = await tx
      .insert(agencyPlacements)
      .values({
        childId: child.id,
        referralId: referral.id,
        agencyName: input.agencyName,
        placementType: input.placementType,
        startDate: input.startDate,
        createdBy: user.id,
      })
      .returning({ id: agencyPlacements.id });
    await refreshDueItems(tx, AGENCY_PLACEMENT_RECORD, [row!.id]);
    const closed = await tx
      .update(referrals)
      .set({ status: 'placed', updatedAt: new Date() })
      .where(and(eq(referrals.id, referral.id), inArray(referrals.status, [...AGENCY_PLACEABLE_STATUSES])))
      .returning({ id: referrals.id });
    if (closed.length === 0) {
      throw new Refused([{ field: 'agencyName', message: 'This referral has been closed in the meantime' }]);
    }
    await tx.insert(referralEvents).values({
      referralId: referral.id,
      kind: 'placed',
      reason: `Placed with an independent fostering agency: ${input.agencyName}, from ${formatDate(input.startDate)}`,
      byUserId: user.id,
    });
    await recordAudit(tx, actor, {
      action: 'place-with-agency',
      recordType: 'child',
      recordId: child.id,
      detail: { agencyPlacementId: row!.id, referralId: referral.id },
    });
    await recordAudit(tx, actor, {
      action: 'place',
      recordType: 'referral',
      recordId: referral.id,
      detail: { agencyPlacementId: row!.id },
    });
    return { ok: true, id: row!.id };
  });
}

/** The name of whoever the child is placed with now (an open in-house or agency placement), if anyone. */
async function openPlacementName(tx: DbOrTx, childId: string): Promise<string | null> {
  const [inHouse] = await tx
    .select({ name: households.name })
    .from(placements)
    .innerJoin(households, eq(households.id, placements.householdId))
    .where(and(eq(placements.childId, childId), isNull(placements.endDate)))
    .limit(1);
  if (inHouse) return inHouse.name;
  const [agency] = await tx
    .select({ name: agencyPlacements.agencyName })
    .from(agencyPlacements)
    .where(and(eq(agencyPlacements.childId, childId), isNull(agencyPlacements.endDate)))
    .limit(1);
  return agency?.name ?? null;
}

const agencyColumns = {
  id: agencyPlacements.id,
  childId: agencyPlacements.childId,
  referralId: agencyPlacements.referralId,
  agencyName: agencyPlacements.agencyName,
  placementType: agencyPlacements.placementType,
  startDate: agencyPlacements.startDate,
  endDate: agencyPlacements.endDate,
  endReason: agencyPlacements.endReason,
};

/**
 * One agency placement with its child, if the user may see it: whoever may see the referral
 * side of the child (the child's readers, and the managers who place children of its area).
 */
export async function findAgencyPlacement(db: DbOrTx, user: SignedInUser, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      ...agencyColumns,
      childFirstName: children.firstName,
      childLastName: children.lastName,
      childReference: children.reference,
      childAreaId: children.areaId,
      childSocialWorkerId: children.allocatedSocialWorkerId,
    })
    .from(agencyPlacements)
    .innerJoin(children, eq(children.id, agencyPlacements.childId))
    .where(and(eq(agencyPlacements.id, id), referralVisibleTo(user)))
    .limit(1);
  return row ?? null;
}
export type AgencyPlacementRecord = NonNullable<Awaited<ReturnType<typeof findAgencyPlacement>>>;

/** A child's agency placements, newest first (for the child's page, which is scoped already). */
export async function agencyPlacementsOfChild(db: DbOrTx, childId: string) {
  return db
    .select(agencyColumns)
    .from(agencyPlacements)
    .where(eq(agencyPlacements.childId, childId))
    .orderBy(desc(agencyPlacements.startDate), desc(agencyPlacements.createdAt));
}

/**
 * Who may end an agency placement: the same rule as an in-house placement (canChangePlacement),
 * with no household: the child's social worker, a team manager or service manager of the
 * child's area, and the head of fostering.
 */
export function canChangeAgencyPlacement(
  user: SignedInUser,
  p: { childSocialWorkerId: string | null; childAreaId: string },
): boolean {
  return canChangePlacement(user, {
    childSocialWorkerId: p.childSocialWorkerId,
    childAreaId: p.childAreaId,
    // No fostering household: ids no user holds (user team and area ids are uuids or null).
    householdTeamId: '',
    householdAreaId: '',
    householdSswId: null,
  });
}

/** Ends an agency placement: the date (on or after it started) and the reason. */
export async function endAgencyPlacement(
  db: Db,
  user: SignedInUser,
  actor: Actor,
  placement: AgencyPlacementRecord,
  input: AgencyEndInput,
): Promise<Result> {
  if (!canChangeAgencyPlacement(user, placement)) return notFound;
  if (placement.endDate) return invalid({ field: 'endDate', message: 'This placement has ended already' });
  if (compareIsoDates(input.endDate, placement.startDate) < 0) {
    const message = `End date must be on or after the start date, ${formatDate(placement.startDate)}`;
    return invalid({ field: 'endDate', message });
  }
  const ended = await db.transaction(async (tx) => {
    const rows = await tx
      .update(agencyPlacements)
      .set({ endDate: input.endDate, endReason: input.endReason })
      .where(and(eq(agencyPlacements.id, placement.id), isNull(agencyPlacements.endDate)))
      .returning({ id: agencyPlacements.id });
    if (rows.length === 0) return false;
    await refreshDueItems(tx, AGENCY_PLACEMENT_RECORD, [placement.id]);
    await recordAudit(tx, actor, {
      action: 'end-agency-placement',
      recordType: 'child',
      recordId: placement.childId,
      detail: { agencyPlacementId: placement.id },
    });
    return true;
  });
  if (!ended) return invalid({ field: 'endDate', message: 'This placement has ended already' });
  return { ok: true, id: placement.id };
}

/**
 * A child placed with the service's own carers leaves the agency placement they had: it ends on
 * the day the new placement starts (called in the placing transaction).
 */
export async function endAgencyPlacementsOnMoveInHouse(tx: DbOrTx, actor: Actor, childId: string, startDate: string) {
  const ended = await tx
    .update(agencyPlacements)
    .set({ endDate: startDate, endReason: 'Moved to the service’s own foster carers' })
    .where(
      and(
        eq(agencyPlacements.childId, childId),
        isNull(agencyPlacements.endDate),
        lte(agencyPlacements.startDate, startDate),
      ),
    )
    .returning({ id: agencyPlacements.id });
  await refreshDueItems(
    tx,
    AGENCY_PLACEMENT_RECORD,
    ended.map((e) => e.id),
  );
  for (const { id } of ended) {
    await recordAudit(tx, actor, {
      action: 'end-agency-placement',
      recordType: 'child',
      recordId: childId,
      detail: { agencyPlacementId: id, movedInHouse: true },
    });
  }
}
