/**
 * Pages timed while a fresh database's scorecard snapshots are built in the background (issue 8:
 * "snapshots of the past 12 months are built in the background without making pages slower than
 * the targets while they run"), for `npm run bench -- --loaded URL --while-snapshotting`.
 */
import type { Db } from '../../src/platform/db/client.ts';
import { snapshotLastYear } from '../../src/platform/measures/index.ts';
import { measureSnapshots } from '../../src/platform/measures/tables.ts';
import { percentile, type BenchRow, type Scenario } from './timing.ts';

/**
 * Deletes every stored figure (as on a database that has none yet), starts the last 12 months'
 * snapshots as the server does, and opens the pages in turn, one request each, until the
 * snapshots are done. Each page is opened once first, untimed. The last row is the time the
 * snapshots took.
 */
export async function duringSnapshots(db: Db, scenarios: readonly Scenario[]): Promise<BenchRow[]> {
  const times = new Map<Scenario, number[]>(scenarios.map((s) => [s, []]));
  const failed = new Map<Scenario, number>();
  for (const scenario of scenarios) {
    await scenario.prepare?.(0);
    await scenario.run(0);
  }
  await db.delete(measureSnapshots);
  const started = performance.now();
  let done = false;
  const building = snapshotLastYear(db).finally(() => {
    done = true;
  });
  let i = 1;
  while (!done) {
    for (const scenario of scenarios) {
      if (done) break;
      await scenario.prepare?.(i);
      const at = performance.now();
      const response = await scenario.run(i);
      times.get(scenario)!.push(performance.now() - at);
      if (!(scenario.ok ?? [200]).includes(response.statusCode)) failed.set(scenario, (failed.get(scenario) ?? 0) + 1);
    }
    i += 1;
  }
  await building;
  const builtMs = performance.now() - started;
  const rows: BenchRow[] = scenarios.map((scenario) => {
    const sorted = [...times.get(scenario)!].sort((a, b) => a - b);
    const bad = failed.get(scenario);
    return {
      page: scenario.page,
      requests: sorted.length,
      medianMs: sorted.length ? percentile(sorted, 50) : null,
      p95Ms: sorted.length ? percentile(sorted, 95) : null,
      maxMs: sorted.at(-1) ?? null,
      ...(bad ? { note: `unexpected status ${bad} times` } : {}),
    };
  });
  rows.push({
    page: 'Snapshots of the last 12 months, built in the background',
    requests: 1,
    medianMs: builtMs,
    p95Ms: null,
    maxMs: null,
  });
  return rows;
}
