/**
 * Staff supervision's rules and writes. Every read of a folder and every change is checked against
 * scope.ts, audited in the same transaction, and keeps the member's deadlines in step.
 */
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { futureDateErrors } from '../../platform/views/date-input.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { forbidden, invalid, notFound, type FieldError, type Result, type Who } from '../../platform/views/results.ts';
import type { AgreementInput, PdpInput, SessionInput, SignInput, StartInput, TrainingInput } from './forms.ts';
import { currentPdp, findMember, findSession, findVisibleMember, folderOf, type MemberRecord } from './queries.ts';
import { seesMember, supervises } from './scope.ts';
import { staffAgreements, staffPdps, staffSessions, staffStarts, staffTraining } from './tables.ts';

export const STAFF_RECORD = 'staff-member';

/** The member's folder for a reader who may see it, the view audited. */
export async function viewFolder(db: DbOrTx, who: Who, memberId: string, page: number) {
  return db.transaction(async (tx) => {
    const member = await findVisibleMember(tx, who.user, memberId);
    if (!member) return null;
    const folder = await folderOf(tx, member.id, page);
    await recordAudit(tx, who.actor, { action: 'view', recordType: STAFF_RECORD, recordId: member.id });
    return { member, folder };
  });
}

/** A session for a reader who may see its member's folder, the view audited (`as`: the page or the PDF). */
export async function viewSession(db: DbOrTx, who: Who, sessionId: string, as: 'page' | 'pdf' = 'page') {
  return db.transaction(async (tx) => {
    const found = await findSession(tx, sessionId);
    if (!found) return null;
    const member = await findVisibleMember(tx, who.user, found.session.staffUserId);
    if (!member) return null;
    // The PDF is the record signed by both: until the member signs, there is none.
    if (as === 'pdf' && !found.session.staffSignedAt) return null;
    await recordAudit(tx, who.actor, {
      action: 'view',
      recordType: STAFF_RECORD,
      recordId: member.id,
      detail: as === 'pdf' ? { session: found.session.id, as } : { session: found.session.id },
    });
    return { member, ...found };
  });
}

/**
 * The member's current PDP as the form's starting values (goals, training, support), so an update
 * edits it rather than retyping it; the date of review is left for the new review. The reader is
 * one who supervises the member (the route checks); the view is audited.
 */
export async function pdpToUpdate(db: DbOrTx, who: Who, member: MemberRecord): Promise<Record<string, string>> {
  return db.transaction(async (tx): Promise<Record<string, string>> => {
    const pdp = await currentPdp(tx, member.id);
    if (!pdp) return {};
    await recordAudit(tx, who.actor, {
      action: 'view',
      recordType: STAFF_RECORD,
      recordId: member.id,
      detail: { pdp: pdp.id },
    });
    return { goals: pdp.goals, training: pdp.training, support: pdp.support };
  });
}

/**
 * A change to a member's folder: 404 when the user may not see them, 403 when they may see but not
 * supervise them; then `write` validates and writes; deadlines and the audit entry follow.
 */
async function change(
  db: DbOrTx,
  who: Who,
  memberId: string,
  what: string,
  write: (tx: DbOrTx, member: MemberRecord) => Promise<FieldError[] | { id: string }>,
): Promise<Result> {
  return db.transaction(async (tx) => {
    const member = await findMember(tx, memberId);
    if (!member || !seesMember(who.user, member)) return notFound;
    if (!supervises(who.user, member)) return forbidden;
    const done = await write(tx, member);
    if (Array.isArray(done)) return invalid(...done);
    await refreshDueItems(tx, STAFF_RECORD, [member.id]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: STAFF_RECORD,
      recordId: member.id,
      detail: { step: what },
    });
    return { ok: true as const, id: done.id };
  });
}

export async function recordAgreement(db: DbOrTx, who: Who, memberId: string, input: AgreementInput) {
  return change(db, who, memberId, 'agreement', async (tx, member) => {
    const errors = futureDateErrors('signedOn', 'The date it was signed', input.signedOn);
    if (errors.length) return errors;
    const [row] = await tx
      .insert(staffAgreements)
      .values({
        staffUserId: member.id,
        supervisorId: who.user.id,
        signedOn: input.signedOn,
        frequencyWeeks: input.frequencyWeeks,
        recordedBy: who.user.id,
      })
      .returning({ id: staffAgreements.id });
    return row!;
  });
}

