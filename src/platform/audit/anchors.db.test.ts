import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/db.ts';
import { deleteNewestAuditEntries, refusalOf } from '../../../test/support/audit.ts';
import type { Database, Db } from '../db/client.ts';
import { queryRows } from '../db/sql.ts';
import { recordAudit, sealAuditTrail, verifyAuditChain, type Actor } from './service.ts';
import { anchorLogLine, parseAnchorArgument, writeAuditAnchor } from './anchors.ts';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const actor: Actor = { userId: null, username: 'tester', route: 'GET /test', requestId: 'req-1' };

async function record(db: Db, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    await recordAudit(db, actor, { action: 'view', recordType: 'household', recordId: `h-${i}` });
  }
  await sealAuditTrail(db as Database['db']);
}

async function trail(db: Db): Promise<{ id: number; hash: string }[]> {
  return queryRows(db, sql`select id::int as id, hash from audit_events order by id`);
}

describe('anchoring the audit trail', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('anchors nothing while the trail is empty', async () => {
    expect(await writeAuditAnchor(database.db, SECRET)).toEqual({ kind: 'empty' });
  });

  it('anchors the count, newest entry and hash, and only again once entries were added', async () => {
    await record(database.db, 3);
    const first = await writeAuditAnchor(database.db, SECRET);
    const entries = await trail(database.db);
    expect(first.kind).toBe('written');
    if (first.kind !== 'written') return;
    expect(first.anchor).toMatchObject({ entryCount: 3, headId: entries[2]!.id, headHash: entries[2]!.hash });
    expect((await writeAuditAnchor(database.db, SECRET)).kind).toBe('unchanged');

    await record(database.db, 2);
    const second = await writeAuditAnchor(database.db, SECRET);
    const now = await trail(database.db);
    expect(second).toMatchObject({ kind: 'written', anchor: { entryCount: 5, headId: now[4]!.id } });
    const [stored] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_anchors`);
    expect(stored!.n).toBe(2);
  });

  it('logs a line an operator can check the trail against later, with no personal data', async () => {
    const result = await writeAuditAnchor(database.db, SECRET);
    if (result.kind !== 'unchanged') throw new Error(`expected the last anchor, got ${result.kind}`);
    const line = anchorLogLine(result.anchor);
    expect(line).toContain('5 entries');
    expect(line).not.toContain('tester');
    const given = parseAnchorArgument(line.match(/--anchor (\S+)\)/)![1]!);
    expect(given).toEqual({ entryCount: 5, headHash: result.anchor.headHash });
    expect(await verifyAuditChain(database.db, { secret: SECRET, given: given! })).toMatchObject({
      checked: 5,
      brokenAt: null,
      missingTail: null,
      unsignedAnchors: 0,
    });
  });

  it('refuses to change or remove anchors, even under session_replication_role = replica', async () => {
    const changes = {
      UPDATE: sql`update audit_anchors set entry_count = 1`,
      DELETE: sql`delete from audit_anchors`,
      TRUNCATE: sql`truncate audit_anchors`,
    };
    for (const replica of [false, true]) {
      for (const [operation, change] of Object.entries(changes)) {
        const refusal = await refusalOf(
          database.db.transaction(async (tx) => {
            if (replica) await tx.execute(sql`set local session_replication_role = replica`);
            await tx.execute(change);
          }),
        );
        expect(refusal).toContain(`audit_anchors is append-only: ${operation} is not allowed`);
      }
    }
  });

  it('reports the newest entries deleted after an anchor as a missing tail, and does not anchor over it', async () => {
    const before = await trail(database.db);
    await deleteNewestAuditEntries(database.db, 2);
    const lastLeft = before[2]!.id;

    const result = await verifyAuditChain(database.db, { secret: SECRET });
    expect(result.brokenAt).toBeNull();
    expect(result.checked).toBe(3);
    expect(result.missingTail?.afterId).toBe(lastLeft);
    expect(result.missingTail?.reason).toMatch(
      new RegExp(`^entries after ${lastLeft} were removed: the trail has 3 entries`),
    );

    expect((await writeAuditAnchor(database.db, SECRET)).kind).toBe('tail-missing');

    // New entries chain onto what is left, so the chain links again: the anchor still shows the gap.
    await record(database.db, 4);
    const later = await verifyAuditChain(database.db, { secret: SECRET });
    expect(later.brokenAt).toBeNull();
    expect(later.missingTail?.reason).toMatch(
      new RegExp(
        `^entries were removed or replaced at or before entry \\d+: the trail's 5 entries up to it do not match ` +
          `the anchor written at .*, which counted 5 up to entry ${before[4]!.id}$`,
      ),
    );
  });
});

describe('an anchor kept outside the database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await record(database.db, 4);
  });
  afterAll(async () => {
    await database.close();
  });

  it('reveals deleted newest entries even when the anchors in the database are gone too', async () => {
    const entries = await trail(database.db);
    const given = { entryCount: 4, headHash: entries[3]!.hash };
    expect(await verifyAuditChain(database.db, { given })).toMatchObject({ checked: 4, missingTail: null });

    await deleteNewestAuditEntries(database.db, 1);
    // Without an anchor the shorter chain looks whole: that is the hole anchors close.
    expect(await verifyAuditChain(database.db)).toMatchObject({ checked: 3, brokenAt: null, missingTail: null });
    const result = await verifyAuditChain(database.db, { given });
    expect(result.missingTail?.reason).toBe(
      `entries after ${entries[2]!.id} were removed: the trail has 3 entries, but the anchor given ` +
        `(ending in hash ${given.headHash.slice(0, 12)}…) counted 4`,
    );

    // New entries chain onto what is left and make up the count: the hash still gives the removal away.
    await record(database.db, 2);
    const later = await verifyAuditChain(database.db, { given });
    const fourth = (await trail(database.db))[3]!;
    expect(later.brokenAt).toBeNull();
    expect(later.missingTail?.reason).toMatch(
      new RegExp(`^entries were removed or replaced at or before entry ${fourth.id}: the trail's 4 entries up to it`),
    );
  });

  it('reports an anchor not signed with the secret (written by hand in the database)', async () => {
    const [head] = await trail(database.db).then((rows) => rows.slice(-1));
    await database.db.execute(
      sql`insert into audit_anchors (at, entry_count, head_id, head_hash, signature)
          values (now(), 3, ${head!.id}, ${head!.hash}, ${'ab'.repeat(32)})`,
    );
    expect(await verifyAuditChain(database.db, { secret: SECRET })).toMatchObject({ unsignedAnchors: 1, anchors: [] });
  });

  it('reads --anchor only as <count>:<hash>', () => {
    expect(parseAnchorArgument(`12:${'a'.repeat(64)}`)).toEqual({ entryCount: 12, headHash: 'a'.repeat(64) });
    expect(parseAnchorArgument('12')).toBeNull();
    expect(parseAnchorArgument(`0:${'a'.repeat(64)}`)).toBeNull();
    expect(parseAnchorArgument(`12:${'g'.repeat(64)}`)).toBeNull();
  });
});
