/**
 * npm run due:rebuild — recomputes every deadline rule's items from the records and replaces the
 * kept ones (due_items). With --check, changes nothing: compares a fresh computation with the
 * kept items and lists the differences. Exits 0 when they agree (or after a rebuild), 1 when the
 * check finds differences, 2 on other errors.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { checkDueItems, rebuildDueItems } from '../src/platform/due/index.ts';
import { registerAllModules } from '../src/modules/index.ts';

process.env.TZ = 'Europe/London';
const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }).catch(
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
registerAllModules();
try {
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  if (values.check) {
    const result = await checkDueItems(database.db);
    if (result.missing.length || result.extra.length) {
      // The rule, record id and due date only: labels name people.
      const brief = (key: string) => (JSON.parse(key) as string[]).slice(0, 3).join(' ');
      for (const key of result.missing.slice(0, 20)) console.error(`missing: ${brief(key)}`);
      for (const key of result.extra.slice(0, 20)) console.error(`stale:   ${brief(key)}`);
      console.error(
        `Deadlines OUT OF STEP: ${result.missing.length} missing, ${result.extra.length} stale of ${result.checked} kept (${seconds()} s). Run npm run due:rebuild.`,
      );
      process.exitCode = 1;
    } else {
      console.log(`Deadlines in step: ${result.checked} kept items match a rebuild (${seconds()} s).`);
    }
  } else {
    const result = await rebuildDueItems(database.db);
    console.log(`Deadlines rebuilt: ${result.items} items under ${result.rules} rules (${seconds()} s).`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
} finally {
  await database.close();
}
