/** View-model builders: rate sets and enhancements turned into what the pages show, in words and pounds. */
import { formatDate } from '../../platform/views/format.ts';
import { ageBands, feeLevels, needLevelName } from './labels.ts';
import { formatPence } from '../../platform/views/money.ts';
import type { EnhancementRow, RateSet } from './queries.ts';

/** A set of rates as summary-list rows: each allowance, each fee, day care against the Living Wage. */
export function rateRows(rates: RateSet) {
  const row = (key: string, pence: number, after = '') => ({
    key: { text: key },
    value: { text: `${formatPence(pence)}${after}` },
  });
  return [
    ...ageBands.map((b) => row(`Allowance, child ${b.name.toLowerCase()}`, rates[b.key], ' a week')),
    ...feeLevels.map((l) => row(`Fee, ${l.name}`, rates[l.key], ' a week')),
    row('Day care', rates.dayCareHourly, ' an hour'),
    row('Recommended Living Wage', rates.livingWageHourly, ' an hour'),
  ];
}

/** The warning when day care is paid below the recommended Living Wage (Target 6's day-care review), or null. */
export function dayCareWarning(rates: RateSet): string | null {
  if (rates.dayCareHourly >= rates.livingWageHourly) return null;
  return (
    `Day care is paid at ${formatPence(rates.dayCareHourly)} an hour, below the recommended Living Wage of ` +
    `${formatPence(rates.livingWageHourly)} an hour.`
  );
}

/** A set of rates as a row of the history table. */
export function historyRow(rates: RateSet, today: string) {
  return {
    from: formatDate(rates.effectiveFrom),
    when: rates.effectiveFrom > today ? 'To come' : 'Earlier',
    allowances: ageBands.map((b) => formatPence(rates[b.key])).join(', '),
    fees: feeLevels.map((l) => formatPence(rates[l.key])).join(', '),
    dayCare: `${formatPence(rates.dayCareHourly)} (Living Wage ${formatPence(rates.livingWageHourly)})`,
  };
}

/** An enhancement's review as a tag when it is overdue (red), or null. */
export function reviewTag(reviewDueOn: string, today: string) {
  if (reviewDueOn < today) return { text: 'Review overdue', classes: 'govuk-tag--red' };
  return null;
}

/** An enhancement in words, for the list, its page and its history. */
export function enhancementView(e: EnhancementRow, today: string) {
  return {
    id: e.id,
    child: `${e.childName} (${e.childReference})`,
    household: `${e.householdName} (${e.householdReference})`,
    amount: `${formatPence(e.weeklyAmount)} a week`,
    level: needLevelName(e.levelOfNeed),
    agreedOn: formatDate(e.agreedOn),
    reviewDueOn: formatDate(e.reviewDueOn),
    endedOn: e.endedOn ? formatDate(e.endedOn) : null,
    notes: e.notes,
    recordedBy: e.recordedByName,
    tag: e.endedOn || e.placementEnded ? null : reviewTag(e.reviewDueOn, today),
  };
}
