/**
 * Carer Ambassadors through the pages: the recruitment coordinator makes a carer an ambassador and
 * the household's supervising social worker records what they did (refused with clear messages,
 * what was typed kept); the service's list and the portal; records made in error removed; their
 * time ended when they leave the household or its approval ends; the trail; who may not.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeCarer, makeHousehold, teamIdByName } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { financialYearOf } from '../../platform/dates/quarters.ts';
import type { Db } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { dateBoxes as boxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { makeReview } from '../reviews/test-support.ts';

const t = testAppForFile();
let db: Db;
beforeAll(() => {
  db = t.database.db;
});

const page = (id: string) => `/households/${id}/ambassadors`;
const today = () => todayInLondon();
/** "Carer Ambassadors now, across the service": the number the list shows. */
const serviceCount = (body: string) =>
  Number(/Carer Ambassadors now, across the service[\s\S]*?(\d+) \(the plan asks for 30\)/.exec(body)![1]);
/** The recruitment events since 1 April in the list's table of what they did (0 when none). */
const eventCount = (body: string) =>
  Number(/A recruitment event or information evening<\/td>\s*<td[^>]*>(\d+)<\/td>/.exec(body)?.[1] ?? 0);
const idOf = (body: string, name: string) =>
  new RegExp(`name="${name}" type="radio" value="([0-9a-f-]{36})"`).exec(body)![1]!;

