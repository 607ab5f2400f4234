/**
 * What workers and carers do with the notes of a supervision: send them again after a failure,
 * and (carers) read them and confirm receipt in the portal. Each checks scope and audits.
 */
import type { Db } from '../../platform/db/client.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { isUuid } from '../../platform/views/params.ts';
import type { Who } from '../../platform/views/results.ts';
import { acknowledgeNotes, deliverNotes, notesMessageOf, retryNow } from './notes.ts';
import { canRecordSupervision, finaliseSupervision, viewSupervision } from './service.ts';

/**
 * Finalises a draft and sends its notes at once, so the worker sees straight away whether they
 * went (a failure is retried later by the server's sender).
 */
export async function finaliseAndSendNotes(db: Db, mailer: Mailer, who: Who, id: string, publicUrl: string) {
  const result = await finaliseSupervision(db, who, id, { mode: mailer.mode, publicUrl });
  if (result.ok && result.message?.status === 'pending') await deliverNotes(db, mailer, { supervisionId: id });
  return result;
}

/**
 * The worker's "Try sending again now": 'not-found' out of scope, 'unchanged' when there is
 * nothing to send (sent already, or not theirs to send), else whether it went this time.
 */
export async function sendNotesAgain(
  db: Db,
  mailer: Mailer,
  who: Who,
  supervisionId: string,
): Promise<'not-found' | 'unchanged' | 'sent' | 'not-sent'> {
  const record = await viewSupervision(db, who, supervisionId, 'notes-retry');
  if (!record) return 'not-found';
  if (!canRecordSupervision(who.user, record.household) || !(await retryNow(db, supervisionId))) return 'unchanged';
  const result = await deliverNotes(db, mailer, { supervisionId });
  return result.sent ? 'sent' : 'not-sent';
}

/** A supervision of the carer's own household whose notes have been sent to them (audited), or null. */
export async function sentNotesForCarer(db: Db, who: Who, supervisionId: string, page: string) {
  // Notes not yet sent are not the carer's to read: refused before anything is read or audited.
  if (!isUuid(supervisionId)) return null;
  const message = await notesMessageOf(db, supervisionId);
  if (!message || message.status === 'pending') return null;
  const record = await viewSupervision(db, who, supervisionId, page);
  return record ? { record, message } : null;
}

/** The carer confirms in the portal that they received the notes; false when they are not theirs to confirm. */
export async function acknowledgeInPortal(db: Db, who: Who, supervisionId: string): Promise<boolean> {
  const found = await sentNotesForCarer(db, who, supervisionId, 'portal-acknowledge');
  if (!found) return false;
  await acknowledgeNotes(db, who.actor, found.message.id, 'portal');
  return true;
}
