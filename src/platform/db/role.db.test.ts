import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/db.ts';
import type { Database } from './client.ts';
import { databaseRoleProblem } from './role.ts';
import { recordAudit, sealAuditTrail, systemActor } from '../audit/service.ts';
import { refusalOf } from '../../../test/support/audit.ts';
import { loadConfig } from '../../config.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const suffix = randomBytes(4).toString('hex');
const owner = `hearth_owner_${suffix}`;
const app = `hearth_app_${suffix}`;
const member = `hearth_member_${suffix}`;

/**
 * What the production start-up check says for a role, set up in a transaction that is then rolled
 * back (roles and ownership changes included), so nothing is left on a shared server.
 */
async function problemAs(role: string | null, setup: SQL[]): Promise<string | null> {
  let problem: string | null = null;
  const undo = new Error('roll back');
  await database.db
    .transaction(async (tx) => {
      for (const statement of setup) await tx.execute(statement);
      if (role) await tx.execute(sql.raw(`set local role ${role}`));
      problem = await databaseRoleProblem(tx);
      throw undo;
    })
    .catch((error: unknown) => {
      if (error !== undo) throw error;
    });
  return problem;
}

const roles = [
  sql.raw(`create role ${owner}`),
  sql.raw(`create role ${app}`),
  sql.raw(`create role ${member} in role ${owner}`),
  sql.raw(`alter table audit_events owner to ${owner}`),
  sql.raw(`alter table audit_anchors owner to ${owner}`),
  sql.raw(`grant select, insert on audit_events, audit_anchors to ${app}`),
];

describe('the production start-up check of the database role', () => {
  it('refuses a superuser, saying which roles to use instead', async () => {
    const problem = await problemAs(null, []);
    expect(problem).toMatch(/^Hearth will not run in production as the database role "[^"]+": it is a superuser/);
    expect(problem).toContain('for example hearth_app');
    expect(problem).toContain('MIGRATION_DATABASE_URL');
  });

  it('refuses the owner of the audit tables, and a role that may act as their owner', async () => {
    expect(await problemAs(owner, roles)).toContain(
      `as the database role "${owner}": it owns audit_anchors and audit_events, so it could switch off`,
    );
    expect(await problemAs(member, roles)).toContain(
      `as the database role "${member}": it is a member of "${owner}", which owns audit_anchors and audit_events`,
    );
  });

  it('accepts a role that owns no tables and is not a superuser', async () => {
    expect(await problemAs(app, roles)).toBeNull();
  });
});

describe("the application role with the README's grants on the audit trail", () => {
  it('writes entries and seals them, and may not rewrite what an entry says', async () => {
    const undo = new Error('roll back');
    const readmeGrants = [
      sql.raw(`revoke update, delete, truncate on audit_events, audit_anchors from ${app}`),
      sql.raw(`grant update (seq, prev_hash, hash) on audit_events to ${app}`),
      sql.raw(`grant usage on all sequences in schema public to ${app}`),
    ];
    let sealed = -1;
    let refusal: string | null = null;
    await database.db
      .transaction(async (tx) => {
        for (const statement of [...roles, ...readmeGrants]) await tx.execute(statement);
        await tx.execute(sql.raw(`set local role ${app}`));
        await recordAudit(tx, systemActor('role test'), { action: 'view', recordType: 'household', recordId: 'h' });
        sealed = await sealAuditTrail(tx);
        refusal = await refusalOf(tx.transaction((inner) => inner.execute(sql`update audit_events set action = 'x'`)));
        throw undo;
      })
      .catch((error: unknown) => {
        if (error !== undo) throw error;
      });
    expect(sealed).toBe(1);
    expect(refusal).toMatch(/permission denied for table audit_events/);
  });
});

describe('the migration role setting', () => {
  const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) };
  it('is required in production on PostgreSQL, so Hearth itself never needs to own its tables', () => {
    expect(() => loadConfig({ ...production, DATABASE_URL: 'postgres://hearth_app@db/hearth' })).toThrow(
      /MIGRATION_DATABASE_URL is required when NODE_ENV=production with DATABASE_URL/,
    );
    const config = loadConfig({
      ...production,
      DATABASE_URL: 'postgres://hearth_app@db/hearth',
      MIGRATION_DATABASE_URL: 'postgres://hearth_owner@db/hearth',
    });
    expect(config.MIGRATION_DATABASE_URL).toBe('postgres://hearth_owner@db/hearth');
  });

  it('is refused without DATABASE_URL, and not needed for PGlite', () => {
    expect(() => loadConfig({ MIGRATION_DATABASE_URL: 'postgres://hearth_owner@db/hearth' })).toThrow(
      /MIGRATION_DATABASE_URL is only used with DATABASE_URL/,
    );
    expect(loadConfig(production).MIGRATION_DATABASE_URL).toBeUndefined();
  });
});
