/**
 * npm run measures:rebuild-facts -- [--check]
 *
 * Derives every kept facts table (household status periods, household supervision facts ...) again
 * from the records, in one transaction. Run it after a change to how a fact is derived, or after
 * records were written outside the services (a bulk import). `--check` changes nothing: it
 * compares each kept table with a rebuild and exits with status 1 when any differs.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../platform/db/client.ts';
import { runMigrations } from '../../platform/db/migrate.ts';
import { factsDifferences, rebuildFacts } from '../../platform/measures/facts.ts';
import { allKeptFacts } from '../index.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  await runMigrations(database);
  if (values.check) {
    let differs = false;
    for (const facts of allKeptFacts()) {
      const n = await factsDifferences(database.db, facts);
      console.log(`facts: ${facts.table}: ${n === 0 ? 'as a rebuild would be' : `${n} rows differ from a rebuild`}`);
      differs ||= n > 0;
    }
    if (differs) process.exitCode = 1;
  } else {
    await database.db.transaction(async (tx) => {
      for (const facts of allKeptFacts()) {
        const rows = await rebuildFacts(tx, facts);
        console.log(`facts: ${facts.table}: rebuilt, ${rows} rows`);
      }
    });
  }
} catch (error) {
  console.error(`facts: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
