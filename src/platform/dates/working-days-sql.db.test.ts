/** The SQL count of working days gives the same day as addWorkingDays, over weekends, Christmas and Easter. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { queryRows } from '../db/sql.ts';
import { addDays } from './iso-date.ts';
import { addWorkingDays } from './working-days.ts';
import { addWorkingDaysSql } from './working-days-sql.ts';

const t = testAppForFile({ seed: false });

describe('addWorkingDaysSql', () => {
  it('agrees with addWorkingDays for every day from December 2025 to May 2026 and 0, 1, 5 and 20 working days', async () => {
    const days = Array.from({ length: 180 }, (_, i) => addDays('2025-12-01', i));
    for (const n of [0, 1, 5, 20]) {
      const rows = await queryRows<{ day: string; due: string }>(
        t.database.db,
        sql`select x.day::text as day, ${addWorkingDaysSql(sql`x.day`, n)}::text as due
          from unnest(${sql.raw(`array[${days.map((d) => `'${d}'`).join(', ')}]::date[]`)}) as x(day) order by x.day`,
      );
      expect(rows.map((r) => [r.day, r.due])).toEqual(days.map((d) => [d, addWorkingDays(d, n)]));
    }
  });

  it('counts from Christmas Eve 2025 past the bank holidays: 20 working days on is 26 January 2026', async () => {
    const [row] = await queryRows<{ due: string }>(
      t.database.db,
      sql`select ${addWorkingDaysSql(sql`'2025-12-24'::date`, 20)}::text as due`,
    );
    expect(row!.due).toBe('2026-01-26');
    expect(addWorkingDays('2025-12-24', 20)).toBe('2026-01-26');
  });
});
