/**
 * Supervision of foster carers: the agreement and the visits on the service's one template.
 * Every change checks scope, validates the rules and writes its audit entry in the same transaction.
 */
import { eq } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { addYears, todayInLondon } from '../../platform/dates/index.ts';
import {
  forbidden,
  invalid,
  notFound,
  type FieldError,
  type Invalid,
  type Refusal,
  type Who,
} from '../../platform/views/results.ts';
import { findHouseholdReadInFull, type HouseholdRecord } from '../households/scope.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { missingForFinal, type AgreementInput, type SupervisionInput } from './forms.ts';
import { queueNotes, type NotesMessage } from './notes.ts';
import { childrenPlacedOn, findVisibleSupervision, type SupervisionRecord } from './queries.ts';
import { supervisionActions, supervisionAgreements, supervisionChildren, supervisions } from './tables.ts';
import { refreshSupervisionFacts } from './facts.ts';

export type Result<T = { id: string }> = ({ ok: true } & T) | Refusal | Invalid;

/**
 * Who may record supervision for a household: the head of fostering; a team manager for their
 * team's households; a supervising social worker for the households allocated to them.
 */
export function canRecordSupervision(user: SignedInUser, household: { teamId: string; allocatedSswId: string | null }) {
  switch (user.role) {
    case 'head_of_fostering':
      return true;
    case 'team_manager':
      return user.teamId === household.teamId;
    case 'supervising_social_worker':
      return household.allocatedSswId === user.id;
    default:
      return false;
  }
}

/**
 * Who answers for a supervision, draft or finalised: its author (while they may record for the
 * household), the household's team manager or the head of fostering.
 */
export function mayChangeSupervision(user: SignedInUser, record: SupervisionRecord): boolean {
  if (user.role === 'head_of_fostering') return true;
  if (user.role === 'team_manager') return user.teamId === record.household.teamId;
  return user.id === record.supervision.authorId && canRecordSupervision(user, record.household);
}

/** A draft may be changed by those who answer for it. */
export function canEditSupervision(user: SignedInUser, record: SupervisionRecord): boolean {
  return record.supervision.status === 'draft' && mayChangeSupervision(user, record);
}

/** A finalised supervision is corrected (with why) by the same people who may change a draft. */
export function canCorrectSupervision(user: SignedInUser, record: SupervisionRecord): boolean {
  return record.supervision.status === 'final' && mayChangeSupervision(user, record);
}

/** The household for recording: 404 out of scope, 403 when the viewer may only read it. */
export async function householdToRecord(
  db: DbOrTx,
  user: SignedInUser,
  householdId: string,
): Promise<{ ok: true; household: HouseholdRecord } | Refusal> {
  const household = await findHouseholdReadInFull(db, user, householdId);
  if (!household) return notFound;
  return canRecordSupervision(user, household) ? { ok: true, household } : forbidden;
}

/** The supervision for changing: 404 out of scope, 403 when finalised or not theirs to change. */
export async function supervisionToChange(
  db: DbOrTx,
  user: SignedInUser,
  id: string,
): Promise<{ ok: true; record: SupervisionRecord } | Refusal> {
  const record = await findVisibleSupervision(db, user, id);
  if (!record) return notFound;
  return canEditSupervision(user, record) ? { ok: true, record } : forbidden;
}

export function checkVisit(input: SupervisionInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (input.visitDate > today)
    errors.push({ field: 'visitDate', message: 'The date of the visit must be today or in the past' });
  return errors;
}

/** Writes the children seen (those placed at the visit date) and the actions of a supervision. */
export async function writeDetails(tx: DbOrTx, supervisionId: string, householdId: string, input: SupervisionInput) {
  await tx.delete(supervisionChildren).where(eq(supervisionChildren.supervisionId, supervisionId));
  await tx.delete(supervisionActions).where(eq(supervisionActions.supervisionId, supervisionId));
  const placed = await childrenPlacedOn(tx, householdId, input.visitDate);
  if (placed.length) {
    await tx
      .insert(supervisionChildren)
      .values(placed.map((c) => ({ supervisionId, childId: c.childId, seen: input.seen[c.childId] ?? 'not_seen' })));
  }
  if (input.actions.length) {
    await tx.insert(supervisionActions).values(input.actions.map((a, i) => ({ supervisionId, position: i + 1, ...a })));
  }
}

export function visitValues(input: SupervisionInput) {
  return {
    visitDate: input.visitDate,
    announced: input.announced,
    attendees: input.attendees,
    workingWell: input.workingWell,
    worries: input.worries,
    needsToHappen: input.needsToHappen,
    scalingQuestion: input.scalingQuestion,
    scalingScore: input.scalingScore,
    childrenVoice: input.childrenVoice ?? null,
    trainingProgress: input.trainingProgress ?? null,
    profileSeenBeforeArrival: input.profileSeenBeforeArrival ?? null,
  };
}

/** Records a supervision visit as a draft. */
export async function recordSupervision(
  db: Db,
  who: Who,
  householdId: string,
  input: SupervisionInput,
): Promise<Result> {
  return db.transaction(async (tx) => {
    const found = await householdToRecord(tx, who.user, householdId);
    if (!found.ok) return found;
    const errors = checkVisit(input, todayInLondon());
    if (errors.length) return invalid(...errors);
    const [row] = await tx
      .insert(supervisions)
      .values({ householdId, ...visitValues(input), status: 'draft', authorId: who.user.id })
      .returning({ id: supervisions.id });
    await writeDetails(tx, row!.id, householdId, input);
    await refreshDueItems(tx, 'supervision', [row!.id]);
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: 'supervision',
      recordId: row!.id,
      detail: { householdId, actions: input.actions.length },
    });
    return { ok: true as const, id: row!.id };
  });
}

