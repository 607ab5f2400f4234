/**
 * Participation and training of the review year, read from the training module's records (the
 * review form shows them, never retyped). The training module is built beside this one: it fills
 * this function in once its tables exist; until then a review shows that there are no records.
 */
import type { DbOrTx } from '../../platform/db/client.ts';
import type { IsoDate } from '../../platform/dates/index.ts';

/** One thing the carers did in the year: a course attended, a participation event, a PDP update. */
export interface TrainingYearEntry {
  /** 'course', 'participation', 'pdp' ... */
  kind: string;
  /** What it was, in words ("Safeguarding: keeping children safe online"). */
  title: string;
  /** Who took part ("Jordan Ellis"). */
  who: string;
  on: IsoDate;
  /** Hours or days, in words ("3 hours", "1 day"), if known. */
  amount?: string;
  /** The training module's page for it, if any. */
  href?: string;
}

/**
 * The household's training, participation days and PDP updates from `from` to `to` (both
 * included), oldest first. Returns an empty list: the training module fills it in.
 */
export async function trainingYearFor(
  _db: DbOrTx,
  _householdId: string,
  _from: IsoDate,
  _to: IsoDate,
): Promise<TrainingYearEntry[]> {
  return [];
}
