import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { takeTurns } from './pglite-turns.ts';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import lockfile from 'proper-lockfile';

/** The database, PGlite or PostgreSQL. Tables are imported where they are used; this layer knows no module. */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle: what `db.transaction` passes to its callback. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything a query can run on: the database or an open transaction. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Flush to disk (PGlite) so a crash loses as little as possible. */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

export class DataDirLockedError extends Error {}

/** The extensions Hearth needs from PGlite's contrib set. */
export const pgliteExtensions = { pg_trgm };

/** Wraps an open PGlite instance (in memory or on disk) as a Database. */
export function fromPglite(client: PGlite, release: () => Promise<void> = async () => {}): Database {
  const db = drizzlePglite({ client: takeTurns(client) }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    checkpoint: async () => {
      await client.exec('CHECKPOINT');
    },
    close: async () => {
      if (!client.closed) {
        await client.exec('CHECKPOINT');
        await client.close();
      }
      await release();
    },
  };
}

/**
 * Opens PGlite in `dataDir`, holding an exclusive lock on the directory: two processes
 * writing one PGlite directory corrupt it, so a second Hearth refuses to start.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, { lockfilePath: `${dir}/hearth.lock`, stale: 10_000, update: 2_000 });
  } catch {
    throw new DataDirLockedError(
      `Another Hearth process is using the data directory ${dir}. ` +
        'Stop it first (if none is running, wait 10 seconds and try again).',
    );
  }
  try {
    const client = await PGlite.create(`${dir}/pgdata`, { extensions: pgliteExtensions });
    return fromPglite(client, release);
  } catch (error) {
    await release();
    throw error;
  }
}

export function openPostgres(url: string, max = 10): Database {
  // Hearth's queries are short: PostgreSQL's JIT compilation costs more than it saves on them
  // (measured on the scorecard at national scale: 2.7 s with it, 2.5 s without), and so does
  // starting parallel workers (about 50 ms on a 2-core machine, where the requests beside it need
  // the cores: the referrals waiting on a manager took 75 ms with them, 9 ms without). A measure
  // page sorts and counts every record behind a figure (57,000 children for the visits at national
  // scale): with the server's default 4 MB of working memory for each sort, that spilled to disk,
  // 280 ms against 245 ms in 32 MB. Ten connections at a few sorts each stay well within memory.
  // Connections are kept open while idle (the pool's default closes them after 10 seconds): a new
  // connection's first queries are slow, as PostgreSQL loads what it knows of the tables again.
  // Measured at national scale: a measure page opened after 12 quiet seconds took 500 ms on new
  // connections, against 225-265 ms on the ones it had used. An idle connection does not keep a
  // command from exiting.
  const pool = new pg.Pool({
    connectionString: url,
    max,
    options: '-c jit=off -c max_parallel_workers_per_gather=0 -c work_mem=32MB',
    idleTimeoutMillis: 0,
    allowExitOnIdle: true,
  });
  // An idle connection the server closes (a restart, a failover, a dropped test database) must not
  // take the process down: the pool replaces it on the next query. Only the code is logged.
  pool.on('error', (error: Error & { code?: string }) => {
    console.error(`database: an idle connection was closed (${error.code ?? error.name})`);
  });
  const db = drizzlePg({ client: pool }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    checkpoint: async () => {},
    close: async () => {
      await pool.end();
    },
  };
}

export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
