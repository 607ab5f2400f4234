import { eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { can } from '../../platform/access/policy.ts';
import { recordAudit, type Actor } from '../../platform/audit/service.ts';
import { ageOn, compareIsoDates, todayInLondon } from '../../platform/dates/index.ts';
import { invalid, notFound, type FieldError, type Result } from '../../platform/views/results.ts';
import type { ChildRecord } from '../children/scope.ts';
import type { MatchInput, ReferralInput } from './forms.ts';
import { STAYING_PUT_MAX_AGE } from './matching.ts';
import { findHouseholdForPlacement, findReferral, openReferralOf, type ReferralRecord } from './queries.ts';
import { matches, referralEvents, referrals } from './tables.ts';

const refuse = (field: string, message: string) => invalid({ field, message });

/** A young person of 18 or over is referred only for Staying Put, and Staying Put only from 18. */
function ageErrors(child: { dateOfBirth: string }, input: ReferralInput): FieldError[] {
  if (compareIsoDates(input.neededFrom, child.dateOfBirth) < 0) {
    return [{ field: 'neededFrom', message: 'Date needed from must be after the child’s date of birth' }];
  }
  const age = ageOn(child.dateOfBirth, input.neededFrom);
  if (input.placementType === 'staying_put' && (age < 18 || age > STAYING_PUT_MAX_AGE)) {
    return [
      { field: 'placementType', message: `Staying Put is for young people aged 18 to 20: the child will be ${age}` },
    ];
  }
  if (input.placementType !== 'staying_put' && age >= 18) {
    return [
      {
        field: 'placementType',
        message: `The young person will be ${age}: choose Staying Put, or check the date needed from`,
      },
    ];
  }
  return [];
}

/** Whether the user may make or change referrals for this child: their allocated social worker, or the head of fostering. */
export function canReferFor(user: SignedInUser, child: { allocatedSocialWorkerId: string | null }): boolean {
  if (!can(user.role, 'referrals.create')) return false;
  return user.role === 'head_of_fostering' || child.allocatedSocialWorkerId === user.id;
}

/** A child's social worker asks the fostering service for a placement. */
export async function createReferral(
  db: Db,
  user: SignedInUser,
  actor: Actor,
  child: ChildRecord,
  input: ReferralInput,
): Promise<Result> {
  if (!canReferFor(user, child)) return notFound;
  if (await openReferralOf(db, child.id)) {
    return refuse('needs', 'This child already has an open referral: change that one instead of making another');
  }
  const errors = ageErrors(child, input);
  if (errors.length) return invalid(...errors);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(referrals)
      .values({ childId: child.id, requestedBy: user.id, status: 'submitted', ...input })
      .returning({ id: referrals.id });
    await tx.insert(referralEvents).values({ referralId: row!.id, kind: 'submitted', byUserId: user.id });
    await recordAudit(tx, actor, {
      action: 'create',
      recordType: 'referral',
      recordId: row!.id,
      detail: { childId: child.id },
    });
    return row!.id;
  });
  return { ok: true, id };
}

/** The social worker puts a returned referral right and sends it again. */
export async function resubmitReferral(
  db: Db,
  user: SignedInUser,
  actor: Actor,
  referral: ReferralRecord,
  input: ReferralInput,
): Promise<Result> {
  if (!canReferFor(user, { allocatedSocialWorkerId: referral.childSocialWorkerId })) return notFound;
  if (referral.status !== 'returned') return refuse('needs', 'Only a returned referral can be changed and sent again');
  const errors = ageErrors(referral, input);
  if (errors.length) return invalid(...errors);
  const changed = (Object.keys(input) as (keyof ReferralInput)[]).filter((k) => input[k] !== referral[k]);
  await db.transaction(async (tx) => {
    await moveReferral(tx, user, actor, referral.id, {
      status: 'submitted',
      event: 'resubmitted',
      action: 'resubmit',
      set: input,
      detail: { changed },
    });
  });
  return { ok: true, id: referral.id };
}

/** One step of a referral: its new status, the event on its timeline, and what the audit trail calls it. */
export interface ReferralStep {
  status: string;
  event: string;
  action: string;
  reason?: string;
  detail?: Record<string, unknown>;
  /** Other columns changed with the status (a re-submitted referral's details, the times returned). */
  set?: PgUpdateSetSource<typeof referrals>;
}

