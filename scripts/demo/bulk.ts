/**
 * Bulk inserts for the demo: rows are gathered column by column and written `batch` at a time
 * as one `insert ... select * from unnest(array, array, ...)` statement, the same on PGlite and
 * PostgreSQL. No per-row round trips.
 */
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../src/platform/db/client.ts';

export type Value = string | number | boolean | null | undefined;

/** A PostgreSQL array literal: every element quoted, NULL bare. */
function arrayLiteral(values: Value[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (v === null || v === undefined) {
      parts[i] = 'NULL';
    } else {
      const text = String(v);
      parts[i] = /["\\]/.test(text) ? `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : `"${text}"`;
    }
  }
  return `{${parts.join(',')}}`;
}

/** Column name and PostgreSQL type, e.g. ['household_id', 'uuid']. */
export type Column = readonly [name: string, type: string];

export class BulkTable {
  private readonly buffers: Value[][];
  private pending = 0;
  /** Rows written so far. */
  written = 0;

  constructor(
    private readonly db: DbOrTx,
    readonly table: string,
    private readonly columns: readonly Column[],
    private readonly batch: number,
    /** Called when a batch is full: writes this table and the tables it refers to. */
    private readonly onFull: () => Promise<void>,
  ) {
    this.buffers = columns.map(() => []);
  }

  /** Adds a row (values in column order); when a batch is full, the writers are flushed. */
  async add(...values: Value[]): Promise<void> {
    if (values.length !== this.columns.length) {
      throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    }
    for (let i = 0; i < values.length; i += 1) this.buffers[i]!.push(values[i]);
    this.pending += 1;
    if (this.pending >= this.batch) await this.onFull();
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    const names = this.columns.map(([name]) => name).join(', ');
    const arrays = sql.join(
      this.columns.map(([, type], i) => sql`${arrayLiteral(this.buffers[i]!)}::text::${sql.raw(type)}[]`),
      sql`, `,
    );
    await this.db.execute(
      sql`insert into ${sql.identifier(this.table)} (${sql.raw(names)}) select * from unnest(${arrays})`,
    );
    this.written += this.pending;
    this.pending = 0;
    for (const buffer of this.buffers) buffer.length = 0;
  }
}

/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 65_535;

/**
 * Inserts rows through Drizzle a statement at a time: at most `rowsPerStatement` rows, and never
 * more than PostgreSQL's parameter limit allows for the table's columns (a row binds one
 * parameter a column; past the limit the count wraps and the server refuses the statement).
 */
export async function insertRows(
  db: DbOrTx,
  table: PgTable,
  rows: readonly object[],
  rowsPerStatement = 500,
): Promise<void> {
  const columns = Object.keys(getTableColumns(table)).length;
  const step = Math.max(1, Math.min(rowsPerStatement, Math.floor(MAX_PARAMETERS / columns)));
  for (let from = 0; from < rows.length; from += step) {
    await db.insert(table).values(rows.slice(from, from + step) as never);
  }
}