describe('Carer Ambassadors', () => {
  it('are made by the recruitment coordinator, and what they do recorded by the supervising social worker', async () => {
    const household = await makeHousehold(db, { name: 'Speakwell', allocatedSswUsername: 'ssw' });
    const sam = await makeCarer(db, household.id, { firstName: 'Sam', lastName: 'Speakwell' });
    const kit = await makeCarer(db, household.id, { firstName: 'Kit', lastName: 'Speakwell' });
    const enquiry = await makeHousehold(db, { name: 'Earlydays', status: 'enquiry' });
    const early = await makeCarer(db, enquiry.id, { firstName: 'Ellis', lastName: 'Earlydays' });
    const recruitment = await signedIn(t.app, 'recruitment');
    const ssw = await signedIn(t.app, 'ssw');
    const head = await signedIn(t.app, 'head');
    const listBefore = (await head.get('/ambassadors')).body;
    const countBefore = serviceCount(listBefore);
    const eventsBefore = eventCount(listBefore);

    // The household's page links to its ambassadors; the SSW may not make one.
    expect((await ssw.get(`/households/${household.id}`)).body).toContain(`href="${page(household.id)}"`);
    const before = await ssw.get(page(household.id));
    expect(before.body).toContain('No carer of this household is, or has been, a Carer Ambassador.');
    expect(before.body).not.toContain('Make a carer a Carer Ambassador');
    expect(before.body).not.toContain('Record what a Carer Ambassador did');
    expect((await ssw.get(`${page(household.id)}/new`)).statusCode).toBe(403);

    // Refused, with what was typed kept.
    const notApproved = await recruitment.post(`${page(enquiry.id)}/new`, {
      carerId: early.id,
      ...boxes('startedOn', today()),
    });
    expect(notApproved.statusCode).toBe(400);
    expect(notApproved.body).toContain('Only a carer of an approved household can be an ambassador');
    const form = await recruitment.get(`${page(household.id)}/new`);
    expect(form.body).toContain('Sam Speakwell');
    expect(form.body).toContain('The plan asks for 30 across the service.');
    const noCarer = await recruitment.post(`${page(household.id)}/new`, boxes('startedOn', '2026-10-05'));
    expect(noCarer.statusCode).toBe(400);
    expect(noCarer.body).toContain('Select the carer');
    expect(noCarer.body).toContain('value="2026"');
    const future = await recruitment.post(`${page(household.id)}/new`, {
      carerId: sam.id,
      ...boxes('startedOn', addDays(today(), 1)),
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Date they became an ambassador must be today or in the past');
    const otherHousehold = await recruitment.post(`${page(household.id)}/new`, {
      carerId: early.id,
      ...boxes('startedOn', '2026-10-05'),
    });
    expect(otherHousehold.body).toContain('Select a carer of the household');

    const made = await recruitment.post(`${page(household.id)}/new`, {
      carerId: sam.id,
      ...boxes('startedOn', '2026-10-05'),
    });
    expect(made.statusCode).toBe(303);
    const madePage = await recruitment.get(made.headers.location!);
    expect(madePage.body).toContain('The carer is now a Carer Ambassador');
    expect(madePage.body).toContain(
      '<strong>Sam Speakwell</strong>: a Carer Ambassador, 5 October 2026 to now; 0 activities recorded.',
    );
    // Sam is no longer offered; made twice is refused.
    expect((await recruitment.get(`${page(household.id)}/new`)).body).not.toContain('Sam Speakwell');
    const twice = await recruitment.post(`${page(household.id)}/new`, {
      carerId: sam.id,
      ...boxes('startedOn', '2026-10-06'),
    });
    expect(twice.body).toContain('The carer is already an ambassador');

    // The supervising social worker records what Sam did.
    const activityForm = await ssw.get(`${page(household.id)}/activities/new`);
    expect(activityForm.statusCode).toBe(200);
    const samId = idOf(activityForm.body, 'ambassadorId');
    const tooEarly = await ssw.post(`${page(household.id)}/activities/new`, {
      ambassadorId: samId,
      kind: 'recruitment-event',
      ...boxes('onDate', '2026-10-01'),
      note: 'The stand at the county show.',
    });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.body).toContain('Date of the activity must be while they were an ambassador');
    expect(tooEarly.body).toContain('The stand at the county show.');
    const noKind = await ssw.post(`${page(household.id)}/activities/new`, {
      ambassadorId: samId,
      ...boxes('onDate', '2026-10-17'),
    });
    expect(noKind.body).toContain('Select what they did');
    const recorded = await ssw.post(`${page(household.id)}/activities/new`, {
      ambassadorId: samId,
      kind: 'recruitment-event',
      ...boxes('onDate', '2026-10-17'),
      note: 'The stand at the Hythe fete.',
    });
    expect(recorded.statusCode).toBe(303);
    const withActivity = await ssw.get(recorded.headers.location!);
    expect(withActivity.body).toContain('The activity has been recorded');
    expect(withActivity.body).toContain(
      '<strong>17 October 2026</strong>: Sam Speakwell, a recruitment event or information evening. The stand at the Hythe fete.',
    );
    expect(withActivity.body).toContain('1 activity recorded.');

    // The service's list, against the plan's 30: one more than before.
    const list = await head.get('/ambassadors');
    expect(list.statusCode).toBe(200);
    expect(serviceCount(list.body)).toBe(countBefore + 1);
    expect(list.body).toContain(`>Speakwell (${household.reference})</a>`);
    // Counted in the year it was in: this financial year's, unless 1 April has come since.
    const inThisYear = financialYearOf(today()).start <= '2026-10-17';
    expect(eventCount(list.body)).toBe(eventsBefore + (inThisYear ? 1 : 0));

    // Sam stops, not before the last thing they did.
    expect(withActivity.body).not.toContain('/stop"');
    const stopPath = new RegExp(`href="(/ambassadors/[0-9a-f-]{36}/stop)"`).exec(
      (await recruitment.get(page(household.id))).body,
    )![1]!;
    const beforeLast = await recruitment.post(stopPath, boxes('endedOn', '2026-10-10'));
    expect(beforeLast.statusCode).toBe(400);
    expect(beforeLast.body).toContain('Date they stopped must be on or after their last activity, on 17 October 2026');
    const stopped = await recruitment.post(stopPath, boxes('endedOn', '2026-11-20'));
    expect(stopped.statusCode).toBe(303);
    const after = await ssw.get(page(household.id));
    expect(after.body).toContain(
      '<strong>Sam Speakwell</strong>: was a Carer Ambassador, 5 October 2026 to 20 November 2026',
    );
    // Nobody is an ambassador now, so there is nothing to record.
    expect(after.body).not.toContain('Record what a Carer Ambassador did');
    expect((await head.get('/ambassadors')).body).not.toContain(`>Speakwell (${household.reference})</a>`);

    // The days typed wrongly are put right, never leaving out what Sam did.
    const changePath = stopPath.replace('/stop', '/change');
    const changeForm = await recruitment.get(changePath);
    expect(changeForm.body).toContain('Change Sam Speakwell’s time as a Carer Ambassador');
    expect(changeForm.body).toMatch(/name="startedOn-day"[^>]*value="5"/);
    expect(changeForm.body).toMatch(/name="endedOn-day"[^>]*value="20"/);
    const afterFirst = await recruitment.post(changePath, {
      ...boxes('startedOn', '2026-10-20'),
      ...boxes('endedOn', '2026-11-20'),
    });
    expect(afterFirst.statusCode).toBe(400);
    expect(afterFirst.body).toContain(
      'Date they became an ambassador must be on or before their first activity, on 17 October 2026',
    );
    const changed = await recruitment.post(changePath, {
      ...boxes('startedOn', '2026-10-01'),
      ...boxes('endedOn', '2026-11-25'),
    });
    expect(changed.statusCode).toBe(303);
    expect((await recruitment.get(changed.headers.location!)).body).toContain(
      '<strong>Sam Speakwell</strong>: was a Carer Ambassador, 1 October 2026 to 25 November 2026',
    );

    // Kit, made one in error, is removed with why; Sam, who did something, cannot be.
    await recruitment.post(`${page(household.id)}/new`, { carerId: kit.id, ...boxes('startedOn', '2026-11-02') });
    const withKit = await recruitment.get(page(household.id));
    const removeKit = new RegExp(`href="(/ambassadors/[0-9a-f-]{36}/remove)">Remove Kit Speakwell`).exec(
      withKit.body,
    )![1]!;
    expect(withKit.body).not.toContain('>Remove Sam Speakwell');
    expect((await recruitment.get(removeKit.replace('/remove', '/stop'))).statusCode).toBe(200);
    const noReason = await recruitment.post(removeKit, { reason: '' });
    expect(noReason.body).toContain('Enter why the ambassador is being removed');
    expect((await recruitment.post(removeKit, { reason: 'The wrong carer was chosen' })).statusCode).toBe(303);
    expect((await recruitment.get(page(household.id))).body).not.toContain('Kit Speakwell</strong>');

    // The activity recorded in error is removed with why.
    const removeActivity = new RegExp(`href="(/ambassadors/activities/[0-9a-f-]{36}/remove)"`).exec(after.body)![1]!;
    expect((await ssw.post(removeActivity, { reason: 'Recorded on the wrong household' })).statusCode).toBe(303);
    expect((await ssw.get(page(household.id))).body).toContain('No activity is recorded.');

    const trail = await head.get(`/records/household/${household.id}/audit`);
    expect(trail.body).toContain('Removed a carer’s time as a Carer Ambassador on the household record');
    expect(trail.body).toContain('Removed something a Carer Ambassador did on the household record');
    expect(trail.body).toContain('Viewed the Carer Ambassadors on the household record');
  });

  it('are kept from those who may not see or change them', async () => {
    const household = await makeHousehold(db, { name: 'Guarded', allocatedSswUsername: 'ssw' });
    const carer = await makeCarer(db, household.id, { firstName: 'Gale', lastName: 'Guarded' });
    const recruitment = await signedIn(t.app, 'recruitment');
    await recruitment.post(`${page(household.id)}/new`, { carerId: carer.id, ...boxes('startedOn', '2026-09-01') });
    const cicsw = await signedIn(t.app, 'cicsw');
    expect((await cicsw.get('/ambassadors')).statusCode).toBe(403);
    expect((await cicsw.get(page(household.id))).statusCode).toBe(403);
    const ssw2 = await signedIn(t.app, 'ssw2');
    expect((await ssw2.get(page(household.id))).statusCode).toBe(404);
    expect((await ssw2.post(`${page(household.id)}/activities/new`, { kind: 'other' })).statusCode).toBe(404);
    const panel = await signedIn(t.app, 'panel');
    expect((await panel.get(page(household.id))).statusCode).toBe(403);
  });

  it('stop when they leave the household, and all of them when its approval ends', async () => {
    const household = await makeHousehold(db, { name: 'Parting', allocatedSswUsername: 'ssw' });
    const alex = await makeCarer(db, household.id, {
      firstName: 'Alex',
      lastName: 'Parting',
      dateOfBirth: '1982-03-14',
    });
    const bo = await makeCarer(db, household.id, { firstName: 'Bo', lastName: 'Parting' });
    const manager = await signedIn(t.app, 'manager');
    for (const c of [alex, bo]) {
      expect(
        (await manager.post(`${page(household.id)}/new`, { carerId: c.id, ...boxes('startedOn', '2026-09-01') }))
          .statusCode,
      ).toBe(303);
    }
    const ssw = await signedIn(t.app, 'ssw');
    const leftOn = addDays(today(), -3);
    const left = await ssw.post(`/households/${household.id}/carers/${alex.id}/edit`, {
      firstName: 'Alex',
      lastName: 'Parting',
      ...boxes('dateOfBirth', '1982-03-14'),
      ...boxes('leftOn', leftOn),
    });
    expect(left.statusCode).toBe(303);
    const afterLeaving = await ssw.get(page(household.id));
    expect(afterLeaving.body).toContain(
      `<strong>Alex Parting</strong>: was a Carer Ambassador, 1 September 2026 to ${formatDate(leftOn)}`,
    );
    expect(afterLeaving.body).toContain('<strong>Bo Parting</strong>: a Carer Ambassador, 1 September 2026 to now');

    const deregisteredOn = addDays(today(), -1);
    const changed = await manager.post(`/households/${household.id}/status`, {
      toStatus: 'deregistered',
      ...boxes('onDate', deregisteredOn),
      reason: 'The carers retired',
    });
    expect(changed.statusCode).toBe(303);
    const afterEnding = await manager.get(page(household.id));
    expect(afterEnding.body).toContain(
      `<strong>Bo Parting</strong>: was a Carer Ambassador, 1 September 2026 to ${formatDate(deregisteredOn)}`,
    );
    // No carer of a deregistered household is offered.
    expect(afterEnding.body).not.toContain('Make a carer a Carer Ambassador');
  });

  it('are shown to the carers on the portal, with what they did this year', async () => {
    // The demo carer is an ambassador.
    const [carer] = await queryRows<{ householdId: string; name: string; since: string }>(
      db,
      sql`select u.household_id as "householdId", c.first_name || ' ' || c.last_name as name, a.started_on::text as since
        from users u join carer_ambassadors a on a.household_id = u.household_id and a.ended_on is null
        join carers c on c.id = a.carer_id where u.username = 'carer'`,
    );
    const householdId = carer!.householdId;
    const recorded = `: ${carer!.name}, speaking for carers (a consultation, or a review of policy or payments)`;
    const times = (body: string) => body.split(recorded).length - 1;
    const before = await (await signedIn(t.app, 'carer')).get('/portal');
    expect(before.body).toContain(`${carer!.name} is a Carer Ambassador, since ${formatDate(carer!.since)}.`);
    const head = await signedIn(t.app, 'head');
    const ambassadorId = idOf((await head.get(`${page(householdId)}/activities/new`)).body, 'ambassadorId');
    // Today: the portal shows what they did since 1 April.
    const onDate = today();
    expect(
      (
        await head.post(`${page(householdId)}/activities/new`, {
          ambassadorId,
          kind: 'consultation',
          ...boxes('onDate', onDate),
        })
      ).statusCode,
    ).toBe(303);
    const portal = await (await signedIn(t.app, 'carer')).get('/portal');
    expect(portal.body).toContain(`${formatDate(onDate)}${recorded}`);
    expect(times(portal.body)).toBe(times(before.body) + 1);
    // The carer reaches none of the staff pages.
    expect((await (await signedIn(t.app, 'carer')).get(page(householdId))).statusCode).toBe(403);
    expect((await (await signedIn(t.app, 'carer')).get('/ambassadors')).statusCode).toBe(403);
  });

  it('are on the annual review for the reviewing officer, only when the carers were ambassadors in the year', async () => {
    const household = await makeHousehold(db, { name: 'Reviewed', allocatedSswUsername: 'ssw' });
    const carer = await makeCarer(db, household.id, { firstName: 'Rene', lastName: 'Reviewed' });
    const review = await makeReview(db, { householdId: household.id, startedOn: addDays(today(), -7) });
    const reviewer = await signedIn(t.app, 'reviewer');
    expect((await reviewer.get(`/reviews/${review.id}`)).body).not.toContain(
      '<h2 class="govuk-heading-m">Carer Ambassadors</h2>',
    );

    const recruitment = await signedIn(t.app, 'recruitment');
    // In the year the review looks back on, whatever today is.
    const since = addDays(today(), -60);
    const onDate = addDays(today(), -30);
    await recruitment.post(`${page(household.id)}/new`, { carerId: carer.id, ...boxes('startedOn', since) });
    const ambassadorId = idOf((await recruitment.get(`${page(household.id)}/activities/new`)).body, 'ambassadorId');
    await recruitment.post(`${page(household.id)}/activities/new`, {
      ambassadorId,
      kind: 'support-group',
      ...boxes('onDate', onDate),
    });
    const reviewPage = await reviewer.get(`/reviews/${review.id}`);
    expect(reviewPage.statusCode).toBe(200);
    expect(reviewPage.body).toContain('<h2 class="govuk-heading-m">Carer Ambassadors</h2>');
    expect(reviewPage.body).toContain(`Rene Reviewed: a Carer Ambassador since ${formatDate(since)}`);
    expect(reviewPage.body).toContain(`${formatDate(onDate)}: Rene Reviewed, a carers’ support group`);
    // The reviewing officer reads no other page of ambassadors: the section does not link to one.
    expect(reviewPage.body).not.toContain(`href="${page(household.id)}"`);
    expect((await (await signedIn(t.app, 'head')).get(`/reviews/${review.id}`)).body).toContain(
      `href="${page(household.id)}"`,
    );
  });

  it('count the enquiries from people who heard of fostering from a Carer Ambassador', async () => {
    const recruitment = await signedIn(t.app, 'recruitment');
    const enquiries = async () =>
      Number(
        /heard of fostering from a Carer Ambassador, since [^<]*<\/dt>\s*<dd[^>]*>\s*(\d+)/.exec(
          (await recruitment.get('/ambassadors')).body,
        )![1],
      );
    const before = await enquiries();
    const form = await recruitment.get('/recruitment/enquiries/new');
    expect(form.body).toContain('A Carer Ambassador');
    const made = await recruitment.post('/recruitment/enquiries/new', {
      ...boxes('enquiredOn', today()),
      carerFirstName: 'Ash',
      carerLastName: 'Heardfrom',
      addressLine1: '4 Mill Lane',
      town: 'Canterbury',
      postcode: 'CT2 7AA',
      teamId: await teamIdByName(db, 'East Kent Fostering Team 1'),
      source: 'carer_ambassador',
      interests: 'mainstream',
    });
    expect(made.statusCode).toBe(303);
    expect(await enquiries()).toBe(before + 1);
  });
});
