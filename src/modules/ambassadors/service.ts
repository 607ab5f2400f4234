/**
 * Recording Carer Ambassadors: a carer of an approved household made an ambassador and stopping,
 * an ambassador recorded in error removed, what they did recorded and removed, and their time
 * ended when they leave the household or its approval ends. Each checked (who may, the household
 * in their scope, the records it depends on), written and audited on the household's trail in one
 * transaction, the household locked.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import { changeOnHousehold, changeOnHouseholdRecord, type HouseholdRecord } from '../households/scope.ts';
import type { ActivityInput, AppointInput, DatesInput } from './forms.ts';
import { ownAmbassadors } from './queries.ts';
import { mayAppointAmbassadors, mayRecordAmbassadorWork } from './scope.ts';
import { ambassadorActivities, carerAmbassadors } from './tables.ts';

/** Households whose carers may be ambassadors: approved, or on hold with their approval standing. */
export const APPOINTED_FROM = ['approved', 'on_hold'];

const auditHousehold = (tx: DbOrTx, who: Who, householdId: string, action: string, detail: Record<string, unknown>) =>
  recordAudit(tx, who.actor, { action, recordType: 'household', recordId: householdId, detail });

/** Makes a carer living in an approved household an ambassador from a day. */
export async function appointAmbassador(db: Db, who: Who, householdId: string, input: AppointInput): Promise<Result> {
  return changeOnHousehold(db, who, mayAppointAmbassadors(who.user), householdId, async (tx, household) => {
    if (!APPOINTED_FROM.includes(household.status)) {
      return invalid({ field: 'carerId', message: 'Only a carer of an approved household can be an ambassador' });
    }
    const [carer] = await queryRows<{ joinedOn: IsoDate | null; leftOn: IsoDate | null }>(
      tx,
      sql`select joined_on::text as "joinedOn", left_on::text as "leftOn" from carers
        where id = ${input.carerId} and household_id = ${householdId}`,
    );
    if (!carer || carer.leftOn !== null)
      return invalid({ field: 'carerId', message: 'Select a carer of the household' });
    if (carer.joinedOn && input.startedOn < carer.joinedOn) {
      return invalid({
        field: 'startedOn',
        message: 'Date they became an ambassador must be on or after the day they joined the household',
      });
    }
    const [open] = await tx
      .select({ id: carerAmbassadors.id })
      .from(carerAmbassadors)
      .where(and(eq(carerAmbassadors.carerId, input.carerId), isNull(carerAmbassadors.endedOn)));
    if (open) return invalid({ field: 'carerId', message: 'The carer is already an ambassador' });
    const [made] = await tx
      .insert(carerAmbassadors)
      .values({ carerId: input.carerId, householdId, startedOn: input.startedOn, recordedBy: who.user.id })
      .returning({ id: carerAmbassadors.id });
    await auditHousehold(tx, who, household.id, 'create', {
      part: 'ambassador',
      ambassadorId: made!.id,
      carerId: input.carerId,
      startedOn: input.startedOn,
    });
    return { ok: true as const, id: householdId };
  });
}

/** An ambassador's change on their household: the ambassador found (a 404 without one), the household locked. */
const changeOnAmbassador = (
  db: Db,
  who: Who,
  ambassadorId: string,
  work: (tx: DbOrTx, household: HouseholdRecord, ambassador: typeof carerAmbassadors.$inferSelect) => Promise<Result>,
) =>
  changeOnHouseholdRecord(
    db,
    who,
    mayAppointAmbassadors(who.user),
    async (tx) => (await tx.select().from(carerAmbassadors).where(eq(carerAmbassadors.id, ambassadorId)))[0],
    work,
  );

