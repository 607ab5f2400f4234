import { describe, expect, it } from 'vitest';
import { datesInWords } from './format.ts';

describe('dates in words', () => {
  it('writes every calendar date in a sentence as a person reads it', () => {
    expect(datesInWords('Started 2026-06-01, due by 2026-06-08; assessed 2025-12-25')).toBe(
      'Started 1 June 2026, due by 8 June 2026; assessed 25 December 2025',
    );
  });

  it('leaves other numbers, references and empty text alone', () => {
    expect(datesInWords('H-000123, 3 of 10, score 2026')).toBe('H-000123, 3 of 10, score 2026');
    expect(datesInWords(null)).toBe('');
  });
});
