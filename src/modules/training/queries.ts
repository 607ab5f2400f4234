/** The training module's reads: the calendar, courses, sessions and their registers, searches. */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { childVisibleTo } from '../children/scope.ts';
import { carersVisibleTo } from './scope.ts';
import { trainingOtherPlaces } from './tables.ts';

export const PAGE_SIZE = 25;
/** At most this many people found by a search on a register or an attendance list. */
export const SEARCH_LIMIT = 10;

export interface SessionRow {
  id: string;
  course_id: string;
  title: string;
  category: string;
  hours: string;
  starts_on: string;
  ends_on: string;
  start_time: string | null;
  format: string;
  place: string;
  capacity: number;
  trainer: string;
  status: string;
  cancelled_reason: string | null;
  booked: number;
  /** Places taken by other organisations (training_other_places). */
  others: number;
}

const sessionColumns = sql`s.id, s.course_id, c.title, c.category, c.hours::text as hours,
  to_char(s.starts_on, 'YYYY-MM-DD') as starts_on, to_char(s.ends_on, 'YYYY-MM-DD') as ends_on, s.start_time,
  s.format, s.place, s.capacity, s.trainer, s.status, s.cancelled_reason,
  (select count(*)::int from training_bookings b where b.session_id = s.id and b.status = 'booked') as booked,
  (select coalesce(sum(o.places), 0)::int from training_other_places o where o.session_id = s.id) as others`;

/** Sessions matching `where`, one page, in date order. */
export async function sessionsPage(
  db: DbOrTx,
  where: SQL,
  page: number,
  order: SQL = sql`s.starts_on, s.start_time, c.title`,
) {
  const from = sql`training_sessions s join training_courses c on c.id = s.course_id where ${where}`;
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${from}`);
  const rows = await queryRows<SessionRow>(
    db,
    sql`select ${sessionColumns} from ${from} order by ${order} limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}`,
  );
  return { rows, total: Number(total?.n ?? 0) };
}

export async function findSession(db: DbOrTx, id: string): Promise<SessionRow | null> {
  const [row] = await queryRows<SessionRow>(
    db,
    sql`select ${sessionColumns} from training_sessions s join training_courses c on c.id = s.course_id where s.id = ${id}`,
  );
  return row ?? null;
}

export interface CourseRow {
  id: string;
  title: string;
  category: string;
  description: string | null;
  hours: string;
  mandatory_for: string;
  active: boolean;
  upcoming: number;
}

const courseColumns = sql`c.id, c.title, c.category, c.description, c.hours::text as hours, c.mandatory_for, c.active,
  (select count(*)::int from training_sessions s where s.course_id = c.id and s.status = 'scheduled'
    and s.starts_on >= current_date) as upcoming`;

export async function coursesPage(db: DbOrTx, page: number, category: string) {
  const where = category ? sql`c.category = ${category}` : sql`true`;
  const [total] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from training_courses c where ${where}`,
  );
  const rows = await queryRows<CourseRow>(
    db,
    sql`select ${courseColumns} from training_courses c where ${where}
      order by c.active desc, c.title limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}`,
  );
  return { rows, total: Number(total?.n ?? 0) };
}

export async function findCourse(db: DbOrTx, id: string): Promise<CourseRow | null> {
  const [row] = await queryRows<CourseRow>(db, sql`select ${courseColumns} from training_courses c where c.id = ${id}`);
  return row ?? null;
}

export interface RegisterRow {
  id: string;
  carer_id: string;
  name: string | null;
  household: string | null;
  status: string;
  booked_via: string;
  attendance: string | null;
}

/**
 * A session's bookings, booked first then cancelled, by name. A carer the viewer may not read (a
 * restricted household) is listed without a name.
 */
