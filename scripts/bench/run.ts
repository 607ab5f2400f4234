/**
 * npm run bench -- [--engine pglite|postgres|both] [--scale small|county|national] [--requests 200]
 *                  [--database-url postgres://postgres@127.0.0.1:5432/postgres]
 *
 * Builds Hearth on a fresh database (PGlite in a temporary directory, or a new PostgreSQL database
 * that is dropped afterwards), loads the demo at the scale, then times each record page over
 * `--requests` requests through app.inject (server time, no network) and prints a table.
 */
import { parseArgs } from 'node:util';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { isScale, type Scale } from '../demo/scales.ts';
import { seedDemo } from '../demo/seed.ts';
import { DEFAULT_POSTGRES, freshDatabase, type Engine } from './database.ts';
import { recordScenarios } from './records.ts';
import { measure, printTable, type BenchRow } from './timing.ts';

process.env.TZ = 'Europe/London';
const PASSWORD = 'bench-demo-password';
const usage =
  'usage: npm run bench -- [--engine pglite|postgres|both] [--scale small|county|national] [--requests N] [--database-url URL]';

async function benchEngine(engine: Engine, scale: Scale, requests: number, postgresUrl: string): Promise<BenchRow[]> {
  const bench = await freshDatabase(engine, postgresUrl);
  try {
    console.log(`bench: ${engine}: loading the ${scale} demo into ${bench.where}`);
    const seeded = await seedDemo(bench.database.db, { password: PASSWORD, scale, onProgress: () => {} });
    console.log(`bench: ${engine}: ${scale} demo loaded in ${seeded.seconds} s`);
    const config = loadConfig({ NODE_ENV: 'development', HEARTH_DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'silent' });
    const app = await buildApp({ config, database: bench.database, logger: false });
    await app.ready();
    try {
      const rows: BenchRow[] = [
        { page: `Load the ${scale} demo`, requests: 1, medianMs: seeded.seconds * 1000, p95Ms: null, maxMs: null },
      ];
      for (const scenario of await recordScenarios(app, bench.database.db, PASSWORD)) {
        const row = await measure(scenario, { requests, warmup: 10 });
        console.log(`bench: ${engine}: ${row.page}: ${row.note ?? `median ${row.medianMs?.toFixed(1)} ms`}`);
        rows.push(row);
      }
      return rows;
    } finally {
      await app.close();
    }
  } finally {
    await bench.remove();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string', default: 'pglite' },
      scale: { type: 'string', default: 'county' },
      requests: { type: 'string', default: '200' },
      'database-url': { type: 'string', default: DEFAULT_POSTGRES },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(usage);
  const engines: Engine[] =
    values.engine === 'both' ? ['pglite', 'postgres'] : values.engine === 'postgres' ? ['postgres'] : ['pglite'];
  if (!['pglite', 'postgres', 'both'].includes(values.engine)) throw new Error(usage);
  if (!isScale(values.scale)) throw new Error(usage);
  const requests = Number.parseInt(values.requests, 10);
  if (!Number.isInteger(requests) || requests < 1) throw new Error(usage);
  const started = performance.now();
  for (const engine of engines) {
    const rows = await benchEngine(engine, values.scale, requests, values['database-url']);
    printTable(
      rows,
      `Hearth ${values.scale} demo on ${engine}: server time per request (app.inject), ${requests} requests each`,
    );
  }
  console.log(`bench: finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
