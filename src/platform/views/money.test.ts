/** Money as people type it, kept in pence and shown as GOV.UK writes it. */
import { describe, expect, it } from 'vitest';
import { formatPence, moneyField, parsePence } from './money.ts';

describe('money', () => {
  it('reads "£195.50", "195.5", "195" and "£1,250" as pence', () => {
    expect(parsePence('£195.50')).toBe(19_550);
    expect(parsePence('195.5')).toBe(19_550);
    expect(parsePence('195')).toBe(19_500);
    expect(parsePence(' £ 1,250 ')).toBe(125_000);
    expect(parsePence('0')).toBe(0);
  });

  it('refuses what is not an amount of money', () => {
    for (const typed of ['abc', '19.555', '£', '1,25', '12.5.0', '']) expect(parsePence(typed), typed).toBeNull();
  });

  it('writes pence as pounds with two decimals and commas', () => {
    expect(formatPence(19_550)).toBe('£195.50');
    expect(formatPence(0)).toBe('£0.00');
    expect(formatPence(125_000)).toBe('£1,250.00');
  });

  it('gives a box its GOV.UK-style message', () => {
    const field = moneyField('Day care hourly rate');
    expect(field.safeParse('').error?.issues[0]?.message).toBe('Enter the day care hourly rate');
    expect(field.safeParse('lots').error?.issues[0]?.message).toBe(
      'Day care hourly rate must be an amount of money, like 195.50',
    );
    expect(field.safeParse('-3').error?.issues[0]?.message).toBe('Day care hourly rate must be £0 or more');
    expect(field.safeParse('20000').error?.issues[0]?.message).toBe('Day care hourly rate must be £10,000 or less');
    expect(field.parse('11.5')).toBe(1_150);
  });
});
