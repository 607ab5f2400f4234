/**
 * Reading a child's visits: the child is found (and scoped) by the caller through findChild, so
 * these read by the child's id. Every list is paged in SQL.
 */
import { sql } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { isUuid } from '../../platform/views/params.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { placementRunningOn } from '../placements/scope.ts';
import {
  lastSeenVisit,
  nextVisitDue,
  notEndedBy,
  timedPlacements,
  UNTIMED_PLACEMENT_TYPES,
  visitStage,
  type VisitStage,
} from './rule.ts';

export const VISITS_PAGE_SIZE = 20;
/** How many of the last visits the child's page shows. */
export const LATEST_VISITS = 3;

export interface VisitRow {
  id: string;
  visitedOn: string;
  visitedByName: string;
  childSeen: boolean;
  seenAlone: boolean | null;
  notAloneReason: string | null;
  place: string;
  note: string | null;
  placedWith: string;
  withAgency: boolean;
  recordedByName: string;
  recordedAt: Date | string;
}

function visitsQuery(childId: string, limit: number, offset: number) {
  return sql`select v.id, v.visited_on::text as "visitedOn", vb.display_name as "visitedByName",
      v.child_seen as "childSeen", v.seen_alone as "seenAlone", v.not_alone_reason as "notAloneReason",
      v.place, v.note, coalesce(h.name, a.agency_name) as "placedWith", v.agency_placement_id is not null as "withAgency",
      rb.display_name as "recordedByName", v.recorded_at as "recordedAt"
    from child_visits v
    join users vb on vb.id = v.visited_by
    join users rb on rb.id = v.recorded_by
    left join placements p on p.id = v.placement_id
    left join households h on h.id = p.household_id
    left join agency_placements a on a.id = v.agency_placement_id
    where v.child_id = ${childId}
    order by v.visited_on desc, v.recorded_at desc, v.id
    limit ${limit} offset ${offset}`;
}

