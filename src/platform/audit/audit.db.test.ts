import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/db.ts';
import type { Database } from '../db/client.ts';
import { queryRows } from '../db/sql.ts';
import { refusalOf } from '../../../test/support/audit.ts';
import { recordAudit, sealAuditTrail, verifyAuditChain, type Actor } from './service.ts';

const actor: Actor = { userId: null, username: 'tester', route: 'GET /test', requestId: 'req-1' };
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 0; i < 5; i += 1) {
    await recordAudit(database.db, actor, {
      action: 'view',
      recordType: 'household',
      recordId: `h-${i}`,
      detail: { b: 2, a: [1, 'x'] },
    });
  }
  await sealAuditTrail(database.db);
});
afterAll(async () => {
  await database.close();
});

describe('the audit trail', () => {
  it('chains every entry to the one before it, and verifies whole', async () => {
    const rows = await queryRows<{ id: number; prev_hash: string; hash: string }>(
      database.db,
      sql`select id, prev_hash, hash from audit_events order by seq`,
    );
    expect(rows).toHaveLength(5);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(await verifyAuditChain(database.db)).toMatchObject({ checked: 5, brokenAt: null, missingTail: null });
  });

  it('refuses updates and deletes from the application', async () => {
    await expect(database.db.execute(sql`update audit_events set action = 'edit' where id = 2`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_events where id = 2`)).rejects.toThrow();
    expect(await verifyAuditChain(database.db)).toMatchObject({ checked: 5, brokenAt: null, missingTail: null });
  });

  it('refuses updates, deletes and truncation even under session_replication_role = replica', async () => {
    const changes = {
      UPDATE: sql`update audit_events set action = 'edit'`,
      DELETE: sql`delete from audit_events`,
      TRUNCATE: sql`truncate audit_events`,
    };
    for (const [operation, change] of Object.entries(changes)) {
      const refusal = await refusalOf(
        database.db.transaction(async (tx) => {
          await tx.execute(sql`set local session_replication_role = replica`);
          await tx.execute(change);
        }),
      );
      expect(refusal).toContain(`audit_events is append-only: ${operation} is not allowed`);
    }
    expect(await verifyAuditChain(database.db)).toMatchObject({ checked: 5, brokenAt: null, missingTail: null });
  });

  it('reports the first altered entry when someone bypasses the trigger', async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update_or_delete`);
      await tx.execute(
        sql`update audit_events set record_id = 'tampered' where id = (select min(id) + 2 from audit_events)`,
      );
      await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update_or_delete`);
    });
    const [first] = await queryRows<{ id: number }>(database.db, sql`select min(id)::int as id from audit_events`);
    const result = await verifyAuditChain(database.db);
    expect(result.brokenAt?.id).toBe(first!.id + 2);
    expect(result.checked).toBe(2);
  });
});
