/**
 * A session still to be held is changed on the form it was added on, filled in (a room moved, a new
 * time, more places): its bookings stand, and the carer booked sees the new details in the portal.
 * Not below the places booked, and not once held or cancelled; only by the training coordinator.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeCarer, makeHousehold } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { trainingBookings } from './tables.ts';
import { attended, courseIn, makeSession } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();

const answers = (startsOn: string, extra: Record<string, string> = {}) => ({
  ...dateBoxes('startsOn', startsOn),
  ...dateBoxes('endsOn', null),
  startTime: '10:00',
  format: 'in_person',
  place: 'Oakwood House, Room 4',
  capacity: '12',
  trainer: 'A trainer',
  ...extra,
});

describe('changing a training session', () => {
  it('moves its date and venue, keeps its bookings, and refuses fewer places than are booked', async () => {
    const db = t.database.db;
    const session = await makeSession(db, (await courseIn(db, 'first_aid')).id, addDays(today, 14), { capacity: 3 });
    const household = await makeHousehold(db, { statusSince: '2024-01-08' });
    for (let i = 0; i < 2; i += 1) {
      const carer = await makeCarer(db, household.id);
      await db.insert(trainingBookings).values({
        sessionId: session.id,
        sessionStartsOn: session.startsOn,
        sessionCourseId: session.courseId,
        carerId: carer.id,
        householdId: household.id,
        status: 'booked',
        bookedVia: 'staff',
      });
    }
    const coordinator = await signedIn(t.app, 'training');
    const page = await coordinator.get(`/training/sessions/${session.id}`);
    expect(page.body).toContain(`href="/training/sessions/${session.id}/edit"`);
    const form = await coordinator.get(`/training/sessions/${session.id}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change the session');
    expect(form.body).toContain('value="Oakwood House"');

    const tooFew = await coordinator.post(
      `/training/sessions/${session.id}/edit`,
      answers(session.startsOn, { capacity: '1' }),
    );
    expect(tooFew.statusCode).toBe(400);
    expect(tooFew.body).toContain('2 places are taken: places must be 2 or more, or cancel a booking first');
    expect(tooFew.body).toContain('value="Oakwood House, Room 4"');

    const moved = addDays(today, 21);
    const saved = await coordinator.post(`/training/sessions/${session.id}/edit`, answers(moved));
    expect(saved.statusCode).toBe(303);
    const after = await coordinator.get(saved.headers.location!);
    expect(after.body).toContain('Session changed');
    expect(after.body).toContain(formatDate(moved));
    expect(after.body).toContain('Oakwood House, Room 4');
    const bookings = await db.select().from(trainingBookings).where(eq(trainingBookings.sessionId, session.id));
    expect(bookings.map((b) => [b.status, b.sessionStartsOn])).toEqual([
      ['booked', moved],
      ['booked', moved],
    ]);

    // Only the coordinator: a supervising social worker reads sessions but may not change one.
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/training/sessions/${session.id}/edit`)).statusCode).toBe(403);
    expect((await ssw.post(`/training/sessions/${session.id}/edit`, answers(moved))).statusCode).toBe(403);
  });

  it('is not offered, and is refused, once the session has been held', async () => {
    const db = t.database.db;
    const course = await courseIn(db, 'first_aid');
    const household = await makeHousehold(db, { statusSince: '2024-01-08' });
    const carer = await makeCarer(db, household.id);
    await attended(db, carer.id, course.id, addDays(today, -7));
    const [held] = await db.select().from(trainingBookings).where(eq(trainingBookings.carerId, carer.id));
    const coordinator = await signedIn(t.app, 'training');
    const page = await coordinator.get(`/training/sessions/${held!.sessionId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(`/training/sessions/${held!.sessionId}/edit`);
    const refused = await coordinator.post(`/training/sessions/${held!.sessionId}/edit`, answers(addDays(today, 7)));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('A session that has been held cannot be changed');
  });
});
