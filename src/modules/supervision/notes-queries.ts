import { and, count, desc, eq, isNull, ne, type SQL } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { householdVisibleTo } from '../households/scope.ts';
import { households } from '../households/tables.ts';
import type { NotesMessage } from './notes.ts';
import { supervisionNotesMessages, supervisions } from './tables.ts';

export const OUTBOX_PAGE_SIZE = 25;

/** The outbox filters: every message, those not sent yet, those sent, those held for want of a mail server. */
export const outboxStatuses = {
  'not-sent': 'Not sent yet',
  sent: 'Sent',
  held: 'Kept in the outbox',
  unconfirmed: 'Receipt not confirmed',
} as const;
export type OutboxStatus = keyof typeof outboxStatuses;

function statusCondition(status: OutboxStatus | undefined): SQL | undefined {
  switch (status) {
    case 'not-sent':
      return eq(supervisionNotesMessages.status, 'pending');
    case 'sent':
      return eq(supervisionNotesMessages.status, 'sent');
    case 'held':
      return eq(supervisionNotesMessages.status, 'held');
    case 'unconfirmed':
      return and(eq(supervisionNotesMessages.status, 'sent'), isNull(supervisionNotesMessages.acknowledgedAt));
    default:
      return undefined;
  }
}

/** The messages to carers in the viewer's scope, newest first, one page at a time. */
/**
 * The messages the viewer may see, newest first: by default only those they wrote (`mine`), or
 * every one of the households they can see.
 */
export async function listOutbox(db: DbOrTx, viewer: SignedInUser, page: number, status?: OutboxStatus, mine = true) {
  const where = and(
    householdVisibleTo(viewer),
    statusCondition(status),
    mine ? eq(supervisionNotesMessages.createdBy, viewer.id) : undefined,
  );
  const [total] = await db
    .select({ n: count() })
    .from(supervisionNotesMessages)
    .innerJoin(households, eq(households.id, supervisionNotesMessages.householdId))
    .where(where);
  const rows = await db
    .select({
      message: supervisionNotesMessages,
      visitDate: supervisions.visitDate,
      householdName: households.name,
      householdReference: households.reference,
    })
    .from(supervisionNotesMessages)
    .innerJoin(households, eq(households.id, supervisionNotesMessages.householdId))
    .innerJoin(supervisions, eq(supervisions.id, supervisionNotesMessages.supervisionId))
    .where(where)
    .orderBy(desc(supervisionNotesMessages.createdAt), desc(supervisionNotesMessages.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE);
  return { rows, total: total?.n ?? 0 };
}

/** The words and colour of a message's status, as the worker sees it. */
export function notesStatusTag(message: Pick<NotesMessage, 'status' | 'lastError'>): { text: string; classes: string } {
  if (message.status === 'sent') return { text: 'Sent', classes: 'govuk-tag--green' };
  if (message.status === 'held') return { text: 'Kept in the outbox', classes: 'govuk-tag--grey' };
  if (message.lastError) return { text: 'Not sent: will try again', classes: 'govuk-tag--red' };
  return { text: 'Sending', classes: 'govuk-tag--blue' };
}

/** The supervision notes sent to a carer's own household, newest visit first (the portal). */
export async function notesForCarer(db: DbOrTx, carer: SignedInUser, limit = 20) {
  return db
    .select({
      householdId: supervisionNotesMessages.householdId,
      supervisionId: supervisions.id,
      visitDate: supervisions.visitDate,
      sentAt: supervisionNotesMessages.sentAt,
      acknowledgedAt: supervisionNotesMessages.acknowledgedAt,
    })
    .from(supervisionNotesMessages)
    .innerJoin(supervisions, eq(supervisions.id, supervisionNotesMessages.supervisionId))
    .innerJoin(households, eq(households.id, supervisionNotesMessages.householdId))
    .where(and(householdVisibleTo(carer), ne(supervisionNotesMessages.status, 'pending')))
    .orderBy(desc(supervisions.visitDate))
    .limit(limit);
}
