import { describe, expect, it } from 'vitest';
import { datesInWords, formatCount, formatDate, formatDateTime, lowerFirst, named } from './format.ts';
import { createNunjucksEnvironment } from './nunjucks.ts';
import { pagination } from './pagination.ts';

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

describe('dates on a page', () => {
  it('writes a calendar date as GOV.UK does, the same in any time zone', () => {
    const original = process.env.TZ;
    try {
      for (const zone of ['Europe/London', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = zone;
        expect(formatDate('2026-10-26')).toBe('26 October 2026');
        expect(formatDate('2024-02-29')).toBe('29 February 2024');
        expect(formatDate('2027-01-01')).toBe('1 January 2027');
      }
    } finally {
      process.env.TZ = original;
    }
  });

  it('writes an instant as its day in London, and nothing for what is not a date', () => {
    // 23:30 UTC on 31 August is 00:30 on 1 September in London (BST).
    expect(formatDate(new Date('2026-08-31T23:30:00Z'))).toBe('1 September 2026');
    expect(formatDateTime(new Date('2026-12-03T14:05:00Z'))).toBe('3 December 2026 at 2:05pm');
    expect(formatDate('not a date')).toBe('');
    expect(formatDate(null)).toBe('');
  });
});

describe('numbers on a page', () => {
  it('writes numbers from 1,000 on with commas, as GOV.UK does', () => {
    expect(formatCount(46025)).toBe('46,025');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(161.5)).toBe('161.5');
  });

  it('writes a count the database gave as text the same way, and leaves words and blanks alone', () => {
    expect(formatCount('82283')).toBe('82,283');
    expect(formatCount('No data')).toBe('No data');
    expect(formatCount('')).toBe('');
    expect(formatCount(null)).toBe('');
  });

  it('says which records of a long list are shown, with the count in words a person reads', () => {
    const env = createNunjucksEnvironment();
    const line = (total: number, page = 1) =>
      env.renderString('{% from "list-macros.njk" import showing %}{{ showing(p, "household", "households") }}', {
        p: pagination('/households', page, 25, total),
      });
    expect(line(46025, 2)).toContain('Showing 26 to 50 of 46,025 households.');
    expect(line(46025, 1841)).toContain('Showing 46,001 to 46,025 of 46,025 households.');
    expect(line(1)).toContain('Showing 1 to 1 of 1 household.');
    expect(env.renderString('{{ n | count }} overdue', { n: 6899 })).toBe('6,899 overdue');
  });
});

describe('trimming a block on a page', () => {
  it("removes the spaces and line ends around a component's content, and keeps markup safe or escaped as it was", () => {
    const env = createNunjucksEnvironment();
    const wrapped =
      '{% macro box() %}[{{ caller() | trim }}]{% endmacro %}{% call box() %}\n    <b>{{ name }}</b>\n\t  {% endcall %}';
    expect(env.renderString(wrapped, { name: 'Ellis & Co' })).toBe('[<b>Ellis &amp; Co</b>]');
    expect(env.renderString('[{{ text | trim }}]', { text: ' \u00a0 <i>typed</i>\n ' })).toBe(
      '[&lt;i&gt;typed&lt;/i&gt;]',
    );
    expect(env.renderString('[{{ missing | trim }}]', {})).toBe('[]');
  });
});

describe('codes in words', () => {
  const outcomes = { substantiated: 'Substantiated', unfounded: 'Unfounded' };
  it('names a code from its list, shows a code no longer listed as it is, and nothing for none', () => {
    expect(named(outcomes, 'unfounded')).toBe('Unfounded');
    expect(named(outcomes, 'withdrawn_2019')).toBe('withdrawn_2019');
    expect(named(outcomes, null)).toBe('');
    expect(named(outcomes, undefined)).toBe('');
  });
  it('starts a sentence’s middle with a small letter', () => {
    expect(lowerFirst('Substantiated allegation')).toBe('substantiated allegation');
    expect(lowerFirst('')).toBe('');
  });
});
