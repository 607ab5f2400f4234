/**
 * A carer leaves the household (a couple separating): the day they left, on the carer's change
 * form (bad dates refused, the last carer kept, nothing typed lost); the household's page keeps them
 * as a former carer; their check renewals and training deadlines end, the safer-care plan is due
 * again, and their access to the carer portal ends at once. Search, the check form and the profile
 * given to children say so. Recorded in error and cleared, what it changed comes back, training
 * places included. The kept deadlines match a rebuild throughout.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expectDueItemsInStep } from '../../../test/support/due.ts';
import { Agent, signedIn, testAppForFile } from '../../../test/support/app.ts';
import {
  makeCarer,
  makeCarerAccount,
  makeCheck,
  makeHousehold,
  makeSaferCarePlan,
} from '../../../test/support/households.ts';
import { users } from '../../platform/auth/tables.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, addWorkingDays, todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { attended, makeCourse } from '../training/test-support.ts';
import { trainingBookings, trainingSessions } from '../training/tables.ts';
import { carers } from './tables.ts';

const t = testAppForFile();
const today = todayInLondon();

const itemsOf = async (recordIds: string[], ruleId?: string) =>
  t.database.db
    .select({ ruleId: dueItems.ruleId, dueOn: dueItems.dueOn, detail: dueItems.detail })
    .from(dueItems)
    .where(and(inArray(dueItems.recordId, recordIds), ruleId ? eq(dueItems.ruleId, ruleId) : undefined));

const alexValues = {
  firstName: 'Alex',
  lastName: 'Parting',
  email: 'alex.parting@example.com',
  phone: '07700 900123',
  ...dateBoxes('dateOfBirth', '1982-03-14'),
};

describe('a carer leaving the household', () => {
  it('keeps them as a former carer, ends their checks, training and portal access, and makes the safer-care plan due again', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const sam = await makeCarer(db, household.id, { firstName: 'Sam', lastName: 'Staying' });
    const alex = await makeCarer(db, household.id, {
      firstName: 'Alex',
      lastName: 'Parting',
      email: 'alex.parting@example.com',
      phone: '07700 900123',
      dateOfBirth: '1982-03-14',
    });
    await makeCheck(db, household.id, { carerId: alex.id, kind: 'dbs', expiresOn: addDays(today, 40) });
    await makeCheck(db, household.id, { carerId: sam.id, kind: 'dbs', expiresOn: addDays(today, 50) });
    await makeSaferCarePlan(db, household.id);
    await refreshDueItems(db, 'household', [household.id]);
    const renewals = async () =>
      (await itemsOf([household.id], 'households.dbs-check-renewal')).map((i) => i.detail).sort();
    expect(await renewals()).toEqual(['DBS check of Alex Parting (carer)', 'DBS check of Sam Staying (carer)']);
    // Approved a year ago with no training recorded: Alex owes their training and development plan.
    const alexTraining = (await itemsOf([alex.id])).map((i) => i.ruleId);
    expect(alexTraining).toEqual(expect.arrayContaining(['training.tsd', 'training.pdp-review']));

    // Alex has a place on a session still to come, and attended one before leaving.
    const course = await makeCourse(db, { title: 'Managing behaviour' });
    const placeToCome = await attended(db, alex.id, course.id, addDays(today, 20), null);
    const placeTakenSince = await attended(db, alex.id, course.id, addDays(today, 30), null);
    // And one on a session held three days ago, its register not taken yet.
    const placeHeldSince = await attended(db, alex.id, course.id, addDays(today, -3), null);
    const before = await attended(db, alex.id, course.id, addDays(today, -30));
    const bookingOf = async (sessionId: string) =>
      (await db.select().from(trainingBookings).where(eq(trainingBookings.sessionId, sessionId)))[0]!;

    // Alex has an account for the carer portal, linked from the household's page.
    const accountId = await makeCarerAccount(db, 'Alex Parting', 'alex.parting');
    const ssw = await signedIn(t.app, 'ssw');
    const portalPath = `/households/${household.id}/carers/${alex.id}/portal-account`;
    expect((await ssw.post(portalPath, { userId: accountId })).headers.location).toBe(
      `/households/${household.id}?done=portal-linked`,
    );
    const alexPortal = await signedIn(t.app, 'alex.parting');
    expect((await alexPortal.get('/portal')).statusCode).toBe(200);

    const edit = `/households/${household.id}/carers/${alex.id}/edit`;
    const form = await ssw.get(edit);
    expect(form.body).toContain('Date they left the household (optional)');
    expect((await ssw.get(`/households/${household.id}/carers/new`)).body).not.toContain('Date they left');
    const toCome = await ssw.post(edit, { ...alexValues, ...dateBoxes('leftOn', addDays(today, 1)) });
    expect(toCome.statusCode).toBe(400);
    expect(toCome.body).toContain('Date they left must be today or in the past');
    expect(toCome.body).toContain('value="alex.parting@example.com"');
    const beforeBirth = await ssw.post(edit, { ...alexValues, ...dateBoxes('leftOn', '1981-01-01') });
    expect(beforeBirth.statusCode).toBe(400);
    expect(beforeBirth.body).toContain('Date they left must be on or after their date of birth');

    const leftOn = addDays(today, -5);
    const saved = await ssw.post(edit, { ...alexValues, ...dateBoxes('leftOn', leftOn) });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/households/${household.id}?done=carer-left`);
    const page = await ssw.get(saved.headers.location!);
    expect(page.body).toContain('The carer is now a former carer');
    expect(page.body).toContain('Former carers');
    expect(page.body).toContain(`Left ${formatDate(leftOn)}`);

    // Their access to the portal ended with the change: signed out, and the account unlinked.
    const after = await alexPortal.get('/portal');
    expect(after.statusCode).toBe(302);
    expect(after.headers.location).toContain('/sign-in');
    const [account] = await db.select().from(users).where(eq(users.id, accountId));
    expect(account).toMatchObject({ householdId: null, carerId: null, active: true });
    // Signed in again, the account sees no household.
    const again = new Agent(t.app);
    await again.signIn('alex.parting');
    const unlinked = await again.get('/portal');
    expect(unlinked.body).toContain('Your account is not linked to a household');
    expect(unlinked.body).not.toContain(household.name);

    // Their place still to come is given up, on the booking's trail; what they attended stays.
    expect(await bookingOf(placeToCome.id)).toMatchObject({ status: 'cancelled' });
    expect(await bookingOf(placeHeldSince.id)).toMatchObject({ status: 'cancelled' });
    expect(await bookingOf(before.id)).toMatchObject({ status: 'booked', attendance: 'attended' });
    const cancelledTrail = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, (await bookingOf(placeToCome.id)).id), eq(auditEvents.action, 'cancel')));
    expect(cancelledTrail).toMatchObject([{ username: 'ssw', detail: { via: 'carer-left' } }]);
    // The later session's one place is taken meanwhile, by Sam.
    await db.update(trainingSessions).set({ capacity: 1 }).where(eq(trainingSessions.id, placeTakenSince.id));
    await db.insert(trainingBookings).values({
      sessionId: placeTakenSince.id,
      sessionStartsOn: placeTakenSince.startsOn,
      sessionCourseId: placeTakenSince.courseId,
      carerId: sam.id,
      householdId: household.id,
      status: 'booked',
      bookedVia: 'staff',
    });

    // Their renewal and training are owed no more; Sam's stay.
    expect(await renewals()).toEqual(['DBS check of Sam Staying (carer)']);
    expect(await itemsOf([alex.id])).toEqual([]);
    expect((await itemsOf([sam.id])).length).toBeGreaterThan(0);
    // A carer leaving changes the household: its plan is agreed again within 10 working days.
    expect(await itemsOf([household.id], 'safer-care.plan-agreed')).toMatchObject([
      { dueOn: addWorkingDays(leftOn, 10) },
    ]);
    const plan = await ssw.get(`/households/${household.id}/safer-care`);
    expect(plan.body).toContain(`${formatDate(leftOn)}: Alex Parting (carer) left the household`);
    await expectDueItemsInStep(db);

    // Kept on the record, named as a former carer; no longer on the profile children are given.
    const search = await ssw.get('/search?q=Parting');
    expect(search.body).toContain('Former carer');
    expect((await ssw.get(`/households/${household.id}/checks/new`)).body).toContain('Alex Parting (former carer)');
    const profile = await ssw.get(`/households/${household.id}/profile`);
    // Sam alone ('Sam' alone would also match the worker's name in the header).
    expect(profile.body).toContain('<li>Your foster carers: Sam</li>');
    expect(profile.body).not.toMatch(/Your foster carers:[^<]*Alex/);
    const training = await ssw.get(`/training/carers/${alex.id}`);
    expect(training.body).toContain(`Left the household on ${formatDate(leftOn)}`);
    expect((await ssw.get(`/households/${household.id}/training`)).body).toContain('Alex Parting</a> (former carer)');

    // Sam cannot leave too: a household keeps a carer (its status ends its approval).
    const samEdit = `/households/${household.id}/carers/${sam.id}/edit`;
    const last = await ssw.post(samEdit, {
      firstName: 'Sam',
      lastName: 'Staying',
      ...dateBoxes('dateOfBirth', '1980-05-17'),
      ...dateBoxes('leftOn', leftOn),
    });
    expect(last.statusCode).toBe(400);
    expect(last.body).toContain('Another carer must still live in the household');
    expect(last.body).toContain('value="Staying"');
    const [samNow] = await db.select().from(carers).where(eq(carers.id, sam.id));
    expect(samNow!.leftOn).toBeNull();

    // Recorded in error: the day cleared, Alex lives there again and every deadline follows; the
    // place given up is booked again, on its trail, but not the one another carer has taken since.
    expect((await ssw.post(edit, alexValues)).statusCode).toBe(303);
    expect((await ssw.get(`/households/${household.id}`)).body).not.toContain('Former carers');
    expect(await bookingOf(placeToCome.id)).toMatchObject({ status: 'booked', carerId: alex.id });
    const booked = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, (await bookingOf(placeToCome.id)).id), eq(auditEvents.action, 'book')));
    expect(booked).toMatchObject([{ username: 'ssw', detail: { via: 'carer-returned' } }]);
    // The place on the session held meanwhile too, on its register for the coordinator to say whether they went.
    expect(await bookingOf(placeHeldSince.id)).toMatchObject({ status: 'booked', attendance: null });
    const register = await (await signedIn(t.app, 'training')).get(`/training/sessions/${placeHeldSince.id}`);
    expect(register.body).toContain('Alex Parting');
    expect(register.body).toContain('Not recorded');
    const laterPlaces = await db
      .select()
      .from(trainingBookings)
      .where(eq(trainingBookings.sessionId, placeTakenSince.id));
    expect(laterPlaces.map((b) => [b.carerId, b.status]).sort()).toEqual(
      [
        [alex.id, 'cancelled'],
        [sam.id, 'booked'],
      ].sort(),
    );
    expect(await renewals()).toHaveLength(2);
    expect(await itemsOf([household.id], 'safer-care.plan-agreed')).toMatchObject([{ dueOn: addDays(today, 165) }]);
    await expectDueItemsInStep(db);
  });
});

describe('a carer’s account for the carer portal', () => {
  it('is linked from the household’s page to a carer living there, and its access removed there', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const robin = await makeCarer(db, household.id, { firstName: 'Robin', lastName: 'Portalson' });
    const ssw = await signedIn(t.app, 'ssw');
    const path = `/households/${household.id}/carers/${robin.id}/portal-account`;

    const page = await ssw.get(`/households/${household.id}`);
    expect(page.body).toContain('No account');
    expect(page.body).toContain(`href="${path}">Give access`);
    const aaronId = await makeCarerAccount(db, 'Aaron Aardvark', 'aaron.aardvark');
    const accountId = await makeCarerAccount(db, 'Robin Portalson', 'robin.portalson');
    const form = await ssw.get(path);
    expect(form.body).toContain('Which account is theirs?');
    // Offered first: the accounts in the carer's surname (A comes before R otherwise).
    const offered = (id: string) => form.body.indexOf(`value="${id}"`);
    expect(offered(aaronId)).toBeGreaterThan(0);
    expect(offered(accountId)).toBeGreaterThan(0);
    expect(offered(accountId)).toBeLessThan(offered(aaronId));
    expect(form.body).toContain('robin.portalson@example.com');
    const none = await ssw.post(path, {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Select the carer’s account from the list');
    // A staff account, or one already linked, is not one to give.
    const staffId = (await db.select({ id: users.id }).from(users).where(eq(users.username, 'cicsw')))[0]!.id;
    const staff = await ssw.post(path, { userId: staffId });
    expect(staff.statusCode).toBe(400);
    expect((await db.select().from(users).where(eq(users.id, staffId)))[0]!.householdId).toBeNull();

    // Only those who may change the household: a carer and a children's social worker are refused.
    const cicsw = await signedIn(t.app, 'cicsw');
    expect((await cicsw.post(path, { userId: accountId })).statusCode).toBe(403);
    const otherHousehold = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    expect((await ssw.get(`/households/${otherHousehold.id}/carers/${robin.id}/portal-account`)).statusCode).toBe(404);

    expect((await ssw.post(path, { userId: accountId })).statusCode).toBe(303);
    expect((await ssw.get(`/households/${household.id}`)).body).toContain('Robin Portalson’s account');
    const robinPortal = await signedIn(t.app, 'robin.portalson');
    const home = await robinPortal.get('/portal');
    expect(home.statusCode).toBe(200);
    expect(home.body).not.toContain('Your account is not linked to a household');
    expect(home.body).toContain('Your approval');
    // Linked once: the form now shows the account and the way to remove it.
    const linked = await ssw.get(path);
    expect(linked.body).toContain('Remove access to the carer portal');

    const removed = await ssw.post(`${path}/remove`, {});
    expect(removed.headers.location).toBe(`/households/${household.id}?done=portal-removed`);
    expect((await robinPortal.get('/portal')).statusCode).toBe(302);
    expect((await ssw.get(`/households/${household.id}`)).body).toContain('No account');
    // The household's trail says who gave and who removed the access.
    const head = await signedIn(t.app, 'head');
    const trail = await head.get(`/records/household/${household.id}/audit`);
    expect(trail.body.match(/Changed a carer’s carer portal account on the household record/g)).toHaveLength(2);
  });

  it('loses the household when an administrator gives it a staff role', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const kim = await makeCarer(db, household.id, { firstName: 'Kim', lastName: 'Rolechange' });
    const accountId = await makeCarerAccount(db, 'Kim Rolechange', 'kim.rolechange');
    const ssw = await signedIn(t.app, 'ssw');
    await ssw.post(`/households/${household.id}/carers/${kim.id}/portal-account`, { userId: accountId });
    expect((await ssw.get(`/households/${household.id}`)).body).toContain('Kim Rolechange’s account');

    const admin = await signedIn(t.app, 'admin');
    const saved = await admin.post(`/admin/users/${accountId}/edit`, {
      displayName: 'Kim Rolechange',
      email: 'kim.rolechange@example.com',
      role: 'training_coordinator',
      teamId: '',
      areaId: '',
    });
    expect(saved.statusCode).toBe(303);
    const [account] = await db.select().from(users).where(eq(users.id, accountId));
    expect(account).toMatchObject({ role: 'training_coordinator', householdId: null, carerId: null });
    expect((await ssw.get(`/households/${household.id}`)).body).not.toContain('Kim Rolechange’s account');
  });
});
