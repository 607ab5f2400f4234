/**
 * The demo's six-monthly reviews (scripts/demo/service-reviews.ts), as every test app has them:
 * the last three half-years that ended, every kind and area, mostly completed on time with their
 * figures kept, at least one late, and none completed before its half-year ended or after today;
 * so My work holds only the latest half-year's reviews not yet completed, as the list shows them.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { addMonths, todayInLondon } from '../../platform/dates/index.ts';
import { dueFor } from '../../platform/due/index.ts';
import { viewer } from '../home/test-support.ts';
import { latestEnded, periodSlug } from './periods.ts';
import { listReviews } from './queries.ts';
import { serviceReviewRuleIds } from './test-support.ts';

const t = testAppForFile();

describe('the demo’s six-monthly reviews', () => {
  it('has the last three half-years’ reviews of every kind and area, most completed on time, one or two late', async () => {
    const latest = latestEnded(todayInLondon());
    const rows = await queryRows<{
      kind: string;
      area_id: string | null;
      period_start: string;
      completed_on: string | null;
      on_time: boolean | null;
      has_figures: boolean;
      before_end: boolean;
    }>(
      t.database.db,
      sql`select kind, area_id, period_start::text as period_start, completed_on::text as completed_on,
          completed_on <= (period_start + interval '7 months' - interval '1 day')::date as on_time,
          figures is not null as has_figures, completed_on <= (period_start + interval '6 months' - interval '1 day')::date as before_end
        from service_reviews`,
    );
    const [areas] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from areas`);
    const places = 3 * (Number(areas!.n) + 3);
    const older = rows.filter((r) => r.period_start < latest);
    // The two half-years before the latest: every place written and completed.
    expect(older.length).toBe((places / 3) * 2);
    expect(older.every((r) => r.completed_on !== null && r.has_figures)).toBe(true);
    const halfYears = [addMonths(latest, -12), addMonths(latest, -6), latest];
    expect(rows.every((r) => halfYears.includes(r.period_start))).toBe(true);
    const completed = rows.filter((r) => r.completed_on !== null);
    const late = completed.filter((r) => r.on_time === false);
    expect(late.length).toBeGreaterThanOrEqual(1);
    expect(late.length / completed.length).toBeLessThan(0.3);
    expect(completed.some((r) => r.before_end)).toBe(false);
    expect(completed.every((r) => r.completed_on! <= todayInLondon())).toBe(true);
    expect(new Set(rows.map((r) => r.kind)).size).toBe(4);
  });

  it('leaves in My work only the latest half-year’s reviews not yet completed, none overdue for years', async () => {
    const today = todayInLondon();
    const head = await viewer(t.database.db, 'head');
    const items = await dueFor(t.database.db, head, { today, horizonDays: 31, ruleIds: serviceReviewRuleIds });
    const latest = periodSlug(latestEnded(today));
    expect(items.map((e) => e.href.split('/')[3])).toEqual(items.map(() => latest));
    const list = await listReviews(t.database.db, head, today, { kind: null, page: 1 });
    expect(items.length).toBe(list.overdue + list.due);
  });
});
