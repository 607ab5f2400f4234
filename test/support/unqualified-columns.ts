/**
 * A guard for every test run: Drizzle writes the columns of a single-table select unqualified, the
 * columns inside a `sql` field among them (`select ... from panel_meetings` writes
 * `${panelMeetings.id}` as "id"). Inside a subquery that name is read as the subquery's own table's
 * column, so `(select count(*) from panel_items i where i.meeting_id = ${panelMeetings.id})` counted
 * each item against its own id: the panel calendar said 0 items for every meeting, and a household's
 * concerns never showed Ofsted told. The guard fails a query, as it is built, whose selected `sql`
 * field holds a subquery and names a column of a table the field does not itself name: the outer
 * table's column, which the subquery would misread. Name the outer column in full
 * (`panel_meetings.id`), or put the subquery in a nested `sql` (Drizzle qualifies those).
 */
import { getTableName, is, SQL, Table } from 'drizzle-orm';
import { PgColumn, PgDialect } from 'drizzle-orm/pg-core';

/** Drizzle's own (private) method that writes a select's fields. */
type BuildSelection = (fields: { field: unknown }[], options?: { isSingleTable?: boolean }) => unknown;
const guarded = Symbol.for('hearth.unqualified-columns-guard');
const proto = PgDialect.prototype as unknown as { buildSelection: BuildSelection; [guarded]?: true };

/** The column chunks of a field Drizzle will write unqualified, that a subquery in it would misread. */
export function misreadColumns(field: unknown): string[] {
  const query = is(field, SQL.Aliased) ? field.sql : is(field, SQL) ? field : null;
  if (!query) return [];
  const text = query.queryChunks
    .map((c) => (typeof c === 'object' && c !== null && 'value' in c ? String((c as { value: unknown }).value) : ''))
    .join(' ');
  if (!/\b(select|exists)\b/i.test(text)) return [];
  const named = new Set(query.queryChunks.filter((c) => is(c, Table)));
  return query.queryChunks
    .filter((c): c is PgColumn => is(c, PgColumn) && !named.has(c.table))
    .map((c) => `${getTableName(c.table)}.${c.name}`);
}

if (!proto[guarded]) {
  proto[guarded] = true;
  const original: BuildSelection = proto.buildSelection;
  proto.buildSelection = function (this: PgDialect, fields, options = {}) {
    if (options.isSingleTable) {
      const misread = fields.flatMap(({ field }) => misreadColumns(field));
      if (misread.length) {
        throw new Error(
          `A subquery in a single-table select names ${misread.join(', ')}, which Drizzle writes unqualified ` +
            'and the subquery reads as its own table’s column: write it in full (table.column) instead',
        );
      }
    }
    return original.call(this, fields, options);
  };
}
