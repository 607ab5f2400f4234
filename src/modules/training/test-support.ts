/**
 * Test support: courses, sessions, attendance, TSD, PDPs and participation events written straight
 * to the database (their kept deadlines refreshed, as the services do). Not used by the app.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { addMonths } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { carers } from '../households/tables.ts';
import {
  developmentPlans,
  participationAttendance,
  participationEvents,
  trainingBookings,
  trainingCourses,
  trainingSessions,
  tsdEvidence,
} from './tables.ts';

type CourseValues = Partial<typeof trainingCourses.$inferInsert>;

export async function makeCourse(db: DbOrTx, values: CourseValues = {}) {
  const [row] = await db
    .insert(trainingCourses)
    .values({ title: 'Test course', category: 'other', hours: '3', mandatoryFor: 'none', ...values })
    .returning();
  await refreshDueItems(db, 'training-course', [row!.id]);
  return row!;
}

/** The demo's course in a category (the demo has one of each it uses). */
export async function courseIn(db: DbOrTx, category: string) {
  const [row] = await db.select().from(trainingCourses).where(eq(trainingCourses.category, category));
  if (!row) throw new Error(`no course in ${category}`);
  return row;
}

/** The demo's courses mandatory for new carers (core training). */
export async function coreCourses(db: DbOrTx) {
  return db.select().from(trainingCourses).where(eq(trainingCourses.mandatoryFor, 'new_carers'));
}

export async function makeSession(
  db: DbOrTx,
  courseId: string,
  startsOn: string,
  values: Partial<typeof trainingSessions.$inferInsert> = {},
) {
  const [row] = await db
    .insert(trainingSessions)
    .values({
      courseId,
      startsOn,
      endsOn: startsOn,
      format: 'in_person',
      place: 'Oakwood House',
      capacity: 12,
      trainer: 'A trainer',
      ...values,
    })
    .returning();
  return row!;
}

/** A carer booked on a session of the course on the day: attended unless said otherwise. */
export async function attended(
  db: DbOrTx,
  carerId: string,
  courseId: string,
  on: string,
  attendance: 'attended' | 'absent' | null = 'attended',
) {
  const session = await makeSession(db, courseId, on);
  const [carer] = await db.select().from(carers).where(eq(carers.id, carerId));
  await db.insert(trainingBookings).values({
    sessionId: session.id,
    sessionStartsOn: session.startsOn,
    sessionCourseId: session.courseId,
    carerId,
    householdId: carer!.householdId,
    status: 'booked',
    bookedVia: 'staff',
    attendance,
  });
  await refreshDueItems(db, 'carer', [carerId]);
  return session;
}

export async function makeTsd(db: DbOrTx, carerId: string, evidencedOn: string) {
  await db.insert(tsdEvidence).values({ carerId, evidencedOn });
  await refreshDueItems(db, 'carer', [carerId]);
}

export async function makePlan(db: DbOrTx, carerId: string, agreedOn: string, reviewBy = addMonths(agreedOn, 12)) {
  const [carer] = await db.select().from(carers).where(eq(carers.id, carerId));
  await db.insert(developmentPlans).values({
    carerId,
    householdId: carer!.householdId,
    agreedOn,
    occasion: 'annual_review',
    goals: 'Goals',
    trainingToDo: 'Training',
    support: 'Support',
    reviewBy,
  });
  await refreshDueItems(db, 'carer', [carerId]);
}

export async function makeEvent(db: DbOrTx, heldOn: string, endsOn = heldOn, audience = 'both') {
  const [row] = await db
    .insert(participationEvents)
    .values({ title: 'Fun day', audience, organiser: 'fostering_team', heldOn, endsOn, place: 'A park' })
    .returning();
  return row!;
}

export async function attendEvent(db: DbOrTx, eventId: string, who: { carerId: string } | { childId: string }) {
  await db.insert(participationAttendance).values({ eventId, ...who });
}
