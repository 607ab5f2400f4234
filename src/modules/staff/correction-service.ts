/**
 * Putting right a member's folder: a supervision session or a training record changed on the form
 * it was recorded on, or removed when it was recorded in error (the wrong member, a session that
 * did not happen), with why. Only the member's manager (scope.ts `supervises`), never the member
 * themselves; anyone who may not see the member gets a 404. Each change is one transaction that
 * keeps the member's deadlines (the next supervision due, each course's renewal, the induction)
 * and writes the audit entry.
 *
 * The member's signature on a changed session (the service's supervision policy): a record both
 * have signed is the record both agreed. A manager who changes it changes words the member did not
 * sign, so the change clears the member's signature and the record waits for it again: it is back
 * in their "waiting for your signature" list, counts as unsigned (folder audits, the team list),
 * and has no signed PDF until they sign. The form says so before saving, the session page after.
 * Saving signs the changed record as its supervisor, as recording it did: the person who saves it.
 * The member's earlier comment is kept and offered again when they sign (shown meanwhile as made on
 * the earlier version), and the audit trail keeps when they signed the earlier one. Refusing changes
 * once signed was not chosen: it would leave a known error in a signed record with no way to put it
 * right but removing the session.
 */
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { isUuid } from '../../platform/views/params.ts';
import { forbidden, invalid, notFound, type Refusal, type Result, type Who } from '../../platform/views/results.ts';
import type { SessionInput, TrainingInput } from './forms.ts';
import { findMember, findSession, findTraining, findVisibleMember, type MemberRecord } from './queries.ts';
import { seesMember, supervises } from './scope.ts';
import { sessionErrors, STAFF_RECORD, trainingErrors } from './service.ts';
import { staffSessions, staffTraining } from './tables.ts';

type Session = typeof staffSessions.$inferSelect;
type Training = typeof staffTraining.$inferSelect;

/** A correction's answer: `unchanged` when the form was saved as it stood (nothing written). */
export type Corrected = Result<{ id: string; memberId: string; unchanged: boolean; signatureCleared: boolean }>;

/** The member of a record, if this user may see them (else null: a 404), and whether they may put it right. */
async function memberOf(db: DbOrTx, who: Who, memberId: string) {
  const member = await findVisibleMember(db, who.user, memberId);
  return member ? { member, may: supervises(who.user, member) } : null;
}

/**
 * A session for its change or removal page: null (a 404) when the user may not see its member;
 * `may` false when they may see but not change it. Shown to one who may (`shown`), it is a view, audited.
 */
export async function sessionToCorrect(db: DbOrTx, who: Who, sessionId: string, shown = true) {
  return db.transaction(async (tx) => {
    const found = await findSession(tx, sessionId);
    const of = found && (await memberOf(tx, who, found.session.staffUserId));
    if (!found || !of) return null;
    if (of.may && shown) {
      await recordAudit(tx, who.actor, {
        action: 'view',
        recordType: STAFF_RECORD,
        recordId: of.member.id,
        detail: { session: found.session.id },
      });
    }
    return { ...found, ...of };
  });
}

/** A training record for its change or removal page, as `sessionToCorrect`. */
export async function trainingToCorrect(db: DbOrTx, who: Who, trainingId: string, shown = true) {
  return db.transaction(async (tx) => {
    const training = await findTraining(tx, trainingId);
    const of = training && (await memberOf(tx, who, training.staffUserId));
    if (!training || !of) return null;
    if (of.may && shown) {
      await recordAudit(tx, who.actor, {
        action: 'view',
        recordType: STAFF_RECORD,
        recordId: of.member.id,
        detail: { training: training.id },
      });
    }
    return { training, ...of };
  });
}

/** The record locked for its change, with its member: a 404 when the user may not see them, 403 when not their manager. */
async function locked<R extends { staffUserId: string }>(
  tx: DbOrTx,
  who: Who,
  row: R | undefined,
): Promise<{ row: R; member: MemberRecord } | Refusal> {
  if (!row) return notFound;
  const member = await findMember(tx, row.staffUserId);
  if (!member || !seesMember(who.user, member)) return notFound;
  if (!supervises(who.user, member)) return forbidden;
  return { row, member };
}

const lockedSession = async (tx: DbOrTx, who: Who, id: string) =>
  locked<Session>(
    tx,
    who,
    isUuid(id) ? (await tx.select().from(staffSessions).where(eq(staffSessions.id, id)).for('update'))[0] : undefined,
  );

const lockedTraining = async (tx: DbOrTx, who: Who, id: string) =>
  locked<Training>(
    tx,
    who,
    isUuid(id) ? (await tx.select().from(staffTraining).where(eq(staffTraining.id, id)).for('update'))[0] : undefined,
  );

