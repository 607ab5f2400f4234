/**
 * Carers' training and participation in the demo: a training calendar of three years of sessions
 * and three months to come, carers' bookings and attendance (most carers trained in the last year,
 * some not for a while), TSD standards, PDPs (most current, some overdue, some missing) and
 * participation events with carers and children attending, so the scorecard's training measures
 * look like a real service with room to improve. Deterministic (its own random streams and ids) and
 * written in batches. No deadline is left overdue for more than half a year: what was due long ago
 * was done, late by some. The demo carer's household has had no training for 7 months (the browser
 * journey books and attends a session for them).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { insertRows } from './bulk.ts';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import {
  developmentPlans,
  trainingBookings,
  trainingCourses,
  trainingSessions,
  tsdEvidence,
} from '../../src/modules/training/tables.ts';
import { addMonthsTo, dayOf, isoOf, timestampOf, YEAR, type Day } from './days.ts';
import { IdMaker, stream, type Random } from './random.ts';
import { seedEvents } from './training-events.ts';
import * as text from './training-text.ts';

interface DemoCarer {
  id: string;
  household_id: string;
  status: string;
  household_type: string;
  approved: string;
  /** The day the carer's CSE and missing requirement counts from, when a child who makes it is placed today. */
  cse_from: string | null;
  /** The same for the disability training. */
  disability_from: string | null;
}

interface Session {
  id: string;
  course: number;
  day: Day;
  capacity: number;
  taken: number;
}

export interface TrainingDemoOptions {
  scale: string;
  today: Day;
  /** The demo carer's household: no TSD evidence and no recent training, for the browser journey. */
  carerHouseholdId: string | null;
  /** A household approved ten months ago: its carers' TSD standards are still to be evidenced. */
  tsdToComeHouseholdId?: string;
  coordinatorId: string | null;
  batch: number;
}

/** The calendar: each course's sessions from three years ago to three months ahead, more for a bigger service. */
function calendar(random: Random, ids: IdMaker, today: Day, carers: number): Session[] {
  const scale = Math.max(0.15, carers / 1500);
  const sessions: Session[] = [];
  text.demoCourses.forEach((course, c) => {
    const perYear = Math.max(2, Math.round(course.perYear * scale));
    const gap = YEAR / perYear;
    for (let day = today - 3 * 365 + random.int(0, Math.floor(gap)); day <= today + 90; day += gap) {
      let on = Math.floor(day);
      const weekday = new Date(on * 86_400_000).getUTCDay();
      if (weekday === 0) on += 1;
      if (weekday === 6) on += 2;
      sessions.push({ id: ids.next(), course: c, day: on, capacity: random.int(16, 24), taken: 0 });
    }
  });
  return sessions.sort((a, b) => a.day - b.day);
}

