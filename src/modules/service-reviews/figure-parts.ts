/** What every kind's figures are made of: tables of counts (or amounts), and where they are counted. */
import { sql, type SQL } from 'drizzle-orm';
import { formatDate } from '../../platform/views/format.ts';
import { halfYearEnd } from './periods.ts';

/** One line of a table of figures: its words and a value for each of the table's columns. */
export interface FigureRow {
  label: string;
  values: (number | null)[];
}

/** A table of figures: counts, or amounts in pence. */
export interface FigureSection {
  title: string;
  /** What was counted, in a sentence ("Received in the half-year ..."). */
  note: string;
  /** The headings of the value columns (the first column is the row's words). */
  columns: string[];
  as: 'count' | 'pence';
  rows: FigureRow[];
  /** Said instead of the table when it has no rows. */
  empty?: string;
}

export interface Figures {
  sections: FigureSection[];
}

/** Where a review's figures are counted: its half-year, and its area (null: the whole service). */
export interface FigureScope {
  from: string;
  to: string;
  areaId: string | null;
}

export const scopeOf = (periodStart: string, areaId: string | null): FigureScope => ({
  from: periodStart,
  to: halfYearEnd(periodStart),
  areaId,
});

/** The half-year in a note: "from 1 April to 30 September 2026". */
export const between = (s: FigureScope) => `from ${formatDate(s.from)} to ${formatDate(s.to)}`;

/** A single-column count row. */
export const count = (label: string, value: unknown): FigureRow => ({ label, values: [Number(value ?? 0)] });

/** The area's records (teams `t` in the area), or every record for a service-wide review. */
export const inArea = (s: FigureScope) => (s.areaId ? sql`t.area_id = ${s.areaId}::uuid` : sql`true`);

/** A day of the half-year: `column` between its first and last day. */
export const inHalfYear = (column: SQL, s: FigureScope) => sql`${column} between ${s.from}::date and ${s.to}::date`;