/** A page of the child's visits, newest first, and how many there are. */
export async function visitsOfChild(db: DbOrTx, childId: string, page: number) {
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from child_visits where child_id = ${childId}`,
  );
  const total = Number(count?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / VISITS_PAGE_SIZE));
  const shown = Math.min(page, pages);
  const rows = await queryRows<VisitRow>(db, visitsQuery(childId, VISITS_PAGE_SIZE, (shown - 1) * VISITS_PAGE_SIZE));
  return { rows, total, page: shown };
}

/** The child's last few visits, newest first. */
export async function latestVisitsOf(db: DbOrTx, childId: string): Promise<{ rows: VisitRow[]; total: number }> {
  const { rows, total } = await visitsOfChild(db, childId, 1);
  return { rows: rows.slice(0, LATEST_VISITS), total };
}

export interface NextVisit {
  placementId: string;
  kind: 'in-house' | 'agency';
  startDate: string;
  placementType: string;
  lastSeenOn: string | null;
  dueOn: string;
  stage: VisitStage;
  /** Under temporary approval (regulation 28(4)): the child's first review. */
  firstReviewOn: string | null;
  planned: boolean;
}

/**
 * The next statutory visit due to the child: under the placement they live in today or, when they
 * have none, the one planned to start next. Null when neither is one regulation 28(2) times.
 */
export async function nextVisitOf(db: DbOrTx, childId: string, today: IsoDate): Promise<NextVisit | null> {
  const rows = await queryRows<NextVisit>(
    db,
    sql`select pl.id as "placementId", pl.kind, pl.start_date::text as "startDate", pl.placement_type as "placementType",
        seen.last_on::text as "lastSeenOn", ${nextVisitDue}::text as "dueOn", ${visitStage} as stage,
        pl.first_review_on::text as "firstReviewOn", pl.start_date > ${today}::date as planned
      from ${timedPlacements((t) => sql`${notEndedBy(today)(t)} and ${t}.child_id = ${childId}`, undefined, { few: true })}
      ${lastSeenVisit()}
      order by pl.start_date > ${today}::date, pl.start_date desc`,
  );
  const current = rows.find((r) => !r.planned);
  return current ?? rows.at(-1) ?? null;
}

/** The child's placement today that regulation 28(2) sets no interval for (Staying Put, a short break), if any. */
export async function untimedPlacementOf(db: DbOrTx, childId: string, today: IsoDate): Promise<string | null> {
  const types = sql.raw(UNTIMED_PLACEMENT_TYPES.map((t) => `'${t}'`).join(', '));
  const [row] = await queryRows<{ type: string }>(
    db,
    sql`select placement_type as type from (
        select placement_type, start_date, end_date from placements where child_id = ${childId}
        union all
        select placement_type, start_date, end_date from agency_placements where child_id = ${childId}
      ) x where placement_type in (${types}) and ${placementRunningOn('x', today)}
      limit 1`,
  );
  return row?.type ?? null;
}

export interface PlacementOnDay {
  id: string;
  kind: 'in-house' | 'agency';
  placedWith: string;
  startDate: string;
}

/**
 * The placement the child lived in on the day: with the service's carers or an agency, started on
 * or before it and not ended before it (on the day of a move, the placement that starts that day).
 */
export async function placementOn(db: DbOrTx, childId: string, day: IsoDate): Promise<PlacementOnDay | null> {
  const [row] = await queryRows<PlacementOnDay>(
    db,
    sql`select id, kind, placed_with as "placedWith", start_date::text as "startDate" from (
        select p.id, 'in-house' as kind, h.name as placed_with, p.start_date, p.end_date
          from placements p join households h on h.id = p.household_id where p.child_id = ${childId}
        union all
        select a.id, 'agency', a.agency_name, a.start_date, a.end_date
          from agency_placements a where a.child_id = ${childId}
      ) x
      where start_date <= ${day}::date and (end_date is null or end_date >= ${day}::date)
      order by start_date desc, kind desc
      limit 1`,
  );
  return row ?? null;
}

/** The child a visit is for, as far as who may have visited goes. */
export interface VisitedChild {
  areaId: string;
  allocatedSocialWorkerId: string | null;
}

/**
 * Who may be named as the visitor: the child's social worker, the active children's social workers
 * of the child's area (a colleague covering), and the person recording (a manager who visited).
 * A short list even at national scale, where the service has over a thousand social workers.
 */
const visitors = (user: SignedInUser, child: VisitedChild, recorded: string | null) => sql`(active and (id = ${user.id}
  or (role = 'childrens_social_worker' and (area_id = ${child.areaId} or id = ${child.allocatedSocialWorkerId}))))
  or id = ${recorded}`;

/** The people offered as the visitor; `recorded`, the visitor a visit being changed names (who may since have moved on). */
export async function visitorOptions(
  db: DbOrTx,
  user: SignedInUser,
  child: VisitedChild,
  recorded: string | null = null,
) {
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select id, display_name as name from users where ${visitors(user, child, recorded)} order by display_name, id`,
  );
}

/** Whether this person may be named as the visitor (as visitorOptions offers). */
export async function mayBeVisitor(
  db: DbOrTx,
  user: SignedInUser,
  child: VisitedChild,
  id: string,
  recorded: string | null = null,
): Promise<boolean> {
  if (!isUuid(id)) return false;
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select true as ok from users where id = ${id} and (${visitors(user, child, recorded)})`,
  );
  return Boolean(row);
}

/** A visit as it was recorded, for "Change the visit": the form's values, in its own terms. */
export interface RecordedVisit {
  id: string;
  visitedOn: IsoDate;
  visitedBy: string;
  childSeen: boolean;
  seenAlone: boolean | null;
  notAloneReason: string | null;
  place: string;
  note: string | null;
  placementId: string;
}

/** One of the child's visits (null when the visit is not this child's). No access check: the caller scoped the child. */
export async function recordedVisit(db: DbOrTx, childId: string, visitId: string): Promise<RecordedVisit | null> {
  if (!isUuid(visitId)) return null;
  const [row] = await queryRows<RecordedVisit>(
    db,
    sql`select id, visited_on::text as "visitedOn", visited_by as "visitedBy", child_seen as "childSeen",
        seen_alone as "seenAlone", not_alone_reason as "notAloneReason", place, note,
        coalesce(placement_id, agency_placement_id) as "placementId"
      from child_visits where id = ${visitId} and child_id = ${childId}`,
  );
  return row ?? null;
}
