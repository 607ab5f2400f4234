import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { openPostgres, type Database } from './client.ts';
import { queryRows } from './sql.ts';

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

interface Journal {
  entries: { idx: number; tag: string }[];
}

let shipped: readonly string[] | undefined;

/**
 * The migrations shipped with this build, oldest first: read from the journal once, as they cannot
 * change while the server runs (`/health` asks on every call, and a load balancer calls it often).
 */
export function shippedMigrations(): readonly string[] {
  if (!shipped) {
    const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as Journal;
    shipped = journal.entries.map((e) => e.tag);
  }
  return shipped;
}

/** Runs every migration not yet applied. Forward only. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
  }
}

/**
 * Runs the migrations at start: as the tables' owner through `migrationUrl` when it is given (a
 * connection opened for that alone, then closed), otherwise through the database itself.
 */
export async function runMigrationsAtStart(database: Database, migrationUrl?: string): Promise<void> {
  if (!migrationUrl) return runMigrations(database);
  const owner = openPostgres(migrationUrl, 1);
  try {
    await runMigrations(owner);
  } finally {
    await owner.close();
  }
}

export interface MigrationLevel {
  applied: number;
  shipped: number;
  latest: string | null;
  upToDate: boolean;
}

export async function migrationLevel(database: Database): Promise<MigrationLevel> {
  const shipped = shippedMigrations();
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  const applied = Number(row?.n ?? 0);
  return {
    applied,
    shipped: shipped.length,
    latest: applied > 0 ? (shipped[applied - 1] ?? null) : null,
    upToDate: applied === shipped.length,
  };
}
