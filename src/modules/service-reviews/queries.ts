/** The six-monthly reviews' reads: the list a viewer may see, and one review's saved record, scoped by scope.ts. */
import { sql } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import type { KindKey } from './kinds.ts';
import { latestEnded, slotId } from './periods.ts';
import { kindsReadBy, ofKind, reviewVisibleTo } from './scope.ts';
import { firstExpectedSql, slotsSql } from './slots.ts';

export const LIST_PAGE_SIZE = 25;

/** Where a review stands: overdue (1), due (2), completed (3), as the list sorts them. */
export type ListState = 'overdue' | 'due' | 'completed';

export interface ListRow {
  id: string;
  kind: KindKey;
  title: string;
  areaId: string | null;
  areaName: string | null;
  periodStart: IsoDate;
  dueOn: IsoDate;
  state: ListState;
  started: boolean;
  completedOn: IsoDate | null;
  completedByName: string | null;
}

/**
 * The reviews the viewer may read, of one kind or all: every completed one, and those not yet
 * completed of every half-year ended from the first whose reviews are expected (slots.ts
 * firstExpectedSql, where My work's deadlines start too); overdue first (the longest overdue
 * first), then due (the soonest first), then completed (the latest half-year first), a page at a
 * time, with how many there are in each state. Counted, sorted and paged in SQL.
 */
export async function listReviews(
  db: DbOrTx,
  viewer: SignedInUser,
  today: IsoDate,
  options: { kind: KindKey | null; page: number },
) {
  const first = firstExpectedSql(today);
  const earliest = sql`least(${first}, (select min(period_start) from service_reviews))`;
  const listed = sql`${slotsSql(earliest, latestEnded(today), kindsReadBy(viewer))} s
    left join service_reviews r on r.id = s.id
    cross join lateral (select case when r.completed_at is not null then 3 when s.due_on < ${today}::date then 1 else 2 end as state) st
    where (r.completed_at is not null or s.period_start >= ${first})
      and ${reviewVisibleTo(viewer, 's')} and ${ofKind('s', options.kind)}`;
  const rows = await queryRows<Omit<ListRow, 'state'> & { state: number }>(
    db,
    sql`select s.id, s.kind, s.title, s.area_id as "areaId", s.area_name as "areaName",
        s.period_start::text as "periodStart", s.due_on::text as "dueOn", st.state,
        r.id is not null as started, r.completed_on::text as "completedOn",
        (select u.display_name from users u where u.id = r.completed_by) as "completedByName"
      from ${listed}
      order by st.state, case when st.state < 3 then s.due_on end, s.period_start desc, s.kind, s.area_name
      limit ${LIST_PAGE_SIZE} offset ${(options.page - 1) * LIST_PAGE_SIZE}`,
  );
  const [counts] = await queryRows<{ total: number; overdue: number; due: number; completed: number }>(
    db,
    sql`select count(*)::int as total, count(*) filter (where st.state = 1)::int as overdue,
        count(*) filter (where st.state = 2)::int as due, count(*) filter (where st.state = 3)::int as completed
      from ${listed}`,
  );
  const states: ListState[] = ['overdue', 'due', 'completed'];
  return {
    rows: rows.map((r) => ({ ...r, state: states[Number(r.state) - 1]! })),
    total: counts?.total ?? 0,
    overdue: counts?.overdue ?? 0,
    due: counts?.due ?? 0,
    completed: counts?.completed ?? 0,
  };
}

/** A saved review, as its page shows it. */
export interface SavedReview {
  id: string;
  heard: string | null;
  learnt: string | null;
  willDo: string | null;
  sharedWith: string | null;
  sharedOn: IsoDate | null;
  figures: unknown;
  completedOn: IsoDate | null;
  completedAt: Date | string | null;
  completedByName: string | null;
  updatedByName: string | null;
  updatedAt: Date | string;
}

/** The saved review of this place, or null when none was saved yet. No access check: the caller checked the place. */
export async function savedReview(
  db: DbOrTx,
  kind: KindKey,
  periodStart: IsoDate,
  areaId: string | null,
): Promise<SavedReview | null> {
  const [row] = await queryRows<SavedReview>(
    db,
    sql`select r.id, r.heard, r.learnt, r.will_do as "willDo", r.shared_with as "sharedWith",
        r.shared_on::text as "sharedOn", r.figures, r.completed_on::text as "completedOn",
        r.completed_at as "completedAt", r.updated_at as "updatedAt",
        (select u.display_name from users u where u.id = r.completed_by) as "completedByName",
        (select u.display_name from users u where u.id = r.updated_by) as "updatedByName"
      from service_reviews r where r.id = ${slotId(kind, periodStart, areaId)}`,
  );
  return row ?? null;
}

/** The name of an area, or null when there is no such area. */
export async function areaName(db: DbOrTx, areaId: string): Promise<string | null> {
  const [row] = await queryRows<{ name: string }>(db, sql`select name from areas where id = ${areaId}`);
  return row?.name ?? null;
}
