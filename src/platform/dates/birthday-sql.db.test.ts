/** The SQL birthday is the same day as birthdayOn and ageOn: 29 February's is 1 March in a common year. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { queryRows } from '../db/sql.ts';
import { birthdaySql } from './birthday-sql.ts';
import { addDays, ageOn, birthdayOn } from './iso-date.ts';

const t = testAppForFile({ seed: false });

describe('birthdaySql', () => {
  it('gives the day birthdayOn gives, the first day ageOn counts the new age, for every day of 2008 and 2010', async () => {
    const born = [
      ...Array.from({ length: 366 }, (_, i) => addDays('2008-01-01', i)),
      ...Array.from({ length: 365 }, (_, i) => addDays('2010-01-01', i)),
    ];
    for (const years of [11, 18, 21]) {
      const rows = await queryRows<{ born: string; birthday: string }>(
        t.database.db,
        sql`select x.born::text as born, ${birthdaySql(sql`x.born`, years)}::text as birthday
          from unnest(${sql.raw(`array[${born.map((d) => `'${d}'`).join(', ')}]::date[]`)}) as x(born) order by x.born`,
      );
      expect(rows.map((r) => [r.born, r.birthday])).toEqual(born.map((d) => [d, birthdayOn(d, years)]));
      for (const { born: d, birthday } of rows) {
        expect([ageOn(d, addDays(birthday, -1)), ageOn(d, birthday)]).toEqual([years - 1, years]);
      }
    }
  });

  it('makes the 18th birthday of a child born on 29 February 2008 fall on 1 March 2026, and on 29 February in 2028', async () => {
    expect(birthdayOn('2008-02-29', 18)).toBe('2026-03-01');
    expect(birthdayOn('2008-02-29', 20)).toBe('2028-02-29');
    expect(birthdayOn('2008-03-01', 18)).toBe('2026-03-01');
    expect(birthdayOn('2010-06-15', 16)).toBe('2026-06-15');
    const [row] = await queryRows<{ day: string }>(
      t.database.db,
      sql`select ${birthdaySql(sql`'2008-02-29'::date`, 18)}::text as day`,
    );
    expect(row!.day).toBe('2026-03-01');
  });
});
