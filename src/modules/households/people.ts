import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { changedFields } from './access.ts';
import { invalid, notFound, type Who } from '../../platform/views/results.ts';
import { checkPersonIn, householdFor, findVisibleHousehold } from './scope.ts';
import type { CarerInput, CheckInput, MemberInput } from './forms.ts';
import { findCarer, findCheck, findMember } from './queries.ts';
import type { Result } from './service.ts';
import { carers, householdMembers, households, personChecks } from './tables.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { endPortalAccess } from './portal-accounts.ts';
import { householdChanged } from '../../platform/modules/household-changes.ts';

/**
 * Carers, household members and their checks. A carer who is also on the council's staff makes
 * the household a restricted record: `restricted` is recomputed from the carers on every change.
 */

async function recomputeRestricted(tx: DbOrTx, householdId: string): Promise<void> {
  await tx
    .update(households)
    .set({
      restricted: sql`exists (select 1 from ${carers} where ${carers.householdId} = ${householdId} and ${carers.isStaff})`,
    })
    .where(eq(households.id, householdId));
}

/** After a carer change the household may have become restricted, and out of the user's sight. */
export type CarerResult = Result<{ ok: true; stillVisible: boolean; left?: boolean }>;

async function stillVisible(tx: DbOrTx, who: Who, householdId: string): Promise<boolean> {
  return (await findVisibleHousehold(tx, who.user, householdId)) !== null;
}

/** Whether a carer other than this one still lives in the household: a household keeps one. */
async function anotherCarerStays(tx: DbOrTx, householdId: string, carerId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: carers.id })
    .from(carers)
    .where(and(eq(carers.householdId, householdId), ne(carers.id, carerId), isNull(carers.leftOn)))
    .limit(1);
  return row !== undefined;
}

export async function addCarer(db: Db, who: Who, householdId: string, input: CarerInput): Promise<CarerResult> {
  return db.transaction(async (tx) => {
    const access = await householdFor(tx, who.user, householdId, 'change');
    if (!access.ok) return access;
    const [carer] = await tx
      .insert(carers)
      // A carer is added living in the household; the change form records a leaving.
      .values({ ...input, leftOn: null, householdId })
      .returning({ id: carers.id });
    await recomputeRestricted(tx, householdId);
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: 'carer',
      recordId: carer!.id,
      detail: { householdId },
    });
    await refreshDueItems(tx, 'household', [householdId]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'household',
      recordId: householdId,
      detail: { part: 'carers', added: carer!.id },
    });
    return { ok: true, stillVisible: await stillVisible(tx, who, householdId) };
  });
}

export async function updateCarer(
  db: Db,
  who: Who,
  householdId: string,
  carerId: string,
  input: CarerInput,
): Promise<CarerResult> {
  return db.transaction(async (tx) => {
    const access = await householdFor(tx, who.user, householdId, 'change');
    if (!access.ok) return access;
    const carer = await findCarer(tx, householdId, carerId);
    if (!carer) return { ok: false, reason: 'not-found' };
    if (input.leftOn && !(await anotherCarerStays(tx, householdId, carerId))) {
      return invalid({
        field: 'leftOn',
        message: 'Another carer must still live in the household. To end the household’s approval, change its status',
      });
    }
    const fields = changedFields(carer, input);
    let left = false;
    if (fields.length) {
      await tx.update(carers).set(input).where(eq(carers.id, carerId));
      // A carer who has left sees nothing more of the household: their portal access ends now.
      if (input.leftOn) await endPortalAccess(tx, who, householdId, carerId);
      left = Boolean(input.leftOn && !carer.leftOn);
      // What other modules do in the same save (training gives up their places after the day they left); a
      // leaving cleared (recorded in error) or re-dated puts right what followed it.
      if (input.leftOn && input.leftOn !== carer.leftOn) {
        const wasOn = carer.leftOn ?? undefined;
        await householdChanged(tx, who, { kind: 'carer-left', householdId, carerId, leftOn: input.leftOn, wasOn });
      } else if (!input.leftOn && carer.leftOn) {
        await householdChanged(tx, who, { kind: 'carer-returned', householdId, carerId, leftOn: carer.leftOn });
      }
      await recomputeRestricted(tx, householdId);
      await recordAudit(tx, who.actor, {
        action: 'update',
        recordType: 'carer',
        recordId: carerId,
        detail: { householdId, fields },
      });
      await refreshDueItems(tx, 'household', [householdId]);
      await recordAudit(tx, who.actor, {
        action: 'update',
        recordType: 'household',
        recordId: householdId,
        detail: { part: 'carers', carerId, fields },
      });
    }
    return { ok: true, stillVisible: await stillVisible(tx, who, householdId), left };
  });
}

