/**
 * Carers' training and participation in the demo: a training calendar of three years of sessions
 * and three months to come, carers' bookings and attendance (most carers trained in the last year,
 * some not for a while), TSD standards, PDPs (most current, some overdue, some missing) and
 * participation events with carers and children attending, so the scorecard's training measures
 * look like a real service with room to improve. Deterministic (its own random streams and ids) and
 * written in batches; the demo carer's household has no TSD evidence and no training for 7 months
 * (the browser journey books and attends a session for them).
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import {
  developmentPlans,
  participationAttendance,
  participationEvents,
  trainingBookings,
  trainingCourses,
  trainingSessions,
  tsdEvidence,
} from '../../src/modules/training/tables.ts';
import { addMonthsTo, dayOf, isoOf, timestampOf, YEAR, type Day } from './days.ts';
import { IdMaker, stream, type Random } from './random.ts';
import * as text from './training-text.ts';

interface DemoCarer {
  id: string;
  household_id: string;
  status: string;
  approved: string;
  has_11: boolean;
  has_disabled: boolean;
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
  coordinatorId: string | null;
  batch: number;
}

async function insertAll<T>(tx: DbOrTx, table: Parameters<DbOrTx['insert']>[0], rows: T[], batch: number) {
  for (let i = 0; i < rows.length; i += batch) await tx.insert(table).values(rows.slice(i, i + batch) as never);
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
  const carers = await queryRows<DemoCarer>(
    tx,
    sql`select cr.id, cr.household_id, h.status, to_char(coalesce(h.approved_on, h.status_since), 'YYYY-MM-DD') as approved,
        exists (select 1 from placements p join children c on c.id = p.child_id where p.household_id = h.id
          and p.end_date is null and c.date_of_birth <= ${isoOf(today - Math.round(11 * YEAR))}::date) as has_11,
        exists (select 1 from placements p join children c on c.id = p.child_id where p.household_id = h.id
          and p.end_date is null and c.disability) as has_disabled
      from carers cr join households h on h.id = cr.household_id
      where h.status in ('approved', 'on_hold', 'inactive', 'in_assessment') order by cr.id`,
  );

  const courseIds = text.demoCourses.map(() => ids.next());
  await insertAll(
    tx,
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
    options.batch,
  );
  const sessions = calendar(random, ids, today, carers.length);
  await insertAll(
    tx,
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
        format: place.startsWith('Online') ? 'online' : 'in_person',
        place,
        capacity: s.capacity,
        trainer: random.pick(text.trainers),
        createdBy: options.coordinatorId,
      };
    }),
    options.batch,
  );

  const bookings: (typeof trainingBookings.$inferInsert)[] = [];
  const booked = new Set<string>();
  /** Books the carer on a session of one of `courses` near `day` with a place left (in the past: attended, mostly). */
  const attend = (carer: DemoCarer, courses: number[], day: Day, spread = 40) => {
    const from = day - spread;
    const to = day + spread;
    const s = sessions.find(
      (x) =>
        x.day >= from &&
        x.day <= to &&
        courses.includes(x.course) &&
        x.taken < x.capacity &&
        !booked.has(`${x.id}/${carer.id}`),
    );
    if (!s || s.day > today + 90) return null;
    s.taken += 1;
    booked.add(`${s.id}/${carer.id}`);
    const past = s.day <= today;
    const cancelled = random.chance(0.04);
    const absent = past && !cancelled && random.chance(0.05);
    const portal = random.chance(0.6);
    bookings.push({
      id: ids.next(),
      sessionId: s.id,
      carerId: carer.id,
      householdId: carer.household_id,
      status: cancelled ? 'cancelled' : 'booked',
      bookedVia: portal ? 'portal' : 'staff',
      bookedBy: portal ? null : options.coordinatorId,
      bookedAt: new Date(timestampOf(s.day - random.int(7, 40), 10)),
      cancelledAt: cancelled ? new Date(timestampOf(s.day - random.int(1, 6), 11)) : null,
      attendance: past && !cancelled ? (absent ? 'absent' : 'attended') : null,
      attendanceBy: past && !cancelled ? options.coordinatorId : null,
      attendanceAt: past && !cancelled ? new Date(timestampOf(s.day, 16)) : null,
    });
    return past && !cancelled && !absent ? s.day : null;
  };

  const core = text.demoCourses.flatMap((c, i) => (c.mandatoryFor === 'new_carers' ? [i] : []));
  const byCategory = (category: string) => text.demoCourses.findIndex((c) => c.category === category);
  const others = text.demoCourses.flatMap((c, i) => (c.mandatoryFor === 'none' && c.category !== 'tsd' ? [i] : []));
  const tsd: (typeof tsdEvidence.$inferInsert)[] = [];
  const plans: (typeof developmentPlans.$inferInsert)[] = [];

  for (const carer of carers) {
    const approved = dayOf(carer.approved);
    const scenario = carer.household_id === options.carerHouseholdId;
    const assessing = carer.status === 'in_assessment';
    // Core training around approval, for carers approved in the last three years (and applicants now).
    if (assessing) {
      if (random.chance(0.6)) attend(carer, [core[0]!], today - random.int(20, 150));
    } else if (approved > today - 3 * 365) {
      for (const c of core) {
        if (!random.chance(0.88)) continue;
        const late = random.chance(0.12);
        const on =
          c === core[0]
            ? approved - random.int(30, 150)
            : approved + (late ? random.int(330, 600) : random.int(10, 300));
        if (on <= today) attend(carer, [c], on, 60);
      }
    }
    // The TSD standards: within the year for most; long-standing carers evidenced them long ago.
    if (!assessing && !scenario) {
      const recent = approved > today - 30 * 31;
      if (random.chance(recent ? 0.8 : 0.97)) {
        const on = approved + (recent && random.chance(0.15) ? random.int(380, 500) : random.int(120, 330));
        if (on <= today && !(recent && random.chance(0.4) && attend(carer, [byCategory('tsd')], on, 30) !== null)) {
          tsd.push({
            carerId: carer.id,
            evidencedOn: isoOf(on),
            recordedBy: null,
            recordedAt: new Date(timestampOf(Math.min(on, today), 12)),
          });
        }
      }
    }
    // Training since: most carers every few months, some rarely, a few not at all.
    const habit = scenario
      ? 'scenario'
      : random.weighted([
          ['active', 62],
          ['occasional', 26],
          ['none', 12],
        ] as const);
    if (!assessing && habit === 'active') {
      for (let on = today - random.int(20, 150); on > Math.max(approved, today - 2 * 365); on -= random.int(90, 200)) {
        attend(carer, [random.pick(others)], on);
      }
      if (random.chance(0.3)) attend(carer, [random.pick(others)], today + random.int(20, 80));
    } else if (!assessing && habit === 'occasional') {
      attend(carer, [random.pick(others)], today - random.int(200, 560));
    } else if (habit === 'scenario') {
      attend(carer, [random.pick(others)], today - random.int(215, 260), 10);
    }
    if (carer.has_11 && !scenario && random.chance(0.75))
      attend(carer, [byCategory('cse_missing')], today - random.int(30, 600));
    if (carer.has_disabled && random.chance(0.7))
      attend(carer, [byCategory('disability')], today - random.int(30, 600));
    // The PDP: current for most, overdue for some, missing for a few.
    const pdp = assessing
      ? random.chance(0.5)
        ? 'assessment'
        : 'none'
      : scenario
        ? 'current'
        : random.weighted([
            ['current', 72],
            ['overdue', 16],
            ['none', 12],
          ] as const);
    if (pdp !== 'none') {
      const agreed =
        pdp === 'assessment'
          ? today - random.int(10, 90)
          : pdp === 'current'
            ? today - random.int(5, 330)
            : today - random.int(380, 700);
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
  await insertAll(tx, trainingBookings, bookings, options.batch);
  await insertAll(tx, tsdEvidence, tsd, options.batch);
  await insertAll(tx, developmentPlans, plans, options.batch);
  const events = await seedEvents(tx, random, ids, options, carers);
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

/** Participation events over two years and the next two months; carers and placed children attending. */
async function seedEvents(tx: DbOrTx, random: Random, ids: IdMaker, options: TrainingDemoOptions, carers: DemoCarer[]) {
  const { today } = options;
  const placed = await queryRows<{ id: string }>(
    tx,
    sql`select distinct p.child_id as id from placements p where p.end_date is null order by p.child_id`,
  );
  const perMonth = Math.max(1, Math.round((carers.length * 2.2) / 12 / 35));
  const events: (typeof participationEvents.$inferInsert & { day: Day; days: number })[] = [];
  for (let month = -24; month <= 2; month += 1) {
    for (let n = 0; n < perMonth; n += 1) {
      const day = addMonthsTo(today, month) - random.int(0, 27);
      const kind = random.pick(text.demoEvents);
      const days = random.chance(0.1) ? 2 : 1;
      events.push({
        id: ids.next(),
        ...kind,
        heldOn: isoOf(day),
        endsOn: isoOf(day + days - 1),
        place: random.pick(text.eventPlaces),
        createdBy: options.coordinatorId,
        day,
        days,
      });
    }
  }
  const held = events.filter((e) => e.day <= today);
  const perYear = Math.max(1, perMonth * 12);
  const attendance: (typeof participationAttendance.$inferInsert)[] = [];
  for (const carer of carers) {
    const rate =
      carer.household_id === options.carerHouseholdId
        ? 2
        : random.weighted([
            [5, 30],
            [2, 40],
            [0, 30],
          ] as const);
    for (const e of held) {
      if (e.audience !== 'children' && rate > 0 && random.chance(Math.min(1, rate / perYear))) {
        attendance.push({ id: ids.next(), eventId: e.id!, carerId: carer.id, recordedBy: options.coordinatorId });
      }
    }
  }
  for (const child of placed) {
    if (!random.chance(0.4)) continue;
    for (const e of held) {
      if (e.audience !== 'carers' && random.chance(Math.min(1, 2 / perYear))) {
        attendance.push({ id: ids.next(), eventId: e.id!, childId: child.id, recordedBy: options.coordinatorId });
      }
    }
  }
  await insertAll(
    tx,
    participationEvents,
    events.map(({ day: _day, days: _days, ...e }) => e),
    options.batch,
  );
  await insertAll(tx, participationAttendance, attendance, options.batch);
  return events.length;
}
