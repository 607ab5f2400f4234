import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addWeeks,
  addYears,
  ageOn,
  compareIsoDates,
  differenceInDays,
  isIsoDate,
  isWeekend,
  nowInLondon,
  parseIsoDate,
  todayInLondon,
} from './iso-date.ts';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** Runs the check with the process in each time zone: results must not depend on TZ. */
function inEachTimeZone(check: () => void): void {
  // London (the app), a zone whose clocks once jumped at midnight (Sao Paulo, 4 Nov 2018),
  // a half-hour change (Lord Howe), far ahead of and behind UTC.
  for (const zone of [
    'Europe/London',
    'America/Sao_Paulo',
    'Australia/Lord_Howe',
    'Pacific/Kiritimati',
    'America/Los_Angeles',
  ]) {
    process.env.TZ = zone;
    check();
  }
}

describe('isIsoDate and parseIsoDate', () => {
  it('accepts real calendar dates, leap days included', () => {
    expect(isIsoDate('2026-12-24')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true); // 2024 divides by 4: a leap year
    expect(isIsoDate('2000-02-29')).toBe(true); // 2000 divides by 400: a leap year
    expect(parseIsoDate('2026-01-31')).toBe('2026-01-31');
  });

  it('rejects dates that do not exist', () => {
    expect(isIsoDate('2026-02-29')).toBe(false); // 2026 is not a leap year
    expect(isIsoDate('1900-02-29')).toBe(false); // 1900 is a century not divisible by 400
    expect(isIsoDate('2026-04-31')).toBe(false); // April has 30 days
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-12-00')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false); // there is no year 0
  });

  it('rejects other shapes and non-strings', () => {
    for (const value of ['2026-1-5', '24/12/2026', '2026-12-24T00:00:00Z', ' 2026-12-24', '20261224', '', 'tomorrow']) {
      expect(isIsoDate(value), value).toBe(false);
    }
    for (const value of [20261224, null, undefined, new Date(), {}]) {
      expect(isIsoDate(value)).toBe(false);
    }
  });

  it('says which value was wrong', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow(/Not a calendar date: "2026-02-30"/);
    expect(() => parseIsoDate(42)).toThrow(RangeError);
    expect(() => addDays('31/01/2026', 1)).toThrow(/31\/01\/2026/);
  });

  it('does not depend on the process time zone (Samoa skipped 2011-12-30 locally)', () => {
    process.env.TZ = 'Pacific/Apia';
    expect(isIsoDate('2011-12-30')).toBe(true); // it is a real date in London
  });
});