export async function seedTrainingDemo(
  tx: DbOrTx,
  options: TrainingDemoOptions,
): Promise<{ bookings: number; events: number }> {
  const { today } = options;
  const random = stream(options.scale, 'training');
  const ids = new IdMaker(`${options.scale}/training`);
  const eleven = sql`(c.date_of_birth + interval '11 years')::date`;
  // When each requirement a placement makes started counting (training/due.ts), for carers with such a child placed today.
  const needs = (which: SQL, countsFrom: SQL) => sql`(select to_char(min(${countsFrom}), 'YYYY-MM-DD')
    from placements p join children c on c.id = p.child_id where p.household_id = h.id and ${which}
      and p.end_date is null and ${countsFrom} <= ${isoOf(today)}::date)`;
  const carers = await queryRows<DemoCarer>(
    tx,
    sql`select cr.id, cr.household_id, h.status, h.household_type,
        to_char(coalesce(h.approved_on, h.status_since), 'YYYY-MM-DD') as approved,
        ${needs(sql`(p.end_date is null or p.end_date >= ${eleven})`, sql`greatest(p.start_date, ${eleven})`)} as cse_from,
        ${needs(sql`c.disability`, sql`p.start_date`)} as disability_from
      from carers cr join households h on h.id = cr.household_id
      where h.status in ('approved', 'on_hold', 'inactive', 'in_assessment') order by cr.id`,
  );

  const courseIds = text.demoCourses.map(() => ids.next());
  const insertAll = (table: PgTable, rows: object[]) => insertRows(tx, table, rows, options.batch);
  await insertAll(
    trainingCourses,
    text.demoCourses.map((c, i) => ({
      id: courseIds[i]!,
      title: c.title,
      category: c.category,
      hours: String(c.hours),
      mandatoryFor: c.mandatoryFor,
      description: c.description,
      createdBy: options.coordinatorId,
    })),
  );
  const sessions = calendar(random, ids, today, carers.length);
  await insertAll(
    trainingSessions,
    sessions.map((s) => {
      const place = random.pick(text.venues);
      const days = text.demoCourses[s.course]!.hours > 6 ? 2 : 0;
      return {
        id: s.id,
        courseId: courseIds[s.course]!,
        startsOn: isoOf(s.day),
        endsOn: isoOf(s.day + days),
        startTime: random.pick(['09:30', '10:00', '13:30', '18:30']),
        format: place === 'Microsoft Teams' ? 'online' : 'in_person',
        place,
        capacity: s.capacity,
        trainer: random.pick(text.trainers),
        createdBy: options.coordinatorId,
      };
    }),
  );

  const bookings: (typeof trainingBookings.$inferInsert)[] = [];
  const booked = new Set<string>();
  const book = (carer: DemoCarer, s: Session, outcome: 'attended' | 'absent' | 'cancelled' | null) => {
    s.taken += 1;
    booked.add(`${s.id}/${carer.id}`);
    const portal = random.chance(0.6);
    const past = outcome !== null && outcome !== 'cancelled';
    bookings.push({
      id: ids.next(),
      sessionId: s.id,
      sessionStartsOn: isoOf(s.day),
      sessionCourseId: courseIds[s.course]!,
      carerId: carer.id,
      householdId: carer.household_id,
      status: outcome === 'cancelled' ? 'cancelled' : 'booked',
      bookedVia: portal ? 'portal' : 'staff',
      bookedBy: portal ? null : options.coordinatorId,
      bookedAt: new Date(timestampOf(s.day - random.int(7, 40), 10)),
      cancelledAt: outcome === 'cancelled' ? new Date(timestampOf(s.day - random.int(1, 6), 11)) : null,
      attendance: past ? outcome : null,
      attendanceBy: past ? options.coordinatorId : null,
      attendanceAt: past ? new Date(timestampOf(s.day, 16)) : null,
    });
  };
  /** The sessions of `courses` from `from` to `to` with a place left that the carer has not booked, by date. */
  const free = (carer: DemoCarer, courses: number[], from: Day, to: Day) => {
    let lo = 0;
    let hi = sessions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sessions[mid]!.day < from) lo = mid + 1;
      else hi = mid;
    }
    const found: Session[] = [];
    for (let i = lo; i < sessions.length && sessions[i]!.day <= to; i += 1) {
      const x = sessions[i]!;
      if (courses.includes(x.course) && x.taken < x.capacity && !booked.has(`${x.id}/${carer.id}`)) found.push(x);
    }
    return found;
  };
  /** Books the carer on a session of one of `courses` near `day` with a place left (in the past: attended, mostly). */
  const attend = (carer: DemoCarer, courses: number[], day: Day, spread = 40) => {
    const s = free(carer, courses, day - spread, day + spread)[0];
    if (!s || s.day > today + 90) return null;
    const past = s.day <= today;
    const outcome = random.chance(0.04) ? 'cancelled' : !past ? null : random.chance(0.05) ? 'absent' : 'attended';
    book(carer, s, outcome);
    return outcome === 'attended' ? s.day : null;
  };
  /** Attendance the carer surely had, at a session held from `from` to `to` (in the past): the latest there is. */
  const attendedBetween = (carer: DemoCarer, courses: number[], from: Day, to: Day) => {
    const found = free(carer, courses, from, Math.min(to, today - 1));
    const s = found[Math.max(0, found.length - random.int(1, 2))];
    if (s) book(carer, s, 'attended');
    return s?.day ?? null;
  };

  const core = text.demoCourses.flatMap((c, i) => (c.mandatoryFor === 'new_carers' ? [i] : []));
  const byCategory = (category: string) => text.demoCourses.findIndex((c) => c.category === category);
  const others = text.demoCourses.flatMap((c, i) => (c.mandatoryFor === 'none' && c.category !== 'tsd' ? [i] : []));
  const firstAid = byCategory('first_aid');
  const tsd: (typeof tsdEvidence.$inferInsert)[] = [];
  const plans: (typeof developmentPlans.$inferInsert)[] = [];
  // Deadlines passed before this day are met (late, some of them) by now: nothing is overdue for long.
  const longAgo = today - 180;

  for (const carer of carers) {
    const approved = dayOf(carer.approved);
    const scenario = carer.household_id === options.carerHouseholdId;
    const tsdToCome = carer.household_id === options.tsdToComeHouseholdId;
    const assessing = carer.status === 'in_assessment';
    // Training since: most carers every few months, some rarely, a few not at all.
    const habit = scenario
      ? 'scenario'
      : random.weighted([
          ['active', 72],
          ['occasional', 19],
          ['none', 9],
        ] as const);
    // What must have been done is done on the latest day that keeps the carer's habit.
    const latest = habit === 'active' ? today - 5 : today - random.int(200, 260);
    const attended = new Set<number>();
    // Core training around approval, for carers approved in the last three years (and applicants now).
    if (assessing) {
      if (random.chance(0.6)) attend(carer, [core[0]!], today - random.int(20, 150));
    } else if (approved > today - 3 * 365) {
      for (const c of core) {
        if (!random.chance(0.93)) continue;
        const late = random.chance(0.1);
        const on =
          c === core[0]
            ? approved - random.int(30, 150)
            : approved + (late ? random.int(330, 600) : random.int(10, 300));
        if (on <= today && attend(carer, [c], on, 60) !== null) attended.add(c);
      }
      // Core training is due a year after approval: half a year after that, everyone has caught up.
      if (approved + 365 < longAgo) {
        for (const c of core.filter((x) => !attended.has(x))) {
          if (attendedBetween(carer, [c], approved + 300, latest) !== null) attended.add(c);
        }
      }
    }
    if (!assessing) {
      // First aid is renewed every 3 years (the first with core training).
      const lastAid = Math.min(today - random.int(20, 1000), latest);
      if (!attended.has(firstAid) && approved < today - 300) attendedBetween(carer, [firstAid], lastAid - 150, lastAid);
      // The TSD standards: most evidence them within the deadline; everyone has by half a year after it.
      const months = carer.household_type === 'family_and_friends' ? 18 : 12;
      const deadline = addMonthsTo(approved, months);
      if (deadline < longAgo || random.chance(0.8)) {
        const late = random.chance(0.15);
        const on = Math.min(approved + (late ? random.int(380, 500) : random.int(120, 330)), today - 1);
        const bySession =
          !scenario &&
          !tsdToCome &&
          deadline > longAgo &&
          random.chance(0.4) &&
          attend(carer, [byCategory('tsd')], on, 30) !== null;
        if (!bySession && !tsdToCome && (on <= today - 10 || deadline < longAgo)) {
          tsd.push({
            carerId: carer.id,
            evidencedOn: isoOf(on),
            recordedBy: null,
            recordedAt: new Date(timestampOf(on, 12)),
          });
        }
      }
    }
    if (!assessing && habit === 'active') {
      for (let on = today - random.int(20, 150); on > Math.max(approved, today - 2 * 365); on -= random.int(90, 200)) {
        attend(carer, others, on);
      }
      if (random.chance(0.3)) attend(carer, others, today + random.int(20, 80));
    } else if (!assessing && habit === 'occasional') {
      attend(carer, others, today - random.int(200, 560));
    } else if (habit === 'scenario') {
      attend(carer, others, today - random.int(215, 260), 10);
    }
    // The training a placement needs (3 months to do it): done by most in time, by everyone later.
    for (const [from, course] of [
      [carer.cse_from, byCategory('cse_missing')],
      [carer.disability_from, byCategory('disability')],
    ] as const) {
      if (from === null || assessing) continue;
      const counts = dayOf(from);
      if (counts + 90 < longAgo || random.chance(0.6)) attendedBetween(carer, [course], counts - 200, latest);
    }
    // The PDP: current for most, overdue for some (by up to half a year), missing for a few new carers.
    const pdp = assessing
      ? random.chance(0.5)
        ? 'assessment'
        : 'none'
      : scenario
        ? 'current'
        : random.weighted([
            ['current', 76],
            ['overdue', 16],
            ['none', 8],
          ] as const);
    const missing = pdp === 'none' && (assessing || approved + 42 >= longAgo);
    if (!missing) {
      const agreed =
        pdp === 'assessment'
          ? today - random.int(10, 90)
          : pdp === 'current'
            ? today - random.int(5, 330)
            : today - random.int(370, 540);
      const on = Math.max(agreed, assessing ? agreed : approved);
      if (!assessing && random.chance(0.4) && on - 365 > approved)
        plans.push(plan(random, ids, carer, on - 365, 'annual_review'));
      plans.push(
        plan(
          random,
          ids,
          carer,
          on,
          pdp === 'assessment' ? 'assessment' : on - approved < 60 ? 'other' : 'annual_review',
        ),
      );
    }
  }
  await insertAll(trainingBookings, bookings);
  await insertAll(tsdEvidence, tsd);
  await insertAll(developmentPlans, plans);
  const events = await seedEvents(tx, random, ids, options, carers, insertAll);
  return { bookings: bookings.length, events };
}

function plan(
  random: Random,
  ids: IdMaker,
  carer: DemoCarer,
  on: Day,
  occasion: string,
): typeof developmentPlans.$inferInsert {
  return {
    id: ids.next(),
    carerId: carer.id,
    householdId: carer.household_id,
    agreedOn: isoOf(on),
    occasion,
    goals: random.pick(text.pdpGoals),
    trainingToDo: random.pick(text.pdpTraining),
    support: random.pick(text.pdpSupport),
    reviewBy: isoOf(addMonthsTo(on, 12)),
    createdAt: new Date(timestampOf(on, 14)),
  };
}
