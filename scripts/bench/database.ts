/**
 * A fresh, migrated Hearth database for one benchmark run: PGlite in a temporary directory, or a
 * new PostgreSQL database (hearth_bench_...) on the given server. Both are removed afterwards,
 * also when the run is interrupted.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../src/platform/db/client.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';

export type Engine = 'pglite' | 'postgres';
export const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  database: Database;
  /** Where it is, for the report (no credentials). */
  where: string;
  remove(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function freshDatabase(engine: Engine, postgresUrl = DEFAULT_POSTGRES): Promise<BenchDatabase> {
  let removed = false;
  let remove: () => Promise<void>;
  let bench: BenchDatabase;
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
    const database = await openPglite(dir);
    remove = async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    };
    bench = { database, where: `PGlite in ${dir}`, remove: async () => {} };
  } else {
    const name = `hearth_bench_${randomBytes(5).toString('hex')}`;
    await adminQuery(postgresUrl, `CREATE DATABASE ${name}`);
    const database = openPostgres(withDatabase(postgresUrl, name), 10);
    remove = async () => {
      await database.close();
      await adminQuery(postgresUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    };
    bench = { database, where: `PostgreSQL database ${name} on ${new URL(postgresUrl).host}`, remove: async () => {} };
  }
  const once = async () => {
    if (removed) return;
    removed = true;
    await remove();
  };
  const interrupted = () => {
    void once().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  bench.remove = async () => {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await once();
  };
  try {
    await runMigrations(bench.database);
  } catch (error) {
    await bench.remove();
    throw error;
  }
  return bench;
}

/**
 * A PostgreSQL database the demo is already loaded into (`--loaded URL`), so figures can be measured
 * again without loading it: migrated to this version, never dropped.
 */
export async function loadedDatabase(url: string): Promise<BenchDatabase> {
  const database = openPostgres(url, 10);
  await runMigrations(database);
  return { database, where: `the loaded database ${new URL(url).pathname.slice(1)}`, remove: () => database.close() };
}

/** The demo users' password in a loaded database: the one it was loaded with. */
export const loadedPassword = () => process.env.HEARTH_DEMO_PASSWORD ?? 'hearth-demo';

/**
 * The loaded database to reuse, if any: `--loaded URL`, or a `--database-url` that names a
 * database already holding a Hearth demo (as issue 8 words it). A `--database-url` naming an empty
 * database, or the server's own `postgres` database (the default), is where a fresh one is made.
 */
export async function reusedDatabaseUrl(values: {
  loaded?: string | undefined;
  'database-url'?: string | undefined;
}): Promise<string | undefined> {
  if (values.loaded) return values.loaded;
  const url = values['database-url'];
  if (!url || url === DEFAULT_POSTGRES) return undefined;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tables: boolean }>(
      "select to_regclass('public.households') is not null as tables",
    );
    if (!rows[0]?.tables) return undefined;
    const { rows: some } = await client.query('select 1 from households limit 1');
    return some.length > 0 ? url : undefined;
  } finally {
    await client.end();
  }
}