describe('todayInLondon', () => {
  it('is the UTC date in winter (GMT)', () => {
    // 15 January: London is on GMT, UTC+0, so 23:30 UTC is 23:30 on the 15th.
    expect(todayInLondon(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-15');
  });

  it('is an hour ahead of UTC in summer (BST)', () => {
    // 15 July: London is on BST, UTC+1, so 23:30 UTC is 00:30 on the 16th.
    expect(todayInLondon(new Date('2026-07-15T23:30:00Z'))).toBe('2026-07-16');
  });

  it('switches at the March clock change (01:00 UTC, Sunday 29 March 2026)', () => {
    // Before the change: GMT, 00:59 UTC is 00:59 on the 29th.
    expect(todayInLondon(new Date('2026-03-29T00:59:00Z'))).toBe('2026-03-29');
    // The Saturday evening before is still GMT: 23:30 UTC is 23:30 on the 28th.
    expect(todayInLondon(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    // That Sunday evening is BST: 23:30 UTC is 00:30 on Monday the 30th.
    expect(todayInLondon(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
  });

  it('switches at the October clock change (01:00 UTC, Sunday 25 October 2026)', () => {
    // The Saturday evening is still BST: 23:30 UTC is 00:30 on Sunday the 25th.
    expect(todayInLondon(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
    // That Sunday evening is GMT: 23:30 UTC is 23:30 on the 25th.
    expect(todayInLondon(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25');
  });

  it('is the London date whatever the process time zone', () => {
    // 2026-07-15T23:30Z is 00:30 on the 16th in London; 08:30 on the 16th in Tokyo; 16:30 on the 15th in Los Angeles.
    for (const zone of ['Asia/Tokyo', 'America/Los_Angeles', 'UTC']) {
      process.env.TZ = zone;
      expect(todayInLondon(new Date('2026-07-15T23:30:00Z')), zone).toBe('2026-07-16');
    }
  });

  it('rejects an invalid Date', () => {
    expect(() => todayInLondon(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('addDays, addWeeks and differenceInDays across clock changes', () => {
  it('counts calendar days, not 24-hour periods', () => {
    inEachTimeZone(() => {
      // Sat 28 March 2026 to Mon 30 March: 2 days, though only 47 hours in London.
      expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
      expect(addDays('2026-03-30', -2)).toBe('2026-03-28');
      expect(differenceInDays('2026-03-30', '2026-03-28')).toBe(2);
      // Sat 24 October to Mon 26 October: 2 days, 49 hours in London.
      expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
      expect(differenceInDays('2026-10-26', '2026-10-24')).toBe(2);
      // Sao Paulo's clocks jumped from 00:00 to 01:00 on 4 November 2018.
      expect(addDays('2018-11-03', 1)).toBe('2018-11-04');
      expect(addDays('2018-11-04', 1)).toBe('2018-11-05');
      // Wed 25 March + 1 week = Wed 1 April, across the change on the 29th.
      expect(addWeeks('2026-03-25', 1)).toBe('2026-04-01');
    });
  });

  it('crosses month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29'); // 2024 is a leap year
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01'); // 2026 is not
    expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04'); // 28 + 7 = 35 = 31 Dec + 4
    expect(addDays('2026-06-15', 0)).toBe('2026-06-15');
  });

  it('differenceInDays is later minus earlier', () => {
    expect(differenceInDays('2024-03-01', '2024-02-28')).toBe(2); // via 29 February
    expect(differenceInDays('2026-03-01', '2026-02-28')).toBe(1);
    expect(differenceInDays('2025-01-01', '2024-01-01')).toBe(366); // 2024 is a leap year
    expect(differenceInDays('2027-01-01', '2026-01-01')).toBe(365);
    expect(differenceInDays('2026-01-01', '2026-01-11')).toBe(-10);
  });

  it('refuses fractional amounts', () => {
    expect(() => addDays('2026-01-01', 1.5)).toThrow(/whole number/);
    expect(() => addMonths('2026-01-01', Number.NaN)).toThrow(/whole number/);
  });
});

describe('addMonths and addYears', () => {
  it('clamps to the end of a shorter month', () => {
    inEachTimeZone(() => {
      expect(addMonths('2026-01-31', 1)).toBe('2026-02-28'); // February 2026 has 28 days
      expect(addMonths('2024-01-31', 1)).toBe('2024-02-29'); // February 2024 has 29
      expect(addMonths('2026-08-31', 1)).toBe('2026-09-30'); // September has 30
      expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
      expect(addMonths('2026-10-31', 4)).toBe('2027-02-28'); // Nov, Dec, Jan, Feb 2027
      expect(addMonths('2025-12-31', 2)).toBe('2026-02-28');
    });
  });

  it('keeps the day when the month has it', () => {
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15');
    expect(addMonths('2026-03-29', 6)).toBe('2026-09-29');
  });

  it('moves 29 February to 28 February in a common year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29'); // 2028 is a leap year
    expect(addYears('2026-06-30', -10)).toBe('2016-06-30');
  });
});

describe('compareIsoDates and isWeekend', () => {
  it('orders dates', () => {
    expect(compareIsoDates('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compareIsoDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(compareIsoDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(['2026-12-24', '2015-01-01', '2026-02-03'].sort(compareIsoDates)).toEqual([
      '2015-01-01',
      '2026-02-03',
      '2026-12-24',
    ]);
  });

  it('knows Saturdays and Sundays', () => {
    inEachTimeZone(() => {
      // 1 January 2026 is a Thursday, so 3 and 4 January are the weekend.
      expect(isWeekend('2026-01-01')).toBe(false);
      expect(isWeekend('2026-01-03')).toBe(true);
      expect(isWeekend('2026-01-04')).toBe(true);
      expect(isWeekend('2026-01-05')).toBe(false);
    });
  });
});

describe('ageOn', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2010-06-15', '2026-06-14')).toBe(15); // the day before the 16th birthday
    expect(ageOn('2010-06-15', '2026-06-15')).toBe(16); // the birthday
    expect(ageOn('2010-06-15', '2010-06-15')).toBe(0); // the day of birth
    expect(ageOn('2008-12-31', '2026-01-01')).toBe(17); // 18th birthday is 31 Dec 2026
  });

  it('gives a 29 February birthday on 1 March in a common year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20); // 2028 is a leap year
  });

  it('refuses a date before birth', () => {
    expect(() => ageOn('2026-06-15', '2026-06-14')).toThrow(/before the date of birth/);
  });
});

describe('nowInLondon', () => {
  it('reads the day and the time now on London’s clock, in summer and in winter', () => {
    expect(nowInLondon(new Date('2026-07-01T23:30:00Z'))).toEqual({ today: '2026-07-02', time: '00:30' });
    expect(nowInLondon(new Date('2026-11-14T21:05:00Z'))).toEqual({ today: '2026-11-14', time: '21:05' });
    expect(nowInLondon(new Date('2026-11-14T00:00:00Z'))).toEqual({ today: '2026-11-14', time: '00:00' });
  });
});
