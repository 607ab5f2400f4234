/**
 * Putting a supervision right: a finalised one corrected on its template, filled in, with why; one
 * recorded in error (the wrong household) removed with why, its children seen, actions and notes
 * message with it. Both by those who answer for it (the same as changing a draft), in one
 * transaction with the kept facts, the deadlines and the audit trail.
 */
import { eq } from 'drizzle-orm';
import { recordAudit, recordAudits } from '../../platform/audit/service.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import {
  forbidden,
  inTransaction,
  invalid,
  notFound,
  type FieldError,
  type Who,
} from '../../platform/views/results.ts';
import { refreshSupervisionFacts } from './facts.ts';
import { missingForFinal, type SupervisionInput } from './forms.ts';
import { attachmentName, notesMessageOf, queueCorrectedNotes, type NotesMessage } from './notes.ts';
import { findVisibleSupervision, supervisionDetails } from './queries.ts';
import {
  canCorrectSupervision,
  checkVisit,
  mayChangeSupervision,
  visitValues,
  writeDetails,
  type Result,
} from './service.ts';
import { supervisionActions, supervisionChildren, supervisionNotesMessages, supervisions } from './tables.ts';

/** The audit part of a correction (its before and why), read back for the supervision page. */
export const CORRECTION_PART = 'supervision-details';

/** The rules of recording, and those of a finalised record: every answer given, not after its notes were sent. */
function checkCorrection(input: SupervisionInput, notesSentOn: string | null): FieldError[] {
  const errors = checkVisit(input, todayInLondon());
  if (notesSentOn && input.visitDate > notesSentOn && !errors.length) {
    errors.push({
      field: 'visitDate',
      message: `The date of the visit must be on or before ${formatDate(notesSentOn)}, when the notes were sent`,
    });
  }
  return [...errors, ...missingForFinal(visitValues(input))];
}

const seenList = (seen: { childId: string; seen: string }[]) => seen.map((s) => `${s.childId}:${s.seen}`).join(',');

/**
 * Corrects a finalised supervision: its answers, children seen and actions rewritten as a draft's
 * save does, the facts and deadlines of the visit and its household refreshed, and the audit entry
 * keeping what it said before and why. A message to the carers not yet sent is readdressed to the
 * corrected date; one already emailed is sent again as the corrected notes (`resent`, to be
 * delivered once this commits). Notes posted or handed over are not taken back: the page says the
 * carers have the earlier notes.
 */
export async function correctSupervision(
  db: Db,
  who: Who,
  id: string,
  input: SupervisionInput & { reason: string },
  mail: { mode: Mailer['mode']; publicUrl: string },
): Promise<Result<{ id: string; resent: NotesMessage | null }>> {
  return inTransaction(db, async (tx) => {
    const record = await findVisibleSupervision(tx, who.user, id);
    if (!record) return notFound;
    if (!canCorrectSupervision(who.user, record)) return forbidden;
    const { supervision, household } = record;
    const errors = checkCorrection(input, supervision.notesSentOn);
    if (errors.length) return invalid(...errors);

    const earlier = await supervisionDetails(tx, id);
    const stored = supervision as unknown as Record<string, unknown>;
    const after = visitValues(input) as Record<string, unknown>;
    const fields = Object.keys(after).filter((k) => stored[k] !== after[k]);
    const before: Record<string, unknown> = Object.fromEntries(fields.map((k) => [k, stored[k]]));
    await tx
      .update(supervisions)
      .set({ ...visitValues(input), updatedAt: new Date() })
      .where(eq(supervisions.id, id));
    await writeDetails(tx, id, household.id, input);
    const now = await supervisionDetails(tx, id);
    if (seenList(earlier.seen) !== seenList(now.seen)) {
      fields.push('childrenSeen');
      before.childrenSeen = earlier.seen.map((s) => ({ childId: s.childId, seen: s.seen }));
    }
    const actionsOf = (d: typeof now) => JSON.stringify(d.actions.map((a) => [a.action, a.owner, a.dueOn]));
    if (actionsOf(earlier) !== actionsOf(now)) {
      fields.push('actions');
      before.actions = earlier.actions.map((a) => ({ action: a.action, owner: a.owner, dueOn: a.dueOn }));
    }

    const message = await notesMessageOf(tx, id);
    const resent = message?.status === 'sent' ? await queueCorrectedNotes(tx, message, mail) : null;
    if (message?.status === 'pending' && input.visitDate !== supervision.visitDate) {
      const [from, to] = [formatDate(supervision.visitDate), formatDate(input.visitDate)];
      await tx
        .update(supervisionNotesMessages)
        .set({
          subject: message.subject.replaceAll(from, to),
          body: message.body.replaceAll(from, to),
          attachmentName: attachmentName(household.reference, input.visitDate),
        })
        .where(eq(supervisionNotesMessages.id, message.id));
    }

    await refreshSupervisionFacts(tx, household.id);
    await refreshDueItems(tx, 'supervision', [id]);
    await refreshDueItems(tx, 'household', [household.id]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'supervision',
      recordId: id,
      detail: {
        part: CORRECTION_PART,
        fields,
        before,
        reason: input.reason,
        ...(resent ? { notes: 'sent again' } : {}),
      },
    });
    return { ok: true as const, id, resent };
  });
}

/**
 * Removes a supervision recorded in error (on the wrong household, or a visit that did not happen),
 * with why: its children seen, actions and notes message go with it, and the household's deadlines
 * (next visit, unannounced visit, children seen) and facts are worked out again without it. Audited
 * on the household, whose trail outlives the visit, and on the visit's own trail.
 */
export async function removeSupervision(db: Db, who: Who, id: string, reason: string): Promise<Result> {
  return inTransaction(db, async (tx) => {
    const record = await findVisibleSupervision(tx, who.user, id);
    if (!record) return notFound;
    if (!mayChangeSupervision(who.user, record)) return forbidden;
    const { supervision, household } = record;
    const message = await notesMessageOf(tx, id);
    const { seen, actions } = await supervisionDetails(tx, id);
    await tx.delete(supervisionNotesMessages).where(eq(supervisionNotesMessages.supervisionId, id));
    await tx.delete(supervisionChildren).where(eq(supervisionChildren.supervisionId, id));
    await tx.delete(supervisionActions).where(eq(supervisionActions.supervisionId, id));
    await tx.delete(supervisions).where(eq(supervisions.id, id));
    await refreshSupervisionFacts(tx, household.id);
    await refreshDueItems(tx, 'supervision', [id]);
    await refreshDueItems(tx, 'household', [household.id]);
    const removed = {
      supervisionId: id,
      visitDate: supervision.visitDate,
      announced: supervision.announced,
      status: supervision.status,
      childrenSeen: seen.map((s) => ({ childId: s.childId, seen: s.seen })),
      actions: actions.length,
      notesSentOn: supervision.notesSentOn,
      notesMessage: message
        ? { status: message.status, sentAt: message.sentAt, recipients: message.recipients.length }
        : null,
      reason,
    };
    await recordAudits(tx, who.actor, [
      {
        action: 'delete',
        recordType: 'household',
        recordId: household.id,
        detail: { part: 'supervision', ...removed },
      },
      { action: 'delete', recordType: 'supervision', recordId: id, detail: { householdId: household.id, reason } },
    ]);
    return { ok: true as const, id: household.id };
  });
}
