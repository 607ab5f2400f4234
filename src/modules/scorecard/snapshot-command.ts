/**
 * npm run measures:snapshot -- [--month YYYY-MM] [--last N]
 *
 * Stores every measure's figures for a closed month (default: last month), for the service,
 * each area and each team. Safe to run again: a month already stored is left as it is. Run it
 * on the 1st of each month (cron, or the server's month-end job when there is one). `--last 12`
 * stores each of the last 12 closed months that has no snapshot yet (a first backfill, so the
 * scorecard's trends read from snapshots).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../platform/db/client.ts';
import { runMigrations } from '../../platform/db/migrate.ts';
import { registerAllModules } from '../index.ts';
import { addMonthsToMonth, currentMonth, isMonth } from '../../platform/measures/periods.ts';
import { snapshotMonth } from '../../platform/measures/snapshots.ts';

const { values } = parseArgs({ options: { month: { type: 'string' }, last: { type: 'string' } } });
const last = values.last === undefined ? 1 : Number(values.last);
const month = values.month ?? addMonthsToMonth(currentMonth(), -1);
if (!isMonth(month) || !Number.isInteger(last) || last < 1 || last > 120) {
  console.error('usage: npm run measures:snapshot -- [--month YYYY-MM] [--last N]');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  await runMigrations(database);
  registerAllModules();
  // Oldest first, ending with --month (default: last month).
  for (let i = last - 1; i >= 0; i -= 1) {
    const one = addMonthsToMonth(month, -i);
    const result = await snapshotMonth(database.db, one);
    console.log(`measures: ${one}: stored ${result.stored.length}, already stored ${result.kept.length}`);
  }
} catch (error) {
  console.error(`measures: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
