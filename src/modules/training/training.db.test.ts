/** The training pages as people use them: the coordinator's calendar and registers, the carer's portal, PDPs and events. */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeCarer, makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { users } from '../../platform/auth/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { carers } from '../households/tables.ts';
import { trainingBookings, trainingSessions } from './tables.ts';
import { attended, attendEvent, courseIn, makeEvent, makePlan, makeSession } from './test-support.ts';
import { trainingYearFor } from './year.ts';

const t = testAppForFile();
const today = todayInLondon();
const parts = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};
const idFrom = (location: unknown) => String(location).split('?')[0]!.split('/').pop()!;

async function demoCarerHousehold() {
  const db = t.database.db;
  const [user] = await db.select().from(users).where(eq(users.username, 'carer'));
  const rows = await db.select().from(carers).where(eq(carers.householdId, user!.householdId!));
  return { householdId: user!.householdId!, carers: rows };
}

describe('the training calendar', () => {
  it('lets the coordinator add a course and a session, refusing dates out of order', async () => {
    const coordinator = await signedIn(t.app, 'training');
    const empty = await coordinator.post('/training/courses/new', { title: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the title of the course');
    const course = await coordinator.post('/training/courses/new', {
      title: 'Therapeutic parenting',
      category: 'other',
      hours: '3.5',
      mandatoryFor: 'none',
    });
    expect(course.statusCode).toBe(303);
    const courseId = idFrom(course.headers.location);
    const start = addDays(today, 20);
    const backwards = await coordinator.post(`/training/courses/${courseId}/sessions/new`, {
      ...parts('startsOn', start),
      ...parts('endsOn', addDays(start, -1)),
      format: 'in_person',
      place: 'Oakwood House, Maidstone',
      capacity: '10',
      trainer: 'Amira Hussain',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('Last day must be the same as or after the date of the session');
    expect(backwards.body).toContain('value="Oakwood House, Maidstone"');
    const added = await coordinator.post(`/training/courses/${courseId}/sessions/new`, {
      ...parts('startsOn', start),
      startTime: '9.30',
      format: 'online',
      place: 'Microsoft Teams',
      capacity: '10',
      trainer: 'Amira Hussain',
    });
    expect(added.statusCode).toBe(303);
    const page = await coordinator.get(String(added.headers.location));
    expect(page.body).toContain('Therapeutic parenting');
    expect(page.body).toContain('10 of 10 places left');
    expect((await coordinator.get('/training')).body).toContain('Therapeutic parenting');
    // A supervising social worker reads the calendar but cannot add to it.
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get('/training')).statusCode).toBe(200);
    expect((await ssw.get('/training/courses/new')).statusCode).toBe(403);
  });
});

describe('booking and the register', () => {
  it('lets a carer book in the portal, refuses an overbooked session with the reason, and the register records attendance', async () => {
    const db = t.database.db;
    const { carers: mine } = await demoCarerHousehold();
    const tsd = await courseIn(db, 'tsd');
    const session = await makeSession(db, tsd.id, today, { capacity: 1 });
    const carer = await signedIn(t.app, 'carer');
    const portal = await carer.get('/portal/training');
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toContain(`/portal/training/sessions/${session.id}`);
    const booked = await carer.post(`/portal/training/sessions/${session.id}`, { carerId: mine[0]!.id });
    expect(booked.statusCode).toBe(303);
    expect((await carer.get('/portal/training')).body).toContain('Booked');

    // The one place is taken: the coordinator cannot book another carer, and is told why.
    const other = await makeCarer(db, (await makeHousehold(db, { statusSince: '2024-01-08' })).id, {
      firstName: 'Quinn',
    });
    const coordinator = await signedIn(t.app, 'training');
    const found = await coordinator.get(`/training/sessions/${session.id}?q=Quinn`);
    expect(found.body).toContain('Quinn');
    const full = await coordinator.post(`/training/sessions/${session.id}/bookings`, { carerId: other.id });
    expect(full.statusCode).toBe(400);
    expect(full.body).toContain('This session is full: its one place is booked');
    // A carer cannot book for someone outside their household.
    const elsewhere = await carer.post(`/portal/training/sessions/${session.id}`, { carerId: other.id });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.body).toContain('Select who is coming');

    const [booking] = await db
      .select()
      .from(trainingBookings)
      .where(and(eq(trainingBookings.sessionId, session.id), eq(trainingBookings.carerId, mine[0]!.id)));
    // The register offers "Attended" and "Did not attend" for the booking.
    const sheet = (await coordinator.get(`/training/sessions/${session.id}`)).body;
    expect(sheet).toMatch(new RegExp(`name="attendance-${booking!.id}" type="radio" value="attended"`));
    expect(sheet).toContain('Did not attend');
    const register = await coordinator.post(`/training/sessions/${session.id}/register`, {
      [`attendance-${booking!.id}`]: 'attended',
    });
    expect(register.statusCode).toBe(303);
    const record = await coordinator.get(`/training/carers/${mine[0]!.id}`);
    expect(record.body).toContain('Attended');
    // Their last training is today (the demo carer had none for 7 months).
    const inWords = new Date(`${today}T12:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    expect(record.body).toMatch(new RegExp(`Last training\\s*</dt>\\s*<dd[^>]*>\\s*${inWords}`));
  });

  it('does not take the register before the day, and lets a carer cancel only their own future booking', async () => {
    const db = t.database.db;
    const { carers: mine } = await demoCarerHousehold();
    const session = await makeSession(db, (await courseIn(db, 'lgbt')).id, addDays(today, 10));
    const carer = await signedIn(t.app, 'carer');
    await carer.post(`/portal/training/sessions/${session.id}`, { carerId: mine[0]!.id });
    const again = await carer.post(`/portal/training/sessions/${session.id}`, { carerId: mine[0]!.id });
    expect(again.body).toContain('This carer already has a place on this session');
    const [booking] = await db.select().from(trainingBookings).where(eq(trainingBookings.sessionId, session.id));
    const coordinator = await signedIn(t.app, 'training');
    const early = await coordinator.post(`/training/sessions/${session.id}/register`, {
      [`attendance-${booking!.id}`]: 'attended',
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('The register can be taken from the day of the session');

    // Another household's booking is not this carer's to cancel.
    const stranger = await makeCarer(db, (await makeHousehold(db)).id);
    await attended(db, stranger.id, session.courseId, addDays(today, 12), null);
    const [theirs] = await db
      .select({ id: trainingBookings.id })
      .from(trainingBookings)
      .where(eq(trainingBookings.carerId, stranger.id));
    expect((await carer.post(`/portal/training/bookings/${theirs!.id}/cancel`, {})).statusCode).toBe(404);
    const cancelled = await carer.post(`/portal/training/bookings/${booking!.id}/cancel`, {});
    expect(cancelled.statusCode).toBe(303);
    const [after] = await db.select().from(trainingBookings).where(eq(trainingBookings.id, booking!.id));
    expect(after!.status).toBe('cancelled');
    const [s] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, session.id));
    expect(s!.status).toBe('scheduled');
  });

  it('shows a carer a full session, or one their household is booked on, without a booking form', async () => {
    const db = t.database.db;
    const { carers: mine } = await demoCarerHousehold();
    const carer = await signedIn(t.app, 'carer');
    // Booked for one of the two carers: only the other is offered, and the page says who has a place.
    const open = await makeSession(db, (await courseIn(db, 'lgbt')).id, addDays(today, 11));
    await carer.post(`/portal/training/sessions/${open.id}`, { carerId: mine[0]!.id });
    const partly = (await carer.get(`/portal/training/sessions/${open.id}`)).body;
    const name = (c: (typeof mine)[number]) => `${c.firstName} ${c.lastName}`;
    expect(partly).toContain(`${name(mine[0]!)} has a place on this session.`);
    expect(partly).not.toContain(`value="${mine[0]!.id}"`);
    expect(partly).toContain(`value="${mine[1]!.id}"`);
    expect(partly).toContain('Book the place');

    // Full: every place taken by another household's carer. No form to be refused, and why.
    const full = await makeSession(db, (await courseIn(db, 'first_aid')).id, addDays(today, 12), { capacity: 1 });
    const stranger = await makeCarer(db, (await makeHousehold(db)).id);
    await db.insert(trainingBookings).values({
      sessionId: full.id,
      sessionStartsOn: full.startsOn,
      sessionCourseId: full.courseId,
      carerId: stranger.id,
      householdId: stranger.householdId,
      status: 'booked',
      bookedVia: 'staff',
    });
    const page = await carer.get(`/portal/training/sessions/${full.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This session is full. Choose another date');
    expect(page.body).not.toContain('Book the place');
    expect(page.body).not.toContain('name="carerId"');
  });

  it('keeps each booking’s copy of its session’s date and course the same as the session’s', async () => {
    const db = t.database.db;
    const { carers: mine } = await demoCarerHousehold();
    const session = await makeSession(db, (await courseIn(db, 'first_aid')).id, addDays(today, 14));
    const carer = await signedIn(t.app, 'carer');
    expect((await carer.post(`/portal/training/sessions/${session.id}`, { carerId: mine[0]!.id })).statusCode).toBe(
      303,
    );
    const bookingOf = async () =>
      (await db.select().from(trainingBookings).where(eq(trainingBookings.sessionId, session.id)))[0]!;
    expect((await bookingOf()).sessionStartsOn).toBe(session.startsOn);
    // Were the session moved, its bookings move with it; a booking cannot hold another date.
    const moved = addDays(today, 21);
    await db
      .update(trainingSessions)
      .set({ startsOn: moved, endsOn: moved })
      .where(eq(trainingSessions.id, session.id));
    expect((await bookingOf()).sessionStartsOn).toBe(moved);
    await expect(
      db.update(trainingBookings).set({ sessionStartsOn: today }).where(eq(trainingBookings.sessionId, session.id)),
    ).rejects.toThrow();
    // Its course likewise: the booking keeps the session's, and cannot name another.
    expect((await bookingOf()).sessionCourseId).toBe(session.courseId);
    const other = await courseIn(db, 'lgbt');
    await expect(
      db.update(trainingBookings).set({ sessionCourseId: other.id }).where(eq(trainingBookings.sessionId, session.id)),
    ).rejects.toThrow();
  });
});

describe('the personal development plan and the TSD standards', () => {
  it('is kept by the household’s own worker, shown to the carer in the portal, and refused to others', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const carer = await makeCarer(db, household.id);
    const ssw = await signedIn(t.app, 'ssw');
    const missing = await ssw.post(`/training/carers/${carer.id}/pdp/new`, {
      ...parts('agreedOn', today),
      occasion: 'annual_review',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter the carer’s development goals');
    const saved = await ssw.post(`/training/carers/${carer.id}/pdp/new`, {
      ...parts('agreedOn', today),
      occasion: 'annual_review',
      goals: 'Work towards skills level 2',
      trainingToDo: 'Placement stability',
      support: 'Monthly supervision',
    });
    expect(saved.statusCode).toBe(303);
    const page = await ssw.get(`/training/carers/${carer.id}/pdp`);
    expect(page.body).toContain('Work towards skills level 2');
    const tsd = await ssw.post(`/training/carers/${carer.id}/tsd`, parts('evidencedOn', addDays(today, 3)));
    expect(tsd.body).toContain('Date the standards were evidenced must be today or in the past');
    // Another team's supervising social worker cannot see the carer at all.
    const ssw2 = await signedIn(t.app, 'ssw2');
    expect((await ssw2.get(`/training/carers/${carer.id}`)).statusCode).toBe(404);
    // The training coordinator reads the record but does not keep the PDP.
    const coordinator = await signedIn(t.app, 'training');
    expect((await coordinator.get(`/training/carers/${carer.id}`)).statusCode).toBe(200);
    expect((await coordinator.get(`/training/carers/${carer.id}/pdp/new`)).statusCode).toBe(403);

    const { carers: mine } = await demoCarerHousehold();
    await makePlan(db, mine[0]!.id, addDays(today, -1));
    const portal = await (await signedIn(t.app, 'carer')).get('/portal/training');
    expect(portal.body).toContain('Goals');
    expect(portal.body).toContain('days expected a year');
  });
});

describe('participation events and the year for the annual review', () => {
  it('records who attended, and gives the review each carer’s training, days and PDP', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const carer = await makeCarer(db, household.id, { firstName: 'Robin' });
    const coordinator = await signedIn(t.app, 'training');
    const event = await coordinator.post('/participation/new', {
      title: 'Summer fun day',
      audience: 'both',
      organiser: 'carers_association',
      ...parts('heldOn', addDays(today, -3)),
      ...parts('endsOn', addDays(today, -2)),
      place: 'Kearsney Abbey',
    });
    expect(event.statusCode).toBe(303);
    const eventId = idFrom(event.headers.location);
    const recorded = await coordinator.post(`/participation/${eventId}/attendance`, { carerId: carer.id });
    expect(recorded.statusCode).toBe(303);
    expect((await coordinator.get(`/participation/${eventId}`)).body).toContain('Robin');
    const backwards = await coordinator.post('/participation/new', {
      title: 'Backwards',
      audience: 'carers',
      organiser: 'fostering_team',
      ...parts('heldOn', today),
      ...parts('endsOn', addDays(today, -1)),
      place: 'Somewhere',
    });
    expect(backwards.body).toContain('Last day must be the same as or after the date of the event');

    await attended(db, carer.id, (await courseIn(db, 'lgbt')).id, addDays(today, -10));
    await makePlan(db, carer.id, addDays(today, -5));
    const earlier = await makeEvent(db, addDays(today, -400));
    await attendEvent(db, earlier.id, { carerId: carer.id });
    const year = await trainingYearFor(db, household.id, addDays(today, -364), today);
    expect(year.carers).toHaveLength(1);
    expect(year.carers[0]).toMatchObject({
      name: 'Robin Testfamily',
      trainingHours: 3,
      participationDays: 2,
      participationExpected: 3,
      pdp: { goals: 'Goals', agreedOn: addDays(today, -5) },
    });
    expect(year.carers[0]!.training.map((s) => s.title)).toEqual(['Introduction to LGBT+ young people']);
    expect(await userIdByUsername(db, 'training')).toBeTruthy();
  });
});
