import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeTurns } from './pglite-turns.ts';

let client: PGlite;
beforeAll(async () => {
  client = takeTurns(await PGlite.create());
  await client.exec('create table marks (n int)');
}, 60_000);
afterAll(async () => client?.close());

/** Counts the event loop's turns while `work` runs. */
async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns += 1;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  await work().finally(() => (running = false));
  return turns;
}

describe('PGlite on the server’s thread', () => {
  it('lets the server take a turn between any two queries, however many are waiting', async () => {
    const queries = Array.from({ length: 30 }, (_, i) => i);
    const turns = await turnsDuring(() => Promise.all(queries.map((i) => client.query('select $1::int as n', [i]))));
    expect(turns).toBeGreaterThanOrEqual(queries.length);
  });

  it('still answers each query with its own rows, in order, and a failed one does not stop the rest', async () => {
    const answers = await Promise.allSettled([
      client.query<{ n: number }>('select 1 as n'),
      client.query('select * from no_such_table'),
      client.query<{ n: number }>('select 3 as n'),
    ]);
    expect(answers.map((a) => (a.status === 'fulfilled' ? (a.value.rows[0] as { n: number }).n : 'refused'))).toEqual([
      1,
      'refused',
      3,
    ]);
  });

  it('runs a transaction’s own queries inside it, and rolls it back whole', async () => {
    await client.transaction(async (tx) => {
      await tx.query('insert into marks values (1)');
      await tx.query('insert into marks values (2)');
    });
    await expect(
      client.transaction(async (tx) => {
        await tx.query('insert into marks values (3)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const { rows } = await client.query<{ n: number }>('select n from marks order by n');
    expect(rows.map((r) => r.n)).toEqual([1, 2]);
  });
});
