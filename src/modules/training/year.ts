/**
 * The carer's year for the annual review (the reviews module shows it on the review form, from the
 * records, not retyped): each carer's training attended and participation days in the period, and
 * their current personal development plan.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { PARTICIPATION_DAYS_EXPECTED } from './measures.ts';

export interface TrainingYear {
  carers: {
    carerId: string;
    name: string;
    training: { title: string; category: string; hours: number; on: IsoDate }[];
    trainingHours: number;
    participation: { title: string; organiser: string; on: IsoDate; days: number }[];
    participationDays: number;
    /** The expectation of the business plan (action 1.1): days a year. */
    participationExpected: number;
    /** The carer's current PDP (latest agreed on or before `to`), or null. */
    pdp: { agreedOn: IsoDate; reviewBy: IsoDate; goals: string; trainingToDo: string; support: string } | null;
  }[];
}

/**
 * Each carer of the household: the sessions they attended and the participation events they went
 * to from `from` to `to` (both included), and their current PDP. Reads no viewer: the caller (the
 * review's page) has already checked the viewer may read the household in full.
 */
export async function trainingYearFor(
  db: DbOrTx,
  householdId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<TrainingYear> {
  const people = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, first_name || ' ' || last_name as name from carers where household_id = ${householdId} order by created_at, id`,
  );
  const training = await queryRows<{
    carer_id: string;
    title: string;
    category: string;
    hours: string;
    on_date: string;
  }>(
    db,
    sql`select b.carer_id, c.title, c.category, c.hours::text as hours, to_char(s.starts_on, 'YYYY-MM-DD') as on_date
      from training_bookings b join training_sessions s on s.id = b.session_id join training_courses c on c.id = s.course_id
      where b.household_id = ${householdId} and b.attendance = 'attended' and s.starts_on between ${from}::date and ${to}::date
      order by s.starts_on, c.title`,
  );
  const events = await queryRows<{ carer_id: string; title: string; organiser: string; on_date: string; days: number }>(
    db,
    sql`select a.carer_id, e.title, e.organiser, to_char(e.held_on, 'YYYY-MM-DD') as on_date, (e.ends_on - e.held_on + 1)::int as days
      from participation_attendance a join participation_events e on e.id = a.event_id
      join carers cr on cr.id = a.carer_id
      where cr.household_id = ${householdId} and e.held_on between ${from}::date and ${to}::date
      order by e.held_on, e.title`,
  );
  const plans = await queryRows<{
    carer_id: string;
    agreed_on: string;
    review_by: string;
    goals: string;
    training_to_do: string;
    support: string;
  }>(
    db,
    sql`select distinct on (d.carer_id) d.carer_id, to_char(d.agreed_on, 'YYYY-MM-DD') as agreed_on,
        to_char(d.review_by, 'YYYY-MM-DD') as review_by, d.goals, d.training_to_do, d.support
      from development_plans d where d.household_id = ${householdId} and d.agreed_on <= ${to}::date
      order by d.carer_id, d.agreed_on desc, d.created_at desc`,
  );
  return {
    carers: people.map((p) => {
      const attended = training
        .filter((t) => t.carer_id === p.id)
        .map((t) => ({ title: t.title, category: t.category, hours: Number(t.hours), on: t.on_date }));
      const went = events
        .filter((e) => e.carer_id === p.id)
        .map((e) => ({ title: e.title, organiser: e.organiser, on: e.on_date, days: Number(e.days) }));
      const plan = plans.find((d) => d.carer_id === p.id);
      return {
        carerId: p.id,
        name: p.name,
        training: attended,
        trainingHours: attended.reduce((sum, t) => sum + t.hours, 0),
        participation: went,
        participationDays: went.reduce((sum, e) => sum + e.days, 0),
        participationExpected: PARTICIPATION_DAYS_EXPECTED,
        pdp: plan
          ? {
              agreedOn: plan.agreed_on,
              reviewBy: plan.review_by,
              goals: plan.goals,
              trainingToDo: plan.training_to_do,
              support: plan.support,
            }
          : null,
      };
    }),
  };
}
