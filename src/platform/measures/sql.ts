/** SQL pieces measures share. */
import { sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../dates/index.ts';
import { deadlinesBetween } from './periods.ts';

/**
 * The start dates whose N-working-day deadline falls in the period, with the deadline, as a table
 * `alias(start_on, due_on)` to join a measure's records to by start date; null when none does.
 */
export function deadlineTable(from: IsoDate, to: IsoDate, workingDays: number, alias: string): SQL | null {
  const days = deadlinesBetween(from, to, workingDays);
  if (days.length === 0) return null;
  const values = sql.join(
    days.map((d) => sql`(${d.start}::date, ${d.due}::date)`),
    sql`, `,
  );
  return sql`(values ${values}) as ${sql.raw(alias)}(start_on, due_on)`;
}
