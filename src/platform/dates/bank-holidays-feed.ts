/**
 * The shape of England and Wales bank holiday data (GOV.UK's bank-holidays.json format), and
 * the merge of a fresh GOV.UK feed into Hearth's own copy (used by scripts/refresh-bank-holidays.ts).
 */
import { z } from 'zod';
import { compareIsoDates, isIsoDate, type IsoDate } from './iso-date.ts';

export const bankHolidaySchema = z.object({
  title: z.string().min(1),
  date: z.string().refine(isIsoDate, 'must be a real calendar date written YYYY-MM-DD'),
  notes: z.string(),
  bunting: z.boolean(),
});

/** One bank holiday, as GOV.UK lists it: `notes` is "Substitute day" for a moved holiday. */
export type BankHoliday = z.infer<typeof bankHolidaySchema>;

export const bankHolidayDivisionSchema = z
  .object({
    division: z.literal('england-and-wales'),
    events: z.array(bankHolidaySchema),
  })
  .superRefine((division, context) => {
    const seen = new Set<string>();
    division.events.forEach((event, index) => {
      if (seen.has(event.date)) {
        context.addIssue({
          code: 'custom',
          path: ['events', index, 'date'],
          message: `${event.date} is listed twice`,
        });
      }
      seen.add(event.date);
    });
  });

/** England and Wales bank holidays: the content of bank-holidays.json. */
export type BankHolidayDivision = z.infer<typeof bankHolidayDivisionSchema>;

/** https://www.gov.uk/bank-holidays.json: only the England and Wales division is read. */
export const govUkBankHolidaysFeedSchema = z.object({
  'england-and-wales': bankHolidayDivisionSchema,
});

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export interface ChangedBankHoliday {
  before: BankHoliday;
  after: BankHoliday;
}

export interface BankHolidayMerge {
  /** The new content of bank-holidays.json, in date order. */
  merged: BankHolidayDivision;
  added: BankHoliday[];
  removed: BankHoliday[];
  /** Same date, different title, notes or bunting. */
  changed: ChangedBankHoliday[];
  /** Years whose holidays now come from the feed. */
  yearsFromFeed: number[];
  /** Years the feed does not list, kept as they were in the file. */
  yearsKept: number[];
}

function byDate(a: BankHoliday, b: BankHoliday): number {
  return compareIsoDates(a.date, b.date);
}

function sameEvent(a: BankHoliday, b: BankHoliday): boolean {
  return a.title === b.title && a.notes === b.notes && a.bunting === b.bunting;
}

/**
 * Merges a feed into the current data, a whole year at a time: every year the feed lists is
 * replaced by the feed's holidays for that year (so a holiday moved by proclamation loses its
 * old date), and every year the feed does not list (GOV.UK drops old years) is kept as it is.
 */
export function mergeBankHolidays(current: BankHolidayDivision, feed: BankHolidayDivision): BankHolidayMerge {
  const feedYears = new Set(feed.events.map((event) => yearOf(event.date)));
  const kept = current.events.filter((event) => !feedYears.has(yearOf(event.date)));
  const events = [...kept, ...feed.events].sort(byDate);

  const before = new Map(current.events.map((event) => [event.date, event]));
  const after = new Map(events.map((event) => [event.date, event]));
  const added = events.filter((event) => !before.has(event.date));
  const removed = current.events.filter((event) => !after.has(event.date)).sort(byDate);
  const changed: ChangedBankHoliday[] = [];
  for (const event of events) {
    const old = before.get(event.date);
    if (old && !sameEvent(old, event)) changed.push({ before: old, after: event });
  }

  return {
    merged: { division: 'england-and-wales', events },
    added,
    removed,
    changed,
    yearsFromFeed: [...feedYears].sort((a, b) => a - b),
    yearsKept: [...new Set(kept.map((event) => yearOf(event.date)))].sort((a, b) => a - b),
  };
}

function describeEvent(event: BankHoliday): string {
  return `${event.date} ${event.title}${event.notes ? ` (${event.notes})` : ''}`;
}

function describeYears(years: number[]): string {
  if (years.length === 0) return 'none';
  const ranges: string[] = [];
  let start = years[0] as number;
  let end = start;
  for (const year of [...years.slice(1), Number.NaN]) {
    if (year === end + 1) {
      end = year;
      continue;
    }
    ranges.push(start === end ? `${start}` : `${start}-${end}`);
    start = year;
    end = year;
  }
  return ranges.join(', ');
}

/** What a merge changed, one line per holiday, for people to read. */
export function describeBankHolidayMerge(merge: BankHolidayMerge): string[] {
  const lines = [
    `Years from the feed: ${describeYears(merge.yearsFromFeed)}; ` +
      `years kept from the file: ${describeYears(merge.yearsKept)}.`,
  ];
  for (const event of merge.added) lines.push(`Added   ${describeEvent(event)}`);
  for (const event of merge.removed) lines.push(`Removed ${describeEvent(event)}`);
  for (const { before, after } of merge.changed) {
    const fields = (['title', 'notes', 'bunting'] as const)
      .filter((field) => before[field] !== after[field])
      .map((field) => `${field} ${JSON.stringify(before[field])} -> ${JSON.stringify(after[field])}`);
    lines.push(`Changed ${after.date}: ${fields.join(', ')}`);
  }
  const count = merge.added.length + merge.removed.length + merge.changed.length;
  lines.push(count === 0 ? 'No changes.' : `${count} change${count === 1 ? '' : 's'}.`);
  return lines;
}

/** bank-holidays.json as text: one holiday per line, so a refresh reads well in a diff. */
export function formatBankHolidaysFile(division: BankHolidayDivision): string {
  const lines = division.events.map(
    (event) =>
      `    { "title": ${JSON.stringify(event.title)}, "date": ${JSON.stringify(event.date)}, ` +
      `"notes": ${JSON.stringify(event.notes)}, "bunting": ${event.bunting} }`,
  );
  return `{\n  "division": "england-and-wales",\n  "events": [\n${lines.join(',\n')}\n  ]\n}\n`;
}
