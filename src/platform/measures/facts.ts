/**
 * Kept facts: small tables of facts many measures share (a household's status periods, its last
 * visit ...), derived from a module's records and kept in step with them. The module that owns the
 * records declares the facts as ONE select deriving the table's rows (for every key, or for some);
 * it refreshes a record's rows in the transaction that changes the record, and a rebuild (or a
 * check, which changes nothing) derives the whole table again.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { queryRows } from '../db/sql.ts';
import { markProvisionalFiguresOutOfDate } from './snapshots.ts';

export interface KeptFacts {
  /** The table's name (as in the database). */
  table: string;
  /** The column that says whose facts a row holds (a household's id ...): refreshes go by it. */
  key: string;
  /** The table's columns, in the order `derive` selects them. */
  columns: readonly string[];
  /**
   * The table's rows as they should be, for these keys only (a `key in (...)` condition to put in
   * the select's where clause) or, when `keys` is undefined, for every key.
   */
  derive(keys?: SQL): SQL;
  /**
   * For facts kept from other modules' records too: for each type of record ('placement',
   * 'household' ...), the keys of the rows a change to those records moves, as a select of one
   * column given the changed ids as a parenthesised list (the shape of a deadline rule's
   * affectedBy). Every change already tells the deadline engine (refreshDueItems), which refreshes
   * these rows in the same call; facts without it are refreshed by their own module.
   */
  affectedBy?: Record<string, (ids: SQL) => SQL>;
}

const keptByChange = new Map<string, KeptFacts>();

/** Registers facts that declare `affectedBy`, so a change to those records refreshes them (once per table). */
export function registerKeptFacts(facts: KeptFacts): void {
  if (facts.affectedBy) keptByChange.set(facts.table, facts);
}

/**
 * Refreshes, in the caller's transaction, the rows of every registered kept table that a change to
 * these records (of `recordType`, as a parenthesised list of ids) moves.
 */
export async function refreshFactsAffectedBy(tx: DbOrTx, recordType: string, changed: SQL): Promise<void> {
  for (const facts of keptByChange.values()) {
    const affected = facts.affectedBy?.[recordType];
    if (!affected) continue;
    const rows = await queryRows<{ key: string }>(
      tx,
      sql`select distinct k.key::text as key from (${affected(changed)}) as k(key) where k.key is not null`,
    );
    await refreshFacts(
      tx,
      facts,
      rows.map((r) => r.key),
    );
  }
}

const names = (facts: KeptFacts) => sql.raw(facts.columns.map((c) => `"${c}"`).join(', '));

/** Derives the facts of these keys again, in the caller's transaction (ONE delete and ONE insert). */
export async function refreshFacts(tx: DbOrTx, facts: KeptFacts, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const list = sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  );
  const table = sql.raw(`"${facts.table}"`);
  const key = sql.raw(`"${facts.key}"`);
  await tx.execute(sql`delete from ${table} where ${key} in (${list})`);
  await tx.execute(sql`insert into ${table} (${names(facts)}) ${facts.derive(list)}`);
  // The current month's figures were counted before this change: out of date until counted again.
  await markProvisionalFiguresOutOfDate(tx);
}

/** Derives the whole table again (for a migration, the demo loader, or after a rule changes). */
export async function rebuildFacts(db: DbOrTx, facts: KeptFacts): Promise<number> {
  const table = sql.raw(`"${facts.table}"`);
  await db.execute(sql`delete from ${table}`);
  await db.execute(sql`insert into ${table} (${names(facts)}) ${facts.derive()}`);
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${table}`);
  return Number(row?.n ?? 0);
}

/**
 * How far the kept table is from a rebuild: the number of rows in one and not the other (0 when
 * they are equal). Changes nothing.
 */
export async function factsDifferences(db: DbOrTx, facts: KeptFacts): Promise<number> {
  const table = sql.raw(`"${facts.table}"`);
  const kept = sql`select ${names(facts)} from ${table}`;
  const derived = facts.derive();
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (
          ((${kept}) except all (${derived})) union all ((${derived}) except all (${kept}))
        ) d`,
  );
  return Number(row?.n ?? 0);
}
