/**
 * Participation and training of the review year, read from the training module's records (the
 * review form and report show them, never retyped): each course attended, each participation
 * event with each carer's days against the 3 expected, and a PDP agreed in the year.
 */
import type { DbOrTx } from '../../platform/db/client.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { trainingYearFor as carersYear } from '../training/year.ts';
import { hoursText } from '../training/labels.ts';
import { carerTrainingPath } from '../training/paths.ts';

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
 * included), oldest first, then each carer's participation days of the year against those expected.
 */
export async function trainingYearFor(
  db: DbOrTx,
  householdId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<TrainingYearEntry[]> {
  const year = await carersYear(db, householdId, from, to);
  const dated: TrainingYearEntry[] = [];
  const totals: TrainingYearEntry[] = [];
  const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
  for (const carer of year.carers) {
    const record = carerTrainingPath(carer.carerId);
    for (const t of carer.training) {
      dated.push({
        kind: 'course',
        title: t.title,
        who: carer.name,
        on: t.on,
        amount: hoursText(t.hours),
        href: record,
      });
    }
    for (const e of carer.participation) {
      dated.push({
        kind: 'participation',
        title: `Participation event: ${e.title}`,
        who: carer.name,
        on: e.on,
        amount: days(e.days),
      });
    }
    if (carer.pdp && carer.pdp.agreedOn >= from) {
      dated.push({
        kind: 'pdp',
        title: 'Personal development plan agreed',
        who: carer.name,
        on: carer.pdp.agreedOn,
        href: `${record}/pdp`,
      });
    }
    totals.push({
      kind: 'participation-days',
      title: `Participation in the year: ${days(carer.participationDays)} of the ${carer.participationExpected} expected`,
      who: carer.name,
      on: to,
      href: record,
    });
  }
  dated.sort((a, b) => a.on.localeCompare(b.on));
  return [...dated, ...totals];
}
