import { describe, expect, it } from 'vitest';
import { calendarCoversYear } from './bank-holidays.ts';
import { addDays } from './iso-date.ts';
import { addWorkingDays, isWorkingDay, nextWorkingDay, workingDaysBetween } from './working-days.ts';

describe('isWorkingDay', () => {
  it('excludes weekends and bank holidays, substitute days included', () => {
    expect(isWorkingDay('2026-12-24')).toBe(true); // Thursday
    expect(isWorkingDay('2026-12-25')).toBe(false); // Friday, Christmas Day
    expect(isWorkingDay('2026-12-26')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-27')).toBe(false); // Sunday
    expect(isWorkingDay('2026-12-28')).toBe(false); // Monday, Boxing Day substitute
    expect(isWorkingDay('2026-12-29')).toBe(true); // Tuesday
  });

  it('treats only weekends as non-working outside the calendar years', () => {
    // 25 December 2030 is a Wednesday, but 2030 is not in the calendar.
    expect(calendarCoversYear(2030)).toBe(false);
    expect(isWorkingDay('2030-12-25')).toBe(true);
    expect(isWorkingDay('2030-12-28')).toBe(false); // Saturday
    expect(isWorkingDay('2014-12-25')).toBe(true); // Thursday, 2014 not covered
  });
});

describe('addWorkingDays', () => {
  it('counts the first working day after the date as day 1', () => {
    // Friday 5 June 2026, an ordinary week: Mon 8 (1), Tue 9 (2), Wed 10 (3), Thu 11 (4), Fri 12 (5).
    expect(addWorkingDays('2026-06-05', 5)).toBe('2026-06-12');
    expect(addWorkingDays('2026-06-08', 1)).toBe('2026-06-09'); // Monday + 1 = Tuesday
  });

  it('returns the date itself for 0 working days', () => {
    expect(addWorkingDays('2026-06-08', 0)).toBe('2026-06-08');
    expect(addWorkingDays('2026-06-06', 0)).toBe('2026-06-06'); // even a Saturday
  });

  it('skips Christmas and New Year 2026 (Boxing Day substitute on Monday 28)', () => {
    // From Thursday 24 Dec 2026: Fri 25 Christmas, Sat 26, Sun 27, Mon 28 Boxing Day (substitute),
    // Tue 29 (1), Wed 30 (2), Thu 31 (3), Fri 1 Jan New Year's Day, Sat 2, Sun 3, Mon 4 (4), Tue 5 (5).
    expect(addWorkingDays('2026-12-24', 5)).toBe('2027-01-05');
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
  });

  it('skips Christmas 2027 on a weekend: two substitute days, then New Year 2028 on a Saturday', () => {
    // From Friday 24 Dec 2027: Sat 25, Sun 26, Mon 27 and Tue 28 substitutes, Wed 29 (1), Thu 30 (2),
    // Fri 31 (3), Sat 1 Jan, Sun 2, Mon 3 New Year's Day substitute, Tue 4 (4).
    expect(addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
    expect(addWorkingDays('2027-12-24', 3)).toBe('2027-12-31');
    expect(addWorkingDays('2027-12-24', 4)).toBe('2028-01-04');
  });

  it('skips Christmas 2022 on a Sunday (Boxing Day Monday, Christmas substitute Tuesday)', () => {
    // From Friday 23 Dec 2022: Sat 24, Sun 25, Mon 26 Boxing Day, Tue 27 substitute, Wed 28 (1).
    expect(addWorkingDays('2022-12-23', 1)).toBe('2022-12-28');
  });

  it('skips Easter', () => {
    // Easter Sunday 2026 is 5 April. From Thursday 2 April: Good Friday 3, Sat 4, Sun 5,
    // Easter Monday 6, Tue 7 (1) ... Mon 13 (5).
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-02', 5)).toBe('2026-04-13');
  });

  it('skips the August bank holiday, also from a weekend start', () => {
    // The summer bank holiday 2026 is Monday 31 August.
    // From Friday 28 Aug: Sat 29, Sun 30, Mon 31 holiday, Tue 1 Sep (1).
    expect(addWorkingDays('2026-08-28', 1)).toBe('2026-09-01');
    // From Saturday 29 Aug, the same first working day; then Wed 2 (2) ... Mon 7 (5).
    expect(addWorkingDays('2026-08-29', 1)).toBe('2026-09-01');
    expect(addWorkingDays('2026-08-29', 5)).toBe('2026-09-07');
    // From Sunday 7 June 2026: Monday 8 is day 1.
    expect(addWorkingDays('2026-06-07', 1)).toBe('2026-06-08');
  });

  it('crosses the clock changes like any other weekend', () => {
    // Friday 27 March 2026 + 1: the clocks go forward on Sunday 29; Monday 30 is day 1.
    expect(addWorkingDays('2026-03-27', 1)).toBe('2026-03-30');
    // Friday 23 October 2026 + 1: the clocks go back on Sunday 25; Monday 26 is day 1.
    expect(addWorkingDays('2026-10-23', 1)).toBe('2026-10-26');
  });

  it('refuses a negative or fractional number of working days, and invalid dates', () => {
    expect(() => addWorkingDays('2026-06-05', -1)).toThrow(/0 or more/);
    expect(() => addWorkingDays('2026-06-05', 1.5)).toThrow(/whole number/);
    expect(() => addWorkingDays('2026-02-29', 1)).toThrow(/Not a calendar date/);
  });
});

describe('nextWorkingDay', () => {
  it('is the first working day after the date', () => {
    expect(nextWorkingDay('2026-12-24')).toBe('2026-12-29'); // over Christmas, weekend, Boxing Day substitute
    expect(nextWorkingDay('2026-12-31')).toBe('2027-01-04'); // over New Year's Day (Fri) and the weekend
    expect(nextWorkingDay('2026-06-08')).toBe('2026-06-09'); // an ordinary Monday
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first date, up to and including the second', () => {
    expect(workingDaysBetween('2026-12-24', '2027-01-05')).toBe(5); // worked out above
    expect(workingDaysBetween('2026-12-24', '2026-12-28')).toBe(0); // Fri holiday, weekend, Mon holiday
    expect(workingDaysBetween('2026-04-02', '2026-04-07')).toBe(1); // over Easter
    expect(workingDaysBetween('2026-06-05', '2026-06-05')).toBe(0);
  });

  it('is negative when the second date is earlier', () => {
    expect(workingDaysBetween('2027-01-05', '2026-12-24')).toBe(-5);
  });

  it('counts a whole year', () => {
    // 2026 has 365 days from Thursday 1 Jan: 52 weeks (260 weekdays) plus Thursday 31 Dec = 261.
    // After 1 Jan: 260 weekdays, less 7 weekday bank holidays (Good Friday, Easter Monday,
    // Early May, Spring, Summer, Christmas, Boxing Day substitute) = 253.
    expect(workingDaysBetween('2026-01-01', '2026-12-31')).toBe(253);
  });

  it('undoes addWorkingDays', () => {
    // From every day of 2026 and 2027, for 0 to 20 working days.
    for (let start = '2026-01-01'; start < '2028-01-01'; start = addDays(start, 1)) {
      for (const n of [0, 1, 5, 15, 20]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n)), `${start} + ${n}`).toBe(n);
      }
    }
  });
});
