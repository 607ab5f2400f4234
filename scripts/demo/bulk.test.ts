import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { trainingBookings } from '../../src/modules/training/tables.ts';
import { insertRows } from './bulk.ts';

/** A database that records how many rows each insert statement carried. */
function recorder() {
  const statements: number[] = [];
  const db = { insert: () => ({ values: async (rows: object[]) => void statements.push(rows.length) }) };
  return { db: db as unknown as DbOrTx, statements };
}

describe('demo rows written in statements', () => {
  it('keeps every statement under PostgreSQL’s 65,535 parameters, however many rows a batch asks for', async () => {
    const { db, statements } = recorder();
    const columns = Object.keys(getTableColumns(trainingBookings)).length;
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ id: String(i) }));
    // The national demo's batch: 5,000 rows of a table this wide would be more parameters than PostgreSQL takes.
    expect(5000 * columns).toBeGreaterThan(65_535);
    await insertRows(db, trainingBookings, rows, 5000);
    expect(statements.reduce((a, b) => a + b, 0)).toBe(20_000);
    for (const size of statements) expect(size * columns).toBeLessThanOrEqual(65_535);
  });

  it('writes small batches as asked, and nothing for no rows', async () => {
    const { db, statements } = recorder();
    await insertRows(
      db,
      trainingBookings,
      Array.from({ length: 1200 }, () => ({})),
      500,
    );
    expect(statements).toEqual([500, 500, 200]);
    await insertRows(db, trainingBookings, [], 500);
    expect(statements).toHaveLength(3);
  });
});