/** What is wrong with a session's dates (recorded or changed): none in the future, the next one after it. */
export function sessionErrors(input: SessionInput): FieldError[] {
  const errors = futureDateErrors('heldOn', 'The date of the session', input.heldOn);
  if (input.nextOn && input.nextOn <= input.heldOn) {
    errors.push({ field: 'nextOn', message: 'The date of the next session must be after the date of this session' });
  }
  return errors;
}

/** What is wrong with a training record (recorded or changed): not in the future, no induction before joining. */
export async function trainingErrors(tx: DbOrTx, memberId: string, input: TrainingInput): Promise<FieldError[]> {
  const errors = futureDateErrors('completedOn', 'The date it was completed', input.completedOn);
  const [start] = await tx.select().from(staffStarts).where(eq(staffStarts.userId, memberId));
  if (!errors.length && start && input.completedOn < start.joinedOn && input.item.startsWith('induction_')) {
    errors.push({ field: 'completedOn', message: 'An induction item cannot be completed before they joined' });
  }
  return errors;
}

export async function recordSession(db: DbOrTx, who: Who, memberId: string, input: SessionInput) {
  return change(db, who, memberId, 'session', async (tx, member) => {
    const errors = sessionErrors(input);
    if (errors.length) return errors;
    const [row] = await tx
      .insert(staffSessions)
      .values({ staffUserId: member.id, supervisorId: who.user.id, ...input })
      .returning({ id: staffSessions.id });
    return row!;
  });
}

export async function recordPdp(db: DbOrTx, who: Who, memberId: string, input: PdpInput) {
  return change(db, who, memberId, 'pdp', async (tx, member) => {
    const errors = futureDateErrors('reviewedOn', 'The date it was reviewed', input.reviewedOn);
    if (errors.length) return errors;
    const [row] = await tx
      .insert(staffPdps)
      .values({ staffUserId: member.id, recordedBy: who.user.id, ...input })
      .returning({ id: staffPdps.id });
    return row!;
  });
}

export async function recordTraining(db: DbOrTx, who: Who, memberId: string, input: TrainingInput) {
  return change(db, who, memberId, 'training', async (tx, member) => {
    const errors = await trainingErrors(tx, member.id, input);
    if (errors.length) return errors;
    const [row] = await tx
      .insert(staffTraining)
      .values({ staffUserId: member.id, item: input.item, completedOn: input.completedOn, recordedBy: who.user.id })
      .returning({ id: staffTraining.id });
    return row!;
  });
}

export async function recordStart(db: DbOrTx, who: Who, memberId: string, input: StartInput) {
  return change(db, who, memberId, 'joined', async (tx, member) => {
    const errors = futureDateErrors('joinedOn', 'The date they joined', input.joinedOn);
    if (errors.length) return errors;
    const values = { joinedOn: input.joinedOn, inductionRequired: input.inductionRequired, recordedBy: who.user.id };
    await tx
      .insert(staffStarts)
      .values({ userId: member.id, ...values })
      .onConflictDoUpdate({ target: staffStarts.userId, set: values });
    return { id: member.id };
  });
}

/** Why a signature was refused, in words for the page. */
export const NOT_YOURS = 'Only the person supervised can sign their own supervision record';
export const ALREADY_SIGNED = 'This supervision record has already been signed';
export const CHANGED_SINCE_READ =
  'This supervision record was changed after you opened it. Read the record again before you sign it';

/**
 * The member signs their own session record. Anyone else who may see it is refused (the route
 * says why: NOT_YOURS); anyone who may not gets a 404.
 */
export async function signSession(
  db: DbOrTx,
  who: Who,
  sessionId: string,
  input: SignInput,
): Promise<Result<{ id: string; memberId: string }>> {
  return db.transaction(async (tx) => {
    const found = await findSession(tx, sessionId);
    const member = found && (await findVisibleMember(tx, who.user, found.session.staffUserId));
    if (!found || !member) return notFound;
    if (member.id !== who.user.id) return forbidden;
    if (found.session.staffSignedAt) return invalid({ field: 'confirm', message: ALREADY_SIGNED });
    // The record as the member read it: changed by the manager since the page was opened, it is read again first.
    if (input.version && input.version !== found.session.supervisorSignedAt.toISOString()) {
      return invalid({ field: 'confirm', message: CHANGED_SINCE_READ });
    }
    await tx
      .update(staffSessions)
      .set({ staffSignedAt: new Date(), staffComment: input.staffComment })
      .where(eq(staffSessions.id, sessionId));
    await refreshDueItems(tx, STAFF_RECORD, [member.id]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: STAFF_RECORD,
      recordId: member.id,
      detail: { step: 'signed', session: sessionId },
    });
    return { ok: true as const, id: sessionId, memberId: member.id };
  });
}
