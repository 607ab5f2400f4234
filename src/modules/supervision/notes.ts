/**
 * Sending the notes of a finalised supervision to the household's carers: written into the outbox
 * in the same transaction as the finalising, then sent by email (with the signed record attached)
 * and retried until the mail server takes them. Without a mail server the message stays in the
 * outbox, which shows exactly what would have been sent. Carers confirm receipt by the link in
 * the message or in the portal.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit, systemActor, type Actor } from '../../platform/audit/service.ts';
import { users } from '../../platform/auth/tables.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { mailFailureReason, type Mailer } from '../../platform/mail/mailer.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { formatDate } from '../../platform/views/format.ts';
import { carers, households } from '../households/tables.ts';
import { supervisionRecordPdf } from './pdf.ts';
import { signatories, supervisionDetails } from './queries.ts';
import { supervisionNotesMessages, supervisions } from './tables.ts';
import { notesAcknowledgementPath } from './paths.ts';

export type NotesMessage = typeof supervisionNotesMessages.$inferSelect;

/** Minutes to wait before each retry after a failure; the last is repeated for ever after. */
export const RETRY_MINUTES = [1, 5, 15, 30, 60] as const;
/** How long a sender holds a message it is sending before another may try it (a crash in between). */
const LEASE_MINUTES = 5;

const minutesFrom = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

/** When to try again after the nth failed attempt (1-based). */
export function nextAttemptAfter(attempts: number, now: Date): Date {
  return minutesFrom(now, RETRY_MINUTES[Math.min(attempts, RETRY_MINUTES.length) - 1]!);
}

export function attachmentName(reference: string, visitDate: string): string {
  return `supervision-${reference}-${visitDate}.pdf`;
}

