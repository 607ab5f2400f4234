import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, timeBetweenInWords } from './index.ts';

describe('timeBetweenInWords: how long something has been overdue', () => {
  it('counts days exactly under 8 weeks', () => {
    expect(timeBetweenInWords('2026-12-01', '2026-12-01')).toBe('0 days');
    expect(timeBetweenInWords('2026-11-30', '2026-12-01')).toBe('1 day');
    expect(timeBetweenInWords('2026-11-28', '2026-12-01')).toBe('3 days');
    // 30 October to 1 December: 2 days of October, 30 of November = 32 days.
    expect(timeBetweenInWords('2026-10-30', '2026-12-01')).toBe('32 days');
    expect(timeBetweenInWords('2026-10-07', '2026-12-01')).toBe('55 days');
  });

  it('then whole calendar months, "over" when days are left over', () => {
    // 56 days before 1 December is 6 October: 1 month and 25 days.
    expect(timeBetweenInWords('2026-10-06', '2026-12-01')).toBe('over 1 month');
    expect(timeBetweenInWords('2026-10-01', '2026-12-01')).toBe('2 months');
    expect(timeBetweenInWords('2025-12-02', '2026-12-01')).toBe('over 11 months');
  });

  it('then whole years', () => {
    expect(timeBetweenInWords('2025-12-01', '2026-12-01')).toBe('1 year');
    expect(timeBetweenInWords('2011-06-30', '2026-12-01')).toBe('over 15 years');
    // Born on 29 February: a year on is 28 February in a common year.
    expect(timeBetweenInWords('2024-02-29', '2025-02-28')).toBe('1 year');
  });

  it('says the same as counting whole years, then months, one at a time, across month ends and leap days', () => {
    // The words as first written: count up a year (then a month) at a time while it does not pass `to`.
    const counted = (from: string, to: string) => {
      let years = 0;
      while (addYears(from, years + 1) <= to) years += 1;
      if (years >= 1) return `${addYears(from, years) < to ? 'over ' : ''}${years} year${years === 1 ? '' : 's'}`;
      let months = 1;
      while (addMonths(from, months + 1) <= to) months += 1;
      return `${addMonths(from, months) < to ? 'over ' : ''}${months} month${months === 1 ? '' : 's'}`;
    };
    const froms = ['2024-01-31', '2024-02-29', '2023-03-31', '2020-08-31', '2011-06-30', '2025-12-31'];
    let compared = 0;
    for (const from of froms) {
      for (let gap = 56; gap < 6000; gap += 13) {
        const to = addDays(from, gap);
        expect(timeBetweenInWords(from, to), `${from} to ${to}`).toBe(counted(from, to));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(2500);
  });
});
