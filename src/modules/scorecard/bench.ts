/**
 * Times the whole scorecard (every measure, every breakdown, 12-month trends) on a fresh database
 * loaded with the demo at a scale: npx tsx src/modules/scorecard/bench.ts [county|national] [pglite|postgres]
 * Prints: live (no snapshots: 12 months counted now) and with the 11 closed months snapshotted.
 */
import { freshDatabase, type Engine } from '../../../scripts/bench/database.ts';
import { seedDemo } from '../../../scripts/demo/seed.ts';
import { isScale } from '../../../scripts/demo/scales.ts';
import { addMonthsToMonth, currentMonth, snapshotMonth } from '../../platform/measures/index.ts';
import { filtersFrom } from './forms.ts';
import { registerAllMeasures } from './register.ts';
import { scorecardPage } from './service.ts';

process.env.TZ = 'Europe/London';
const scale = process.argv[2] ?? 'county';
const engine = (process.argv[3] ?? 'postgres') as Engine;
if (!isScale(scale)) throw new Error(`unknown scale ${scale}`);
registerAllMeasures();
const bench = await freshDatabase(engine);
try {
  await seedDemo(bench.database.db, { password: 'bench-demo-password', scale, onProgress: () => {} });
  const db = bench.database.db;
  const time = async (label: string) => {
    const runs: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const start = performance.now();
      await scorecardPage(db, filtersFrom({}));
      runs.push(performance.now() - start);
    }
    runs.sort((a, b) => a - b);
    console.log(`${engine} ${scale} ${label}: median ${runs[2]!.toFixed(0)} ms, best ${runs[0]!.toFixed(0)} ms`);
  };
  await time('scorecard, 12 months counted live');
  const now = currentMonth();
  for (let i = 1; i <= 11; i += 1) await snapshotMonth(db, addMonthsToMonth(now, -i));
  await time('scorecard, 11 closed months from snapshots');
} finally {
  await bench.remove();
}