/** After the change: the member's deadlines worked out again and the audit entry, in the same transaction. */
async function keep(tx: DbOrTx, who: Who, memberId: string, action: 'update' | 'delete', detail: object) {
  await refreshDueItems(tx, STAFF_RECORD, [memberId]);
  await recordAudit(tx, who.actor, { action, recordType: STAFF_RECORD, recordId: memberId, detail: { ...detail } });
}

const sessionFields = [
  'heldOn',
  'caseDiscussion',
  'wellbeing',
  'development',
  'actions',
  'pdpReviewed',
  'nextOn',
] as const;

/**
 * Changes a session to what the form now says. A signed record loses the member's signature (see
 * the policy above); the person saving signs it as its supervisor. The next session due follows
 * the new date.
 */
export async function changeSession(db: DbOrTx, who: Who, sessionId: string, input: SessionInput): Promise<Corrected> {
  return db.transaction(async (tx) => {
    const found = await lockedSession(tx, who, sessionId);
    if ('reason' in found) return found;
    const { row: before, member } = found;
    const errors = sessionErrors(input);
    if (errors.length) return invalid(...errors);
    const done = { id: sessionId, memberId: member.id };
    if (sessionFields.every((f) => before[f] === input[f])) {
      return { ok: true as const, ...done, unchanged: true, signatureCleared: false };
    }
    const signatureCleared = before.staffSignedAt !== null;
    await tx
      .update(staffSessions)
      .set({
        heldOn: input.heldOn,
        caseDiscussion: input.caseDiscussion,
        wellbeing: input.wellbeing,
        development: input.development,
        actions: input.actions,
        pdpReviewed: input.pdpReviewed,
        nextOn: input.nextOn,
        supervisorId: who.user.id,
        // The database's clock, as createdAt's: a session page tells a changed record by the later signature.
        supervisorSignedAt: sql`now()`,
        staffSignedAt: null,
      })
      .where(eq(staffSessions.id, sessionId));
    await keep(tx, who, member.id, 'update', {
      part: 'staff-session',
      session: sessionId,
      heldOn: input.heldOn,
      ...(before.heldOn !== input.heldOn ? { wasHeldOn: before.heldOn } : {}),
      changed: sessionFields.filter((f) => before[f] !== input[f]),
      ...(before.staffSignedAt ? { signatureCleared: true, signedBefore: before.staffSignedAt.toISOString() } : {}),
    });
    return { ok: true as const, ...done, unchanged: false, signatureCleared };
  });
}

/** Removes a session recorded in error, with why; the next supervision due is worked out again without it. */
export async function removeSession(db: DbOrTx, who: Who, sessionId: string, reason: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const found = await lockedSession(tx, who, sessionId);
    if ('reason' in found) return found;
    const { row, member } = found;
    await tx.delete(staffSessions).where(eq(staffSessions.id, sessionId));
    await keep(tx, who, member.id, 'delete', {
      part: 'staff-session',
      session: sessionId,
      heldOn: row.heldOn,
      signedByMember: row.staffSignedAt !== null,
      reason,
    });
    return { ok: true as const, id: member.id };
  });
}

/** Changes a training record (the training and the date); the renewal, the induction and the measures follow. */
export async function changeTraining(
  db: DbOrTx,
  who: Who,
  trainingId: string,
  input: TrainingInput,
): Promise<Corrected> {
  return db.transaction(async (tx) => {
    const found = await lockedTraining(tx, who, trainingId);
    if ('reason' in found) return found;
    const { row: before, member } = found;
    const errors = await trainingErrors(tx, member.id, input);
    if (errors.length) return invalid(...errors);
    const done = { id: trainingId, memberId: member.id, signatureCleared: false };
    if (before.item === input.item && before.completedOn === input.completedOn) {
      return { ok: true as const, ...done, unchanged: true };
    }
    await tx
      .update(staffTraining)
      .set({ item: input.item, completedOn: input.completedOn, recordedBy: who.user.id })
      .where(eq(staffTraining.id, trainingId));
    await keep(tx, who, member.id, 'update', {
      part: 'staff-training',
      training: trainingId,
      item: input.item,
      completedOn: input.completedOn,
      was: { item: before.item, completedOn: before.completedOn },
    });
    return { ok: true as const, ...done, unchanged: false };
  });
}

/** Removes a training record made in error, with why; the deadlines are worked out again without it. */
export async function removeTraining(db: DbOrTx, who: Who, trainingId: string, reason: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const found = await lockedTraining(tx, who, trainingId);
    if ('reason' in found) return found;
    const { row, member } = found;
    await tx.delete(staffTraining).where(eq(staffTraining.id, trainingId));
    await keep(tx, who, member.id, 'delete', {
      part: 'staff-training',
      training: trainingId,
      item: row.item,
      completedOn: row.completedOn,
      reason,
    });
    return { ok: true as const, id: member.id };
  });
}