/** "Alex Carer", "Alex Carer and Sam Carer", "A, B and C". */
function listInWords(names: string[]): string {
  if (names.length <= 1) return names[0] ?? 'carers';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The words of the message: what the carers read. */
export function notesMessageText(input: {
  /** Every carer of the household, by name: each is addressed. */
  carerNames: string[];
  visitDate: string;
  authorName: string;
  acknowledgeUrl: string;
  /** When the notes are sent again after a correction: the day the earlier notes went. */
  correctsNotesOf?: Date;
}): { subject: string; body: string } {
  const visit = formatDate(input.visitDate);
  const opening = input.correctsNotesOf
    ? [
        `The notes of your supervision visit on ${visit} have been corrected. The corrected notes are attached as a PDF and replace those we sent you on ${formatDate(todayInLondon(input.correctsNotesOf))}.`,
      ]
    : [
        `The notes of your supervision visit on ${visit} are attached as a PDF: what is working well, what we are worried about, what needs to happen, and the actions we agreed.`,
      ];
  return {
    subject: `${input.correctsNotesOf ? 'Corrected notes' : 'Notes'} of your supervision visit on ${visit}`,
    body: [
      `Dear ${listInWords(input.carerNames)},`,
      '',
      ...opening,
      '',
      'Please confirm that you have received them by opening this link:',
      input.acknowledgeUrl,
      '',
      'If anything in the notes is not right, tell your supervising social worker.',
      '',
      input.authorName,
      'Supervising social worker, fostering service',
    ].join('\n'),
  };
}

type MailOptions = { mode: Mailer['mode']; publicUrl: string };

/**
 * What a supervision's message says and to whom, with a new secret for its link; null when no
 * carer has an email address.
 */
async function notesContent(tx: DbOrTx, supervisionId: string, options: MailOptions & { correctsNotesOf?: Date }) {
  const [row] = await tx
    .select({
      householdId: supervisions.householdId,
      visitDate: supervisions.visitDate,
      name: households.name,
      reference: households.reference,
      authorName: users.displayName,
    })
    .from(supervisions)
    .innerJoin(households, eq(households.id, supervisions.householdId))
    .innerJoin(users, eq(users.id, supervisions.authorId))
    .where(eq(supervisions.id, supervisionId));
  if (!row) return null;
  const carersOf = await tx
    .select({ email: carers.email, firstName: carers.firstName, lastName: carers.lastName })
    .from(carers)
    // The carers living there now: a carer who has left is sent nothing more about the household.
    .where(and(eq(carers.householdId, row.householdId), isNull(carers.leftOn)))
    .orderBy(asc(carers.createdAt), asc(carers.id));
  const recipients = [...new Set(carersOf.map((a) => a.email?.trim() ?? '').filter(Boolean))];
  if (recipients.length === 0) return null;
  const acknowledgeToken = randomBytes(24).toString('base64url');
  const text = notesMessageText({
    carerNames: carersOf.map((c) => `${c.firstName} ${c.lastName}`),
    visitDate: row.visitDate,
    authorName: row.authorName,
    acknowledgeUrl: `${options.publicUrl}${notesAcknowledgementPath(acknowledgeToken)}`,
    correctsNotesOf: options.correctsNotesOf,
  });
  return {
    householdId: row.householdId,
    recipients,
    ...text,
    attachmentName: attachmentName(row.reference, row.visitDate),
    acknowledgeToken,
  };
}

/** A message waiting to be sent (by email), or held in the outbox when there is no mail server. */
function waiting(mode: Mailer['mode'], now: Date) {
  const held = mode === 'outbox';
  return { status: held ? 'held' : 'pending', nextAttemptAt: held ? null : now, sentAt: held ? now : null };
}

/**
 * Writes the message to the carers into the outbox, in the finalising transaction. Returns null
 * when no carer has an email address (the worker then posts the notes and records the date).
 * Without a mail server the message is held in the outbox and nothing is sent: the notes count as
 * sent only when the worker records the date they posted or handed them over.
 */
export async function queueNotes(
  tx: DbOrTx,
  options: MailOptions & { supervisionId: string; createdBy: string; now?: Date },
): Promise<NotesMessage | null> {
  const content = await notesContent(tx, options.supervisionId, options);
  if (!content) return null;
  const [message] = await tx
    .insert(supervisionNotesMessages)
    .values({
      supervisionId: options.supervisionId,
      ...content,
      ...waiting(options.mode, options.now ?? new Date()),
      createdBy: options.createdBy,
    })
    .returning();
  return message!;
}

/**
 * After a correction, the message the carers were sent is written again as the corrected notes
 * (to the carers' addresses today) and waits to be sent like a new one: the carers confirm receipt
 * of the corrected notes by its new link (the earlier link no longer opens them). The day the notes
 * were first sent, and so the 5 working days' figure, stays as it was. Returns the message, or null
 * when no carer now has an email address (the page then says the carers have the earlier notes).
 */
export async function queueCorrectedNotes(
  tx: DbOrTx,
  sent: NotesMessage,
  options: MailOptions & { now?: Date },
): Promise<NotesMessage | null> {
  const now = options.now ?? new Date();
  const content = await notesContent(tx, sent.supervisionId, { ...options, correctsNotesOf: sent.sentAt ?? now });
  if (!content) return null;
  const [message] = await tx
    .update(supervisionNotesMessages)
    .set({
      ...content,
      ...waiting(options.mode, now),
      attempts: 0,
      lastError: null,
      lastAttemptAt: null,
      acknowledgedAt: null,
      acknowledgedVia: null,
      corrected: true,
    })
    .where(eq(supervisionNotesMessages.id, sent.id))
    .returning();
  return message!;
}

/** The signed record (PDF) of a finalised supervision, for attaching to its message. */
async function signedRecord(db: DbOrTx, supervisionId: string): Promise<Buffer> {
  const [row] = await db
    .select({ supervision: supervisions, name: households.name, reference: households.reference })
    .from(supervisions)
    .innerJoin(households, eq(households.id, supervisions.householdId))
    .where(eq(supervisions.id, supervisionId));
  if (!row) throw new Error('supervision not found');
  return supervisionRecordPdf(
    {
      supervision: row.supervision,
      household: { name: row.name, reference: row.reference },
      ...(await signatories(db, row.supervision)),
    },
    await supervisionDetails(db, supervisionId),
  );
}

/**
 * Takes the messages due to be sent (all, or one supervision's), marking each as being tried so
 * no other process sends it at the same time.
 */
async function claimDue(db: Db, now: Date, supervisionId?: string) {
  const only = supervisionId ? sql`and supervision_id = ${supervisionId}` : sql``;
  return queryRows<{ id: string; supervision_id: string; attempts: number }>(
    db,
    sql`update supervision_notes_messages
        set attempts = attempts + 1, last_attempt_at = ${now.toISOString()}::timestamptz,
            next_attempt_at = ${minutesFrom(now, LEASE_MINUTES).toISOString()}::timestamptz
        where id in (select id from supervision_notes_messages
                     where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz ${only}
                     order by next_attempt_at limit 20 for update skip locked)
        returning id, supervision_id, attempts`,
  );
}

/** Records a message as sent: the sent date on the supervision, and the audit entry. */
async function markSent(db: Db, message: NotesMessage, now: Date) {
  await db.transaction(async (tx) => {
    await tx
      .update(supervisionNotesMessages)
      .set({ status: 'sent', sentAt: now, lastError: null, nextAttemptAt: null })
      .where(eq(supervisionNotesMessages.id, message.id));
    await tx
      .update(supervisions)
      .set({ notesSentOn: todayInLondon(now), updatedAt: now })
      .where(and(eq(supervisions.id, message.supervisionId), isNull(supervisions.notesSentOn)));
    await refreshDueItems(tx, 'supervision', [message.supervisionId]);
    await recordAudit(tx, systemActor('supervision notes delivery'), {
      action: 'update',
      recordType: 'supervision',
      recordId: message.supervisionId,
      detail: { fields: ['notesSentOn'], via: 'email', attempts: message.attempts },
    });
  });
}

/**
 * Sends every message that is due (or one supervision's), retrying failures later. Returns how
 * many were sent and how many failed this time. Nothing about the carers is logged.
 */
export async function deliverNotes(
  db: Db,
  mailer: Mailer,
  options: { supervisionId?: string; now?: Date } = {},
): Promise<{ sent: number; failed: number }> {
  if (mailer.mode !== 'smtp') return { sent: 0, failed: 0 };
  const now = options.now ?? new Date();
  const claimed = await claimDue(db, now, options.supervisionId);
  let sent = 0;
  let failed = 0;
  if (claimed.length === 0) return { sent, failed };
  const messages = await db
    .select()
    .from(supervisionNotesMessages)
    .where(
      inArray(
        supervisionNotesMessages.id,
        claimed.map((c) => c.id),
      ),
    );
  for (const message of messages) {
    try {
      const pdf = await signedRecord(db, message.supervisionId);
      await mailer.send({
        to: message.recipients,
        subject: message.subject,
        text: message.body,
        attachments: [{ filename: message.attachmentName, contentType: 'application/pdf', content: pdf }],
      });
      await markSent(db, message, new Date());
      sent += 1;
    } catch (error) {
      failed += 1;
      await db
        .update(supervisionNotesMessages)
        .set({ lastError: mailFailureReason(error), nextAttemptAt: nextAttemptAfter(message.attempts, new Date()) })
        .where(eq(supervisionNotesMessages.id, message.id));
    }
  }
  return { sent, failed };
}

/** Brings a failed message's next attempt forward to now (the worker's "Try again now"). */
export async function retryNow(db: DbOrTx, supervisionId: string, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(supervisionNotesMessages)
    .set({ nextAttemptAt: now })
    .where(
      and(eq(supervisionNotesMessages.supervisionId, supervisionId), eq(supervisionNotesMessages.status, 'pending')),
    )
    .returning({ id: supervisionNotesMessages.id });
  return rows.length > 0;
}

/** The message of a supervision, if one was written. */
export async function notesMessageOf(db: DbOrTx, supervisionId: string): Promise<NotesMessage | null> {
  const [row] = await db
    .select()
    .from(supervisionNotesMessages)
    .where(eq(supervisionNotesMessages.supervisionId, supervisionId));
  return row ?? null;
}

/** The message a link's secret belongs to, with its visit date. */
export async function messageByToken(db: DbOrTx, token: string) {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
  const [row] = await db
    .select({ message: supervisionNotesMessages, visitDate: supervisions.visitDate })
    .from(supervisionNotesMessages)
    .innerJoin(supervisions, eq(supervisions.id, supervisionNotesMessages.supervisionId))
    .where(eq(supervisionNotesMessages.acknowledgeToken, token));
  return row ?? null;
}

/** Records that the carers received the notes (once; later confirmations change nothing). */
export async function acknowledgeNotes(
  db: Db,
  actor: Actor,
  messageId: string,
  via: 'link' | 'portal',
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(supervisionNotesMessages)
      .set({ acknowledgedAt: now, acknowledgedVia: via })
      .where(and(eq(supervisionNotesMessages.id, messageId), isNull(supervisionNotesMessages.acknowledgedAt)))
      .returning({ supervisionId: supervisionNotesMessages.supervisionId });
    if (rows[0]) {
      await recordAudit(tx, actor, {
        action: 'acknowledge',
        recordType: 'supervision',
        recordId: rows[0].supervisionId,
        detail: { via },
      });
    }
  });
}
