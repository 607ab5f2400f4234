import { randomBytes } from 'node:crypto';
import { writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { ProvidedContext } from 'vitest';
import type { TestProject } from 'vitest/node';
import { fromPglite, openPostgres, pgliteExtensions } from '../../src/platform/db/client.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';
import { seedTestDemo } from './demo.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite data directory dump (uncompressed tar), migrated. */
    pgliteTemplate: string;
    /** The same, with the small test demo loaded. */
    pgliteSeededTemplate: string;
    /** PostgreSQL template databases, migrated and migrated + demo (with TEST_DATABASE_URL), else null. */
    postgresTemplate: string | null;
    postgresSeededTemplate: string | null;
  }
}

/** The templates' names, as each project is given them, and how to remove them. */
interface Templates extends ProvidedContext {
  remove: () => Promise<void>;
}

/**
 * Vitest runs a root config's global setup once for each project (here two, with
 * TEST_DATABASE_URL), in the one main process: the templates are prepared by the first and shared
 * with the other, and removed after the last has finished (this was 11 s of the run done twice).
 */
const shared = globalThis as { hearthTemplates?: Promise<Templates>; hearthTemplateUsers?: number };

export default async function setup(project: TestProject) {
  shared.hearthTemplateUsers = (shared.hearthTemplateUsers ?? 0) + 1;
  const templates = await (shared.hearthTemplates ??= prepareTemplates());
  project.provide('pgliteTemplate', templates.pgliteTemplate);
  project.provide('pgliteSeededTemplate', templates.pgliteSeededTemplate);
  project.provide('postgresTemplate', templates.postgresTemplate);
  project.provide('postgresSeededTemplate', templates.postgresSeededTemplate);
  return async () => {
    shared.hearthTemplateUsers = (shared.hearthTemplateUsers ?? 1) - 1;
    if (shared.hearthTemplateUsers === 0) {
      shared.hearthTemplates = undefined;
      await templates.remove();
    }
  };
}

/**
 * Migrates once, and loads the demo once, for the whole run: PGlite data directory dumps, and
 * (with TEST_DATABASE_URL) PostgreSQL template databases. Every test database is a copy of one of
 * them (see db.ts), so no test file pays for the migrations or the demo load itself.
 * The two engines are prepared at the same time: PostgreSQL's work is mostly in its own server.
 */
async function prepareTemplates(): Promise<Templates> {
  const dir = mkdtempSync(`${tmpdir()}/hearth-test-`);
  const url = process.env.TEST_DATABASE_URL;
  const id = randomBytes(4).toString('hex');
  const postgresTemplate = url ? `hearth_template_${id}` : null;
  const postgresSeededTemplate = url ? `hearth_template_demo_${id}` : null;

  const pglite = async () => {
    const client = await PGlite.create({ extensions: pgliteExtensions });
    const database = fromPglite(client);
    await runMigrations(database);
    const migrated = `${dir}/template.tar`;
    await dumpTo(client, migrated);
    await seedTestDemo(database.db);
    const seeded = `${dir}/template-demo.tar`;
    await dumpTo(client, seeded);
    await database.close();
    return { migrated, seeded };
  };

  const postgres = async () => {
    if (!url || !postgresTemplate || !postgresSeededTemplate) return;
    await admin(url, `CREATE DATABASE ${postgresTemplate}`);
    const tpl = openPostgres(withDatabase(url, postgresTemplate), 2);
    await runMigrations(tpl);
    await tpl.close();
    // A template must have no connections while it is copied: each pool is closed first.
    await admin(url, `CREATE DATABASE ${postgresSeededTemplate} TEMPLATE ${postgresTemplate}`);
    const seeded = openPostgres(withDatabase(url, postgresSeededTemplate), 2);
    await seedTestDemo(seeded.db);
    await seeded.close();
  };

  const [files] = await Promise.all([pglite(), postgres()]);
  return {
    pgliteTemplate: files.migrated,
    pgliteSeededTemplate: files.seeded,
    postgresTemplate,
    postgresSeededTemplate,
    remove: async () => {
      rmSync(dir, { recursive: true, force: true });
      if (url) {
        for (const name of [postgresSeededTemplate, postgresTemplate]) {
          await admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        }
      }
    },
  };
}

/** An uncompressed dump: loading it skips a gunzip of the whole directory in every test file. */
async function dumpTo(client: PGlite, file: string): Promise<void> {
  await client.exec('CHECKPOINT');
  const dump = await client.dumpDataDir('none');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