/** Changes a draft supervision. */
export async function updateSupervision(db: Db, who: Who, id: string, input: SupervisionInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const found = await supervisionToChange(tx, who.user, id);
    if (!found.ok) return found;
    const errors = checkVisit(input, todayInLondon());
    if (errors.length) return invalid(...errors);
    const before = found.record.supervision as unknown as Record<string, unknown>;
    const after = visitValues(input) as Record<string, unknown>;
    const fields = Object.keys(after).filter((k) => before[k] !== after[k]);
    await tx
      .update(supervisions)
      .set({ ...visitValues(input), updatedAt: new Date() })
      .where(eq(supervisions.id, id));
    await writeDetails(tx, id, found.record.household.id, input);
    await refreshDueItems(tx, 'supervision', [id]);
    await recordAudit(tx, who.actor, { action: 'update', recordType: 'supervision', recordId: id, detail: { fields } });
    return { ok: true as const, id };
  });
}

/**
 * Finalises a draft: from now on it cannot be changed, and its notes go into the outbox for the
 * carers (sent by email when there is a mail server; see notes.ts).
 */
export async function finaliseSupervision(
  db: Db,
  who: Who,
  id: string,
  notes: { mode: Mailer['mode']; publicUrl: string },
): Promise<Result<{ id: string; message: NotesMessage | null }>> {
  return db.transaction(async (tx) => {
    const found = await supervisionToChange(tx, who.user, id);
    if (!found.ok) return found;
    // A draft keeps whatever was typed; only a complete record is finalised.
    const missing = missingForFinal(found.record.supervision);
    if (missing.length) return invalid(...missing);
    await tx
      .update(supervisions)
      .set({ status: 'final', finalisedAt: new Date(), finalisedBy: who.user.id, updatedAt: new Date() })
      .where(eq(supervisions.id, id));
    await refreshSupervisionFacts(tx, found.record.household.id);
    const message = await queueNotes(tx, { supervisionId: id, createdBy: who.user.id, ...notes });
    await refreshDueItems(tx, 'supervision', [id]);
    await recordAudit(tx, who.actor, {
      action: 'finalise',
      recordType: 'supervision',
      recordId: id,
      detail: { notes: message ? message.status : 'no email address' },
    });
    return { ok: true as const, id, message };
  });
}

/** Records the date the notes of a finalised supervision were sent to the carers. */
export async function markNotesSent(db: Db, who: Who, id: string, sentOn: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const record = await findVisibleSupervision(tx, who.user, id);
    if (!record) return notFound;
    const { supervision, household } = record;
    if (supervision.status !== 'final' || supervision.notesSentOn || !canRecordSupervision(who.user, household)) {
      return forbidden;
    }
    if (sentOn > todayInLondon()) {
      return invalid({ field: 'notesSentOn', message: 'The date the notes were sent must be today or in the past' });
    }
    if (sentOn < supervision.visitDate) {
      return invalid({ field: 'notesSentOn', message: 'The notes cannot be sent before the visit' });
    }
    await tx.update(supervisions).set({ notesSentOn: sentOn, updatedAt: new Date() }).where(eq(supervisions.id, id));
    await refreshDueItems(tx, 'supervision', [id]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'supervision',
      recordId: id,
      detail: { fields: ['notesSentOn'] },
    });
    return { ok: true as const, id };
  });
}

/** Records a signed supervision agreement; it is reviewed 12 months after signing. */
export async function recordAgreement(db: Db, who: Who, householdId: string, input: AgreementInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const found = await householdToRecord(tx, who.user, householdId);
    if (!found.ok) return found;
    if (input.signedOn > todayInLondon()) {
      return invalid({ field: 'signedOn', message: 'The date it was signed must be today or in the past' });
    }
    const [row] = await tx
      .insert(supervisionAgreements)
      .values({
        householdId,
        signedOn: input.signedOn,
        signedByCarers: input.signedByCarers,
        signedBySswId: found.household.allocatedSswId,
        reviewOn: addYears(input.signedOn, 1),
        recordedBy: who.user.id,
      })
      .returning({ id: supervisionAgreements.id });
    await refreshDueItems(tx, 'household', [householdId]);
    await refreshSupervisionFacts(tx, householdId);
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: 'supervision-agreement',
      recordId: row!.id,
      detail: { householdId },
    });
    return { ok: true as const, id: row!.id };
  });
}

/** Reads a supervision for its page and writes the 'view' to the audit trail. */
export async function viewSupervision(
  db: Db,
  who: Who,
  id: string,
  page = 'supervision',
): Promise<SupervisionRecord | null> {
  const record = await findVisibleSupervision(db, who.user, id);
  if (!record) return null;
  await recordAudit(db, who.actor, { action: 'view', recordType: 'supervision', recordId: id, detail: { page } });
  return record;
}

/** Reads a household's supervision page and writes the 'view' to the audit trail. */
export async function viewHouseholdSupervision(db: Db, who: Who, householdId: string): Promise<HouseholdRecord | null> {
  const household = await findHouseholdReadInFull(db, who.user, householdId);
  if (!household) return null;
  await recordAudit(db, who.actor, {
    action: 'view',
    recordType: 'household',
    recordId: householdId,
    detail: { page: 'supervision' },
  });
  return household;
}

/** Reads a finalised supervision for its signed record (PDF), auditing the view; null for a draft or out of scope. */
export async function viewSignedRecord(db: Db, who: Who, id: string): Promise<SupervisionRecord | null> {
  const record = await findVisibleSupervision(db, who.user, id);
  if (!record || record.supervision.status !== 'final') return null;
  await recordAudit(db, who.actor, {
    action: 'view',
    recordType: 'supervision',
    recordId: id,
    detail: { page: 'record-pdf' },
  });
  return record;
}
