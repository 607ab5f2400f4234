/**
 * The messages that carried the demo's recent supervision notes to the carers (as Hearth writes
 * them when a supervision is finalised), so the "Notes to carers" page and the carer portal have
 * a history. Written from the supervisions already loaded: one query in, batched inserts out.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { insertRows } from './bulk.ts';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { attachmentName, notesMessageText } from '../../src/modules/supervision/notes.ts';
import { supervisionNotesMessages } from '../../src/modules/supervision/tables.ts';
import { dayOf, isoOf, timestampOf, type Day } from './days.ts';
import type { Random } from './random.ts';

/** How far back the demo keeps messages: the last four months of notes. */
const HISTORY_DAYS = 120;

interface SentNotes {
  supervision_id: string;
  household_id: string;
  household_name: string;
  carer_names: string[];
  reference: string;
  visit_date: string;
  notes_sent_on: string;
  author_id: string;
  author_name: string;
  recipients: string[];
}

/** Writes a 'sent' message for each finalised visit whose notes were sent lately to carers with an email address. */
export async function writeNotesMessages(db: DbOrTx, random: Random, today: Day, publicUrl: string) {
  const rows = await queryRows<SentNotes>(
    db,
    sql`select s.id as supervision_id, s.household_id, h.name as household_name, h.reference,
          s.visit_date::text as visit_date, s.notes_sent_on::text as notes_sent_on,
          s.author_id, u.display_name as author_name,
          array_agg(c.email order by c.created_at, c.id) filter (where c.email is not null) as recipients,
          array_agg(c.first_name || ' ' || c.last_name order by c.created_at, c.id) as carer_names
        from supervisions s
        join households h on h.id = s.household_id
        join users u on u.id = s.author_id
        join carers c on c.household_id = s.household_id
        where s.status = 'final' and s.notes_sent_on >= ${isoOf(today - HISTORY_DAYS)}
        group by s.id, h.id, u.id
        having count(c.email) > 0
        order by s.visit_date, s.id`,
  );
  const values = rows.map((r) => {
    const token = randomBytes(24).toString('base64url');
    const sent = dayOf(r.notes_sent_on);
    // Most carers confirm within a few days, by the link or in the portal; some never do.
    const confirmed = sent + random.int(0, 6);
    const acknowledged = random.chance(0.8) && confirmed <= today;
    const text = notesMessageText({
      carerNames: r.carer_names,
      visitDate: r.visit_date,
      authorName: r.author_name,
      acknowledgeUrl: `${publicUrl}/notes/${token}`,
    });
    return {
      supervisionId: r.supervision_id,
      householdId: r.household_id,
      recipients: r.recipients,
      subject: text.subject,
      body: text.body,
      attachmentName: attachmentName(r.reference, r.visit_date),
      status: 'sent',
      attempts: 1,
      lastAttemptAt: new Date(timestampOf(sent, 10)),
      sentAt: new Date(timestampOf(sent, 10)),
      acknowledgeToken: token,
      acknowledgedAt: acknowledged ? new Date(timestampOf(confirmed, 12 + random.int(0, 5))) : null,
      acknowledgedVia: acknowledged ? random.pick(['link', 'portal'] as const) : null,
      createdBy: r.author_id,
      createdAt: new Date(timestampOf(sent, 9)),
    };
  });
  await insertRows(db, supervisionNotesMessages, values);
  return values.length;
}
