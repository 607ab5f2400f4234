import { randomBytes } from 'node:crypto';
import { writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { fromPglite, openPostgres, pgliteExtensions } from '../../src/platform/db/client.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

/** Migrates once: a PGlite data directory dump, and (with TEST_DATABASE_URL) a PostgreSQL template database. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(`${tmpdir()}/hearth-test-`);
  const client = await PGlite.create({ extensions: pgliteExtensions });
  const database = fromPglite(client);
  await runMigrations(database);
  const dump = await client.dumpDataDir('gzip');
  const file = `${dir}/template.tar.gz`;
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);

  let postgresTemplate: string | null = null;
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    postgresTemplate = `hearth_template_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${postgresTemplate}`);
    const tpl = openPostgres(withDatabase(url, postgresTemplate), 2);
    await runMigrations(tpl);
    await tpl.close();
    await admin.end();
  }
  project.provide('postgresTemplate', postgresTemplate);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url && postgresTemplate) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${postgresTemplate} WITH (FORCE)`);
      await admin.end();
    }
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
