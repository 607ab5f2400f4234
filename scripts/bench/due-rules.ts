/**
 * Times each deadline rule behind My work, for a few demo users, on a database that already holds
 * the demo (load one with `npm run demo -- --scale national` first):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hearth npx tsx scripts/bench/due-rules.ts [ssw manager head] [--runs 5]
 *
 * Prints, per user and rule, the median time of its one query and how many items it returned.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/platform/db/client.ts';
import { addDays, todayInLondon } from '../../src/platform/dates/index.ts';
import { dueRulesFor } from '../../src/platform/due/index.ts';
import { registerAllDueRules } from '../../src/modules/home/due-rules.ts';
import { viewer } from '../../src/modules/home/test-viewers.ts';

process.env.TZ = 'Europe/London';
const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '5' } },
  allowPositionals: true,
});
const runs = Number(values.runs);
const usernames = positionals.length ? positionals : ['ssw', 'manager', 'head'];

registerAllDueRules();
const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATA_DIR ?? './data',
});
try {
  const today = todayInLondon();
  const window = { today, until: addDays(today, 28) };
  for (const username of usernames) {
    const user = await viewer(database.db, username);
    for (const rule of dueRulesFor(user)) {
      const times: number[] = [];
      let items = 0;
      for (let i = 0; i < runs; i += 1) {
        const start = performance.now();
        items = (await rule.items(database.db, user, window)).length;
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)]!;
      console.log(
        `${username.padEnd(8)} ${rule.id.padEnd(40)} ${median.toFixed(1).padStart(8)} ms ${String(items).padStart(6)} items`,
      );
    }
  }
} finally {
  await database.close();
}
