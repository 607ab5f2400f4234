/**
 * A median counted in the database: percentile_cont(0.5) over the rows met, for the whole service,
 * each area and each team in one grouping-sets query, on a fixture worked out by hand.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { countMeasure } from './compute.ts';
import { periodOf } from './periods.ts';
import type { Measure } from './types.ts';

const t = testAppForFile();
const north = '00000000-0000-4000-8000-00000000000a';
const south = '00000000-0000-4000-8000-00000000000b';
const team1 = '00000000-0000-4000-8000-000000000001';
const team2 = '00000000-0000-4000-8000-000000000002';
const team3 = '00000000-0000-4000-8000-000000000003';

/** Days per record: team 1 (north) 10, 20, 90; team 2 (north) 40; team 3 (south) 5 and 7, and 500 not met. */
const fixture = sql`select v.team_id::uuid as team_id, v.area_id::uuid as area_id, v.met, v.days
  from (values (${team1}, ${north}, true, 10), (${team1}, ${north}, true, 20), (${team1}, ${north}, true, 90),
    (${team2}, ${north}, true, 40), (${team3}, ${south}, true, 5), (${team3}, ${south}, true, 7),
    (${team3}, ${south}, false, 500)) v(team_id, area_id, met, days)`;

const measure = (average: Measure['average']): Measure => ({
  id: 'test.days',
  title: 'Days',
  definition: 'Days',
  standard: '',
  planTarget: '',
  unit: 'days',
  average,
  target: 30,
  direction: 'lower',
  amberMargin: 5,
  metLabel: 'Done',
  order: 1,
  count: () => fixture,
  records: () => null,
});

const byScope = (figures: { scopeKind: string; scopeId: string; value: number | null }[]) =>
  Object.fromEntries(figures.map((f) => [`${f.scopeKind}:${f.scopeId}`, f.value]));

describe('a measure in days', () => {
  it('gives the median of the days met for the service, each area and each team', async () => {
    const { figures } = await countMeasure(t.database.db, measure('median'), periodOf('2026-10', '2026-12-01'));
    // Service: 5, 7, 10, 20, 40, 90: halfway between 10 and 20. North: 10, 20, 40, 90: 30. South: 5, 7: 6.
    expect(byScope(figures)).toEqual({
      'service:': 15,
      [`area:${north}`]: 30,
      [`area:${south}`]: 6,
      [`team:${team1}`]: 20,
      [`team:${team2}`]: 40,
      [`team:${team3}`]: 6,
    });
    expect(figures[0]).toMatchObject({ scopeKind: 'service', numerator: 6, denominator: 7 });
  });

  it('gives the mean when it is not a median, unlike it here', async () => {
    const { figures } = await countMeasure(t.database.db, measure('mean'), periodOf('2026-10', '2026-12-01'));
    // (5 + 7 + 10 + 20 + 40 + 90) / 6 = 28.7.
    expect(figures[0]).toMatchObject({ scopeKind: 'service', numerator: 172, denominator: 6, value: 28.7 });
  });
});
