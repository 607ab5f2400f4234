/**
 * A carer's training record as their pages show it (the staff page, the portal, the annual
 * review): sessions booked and attended, the TSD standards, core training, participation days,
 * and what is due. Read for one carer or one household at a time; callers check scope first.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { addDays, addYears, type IsoDate } from '../../platform/dates/index.ts';
import { coreCompletedOn, lastTrainingOn, participationDays, tsdDeadline, tsdEvidencedOn } from './sql.ts';

/** The most sessions a record page lists (newest first). */
export const RECORD_SESSIONS = 100;

export interface CarerFacts {
  carer_id: string;
  first_name: string;
  last_name: string;
  tsd_deadline: string | null;
  tsd_evidenced_on: string | null;
  tsd_notes: string | null;
  last_training_on: string | null;
  core_completed_on: string | null;
  participation_days: number;
  pdp_agreed_on: string | null;
  pdp_review_by: string | null;
  /** The day the carer left the household, for a former carer. */
  left_on: string | null;
}

/** The facts of each carer of a household (or one carer), as at `today`: those who have left last. */
export async function carerFacts(
  db: DbOrTx,
  which: { householdId: string } | { carerId: string },
  today: IsoDate,
): Promise<CarerFacts[]> {
  const where = 'carerId' in which ? sql`cr.id = ${which.carerId}` : sql`cr.household_id = ${which.householdId}`;
  const fmt = (value: ReturnType<typeof sql>) => sql`to_char(${value}, 'YYYY-MM-DD')`;
  return queryRows<CarerFacts>(
    db,
    sql`select cr.id as carer_id, cr.first_name, cr.last_name,
        case when h.status = 'approved' or h.approved_on is not null then ${fmt(tsdDeadline())} end as tsd_deadline,
        ${fmt(tsdEvidencedOn(sql`cr.id`, today))} as tsd_evidenced_on,
        (select t.notes from tsd_evidence t where t.carer_id = cr.id) as tsd_notes,
        ${fmt(lastTrainingOn(sql`cr.id`, today))} as last_training_on,
        ${fmt(coreCompletedOn(sql`cr.id`, today))} as core_completed_on,
        ${participationDays(sql`cr.id`, addDays(addYears(today, -1), 1), today)} as participation_days,
        to_char(pdp.agreed_on, 'YYYY-MM-DD') as pdp_agreed_on, to_char(pdp.review_by, 'YYYY-MM-DD') as pdp_review_by,
        to_char(cr.left_on, 'YYYY-MM-DD') as left_on
      from carers cr join households h on h.id = cr.household_id
      left join lateral (select d.agreed_on, d.review_by from development_plans d where d.carer_id = cr.id
        order by d.agreed_on desc, d.created_at desc limit 1) pdp on true
      where ${where}
      order by cr.left_on is not null, cr.created_at, cr.id`,
  );
}

export interface BookingRow {
  id: string;
  session_id: string;
  carer_id: string;
  title: string;
  category: string;
  hours: string;
  starts_on: string;
  start_time: string | null;
  place: string;
  format: string;
  status: string;
  session_status: string;
  attendance: string | null;
}

/** The sessions booked by a carer (or a household's carers), newest first. */
export async function bookingsOf(
  db: DbOrTx,
  which: { householdId: string } | { carerId: string },
): Promise<BookingRow[]> {
  const where = 'carerId' in which ? sql`b.carer_id = ${which.carerId}` : sql`b.household_id = ${which.householdId}`;
  return queryRows<BookingRow>(
    db,
    sql`select b.id, b.session_id, b.carer_id, c.title, c.category, c.hours::text as hours,
        to_char(s.starts_on, 'YYYY-MM-DD') as starts_on, s.start_time, s.place, s.format,
        b.status, s.status as session_status, b.attendance
      from training_bookings b join training_sessions s on s.id = b.session_id join training_courses c on c.id = s.course_id
      where ${where}
      order by s.starts_on desc, c.title limit ${RECORD_SESSIONS}`,
  );
}

export interface EventAttendedRow {
  id: string;
  carer_id: string | null;
  title: string;
  organiser: string;
  held_on: string;
  days: number;
}

/** The participation events a carer (or a household's carers) attended from `from`, newest first. */
export async function eventsAttendedBy(
  db: DbOrTx,
  which: { householdId: string } | { carerId: string },
  from: IsoDate,
  to: IsoDate,
): Promise<EventAttendedRow[]> {
  const where =
    'carerId' in which
      ? sql`a.carer_id = ${which.carerId}`
      : sql`a.carer_id in (select id from carers where household_id = ${which.householdId})`;
  return queryRows<EventAttendedRow>(
    db,
    sql`select e.id, a.carer_id, e.title, e.organiser, to_char(e.held_on, 'YYYY-MM-DD') as held_on,
        (e.ends_on - e.held_on + 1)::int as days
      from participation_attendance a join participation_events e on e.id = a.event_id
      where ${where} and e.held_on between ${from}::date and ${to}::date
      order by e.held_on desc, e.title`,
  );
}

export interface TrainingDueRow {
  rule_id: string;
  due_on: string;
  detail: string | null;
}

/** What is due on the carer's training record now (the kept deadlines of the training rules). */
export async function trainingDueFor(db: DbOrTx, carerId: string, today: IsoDate): Promise<TrainingDueRow[]> {
  return queryRows<TrainingDueRow>(
    db,
    sql`select rule_id, to_char(due_on, 'YYYY-MM-DD') as due_on, detail from due_items
      where record_type = 'carer' and record_id = ${carerId} and rule_id like 'training.%'
        and (shown_from is null or shown_from <= ${today}::date) and (shown_until is null or shown_until > ${today}::date)
      order by due_on, rule_id`,
  );
}
