import { describe, expect, it } from 'vitest';
import { figureOf, ragOf, targetText } from './compute.ts';
import {
  financialMonthsElapsed,
  financialYearStart,
  isClosed,
  last12Months,
  periodOf,
  startsWithDeadlineBetween,
} from './periods.ts';
import type { Measure, MeasureRow } from './types.ts';

const measure = (over: Partial<Measure> = {}): Measure => ({
  id: 'test.measure',
  title: 'Test',
  definition: 'Test',
  standard: '',
  planTarget: '',
  unit: 'percentage',
  target: 90,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Met',
  order: 1,
  count: () => null,
  records: () => null,
  ...over,
});
const row = (met: boolean, days?: number): MeasureRow => ({
  recordType: 'x',
  recordId: 'x',
  label: 'x',
  href: '/',
  teamId: null,
  areaId: null,
  met,
  ...(days === undefined ? {} : { days }),
});

describe('periods', () => {
  it('a closed month is as at its last day; the current month as at today', () => {
    expect(periodOf('2026-02', '2026-11-22')).toEqual({
      month: '2026-02',
      from: '2026-02-01',
      asAt: '2026-02-28',
      current: false,
    });
    expect(periodOf('2026-11', '2026-11-22')).toEqual({
      month: '2026-11',
      from: '2026-11-01',
      asAt: '2026-11-22',
      current: true,
    });
    expect(isClosed('2026-10', '2026-11-01')).toBe(true);
    expect(isClosed('2026-11', '2026-11-30')).toBe(false);
  });

  it('12 months end with the month; the financial year starts on 1 April', () => {
    expect(last12Months('2026-03')).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(financialYearStart('2026-03-31')).toBe('2025-04-01');
    expect(financialYearStart('2026-04-01')).toBe('2026-04-01');
    expect(financialMonthsElapsed(periodOf('2026-04', '2026-11-22'))).toBe(1);
    expect(financialMonthsElapsed(periodOf('2026-03', '2026-11-22'))).toBe(12);
  });

  it('start dates whose 5-working-day deadline falls in a month', () => {
    // June 2026: Fri 22 May is due Mon 1 June (Mon 25 May is a bank holiday); Mon 22 June is due Mon 29 June,
    // Tue 23 June is due Tue 30 June, Wed 24 June is due Wed 1 July.
    expect(startsWithDeadlineBetween('2026-06-01', '2026-06-30', 5)).toEqual({
      first: '2026-05-22',
      last: '2026-06-23',
    });
  });
});

describe('figures and RAG', () => {
  it('a percentage of rows met, to one decimal place; nothing to count is no data', () => {
    expect(figureOf(measure(), [row(true), row(false), row(false)])).toEqual({
      numerator: 1,
      denominator: 3,
      value: 33.3,
    });
    expect(figureOf(measure(), [])).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(figureOf(measure({ unit: 'count' }), [row(true), row(true)])).toEqual({
      numerator: 2,
      denominator: null,
      value: 2,
    });
  });

  it('days: the mean of the rows met, or their median, the middle one or halfway between the two middle ones', () => {
    const rows = [row(true, 10), row(true, 200), row(true, 30), row(true, 40), row(false, 999)];
    expect(figureOf(measure({ unit: 'days' }), rows)).toEqual({ numerator: 280, denominator: 4, value: 70 });
    const median = measure({ unit: 'days', average: 'median' });
    expect(figureOf(median, rows)).toEqual({ numerator: 4, denominator: 5, value: 35 });
    expect(figureOf(median, rows.slice(0, 3))).toEqual({ numerator: 3, denominator: 3, value: 30 });
    expect(figureOf(median, [])).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it('green at the target, amber within the margin, red beyond; lower-is-better the other way', () => {
    const m = measure();
    expect([ragOf(m, 90, 90), ragOf(m, 80, 90), ragOf(m, 79.9, 90), ragOf(m, null, 90)]).toEqual([
      'green',
      'amber',
      'red',
      'none',
    ]);
    const lower = measure({ direction: 'lower', amberMargin: 5 });
    expect([ragOf(lower, 10, 10), ragOf(lower, 15, 10), ragOf(lower, 15.1, 10)]).toEqual(['green', 'amber', 'red']);
  });

  it('never rates a measure counted to show, not judged, and says it has no target', () => {
    const shown = measure({ unit: 'count', target: null });
    expect([ragOf(shown, 0, null), ragOf(shown, 12, null), ragOf(shown, null, null)]).toEqual([
      'unrated',
      'unrated',
      'unrated',
    ]);
    expect(targetText(shown, null, String)).toBe('None: counted to show, not judged');
  });
});
