/**
 * What a supervision's page says about its corrections: the latest, when and by whom, with why,
 * and whether the carers were sent the notes before it (so they have the earlier notes).
 */
import type { DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import type { NotesMessage } from './notes.ts';
import { supervisionCorrections, type SupervisionRow } from './queries.ts';
import { CORRECTION_PART } from './service-corrections.ts';

export interface CorrectionNotice {
  at: Date;
  byName: string;
  reason: string | null;
  /** How many times it has been corrected in all. */
  times: number;
  /** The carers have notes from before the latest correction and will not be sent the corrected ones. */
  carersHaveEarlierNotes: boolean;
}

export async function correctionNotice(
  db: DbOrTx,
  supervision: SupervisionRow,
  message: NotesMessage | null,
): Promise<CorrectionNotice | null> {
  if (supervision.status !== 'final') return null;
  const corrections = await supervisionCorrections(db, supervision.id, CORRECTION_PART);
  const latest = corrections[0];
  if (!latest) return null;
  // Emailed notes are sent again as the corrected notes (unless no carer has an address now); a
  // message still waiting goes with the corrected record. Notes posted or handed over stay as they went.
  const emailedBefore = message?.status === 'sent' && message.sentAt !== null && message.sentAt < latest.at;
  const postedBefore =
    (!message || message.status === 'held') &&
    supervision.notesSentOn !== null &&
    supervision.notesSentOn <= todayInLondon(latest.at);
  return {
    at: latest.at,
    byName: latest.byName,
    reason: latest.reason,
    times: corrections.length,
    carersHaveEarlierNotes: emailedBefore || postedBefore,
  };
}