/** Records the day an ambassador stopped. */
export function stopAmbassador(db: Db, who: Who, ambassadorId: string, endedOn: IsoDate): Promise<Result> {
  return changeOnAmbassador(db, who, ambassadorId, async (tx, household, a) => {
    if (a.endedOn !== null) return notFound;
    if (endedOn < a.startedOn) {
      return invalid({
        field: 'endedOn',
        message: 'Date they stopped must be on or after the day they became an ambassador',
      });
    }
    const [later] = await queryRows<{ last: IsoDate | null }>(
      tx,
      sql`select max(on_date)::text as last from ambassador_activities where ambassador_id = ${a.id} and on_date > ${endedOn}::date`,
    );
    if (later?.last) {
      return invalid({
        field: 'endedOn',
        message: `Date they stopped must be on or after their last activity, on ${formatDate(later.last)}`,
      });
    }
    await tx.update(carerAmbassadors).set({ endedOn }).where(eq(carerAmbassadors.id, a.id));
    await auditHousehold(tx, who, household.id, 'update', { part: 'ambassador', ambassadorId: a.id, endedOn });
    return { ok: true as const, id: household.id };
  });
}

/**
 * Puts right the days of an ambassador's time typed wrongly: never before they joined the household,
 * after their first activity began it, or ending before their last activity.
 */
export function changeAmbassadorDates(db: Db, who: Who, ambassadorId: string, input: DatesInput): Promise<Result> {
  return changeOnAmbassador(db, who, ambassadorId, async (tx, household, a) => {
    const [facts] = await queryRows<{ first: IsoDate | null; last: IsoDate | null; joinedOn: IsoDate | null }>(
      tx,
      sql`select min(on_date)::text as first, max(on_date)::text as last,
          (select joined_on::text from carers where id = ${a.carerId}) as "joinedOn"
        from ambassador_activities where ambassador_id = ${a.id}`,
    );
    if (facts?.joinedOn && input.startedOn < facts.joinedOn) {
      return invalid({
        field: 'startedOn',
        message: `Date they became an ambassador must be on or after the day they joined the household, ${formatDate(facts.joinedOn)}`,
      });
    }
    if (facts?.first && input.startedOn > facts.first) {
      return invalid({
        field: 'startedOn',
        message: `Date they became an ambassador must be on or before their first activity, on ${formatDate(facts.first)}`,
      });
    }
    const endedOn = a.endedOn === null ? null : input.endedOn;
    if (endedOn && facts?.last && endedOn < facts.last) {
      return invalid({
        field: 'endedOn',
        message: `Date they stopped must be on or after their last activity, on ${formatDate(facts.last)}`,
      });
    }
    // A day they stopped put right by hand is no longer the household change's to move or undo.
    const endedBy = endedOn === a.endedOn ? a.endedBy : null;
    await tx
      .update(carerAmbassadors)
      .set({ startedOn: input.startedOn, endedOn, endedBy })
      .where(eq(carerAmbassadors.id, a.id));
    await auditHousehold(tx, who, household.id, 'update', {
      part: 'ambassador',
      ambassadorId: a.id,
      startedOn: input.startedOn,
      endedOn,
      was: { startedOn: a.startedOn, endedOn: a.endedOn },
    });
    return { ok: true as const, id: household.id };
  });
}

/**
 * Removes an ambassador recorded in error, with why, on the household's trail: only while no
 * activity of theirs is recorded (one who did something is stopped instead, so the record keeps it).
 */
export function removeAmbassador(db: Db, who: Who, ambassadorId: string, reason: string): Promise<Result> {
  return changeOnAmbassador(db, who, ambassadorId, async (tx, household, a) => {
    const [done] = await tx
      .select({ id: ambassadorActivities.id })
      .from(ambassadorActivities)
      .where(eq(ambassadorActivities.ambassadorId, a.id))
      .limit(1);
    if (done) {
      return invalid({
        field: 'reason',
        message: 'The ambassador’s activities are recorded: record the day they stopped instead',
      });
    }
    await tx.delete(carerAmbassadors).where(eq(carerAmbassadors.id, a.id));
    await auditHousehold(tx, who, household.id, 'delete', {
      part: 'ambassador',
      ambassadorId: a.id,
      carerId: a.carerId,
      startedOn: a.startedOn,
      reason,
    });
    return { ok: true as const, id: household.id };
  });
}

