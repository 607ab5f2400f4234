import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openPglite } from '../src/platform/db/client.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { queryRows } from '../src/platform/db/sql.ts';
import { recordAudit } from '../src/platform/audit/service.ts';
import { writeAuditAnchor } from '../src/platform/audit/anchors.ts';
import { deleteNewestAuditEntries } from '../test/support/audit.ts';

const SECRET = 'the-session-secret-of-this-test-run-0123456789';
const dataDir = mkdtempSync(`${tmpdir()}/hearth-audit-verify-`);

const { DATABASE_URL: _postgres, MIGRATION_DATABASE_URL: _owner, ...env } = process.env;

/** Runs `npm run audit:verify` as an operator would (on PGlite in dataDir). */
function verify(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/audit-verify.ts', ...args],
      { env: { ...env, NODE_ENV: 'test', DATA_DIR: dataDir, SESSION_SECRET: SECRET } },
      (error, out, err) => resolve({ code: error ? Number(error.code) : 0, out, err }),
    );
  });
}

let head: { id: number; hash: string };
beforeAll(async () => {
  const database = await openPglite(dataDir);
  await runMigrations(database);
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
    const result = await verify('--anchor', `3:${head.hash}`);
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
