import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { fromPglite, openPostgres, pgliteExtensions, type Database } from '../../src/platform/db/client.ts';
import { withDatabase } from './global-setup.ts';

/**
 * A fresh, migrated database for one test file: PGlite loaded from the migrated dump, or
 * (in the postgres project) a new PostgreSQL database made from the migrated template.
 * With `demo: true`, a copy of the template that has the small test demo loaded (see demo.ts).
 * `close()` closes it and, on PostgreSQL, drops it.
 */
export async function createTestDatabase(options: { demo?: boolean } = {}): Promise<Database> {
  if (process.env.HEARTH_TEST_DB === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    const template = inject(options.demo ? 'postgresSeededTemplate' : 'postgresTemplate');
    if (!url || !template) throw new Error('TEST_DATABASE_URL is not set for the postgres project');
    const name = `hearth_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    // A test database is dropped at the end of its file: its commits need not wait for the disk
    // (every audited page a test opens commits). The template's settings are not copied.
    await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
    await admin.end();
    const database = openPostgres(withDatabase(url, name), 4);
    return {
      ...database,
      close: async () => {
        await database.close();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const dump = readFileSync(inject(options.demo ? 'pgliteSeededTemplate' : 'pgliteTemplate'));
  const client = await PGlite.create({ extensions: pgliteExtensions, loadDataDir: new Blob([dump]) });
  return fromPglite(client);
}
