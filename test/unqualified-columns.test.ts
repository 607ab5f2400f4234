/**
 * The guard against subqueries that misread an outer column (test/support/unqualified-columns.ts),
 * on the query that made the panel calendar say 0 items for every meeting.
 */
import { sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { panelItems, panelMeetings } from '../src/modules/panel/tables.ts';

const qb = new QueryBuilder();

describe('a subquery in a single-table select', () => {
  it('is refused when it names the outer table’s column, which Drizzle writes unqualified', () => {
    const misread = qb
      .select({ items: sql<number>`(select count(*) from panel_items i where i.meeting_id = ${panelMeetings.id})` })
      .from(panelMeetings);
    expect(() => misread.toSQL()).toThrow(/names panel_meetings\.id/);
  });

  it('is built when the outer column is written in full, or the subquery names its own table', () => {
    const inFull = qb
      .select({ items: sql<number>`(select count(*) from panel_items i where i.meeting_id = panel_meetings.id)` })
      .from(panelMeetings);
    expect(inFull.toSQL().sql).toContain('i.meeting_id = panel_meetings.id');
    const ownTable = qb
      .select({ n: sql<number>`(select count(*) from ${panelItems} where ${panelItems.meetingId} is not null)` })
      .from(panelMeetings);
    expect(ownTable.toSQL().sql).toContain('from "panel_items" where "meeting_id" is not null');
    // With a join Drizzle qualifies every column, so the outer one is read as meant.
    const joined = qb
      .select({ items: sql<number>`(select count(*) from panel_items i where i.meeting_id = ${panelMeetings.id})` })
      .from(panelMeetings)
      .innerJoin(panelItems, sql`true`);
    expect(joined.toSQL().sql).toContain('i.meeting_id = "panel_meetings"."id"');
  });
});
