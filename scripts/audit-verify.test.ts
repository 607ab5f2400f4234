import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openPglite, pgliteExtensions } from '../src/platform/db/client.ts';
import { queryRows } from '../src/platform/db/sql.ts';
import { recordAudit } from '../src/platform/audit/service.ts';
import { writeAuditAnchor } from '../src/platform/audit/anchors.ts';
import { deleteNewestAuditEntries } from '../test/support/audit.ts';
import { verifyAuditTrail } from './audit-verify.ts';

const SECRET = 'the-session-secret-of-this-test-run-0123456789';
const dataDir = mkdtempSync(`${tmpdir()}/hearth-audit-verify-`);

const { DATABASE_URL: _postgres, MIGRATION_DATABASE_URL: _owner, ...env } = process.env;

const operatorEnv = { ...env, NODE_ENV: 'test', DATA_DIR: dataDir, SESSION_SECRET: SECRET };
type Result = { code: number; out: string; err: string };

/** Runs `npm run audit:verify` as an operator would, in a process of its own (on PGlite in dataDir). */
function verifyCommand(...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/audit-verify.ts', ...args],
      { env: operatorEnv },
      (error, out, err) => resolve({ code: error ? Number(error.code) : 0, out, err }),
    );
  });
}

/** The same check, called here (a process of its own costs a second's start), its output collected. */
async function verify(...args: string[]): Promise<Result> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await verifyAuditTrail(args, operatorEnv, {
    log: (line) => out.push(`${line}\n`),
    error: (line) => err.push(`${line}\n`),
  });
  return { code, out: out.join(''), err: err.join('') };
}

let head: { id: number; hash: string };
beforeAll(async () => {
  // The run's migrated database, copied into the data directory (not migrated again).
  const template = await PGlite.create(`${dataDir}/pgdata`, {
    extensions: pgliteExtensions,
    loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]),
  });
  await template.close();
  const database = await openPglite(dataDir);
  for (let i = 0; i < 3; i += 1) {
    await recordAudit(
      database.db,
      { userId: null, username: null, route: 'test', requestId: null },
      { action: 'view', recordType: 'household', recordId: `h-${i}` },
    );
  }
  await writeAuditAnchor(database.db, SECRET);
  const rows = await queryRows<{ id: number; hash: string }>(
    database.db,
    sql`select id::int as id, hash from audit_events order by id desc limit 1`,
  );
  head = rows[0]!;
  await database.close();
}, 120_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run audit:verify', () => {
  it('says the trail is intact and reaches its anchor', async () => {
    const result = await verifyCommand('--anchor', `3:${head.hash}`);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /^Audit trail intact: 3 entries checked; it reaches the anchor written at .* \(3 entries\) and the anchor given \(3 entries\)\./,
    );
  }, 60_000);

  it('reports the deleted newest entry as a missing tail, with exit status 1', async () => {
    const database = await openPglite(dataDir);
    await deleteNewestAuditEntries(database.db, 1);
    await database.close();
    const result = await verify('--anchor', `3:${head.hash}`);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      new RegExp(
        `^Audit trail INCOMPLETE: entries after ${head.id - 1} were removed: the trail has 2 entries, ` +
          `but the anchor written at \\S+ counted 3 up to entry ${head.id}\\. The 2 entries left link correctly\\.`,
      ),
    );
  }, 60_000);

  it('explains an --anchor it cannot read, with exit status 2', async () => {
    const result = await verify('--anchor', 'yesterday');
    expect(result.code).toBe(2);
    expect(result.err).toContain('--anchor must be <count>:<hash>');
  }, 60_000);
});
