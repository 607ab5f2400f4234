/**
 * npm run demo -- [--scale small|county|national] [--database-url URL] [--data-dir DIR] [--reset]
 *
 * Loads the demo service (made-up people only) into the configured database: PGlite in DATA_DIR,
 * or PostgreSQL with --database-url / DATABASE_URL. Refuses when the database already has users,
 * unless --reset, which first deletes the PGlite data directory's database, or drops and recreates
 * the PostgreSQL schema. Never in production.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import lockfile from 'proper-lockfile';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/platform/db/client.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { demoUsers } from './people.ts';
import { isScale } from './scales.ts';
import { isEmpty, seedDemo } from './seed.ts';

process.env.TZ = 'Europe/London';

class Refusal extends Error {}

const usage = 'usage: npm run demo -- [--scale small|county|national] [--database-url URL] [--data-dir DIR] [--reset]';

/** Deletes the PGlite database in `dataDir`, holding Hearth's lock so a running server is never touched. */
async function resetDataDir(dataDir: string): Promise<void> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, { lockfilePath: `${dir}/hearth.lock`, stale: 10_000, update: 2_000 });
  } catch {
    throw new Refusal(`Hearth is running on ${dir}: stop it before resetting its data.`);
  }
  try {
    if (existsSync(`${dir}/pgdata`)) rmSync(`${dir}/pgdata`, { recursive: true, force: true });
  } finally {
    await release();
  }
}

/** Drops and recreates the public schema of a Hearth PostgreSQL database (and nothing else's). */
async function resetPostgres(database: Database): Promise<void> {
  const [row] = await queryRows<{ hearth: boolean; tables: number }>(
    database.db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as hearth,
          (select count(*)::int from pg_tables where schemaname = 'public') as tables`,
  );
  if (!row?.hearth && Number(row?.tables ?? 0) > 0) {
    throw new Refusal('This database has tables but was not made by Hearth: refusing to reset it.');
  }
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`drop schema if exists drizzle cascade`);
    await tx.execute(sql`drop schema if exists public cascade`);
    await tx.execute(sql`create schema public`);
    await tx.execute(sql`grant usage on schema public to public`);
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const env = { ...process.env };
  if (values['database-url']) env.DATABASE_URL = values['database-url'];
  if (values['data-dir']) {
    env.DATA_DIR = values['data-dir'];
    if (!values['database-url']) delete env.DATABASE_URL;
  }
  const config = loadConfig(env);
  const scale = values.scale ?? config.DEMO_SCALE;
  if (!isScale(scale)) throw new Refusal(`--scale must be small, county or national\n${usage}`);
  if (config.NODE_ENV === 'production') throw new Refusal('Demo data is never loaded when NODE_ENV=production.');

  const where = config.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${resolve(config.DATA_DIR)}`;
  if (values.reset && !config.DATABASE_URL) await resetDataDir(config.DATA_DIR);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    if (values.reset && config.DATABASE_URL) await resetPostgres(database);
    if (values.reset) console.log(`demo: reset ${where}`);
    await runMigrations(database);
    if (!(await isEmpty(database.db))) {
      throw new Refusal(`${where} already has users: use --reset to replace everything in it with the demo.`);
    }
    console.log(`demo: loading the ${scale} demo into ${where}`);
    const result = await seedDemo(database.db, {
      password: config.HEARTH_DEMO_PASSWORD,
      scale,
      publicUrl: config.publicUrl,
      onProgress: (line) => console.log(`demo: ${line}`),
    });
    console.log(
      [
        '',
        `Loaded in ${result.seconds} s. Demo sign-ins (made-up people; password in HEARTH_DEMO_PASSWORD, by default "hearth-demo"):`,
        ...demoUsers.map((u) => `  ${u.username.padEnd(12)} ${u.role}`),
      ].join('\n'),
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof Refusal || error instanceof ConfigError) {
    console.error(error.message);
  } else {
    // A database error can carry query parameters (personal data): print its cause only.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    console.error('The demo could not be loaded:', cause instanceof Error ? cause.message : cause);
  }
  process.exit(1);
});
