import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/db.ts';
import { refusalOf } from '../../../test/support/audit.ts';
import type { Database } from '../db/client.ts';
import { queryRows } from '../db/sql.ts';
import { recordAudit, sealAuditTrail, verifyAuditChain, type Actor } from './service.ts';

const actor: Actor = { userId: null, username: 'tester', route: 'GET /test', requestId: 'req-1' };
const onPostgres = process.env.HEARTH_TEST_DB === 'postgres';

interface Entry {
  id: number;
  seq: number | null;
  record_id: string;
}

describe('sealing the audit trail', () => {
  let database: Database;
  const entries = () =>
    queryRows<Entry>(database.db, sql`select id::int as id, seq::int as seq, record_id from audit_events order by id`);
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('keeps what a request writes at once, and chains it when the sealer runs', async () => {
    for (const id of ['h-1', 'h-2', 'h-3']) {
      await recordAudit(database.db, actor, { action: 'view', recordType: 'household', recordId: id });
    }
    expect((await entries()).map((e) => [e.record_id, e.seq])).toEqual([
      ['h-1', null],
      ['h-2', null],
      ['h-3', null],
    ]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ checked: 0, unsealed: 3, brokenAt: null });

    expect(await sealAuditTrail(database.db)).toBe(3);
    expect((await entries()).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ checked: 3, unsealed: 0, brokenAt: null });
    expect(await sealAuditTrail(database.db)).toBe(0);
  });

  it('continues the chain from where it ended', async () => {
    await recordAudit(database.db, actor, { action: 'view', recordType: 'child', recordId: 'c-1' });
    expect(await sealAuditTrail(database.db)).toBe(1);
    expect((await entries()).at(-1)).toMatchObject({ record_id: 'c-1', seq: 4 });
    expect(await verifyAuditChain(database.db)).toMatchObject({ checked: 4, unsealed: 0, brokenAt: null });
  });

  it('allows sealing only: not a change of what an entry says, nor a second seal', async () => {
    await recordAudit(database.db, actor, { action: 'view', recordType: 'child', recordId: 'c-2' });
    const refusals = [
      sql`update audit_events set record_id = 'someone-else' where seq is null`,
      sql`update audit_events set record_id = 'someone-else', seq = 99, prev_hash = 'x', hash = 'y' where seq is null`,
      sql`update audit_events set seq = 100 where seq = 1`,
      sql`update audit_events set hash = 'y' where seq = 2`,
    ];
    for (const statement of refusals) {
      expect(await refusalOf(database.db.execute(statement))).toMatch(/append-only: UPDATE is not allowed/);
    }
    // Half a seal (a place without a hash) is refused by the table's own check.
    expect(await refusalOf(database.db.execute(sql`update audit_events set seq = 99 where seq is null`))).toMatch(
      /audit_events_sealed_whole/,
    );
    expect(await sealAuditTrail(database.db)).toBe(1);
    expect(await verifyAuditChain(database.db)).toMatchObject({ checked: 5, brokenAt: null });
  });

  it.runIf(onPostgres)(
    'chains an entry whose request committed late after the ones that committed before it',
    async () => {
      let commitLate!: () => void;
      const held = new Promise<void>((resolve) => {
        commitLate = resolve;
      });
      let written!: () => void;
      const lateWritten = new Promise<void>((resolve) => {
        written = resolve;
      });
      const late = database.db.transaction(async (tx) => {
        await recordAudit(tx, actor, { action: 'view', recordType: 'household', recordId: 'late' });
        written();
        await held;
      });
      await lateWritten;
      for (const id of ['early-1', 'early-2']) {
        await recordAudit(database.db, actor, { action: 'view', recordType: 'household', recordId: id });
      }
      expect(await sealAuditTrail(database.db)).toBe(2);
      commitLate();
      await late;
      expect(await sealAuditTrail(database.db)).toBe(1);
      const tail = (await entries()).slice(-3);
      expect(tail.map((e) => e.record_id)).toEqual(['late', 'early-1', 'early-2']);
      expect(tail.map((e) => e.seq)).toEqual([8, 6, 7]);
      expect(await verifyAuditChain(database.db)).toMatchObject({ checked: 8, brokenAt: null, unsealed: 0 });
    },
  );

  it.runIf(onPostgres)('keeps one chain with many requests and two sealers at once', async () => {
    const before = (await verifyAuditChain(database.db)).checked;
    const requests = Array.from({ length: 60 }, (_, i) =>
      database.db.transaction(async (tx) => {
        await recordAudit(tx, actor, { action: 'view', recordType: 'household', recordId: `busy-${i}` });
      }),
    );
    const sealers = Array.from({ length: 6 }, () => sealAuditTrail(database.db));
    await Promise.all([...requests, ...sealers]);
    await Promise.all([sealAuditTrail(database.db), sealAuditTrail(database.db)]);
    await sealAuditTrail(database.db);
    expect(await verifyAuditChain(database.db)).toMatchObject({ checked: before + 60, brokenAt: null, unsealed: 0 });
  });
});