/** Moves a referral on inside the caller's transaction: status, timeline event and audit entry together. */
export async function moveReferral(
  tx: DbOrTx,
  user: SignedInUser,
  actor: Actor,
  referralId: string,
  step: ReferralStep,
) {
  await tx
    .update(referrals)
    .set({ ...step.set, status: step.status, updatedAt: new Date() })
    .where(eq(referrals.id, referralId));
  await tx.insert(referralEvents).values({ referralId, kind: step.event, reason: step.reason, byUserId: user.id });
  await recordAudit(tx, actor, {
    action: step.action,
    recordType: 'referral',
    recordId: referralId,
    detail: step.detail,
  });
}

/** A team manager sends a referral back for more work, saying why. Counted on the scorecard. */
export async function returnReferral(
  db: Db,
  user: SignedInUser,
  actor: Actor,
  referral: ReferralRecord,
  reasons: string,
): Promise<Result> {
  if (referral.status !== 'submitted') return refuse('reasons', 'Only a referral waiting for review can be returned');
  await db.transaction(async (tx) => {
    await moveReferral(tx, user, actor, referral.id, {
      status: 'returned',
      event: 'returned',
      action: 'return',
      reason: reasons,
      set: { timesReturned: sql`${referrals.timesReturned} + 1` },
    });
  });
  return { ok: true, id: referral.id };
}

/** A team manager accepts a referral: matching can start. */
export async function acceptReferral(
  db: Db,
  user: SignedInUser,
  actor: Actor,
  referral: ReferralRecord,
): Promise<Result> {
  if (referral.status !== 'submitted') return refuse('accept', 'Only a referral waiting for review can be accepted');
  await db.transaction(async (tx) => {
    await moveReferral(tx, user, actor, referral.id, { status: 'accepted', event: 'accepted', action: 'accept' });
  });
  return { ok: true, id: referral.id };
}

/** The social worker withdraws a referral that is no longer needed. */
export async function withdrawReferral(
  db: Db,
  user: SignedInUser,
  actor: Actor,
  referral: ReferralRecord,
): Promise<Result> {
  if (!canReferFor(user, { allocatedSocialWorkerId: referral.childSocialWorkerId })) return notFound;
  if (!['submitted', 'returned', 'accepted', 'matched'].includes(referral.status)) {
    return refuse('withdraw', 'This referral is closed already');
  }
  await db.transaction(async (tx) => {
    await moveReferral(tx, user, actor, referral.id, { status: 'withdrawn', event: 'withdrawn', action: 'withdraw' });
  });
  return { ok: true, id: referral.id };
}

/** Records the household chosen for an accepted referral, why, and the support the carers will get. */
export async function recordMatch(
  db: Db,
  user: SignedInUser,
  actor: Actor,
  referral: ReferralRecord,
  input: MatchInput,
): Promise<Result> {
  if (!['accepted', 'matched'].includes(referral.status)) {
    return refuse('reasons', 'Only an accepted referral can be matched');
  }
  const household = await findHouseholdForPlacement(db, user, input.householdId, todayInLondon());
  if (!household) return refuse('householdId', 'Choose a household from the matching list');
  if (household.status !== 'approved') return refuse('householdId', `${household.name} is not an approved household`);
  if (household.placed + referral.siblingGroupSize > household.approvedPlaces) {
    return refuse(
      'householdId',
      `${household.name} has no vacancy for ${referral.siblingGroupSize === 1 ? 'this child' : 'this sibling group'}`,
    );
  }
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(matches)
      .values({
        referralId: referral.id,
        householdId: household.id,
        reasons: input.reasons,
        supportPackage: input.supportPackage,
        byUserId: user.id,
      })
      .returning({ id: matches.id });
    await moveReferral(tx, user, actor, referral.id, {
      status: 'matched',
      event: 'matched',
      action: 'match',
      detail: { matchId: row!.id, householdId: household.id },
    });
    return row!.id;
  });
  return { ok: true, id };
}

/** Opens a referral (its page, or its matching search): the view is written to the audit trail. */
export async function viewReferral(
  db: Db,
  user: SignedInUser,
  actor: Actor,
  id: string,
  page: 'referral' | 'matching' = 'referral',
): Promise<ReferralRecord | null> {
  const referral = await findReferral(db, user, id);
  if (!referral) return null;
  await recordAudit(db, actor, {
    action: 'view',
    recordType: 'referral',
    recordId: referral.id,
    detail: page === 'matching' ? { page } : undefined,
  });
  return referral;
}
