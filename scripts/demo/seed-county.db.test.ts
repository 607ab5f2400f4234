/**
 * The county demo's connected persons approved as foster carers (connected-persons-history.ts): the
 * small demo has none, so the county demo is loaded here, once, in a file of its own.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/client.ts';
import { addDays, todayInLondon } from '../../src/platform/dates/index.ts';
import { addMonthsToMonth, countMeasure, currentMonth, periodOf } from '../../src/platform/measures/index.ts';
import { decidedInTime } from '../../src/modules/connected-persons/measures.ts';
import { createTestDatabase } from '../../test/support/db.ts';
import { count, overPlaces, placedOutsideApproval, rows } from './seed-checks.ts';
import { seedDemo } from './seed.ts';

const PASSWORD = 'seed-county-test-password';

describe('the county demo’s connected persons approved as foster carers', () => {
  // The small demo has no family and friends household approved lately with a supervising social
  // worker (its one, Webb, has none), so none of its children came under temporary approval: the
  // county demo's do. Loaded once, for these tests only.
  let county: Database;
  const today = todayInLondon();
  /** The temporary approvals of households approved as foster carers since. */
  const decided = sql`temporary_approvals ta join households h on h.id = ta.household_id
    where h.status = 'approved' and h.approved_on >= ta.approved_on`;

  beforeAll(async () => {
    county = await createTestDatabase();
    await seedDemo(county.db, { password: PASSWORD, scale: 'county', onProgress: () => {} });
  }, 300_000);

  afterAll(async () => {
    await county?.close();
  });

  it('began with a child placed under temporary approval: most decided in time, some extended, a few after it ran out', async () => {
    const approvals = await rows<{
      approved_on: string;
      expires_on: string;
      extended_on: string | null;
      extended_until: string | null;
      panel_views_sought_on: string | null;
      iro_informed: boolean | null;
      household_approved_on: string;
      placed_on: string | null;
      lived_there: boolean;
    }>(
      county,
      sql`select ta.approved_on::text, ta.expires_on::text, ta.extended_on::text, ta.extended_until::text,
          ta.panel_views_sought_on::text, ta.iro_informed, h.approved_on::text as household_approved_on,
          (select min(p.start_date)::text from placements p where p.child_id = ta.child_id and p.household_id = h.id) as placed_on,
          (select c.looked_after_since = ta.approved_on from children c where c.id = ta.child_id) as lived_there
        from ${decided}`,
    );
    const inTime = approvals.filter((a) => a.household_approved_on <= (a.extended_until ?? a.expires_on));
    const extended = approvals.filter((a) => a.extended_on !== null);
    expect(approvals.length).toBeGreaterThanOrEqual(3);
    expect(inTime.length).toBeGreaterThan(approvals.length / 2);
    expect(inTime.length).toBeLessThan(approvals.length);
    expect(extended.length).toBeGreaterThanOrEqual(1);
    for (const a of approvals) {
      expect(a.placed_on).toBe(a.approved_on);
      expect(a.lived_there).toBe(true);
      expect(a.household_approved_on < today).toBe(true);
    }
    for (const a of extended) {
      expect(a.panel_views_sought_on! < a.extended_on!).toBe(true);
      expect(a.extended_on! < a.expires_on).toBe(true);
      expect(a.extended_until! <= addDays(a.expires_on, 56)).toBe(true);
      expect(a.iro_informed).toBe(true);
    }
    // The months before this one have decisions on the scorecard.
    expect(approvals.some((a) => a.household_approved_on < `${currentMonth(today)}-01`)).toBe(true);
  });

  it('counts the assessments decided in a closed month on the scorecard', async () => {
    const months = Array.from({ length: 18 }, (_, n) => addMonthsToMonth(currentMonth(today), -1 - n));
    const figures = [];
    for (const month of months) {
      const { figures: counted } = await countMeasure(county.db, decidedInTime, periodOf(month, today));
      figures.push(counted[0]!);
    }
    const decidedMonths = figures.filter((f) => Number(f.denominator) > 0);
    expect(decidedMonths.length).toBeGreaterThanOrEqual(2);
    expect(decidedMonths.some((f) => f.numerator > 0)).toBe(true);
  });

  it('keeps the children within their carers’ places once approved, lists them at supervisions and reviews, and leaves nothing of theirs overdue', async () => {
    expect(await count(county, overPlaces)).toBe(0);
    expect(await count(county, placedOutsideApproval)).toBe(0);
    const children = sql`select ta.child_id from ${decided}`;
    const unlisted = await count(
      county,
      sql`select count(*)::int as n from supervisions s join placements p on p.household_id = s.household_id
          and p.start_date <= s.visit_date and (p.end_date is null or p.end_date >= s.visit_date)
        where p.child_id in (${children}) and not exists (select 1 from supervision_children sc
          where sc.supervision_id = s.id and sc.child_id = p.child_id)`,
    );
    expect(unlisted).toBe(0);
    const reviewed = await count(
      county,
      sql`select count(*)::int as n from review_children rc where rc.child_id in (${children})`,
    );
    expect(reviewed).toBeGreaterThanOrEqual(1);
    const overdue = await rows<{ rule_id: string; label: string }>(
      county,
      sql`select rule_id, label from due_items where due_on < ${today}
          and (record_id in (${children}) or child_id in (${children}))
          and (shown_until is null or shown_until > ${today}) and (shown_from is null or shown_from <= ${today})`,
    );
    expect(overdue).toEqual([]);
  });
});
