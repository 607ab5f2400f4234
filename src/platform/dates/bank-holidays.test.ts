import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bankHolidayDivisionSchema, formatBankHolidaysFile } from './bank-holidays-feed.ts';
import {
  bankHolidayOn,
  bankHolidaysIn,
  bankHolidaysKnownUntil,
  bankHolidaysRunOutWithin,
  calendarCoversYear,
  isBankHoliday,
} from './bank-holidays.ts';

const fileText = readFileSync(new URL('./bank-holidays.json', import.meta.url), 'utf8');
const events = bankHolidayDivisionSchema.parse(JSON.parse(fileText)).events;
const YEARS = Array.from({ length: 2028 - 2015 + 1 }, (_, i) => 2015 + i);

/** Worked independently of the code under test: plain UTC arithmetic. */
function utc(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}
function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 Sunday ... 6 Saturday
}

/** Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}
function plusDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return utc(y, m, d + days);
}

describe('the Easter algorithm used by these tests', () => {
  it('gives known Easter Sundays', () => {
    expect(easterSunday(2019)).toBe('2019-04-21');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2038)).toBe('2038-04-25'); // late as Easter can be
    expect(easterSunday(2285)).toBe('2285-03-22'); // early as Easter can be
  });
});

describe('bank-holidays.json', () => {
  it('lists Good Friday and Easter Monday around a computed Easter every year', () => {
    for (const year of YEARS) {
      const easter = easterSunday(year);
      expect(bankHolidayOn(plusDays(easter, -2))?.title, `${year}`).toBe('Good Friday');
      expect(bankHolidayOn(plusDays(easter, 1))?.title, `${year}`).toBe('Easter Monday');
    }
    // And by hand: Easter 2026 is 5 April, 2027 is 28 March.
    expect(bankHolidayOn('2026-04-03')?.title).toBe('Good Friday');
    expect(bankHolidayOn('2026-04-06')?.title).toBe('Easter Monday');
    expect(bankHolidayOn('2027-03-26')?.title).toBe('Good Friday');
    expect(bankHolidayOn('2027-03-29')?.title).toBe('Easter Monday');
  });

  it('puts every bank holiday on a weekday', () => {
    for (const event of events) {
      expect([0, 6], `${event.date} ${event.title}`).not.toContain(weekday(event.date));
    }
  });

  it('covers 2015 to 2028, in date order, with no date twice', () => {
    const dates = events.map((event) => event.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates[0]).toBe('2015-01-01');
    expect(dates.at(-1)).toBe('2028-12-26');
    for (const year of YEARS) expect(calendarCoversYear(year), `${year}`).toBe(true);
    expect(calendarCoversYear(2014)).toBe(false);
    expect(calendarCoversYear(2029)).toBe(false);
    expect(bankHolidaysIn(2029)).toEqual([]);
    expect(bankHolidaysKnownUntil()).toBe('2028-12-31');
  });

  it('has the eight usual holidays a year, plus the proclaimed ones', () => {
    // 2022: Platinum Jubilee (extra) and State Funeral (extra); 2023: Coronation (extra).
    const extra: Record<number, number> = { 2022: 2, 2023: 1 };
    for (const year of YEARS) {
      expect(bankHolidaysIn(year).length, `${year}`).toBe(8 + (extra[year] ?? 0));
    }
  });

  it('puts the August bank holiday on the last Monday in August', () => {
    for (const year of YEARS) {
      // Step back from 31 August to a Monday.
      let day = 31;
      while (weekday(utc(year, 8, day)) !== 1) day -= 1;
      expect(bankHolidayOn(utc(year, 8, day))?.title, `${year}`).toBe('Summer bank holiday');
    }
    expect(bankHolidayOn('2026-08-31')?.title).toBe('Summer bank holiday'); // 31 Aug 2026 is a Monday
  });

  it('has the holidays moved or added by proclamation', () => {
    // 2020: Early May moved from Monday 4 May to Friday 8 May (VE Day 75).
    expect(bankHolidayOn('2020-05-08')?.title).toBe('Early May bank holiday (VE day)');
    expect(isBankHoliday('2020-05-04')).toBe(false);
    // 2022: Spring bank holiday moved from Monday 30 May to Thursday 2 June, then the Jubilee.
    expect(bankHolidayOn('2022-06-02')?.title).toBe('Spring bank holiday');
    expect(bankHolidayOn('2022-06-03')?.title).toBe('Platinum Jubilee bank holiday');
    expect(isBankHoliday('2022-05-30')).toBe(false);
    expect(bankHolidayOn('2022-09-19')?.title).toBe('Bank Holiday for the State Funeral of Queen Elizabeth II');
    expect(bankHolidayOn('2023-05-08')?.title).toBe('Bank holiday for the coronation of King Charles III');
  });

  it('has substitute days when Christmas, Boxing Day or New Year fall at a weekend', () => {
    const substitutes: Array<[string, string]> = [
      ['2015-12-28', 'Boxing Day'], // Sat 26 Dec 2015 -> Mon 28
      ['2016-12-27', 'Christmas Day'], // Sun 25 Dec 2016: Boxing Day Mon 26, Christmas Tue 27
      ['2017-01-02', 'New Year’s Day'], // Sun 1 Jan 2017 -> Mon 2
      ['2020-12-28', 'Boxing Day'], // Sat 26 Dec 2020 -> Mon 28
      ['2021-12-27', 'Christmas Day'], // Sat 25 Dec 2021 -> Mon 27
      ['2021-12-28', 'Boxing Day'], // Sun 26 Dec 2021 -> Tue 28
      ['2022-01-03', 'New Year’s Day'], // Sat 1 Jan 2022 -> Mon 3
      ['2022-12-27', 'Christmas Day'], // Sun 25 Dec 2022 -> Tue 27
      ['2023-01-02', 'New Year’s Day'], // Sun 1 Jan 2023 -> Mon 2
      ['2026-12-28', 'Boxing Day'], // Sat 26 Dec 2026 -> Mon 28
      ['2027-12-27', 'Christmas Day'], // Sat 25 Dec 2027 -> Mon 27
      ['2027-12-28', 'Boxing Day'], // Sun 26 Dec 2027 -> Tue 28
      ['2028-01-03', 'New Year’s Day'], // Sat 1 Jan 2028 -> Mon 3
    ];
    for (const [date, title] of substitutes) {
      expect(bankHolidayOn(date), date).toMatchObject({ title, notes: 'Substitute day' });
    }
    expect(bankHolidayOn('2016-12-26')).toMatchObject({ title: 'Boxing Day', notes: '' });
    expect(isBankHoliday('2026-12-26')).toBe(false); // a Saturday: the holiday is the Monday
  });

  it('is written exactly as the refresh script writes it', () => {
    expect(formatBankHolidaysFile({ division: 'england-and-wales', events })).toBe(fileText);
  });

  it('rejects an invalid date in a lookup', () => {
    expect(() => bankHolidayOn('2026-12-32')).toThrow(/Not a calendar date/);
  });

  it('says the bank holidays run out from 12 months before the last day they are known for', () => {
    expect(bankHolidaysRunOutWithin('2027-12-31')).toBe(false);
    expect(bankHolidaysRunOutWithin('2028-01-01')).toBe(true);
    expect(bankHolidaysRunOutWithin('2026-12-06')).toBe(false);
    expect(bankHolidaysRunOutWithin('2028-06-30', 6)).toBe(false);
    expect(bankHolidaysRunOutWithin('2028-07-01', 6)).toBe(true);
    expect(bankHolidaysRunOutWithin('2029-03-01')).toBe(true);
  });
});
