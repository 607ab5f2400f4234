import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';

/** Runs raw SQL and returns its rows, the same way on PGlite and node-postgres. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A LIKE pattern for text containing these words, with LIKE's wildcards escaped (a search for "50%" means those characters). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A date column or expression in words, as pages write dates: "1 December 2026". */
export function dateInWordsSql(date: SQL): SQL {
  return sql`to_char(${date}, 'FMDD FMMonth YYYY')`;
}

/** A column's code in words, from a list of codes and their names (the code itself for one not listed). */
export function namesInWordsSql<K extends string>(column: SQL, keys: readonly K[], names: Record<K, string>): SQL {
  return sql`case ${column} ${sql.join(
    keys.map((k) => sql`when ${k} then ${names[k]}`),
    sql` `,
  )} else ${column} end`;
}