/** Records something an ambassador of the household did, on a day they were one. */
export async function recordActivity(db: Db, who: Who, householdId: string, input: ActivityInput): Promise<Result> {
  return changeOnHousehold(db, who, mayRecordAmbassadorWork(who.user), householdId, async (tx, household) => {
    const [a] = await tx
      .select()
      .from(carerAmbassadors)
      .where(and(eq(carerAmbassadors.id, input.ambassadorId), eq(carerAmbassadors.householdId, householdId)));
    if (!a) return invalid({ field: 'ambassadorId', message: 'Select the ambassador' });
    if (input.onDate < a.startedOn || (a.endedOn !== null && input.onDate > a.endedOn)) {
      return invalid({ field: 'onDate', message: 'Date of the activity must be while they were an ambassador' });
    }
    return insertActivity(tx, who, household.id, input);
  });
}

/** Writes an activity and its line on the household's trail (from the portal: `via`). */
async function insertActivity(tx: DbOrTx, who: Who, householdId: string, input: ActivityInput, via?: 'portal') {
  const [made] = await tx
    .insert(ambassadorActivities)
    .values({ ...input, householdId, note: input.note ?? '', recordedBy: who.user.id })
    .returning({ id: ambassadorActivities.id });
  await auditHousehold(tx, who, householdId, 'create', {
    part: 'ambassador-activity',
    activityId: made!.id,
    kind: input.kind,
    onDate: input.onDate,
    ...(via ? { via } : {}),
  });
  return { ok: true as const, id: householdId };
}

/**
 * Records something a carer did as a Carer Ambassador, from their portal: for an ambassador of
 * their own household now (their own time, when their account is linked to them), on a day since
 * they became one. Recorded by the carer's account, on the household's trail; their supervising
 * social worker sees it with the rest, and removes it if it was recorded in error.
 */
export async function recordOwnActivity(db: Db, who: Who, input: ActivityInput): Promise<Result> {
  const householdId = who.user.householdId;
  if (!householdId) return notFound;
  return db.transaction(async (tx) => {
    const a = (await ownAmbassadors(tx, householdId, who.user.id)).find((m) => m.id === input.ambassadorId);
    if (!a) return invalid({ field: 'ambassadorId', message: 'Select who it was' });
    // Held while the activity is written: not stopped meanwhile.
    await tx
      .select({ id: carerAmbassadors.id })
      .from(carerAmbassadors)
      .where(eq(carerAmbassadors.id, a.id))
      .for('update');
    if (input.onDate < a.startedOn) {
      return invalid({
        field: 'onDate',
        message: `Date of the activity must be on or after ${formatDate(a.startedOn)}, when ${a.carerName} became a Carer Ambassador`,
      });
    }
    return insertActivity(tx, who, householdId, input, 'portal');
  });
}

/** Removes an activity recorded in error, with why, on the household's trail. */
export function removeActivity(db: Db, who: Who, activityId: string, reason: string): Promise<Result> {
  return changeOnHouseholdRecord(
    db,
    who,
    mayRecordAmbassadorWork(who.user),
    async (tx) =>
      (
        await tx
          .select({ householdId: ambassadorActivities.householdId, onDate: ambassadorActivities.onDate })
          .from(ambassadorActivities)
          .where(eq(ambassadorActivities.id, activityId))
      )[0],
    async (tx, household, row) => {
      await tx.delete(ambassadorActivities).where(eq(ambassadorActivities.id, activityId));
      await auditHousehold(tx, who, household.id, 'delete', {
        part: 'ambassador-activity',
        activityId,
        onDate: row.onDate,
        reason,
      });
      return { ok: true as const, id: household.id };
    },
  );
}
