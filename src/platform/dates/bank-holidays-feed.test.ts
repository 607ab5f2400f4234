import { describe, expect, it } from 'vitest';
import {
  bankHolidayDivisionSchema,
  describeBankHolidayMerge,
  mergeBankHolidays,
  type BankHoliday,
} from './bank-holidays-feed.ts';

const holiday = (date: string, title: string, notes = ''): BankHoliday => ({
  title,
  date,
  notes,
  bunting: true,
});

describe('mergeBankHolidays', () => {
  const current = {
    division: 'england-and-wales' as const,
    events: [
      holiday('2024-12-25', 'Christmas Day'),
      holiday('2025-12-25', 'Christmas Day'),
      holiday('2025-12-26', 'Boxing Day'),
      holiday('2026-05-04', 'Early May bank holiday'),
    ],
  };
  // A feed covering 2025 and 2026: one note changed, one holiday moved, one added.
  const feed = {
    division: 'england-and-wales' as const,
    events: [
      holiday('2026-06-01', 'Extra bank holiday'),
      holiday('2025-12-25', 'Christmas Day'),
      holiday('2025-12-26', 'Boxing Day', 'Changed note'),
      holiday('2026-05-08', 'Early May bank holiday'),
    ],
  };
  const merge = mergeBankHolidays(current, feed);

  it('replaces the years the feed lists and keeps the others', () => {
    expect(merge.merged.events.map((e) => e.date)).toEqual([
      '2024-12-25', // kept: the feed has no 2024
      '2025-12-25',
      '2025-12-26',
      '2026-05-08', // moved: 2026-05-04 is gone, because 2026 comes from the feed
      '2026-06-01',
    ]);
    expect(merge.yearsFromFeed).toEqual([2025, 2026]);
    expect(merge.yearsKept).toEqual([2024]);
  });

  it('reports what was added, removed and changed', () => {
    expect(merge.added.map((e) => e.date)).toEqual(['2026-05-08', '2026-06-01']);
    expect(merge.removed.map((e) => e.date)).toEqual(['2026-05-04']);
    expect(merge.changed).toEqual([
      {
        before: holiday('2025-12-26', 'Boxing Day'),
        after: holiday('2025-12-26', 'Boxing Day', 'Changed note'),
      },
    ]);
    expect(describeBankHolidayMerge(merge)).toEqual([
      'Years from the feed: 2025-2026; years kept from the file: 2024.',
      'Added   2026-05-08 Early May bank holiday',
      'Added   2026-06-01 Extra bank holiday',
      'Removed 2026-05-04 Early May bank holiday',
      'Changed 2025-12-26: notes "" -> "Changed note"',
      '4 changes.',
    ]);
  });

  it('reports no changes for the same data', () => {
    const again = mergeBankHolidays(merge.merged, feed);
    expect(describeBankHolidayMerge(again).at(-1)).toBe('No changes.');
  });
});

describe('bankHolidayDivisionSchema', () => {
  it('rejects impossible dates, a date listed twice and another division', () => {
    const parse = (value: unknown) => bankHolidayDivisionSchema.safeParse(value).success;
    expect(parse({ division: 'england-and-wales', events: [holiday('2026-12-25', 'Christmas Day')] })).toBe(true);
    expect(parse({ division: 'england-and-wales', events: [holiday('2026-02-30', 'No such day')] })).toBe(false);
    const twice = [holiday('2026-12-25', 'Christmas Day'), holiday('2026-12-25', 'Christmas Day')];
    expect(parse({ division: 'england-and-wales', events: twice })).toBe(false);
    expect(parse({ division: 'scotland', events: [] })).toBe(false);
  });
});