export async function registerOf(db: DbOrTx, viewer: SignedInUser, sessionId: string): Promise<RegisterRow[]> {
  return queryRows<RegisterRow>(
    db,
    sql`select b.id, b.carer_id, b.status, b.booked_via, b.attendance,
        case when v.visible then cr.first_name || ' ' || cr.last_name end as name,
        case when v.visible then h.name || ' (' || h.reference || ')' end as household
      from training_bookings b join carers cr on cr.id = b.carer_id join households h on h.id = cr.household_id
      cross join lateral (select ${carersVisibleTo(viewer)} as visible from carers where carers.id = cr.id) v
      where b.session_id = ${sessionId}
      order by b.status = 'cancelled', cr.last_name, cr.first_name, b.id`,
  );
}

export interface FoundPerson {
  id: string;
  name: string;
  detail: string;
}

/** Escapes LIKE wildcards so a search for "50%" means those characters. */
const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Carers the viewer may read whose name or household (name or reference) matches, living in households in assessment or approved. */
export async function searchCarers(db: DbOrTx, viewer: SignedInUser, q: string): Promise<FoundPerson[]> {
  if (!q) return [];
  const pattern = like(q);
  return queryRows<FoundPerson>(
    db,
    sql`select carers.id, carers.first_name || ' ' || carers.last_name as name, h.name || ' (' || h.reference || ')' as detail
      from carers join households h on h.id = carers.household_id
      where ${carersVisibleTo(viewer)} and h.status in ('approved', 'in_assessment', 'on_hold') and carers.left_on is null
        and (carers.first_name || ' ' || carers.last_name ilike ${pattern} or h.name ilike ${pattern} or h.reference ilike ${pattern})
      order by carers.last_name, carers.first_name, carers.id limit ${SEARCH_LIMIT}`,
  );
}

/** Children the viewer may read whose name or reference matches. */
export async function searchChildren(db: DbOrTx, viewer: SignedInUser, q: string): Promise<FoundPerson[]> {
  if (!q) return [];
  const pattern = like(q);
  return queryRows<FoundPerson>(
    db,
    sql`select children.id, children.first_name || ' ' || children.last_name as name, children.reference as detail
      from children where ${childVisibleTo(viewer)} and children.left_care_on is null
        and (children.first_name || ' ' || children.last_name ilike ${pattern} or children.reference ilike ${pattern})
      order by children.last_name, children.first_name, children.id limit ${SEARCH_LIMIT}`,
  );
}

export interface OtherPlacesRow {
  id: string;
  organisation: string;
  kind: string;
  places: number;
  pence_per_place: number;
}

/** The places other organisations took on a session, in the order recorded. */
export async function otherPlacesOf(db: DbOrTx, sessionId: string): Promise<OtherPlacesRow[]> {
  return queryRows<OtherPlacesRow>(
    db,
    sql`select o.id, o.organisation, o.kind, o.places, o.pence_per_place from training_other_places o
      where o.session_id = ${sessionId} order by o.created_at, o.id`,
  );
}

/** Places other organisations took on the sessions held or to be held from `from`, and what they were charged. */
export async function otherPlacesSince(db: DbOrTx, from: string) {
  const [row] = await queryRows<{ places: number; pence: number; organisations: number }>(
    db,
    sql`select coalesce(sum(o.places), 0)::int as places, coalesce(sum(o.places * o.pence_per_place), 0)::int as pence,
        count(distinct lower(o.organisation))::int as organisations
      from training_other_places o join training_sessions s on s.id = o.session_id
      where s.starts_on >= ${from}::date and s.status = 'scheduled'`,
  );
  return {
    places: Number(row?.places ?? 0),
    pence: Number(row?.pence ?? 0),
    organisations: Number(row?.organisations ?? 0),
  };
}

/** One organisation's places on a session, by id. */
export async function findOtherPlaces(db: DbOrTx, id: string) {
  const [row] = await db.select().from(trainingOtherPlaces).where(eq(trainingOtherPlaces.id, id));
  return row ?? null;
}