export async function addMember(db: Db, who: Who, householdId: string, input: MemberInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const access = await householdFor(tx, who.user, householdId, 'change');
    if (!access.ok) return access;
    const [member] = await tx
      .insert(householdMembers)
      .values({ ...input, householdId })
      .returning({ id: householdMembers.id });
    await refreshDueItems(tx, 'household', [householdId]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'household',
      recordId: householdId,
      detail: { part: 'members', added: member!.id },
    });
    return { ok: true };
  });
}

export async function updateMember(
  db: Db,
  who: Who,
  householdId: string,
  memberId: string,
  input: MemberInput,
): Promise<Result> {
  return db.transaction(async (tx) => {
    const access = await householdFor(tx, who.user, householdId, 'change');
    if (!access.ok) return access;
    const member = await findMember(tx, householdId, memberId);
    if (!member) return { ok: false, reason: 'not-found' };
    const fields = changedFields(member, input);
    if (fields.length) {
      await tx.update(householdMembers).set(input).where(eq(householdMembers.id, memberId));
      await refreshDueItems(tx, 'household', [householdId]);
      await recordAudit(tx, who.actor, {
        action: 'update',
        recordType: 'household',
        recordId: householdId,
        detail: { part: 'members', memberId, fields },
      });
    }
    return { ok: true };
  });
}

/** The columns of a check, as recorded or corrected. */
const checkValues = (person: NonNullable<Awaited<ReturnType<typeof checkPersonIn>>>, input: CheckInput) => ({
  ...person,
  kind: input.kind,
  completedOn: input.completedOn,
  expiresOn: input.expiresOn,
  satisfactory: input.satisfactory === 'yes',
  outcome: input.outcome,
});

/** After a check is recorded or corrected: its renewal deadlines follow, and the trail says which. */
async function checkSaved(
  tx: DbOrTx,
  who: Who,
  householdId: string,
  input: CheckInput,
  which: { added: string } | { changed: string },
) {
  await refreshDueItems(tx, 'household', [householdId]);
  await recordAudit(tx, who.actor, {
    action: 'update',
    recordType: 'household',
    recordId: householdId,
    detail: { part: 'checks', ...which, kind: input.kind, satisfactory: input.satisfactory === 'yes' },
  });
}

/** Records a DBS, medical or reference check on a carer or household member of this household. */
export async function addCheck(db: Db, who: Who, householdId: string, input: CheckInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const access = await householdFor(tx, who.user, householdId, 'change');
    if (!access.ok) return access;
    const person = await checkPersonIn(tx, householdId, input.person);
    if (!person) return invalid({ field: 'person', message: 'Select whose check this is' });
    const [check] = await tx
      .insert(personChecks)
      .values({ householdId, ...checkValues(person, input), recordedBy: who.user.id })
      .returning({ id: personChecks.id });
    await checkSaved(tx, who, householdId, input, { added: check!.id });
    return { ok: true };
  });
}

/**
 * Corrects a check recorded with a mistake (the wrong person, kind, date or outcome): the same
 * answers as recording one, and the renewal deadlines follow the corrected dates.
 */
export async function updateCheck(
  db: Db,
  who: Who,
  householdId: string,
  checkId: string,
  input: CheckInput,
): Promise<Result> {
  return db.transaction(async (tx) => {
    const access = await householdFor(tx, who.user, householdId, 'change');
    if (!access.ok) return access;
    if (!(await findCheck(tx, householdId, checkId))) return notFound;
    const person = await checkPersonIn(tx, householdId, input.person);
    if (!person) return invalid({ field: 'person', message: 'Select whose check this is' });
    await tx
      .update(personChecks)
      .set(checkValues(person, input))
      .where(and(eq(personChecks.id, checkId), eq(personChecks.householdId, householdId)));
    await checkSaved(tx, who, householdId, input, { changed: checkId });
    return { ok: true };
  });
}
