/**
 * The training module's part of a household's year for the annual review (declared in its entry as
 * `householdYear`): each course attended, each participation event with each carer's days against
 * the 3 expected, and a PDP agreed in the year.
 */
import type { DbOrTx } from '../../platform/db/client.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import type { HouseholdYearEntry } from '../../platform/modules/household-year.ts';
import { hoursText } from './labels.ts';
import { carerTrainingPath } from './paths.ts';
import { trainingYearFor as carersYear } from './year.ts';

/**
 * The household's training, participation days and PDP updates from `from` to `to` (both
 * included), oldest first, then each carer's participation days of the year against those expected.
 */
export async function trainingInReviewYear(
  db: DbOrTx,
  householdId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<HouseholdYearEntry[]> {
  const year = await carersYear(db, householdId, from, to);
  const dated: HouseholdYearEntry[] = [];
  const totals: HouseholdYearEntry[] = [];
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
