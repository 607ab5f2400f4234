import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../test/support/app.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { measureRecords, periodOf, currentMonth } from '../../src/platform/measures/index.ts';
import { todayInLondon } from '../../src/platform/dates/index.ts';
import { inHousePlacementRate } from '../../src/modules/placements/in-house-measure.ts';
import { agencyPlacementsOf, writeAgencyPlacements } from './agency-placements.ts';
import { dayOf } from './days.ts';
import { buildDemo } from './model.ts';

const t = testAppForFile();

describe('writing the demo’s agency placements', () => {
  it('writes one row per planned agency placement, never alongside an open in-house one, and the rate counts them', async () => {
    const db = t.database.db;
    const today = todayInLondon();
    const demo = buildDemo('small', dayOf(today));
    const planned = agencyPlacementsOf(demo);
    expect(planned.length).toBeGreaterThan(0);
    // Whether or not seed.ts already wrote them, write them here from a clean table (without the demo's visits during them).
    await db.execute(sql`delete from child_visits where agency_placement_id is not null`);
    await db.execute(sql`delete from agency_placements`);
    expect(await writeAgencyPlacements(db, demo)).toBe(planned.length);

    const [overlap] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from agency_placements a join placements p on p.child_id = a.child_id
          where p.start_date < coalesce(a.end_date, 'infinity'::date) and a.start_date < coalesce(p.end_date, 'infinity'::date)`,
    );
    expect(Number(overlap!.n)).toBe(0);

    const running = (p: { start: number; end: number | null }) =>
      p.start <= dayOf(today) && (p.end === null || p.end > dayOf(today));
    const withAgency = new Set(planned.filter(running).map((p) => p.childId));
    const rows = await measureRecords(db, inHousePlacementRate, periodOf(currentMonth(today), today));
    expect(new Set(rows.filter((r) => !r.met).map((r) => r.recordId))).toEqual(withAgency);
    expect(rows.filter((r) => r.met).length).toBeGreaterThan(0);
  });
});
