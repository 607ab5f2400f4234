/**
 * Extra support through the pages: a manager makes a household a hub family and a supervising social
 * worker links a household to it (refused with clear messages, what was typed kept); activity breaks
 * recorded and removed; an emergency request for psychology support kept as a deadline until its
 * first session; who may see and change each; the carer's own support on the portal; the trail.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { dateBoxes as boxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { makeReview } from '../reviews/test-support.ts';
import { breakAnswers, emergencyAnswers } from './test-support.ts';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(async () => {
  await t.close();
});

const support = (id: string) => `/households/${id}/extra-support`;
const today = () => todayInLondon();

describe('hub families', () => {
  it('are made by a manager, and a household linked to one by its supervising social worker', async () => {
    const hub = await makeHousehold(db, { name: 'Hubbard', allocatedSswUsername: 'ssw' });
    const supported = await makeHousehold(db, { name: 'Leaning', allocatedSswUsername: 'ssw' });
    const enquiry = await makeHousehold(db, { name: 'Newcomer', status: 'enquiry' });
    const west = await makeHousehold(db, { name: 'Westward', teamName: 'West Kent Fostering Team 1' });
    const ssw = await signedIn(t.app, 'ssw');
    const manager = await signedIn(t.app, 'manager');

    // The household's page links to its extra support.
    expect((await ssw.get(`/households/${supported.id}`)).body).toContain(`href="${support(supported.id)}"`);
    const before = await ssw.get(support(supported.id));
    expect(before.body).toContain('Not supported by a hub family.');
    expect(before.body).toContain('Link the household to a hub family');
    expect(before.body).not.toContain('Make the household a hub family');
    // Only a manager makes a hub family.
    expect((await ssw.get(`${support(hub.id)}/hub-family`)).statusCode).toBe(403);

    const notApproved = await manager.post(`${support(enquiry.id)}/hub-family`, boxes('startedOn', today()));
    expect(notApproved.statusCode).toBe(400);
    expect(notApproved.body).toContain('Only an approved household can be a hub family');
    const future = await manager.post(`${support(hub.id)}/hub-family`, boxes('startedOn', addDays(today(), 1)));
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Date it became a hub family must be today or in the past');
    const made = await manager.post(`${support(hub.id)}/hub-family`, boxes('startedOn', '2026-10-05'));
    expect(made.statusCode).toBe(303);
    const hubPage = await manager.get(made.headers.location!);
    expect(hubPage.body).toContain('The household is now a hub family');
    expect(hubPage.body).toContain(
      'This household is a hub family, since 5 October 2026. It supports 0 households now.',
    );

    // The supervising social worker links a household of the area to it.
    const form = await ssw.get(`${support(supported.id)}/hub-link`);
    expect(form.body).toContain(`${hub.name} (${hub.reference})`);
    expect(form.body).toContain('Supporting 0 households now');
    const nothing = await ssw.post(`${support(supported.id)}/hub-link`, boxes('startedOn', '2026-11-02'));
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('Select the hub family');
    expect(nothing.body).toContain('value="2026"');
    const hubId = /name="hubFamilyId" type="radio" value="([0-9a-f-]{36})"/.exec(form.body)![1]!;
    const tooEarly = await ssw.post(`${support(supported.id)}/hub-link`, {
      hubFamilyId: hubId,
      ...boxes('startedOn', '2026-10-01'),
    });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.body).toContain(
      'Date the hub family’s support started must be on or after the day it became a hub family',
    );
    const linked = await ssw.post(`${support(supported.id)}/hub-link`, {
      hubFamilyId: hubId,
      ...boxes('startedOn', '2026-11-02'),
    });
    expect(linked.statusCode).toBe(303);
    const linkedPage = await ssw.get(linked.headers.location!);
    expect(linkedPage.body).toContain('The household is now supported by the hub family');
    expect(linkedPage.body).toMatch(
      new RegExp(
        `Supported by the hub family <a class="govuk-link" href="${support(hub.id)}">${hub.name} \\(${hub.reference}\\)</a>: 2 November 2026 to now.`,
      ),
    );
    expect((await ssw.get(support(hub.id))).body).toContain('It supports 1 household now.');

    // A West Kent household is offered none of East Kent's hub families.
    const head = await signedIn(t.app, 'head');
    expect((await head.get(`${support(west.id)}/hub-link`)).body).toContain('West Kent has no hub family yet.');
    // A supervising social worker of another team may not link a household that is not theirs.
    const ssw2 = await signedIn(t.app, 'ssw2');
    expect((await ssw2.post(`${support(west.id)}/hub-link`, { hubFamilyId: hubId })).statusCode).toBe(403);

    // The hub family stops: the support it gave ends the same day.
    const stopped = await manager.post(`${support(hub.id)}/hub-family`, boxes('endedOn', '2026-11-30'));
    expect(stopped.statusCode).toBe(303);
    const after = await ssw.get(support(supported.id));
    expect(after.body).toContain('Not supported by a hub family.');
    expect(after.body).toContain(
      `Supported before by: ${hub.name} (${hub.reference}), 2 November 2026 to 30 November 2026.`,
    );
    const overview = await head.get('/extra-support');
    expect(overview.statusCode).toBe(200);
    expect(overview.body).not.toContain(`>${hub.name} (${hub.reference})</a>`);

    const trail = await head.get(`/records/household/${supported.id}/audit`);
    expect(trail.body).toContain('the support from a hub family');
    expect(trail.body).toContain('the extra support');
  });
});

describe('a hub family of another team', () => {
  it('is named, not linked, to a worker who may not open its record', async () => {
    const hub = await makeHousehold(db, { name: 'Otherteam', teamName: 'East Kent Fostering Team 2' });
    const supported = await makeHousehold(db, { name: 'Ourteam', allocatedSswUsername: 'ssw' });
    const head = await signedIn(t.app, 'head');
    expect((await head.post(`${support(hub.id)}/hub-family`, boxes('startedOn', '2026-09-01'))).statusCode).toBe(303);
    const [made] = await queryRows<{ id: string }>(db, sql`select id from hub_families where household_id = ${hub.id}`);
    const ssw = await signedIn(t.app, 'ssw');
    // Offered: it is a hub family of the household's area.
    expect((await ssw.get(`${support(supported.id)}/hub-link`)).body).toContain(`${hub.name} (${hub.reference})`);
    const linked = await ssw.post(`${support(supported.id)}/hub-link`, {
      hubFamilyId: made!.id,
      ...boxes('startedOn', '2026-09-07'),
    });
    expect(linked.statusCode).toBe(303);
    const page = (await ssw.get(support(supported.id))).body;
    expect(page).toContain(`Supported by the hub family ${hub.name} (${hub.reference}): 7 September 2026 to now.`);
    expect(page).not.toContain(`href="${support(hub.id)}"`);
    expect((await ssw.get(support(hub.id))).statusCode).toBe(404);
    expect((await head.get(support(supported.id))).body).toContain(`href="${support(hub.id)}"`);
  });
});

describe('a link to a hub family recorded in error', () => {
  it('is removed with a reason, on the trail, and the household can be linked again', async () => {
    const hub = await makeHousehold(db, { name: 'Wronghub', allocatedSswUsername: 'ssw' });
    const supported = await makeHousehold(db, { name: 'Mislinked', allocatedSswUsername: 'ssw' });
    const manager = await signedIn(t.app, 'manager');
    await manager.post(`${support(hub.id)}/hub-family`, boxes('startedOn', '2026-09-01'));
    const [made] = await queryRows<{ id: string }>(db, sql`select id from hub_families where household_id = ${hub.id}`);
    const ssw = await signedIn(t.app, 'ssw');
    await ssw.post(`${support(supported.id)}/hub-link`, { hubFamilyId: made!.id, ...boxes('startedOn', '2026-09-07') });
    const page = await ssw.get(support(supported.id));
    expect(page.body).toContain(`href="${support(supported.id)}/hub-link/remove">Remove the link</a>`);
    const form = await ssw.get(`${support(supported.id)}/hub-link/remove`);
    expect(form.body).toContain(`${hub.name} (${hub.reference}), since 7 September 2026`);
    const noReason = await ssw.post(`${support(supported.id)}/hub-link/remove`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the link is being removed');
    const removed = await ssw.post(`${support(supported.id)}/hub-link/remove`, {
      reason: 'Linked to the wrong hub family',
    });
    expect(removed.statusCode).toBe(303);
    const after = await ssw.get(removed.headers.location!);
    expect(after.body).toContain('The link to the hub family has been removed');
    expect(after.body).toContain('Not supported by a hub family.');
    expect(after.body).not.toContain('Supported before by');
    expect((await ssw.get(support(hub.id))).body).toContain('It supports 0 households now.');
    // Nothing left to remove.
    expect((await ssw.get(`${support(supported.id)}/hub-link/remove`)).statusCode).toBe(404);
    const trail = await (await signedIn(t.app, 'head')).get(`/records/household/${supported.id}/audit`);
    expect(trail.body).toContain('the support from a hub family');

    // With the link removed, the hub family has supported no household: made in error, it may be removed too.
    const hubPage = await manager.get(support(hub.id));
    expect(hubPage.body).toContain(`href="${support(hub.id)}/hub-family/remove">Remove the hub family</a>`);
    // Not by a supervising social worker: it is a manager's.
    expect((await ssw.get(`${support(hub.id)}/hub-family/remove`)).statusCode).toBe(403);
    const gone = await manager.post(`${support(hub.id)}/hub-family/remove`, { reason: 'The wrong household' });
    expect(gone.statusCode).toBe(303);
    const hubAfter = await manager.get(gone.headers.location!);
    expect(hubAfter.body).toContain('The household is no longer recorded as a hub family');
    expect(hubAfter.body).toContain('Make the household a hub family');
    expect(hubAfter.body).not.toContain('A hub family before');
  });

  it('is not removed once the hub family has supported a household: it is ended instead', async () => {
    const hub = await makeHousehold(db, { name: 'Realhub', allocatedSswUsername: 'ssw' });
    const supported = await makeHousehold(db, { name: 'Helped', allocatedSswUsername: 'ssw' });
    const manager = await signedIn(t.app, 'manager');
    await manager.post(`${support(hub.id)}/hub-family`, boxes('startedOn', '2026-09-01'));
    const [made] = await queryRows<{ id: string }>(db, sql`select id from hub_families where household_id = ${hub.id}`);
    await manager.post(`${support(supported.id)}/hub-link`, {
      hubFamilyId: made!.id,
      ...boxes('startedOn', '2026-09-07'),
    });
    await manager.post(`${support(supported.id)}/hub-link`, boxes('endedOn', '2026-10-07'));
    expect((await manager.get(support(hub.id))).body).not.toContain('Remove the hub family');
    expect((await manager.get(`${support(hub.id)}/hub-family/remove`)).statusCode).toBe(404);
  });
});

describe('a household whose approval ends', () => {
  it('stops being a hub family the day it is deregistered, and the support it gave ends that day', async () => {
    const hub = await makeHousehold(db, { name: 'Retiring', allocatedSswUsername: 'ssw' });
    const supported = await makeHousehold(db, { name: 'Leftalone', allocatedSswUsername: 'ssw' });
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.post(`${support(hub.id)}/hub-family`, boxes('startedOn', '2026-09-01'))).statusCode).toBe(
      303,
    );
    const [made] = await queryRows<{ id: string }>(
      db,
      sql`select id from hub_families where household_id = ${hub.id} and ended_on is null`,
    );
    const hubId = made!.id;
    expect(
      (
        await manager.post(`${support(supported.id)}/hub-link`, {
          hubFamilyId: hubId,
          ...boxes('startedOn', '2026-09-14'),
        })
      ).statusCode,
    ).toBe(303);

    const deregisteredOn = addDays(today(), -1);
    const changed = await manager.post(`/households/${hub.id}/status`, {
      toStatus: 'deregistered',
      ...boxes('onDate', deregisteredOn),
      reason: 'The carers retired',
    });
    expect(changed.statusCode).toBe(303);
    const hubPage = await manager.get(support(hub.id));
    expect(hubPage.body).not.toContain('This household is a hub family');
    expect(hubPage.body).toContain(`A hub family before: 1 September 2026 to ${formatDate(deregisteredOn)}.`);
    expect((await manager.get(support(supported.id))).body).toContain(
      `Supported before by: ${hub.name} (${hub.reference}), 14 September 2026 to ${formatDate(deregisteredOn)}.`,
    );
    // Nor is it offered to another household.
    expect((await manager.get(`${support(supported.id)}/hub-link`)).body).not.toContain(hub.name);
  });
});

describe('activity breaks', () => {
  it('are recorded with clear messages for what is missing, and removed with a reason', async () => {
    const household = await makeHousehold(db, { name: 'Outdoors', allocatedSswUsername: 'ssw' });
    const ssw = await signedIn(t.app, 'ssw');
    const refused = await ssw.post(`${support(household.id)}/breaks/new`, {
      kind: 'residential',
      ...boxes('fromOn', '2026-11-13'),
      children: 'two',
      note: 'Kept note',
    });
    expect(refused.statusCode).toBe(400);
    for (const message of [
      'Select the activity centre',
      'Enter the last day of the residential weekend',
      'Enter how many children went, as a number, like 2',
    ]) {
      expect(refused.body).toContain(message);
    }
    expect(refused.body).toContain('Kept note');
    const saved = await ssw.post(`${support(household.id)}/breaks/new`, breakAnswers);
    expect(saved.statusCode).toBe(303);
    const page = await ssw.get(saved.headers.location!);
    expect(page.body).toContain('The activity break has been recorded');
    expect(page.body).toContain(
      '<strong>13 November 2026 to 15 November 2026</strong>: A residential weekend at Bewl Water, 2 children. Canoeing and a night in the yurts.',
    );
    const remove = /href="(\/extra-support\/breaks\/[0-9a-f-]{36}\/remove)"/.exec(page.body)![1]!;
    const noReason = await ssw.post(remove, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the break is being removed');
    expect((await ssw.post(remove, { reason: 'Recorded on the wrong household' })).statusCode).toBe(303);
    expect((await ssw.get(support(household.id))).body).toContain(
      'No activity breaks are recorded for this household.',
    );
  });

  it('are on the annual review, with the hub family, for the reviewing officer', async () => {
    const household = await makeHousehold(db, { name: 'Reviewed', allocatedSswUsername: 'ssw' });
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.post(`${support(household.id)}/breaks/new`, breakAnswers)).statusCode).toBe(303);
    const review = await makeReview(db, { householdId: household.id, startedOn: addDays(today(), -7) });
    const page = await (await signedIn(t.app, 'reviewer')).get(`/reviews/${review.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2 class="govuk-heading-m">Extra support</h2>');
    expect(page.body).toContain('Not supported by a hub family.');
    expect(page.body).toContain(
      '13 November 2026 to 15 November 2026: A residential weekend at Bewl Water, 2 children',
    );
    // The reviewing officer reads no other page of extra support: the section does not link to one.
    expect(page.body).not.toContain(`href="${support(household.id)}"`);
    expect((await (await signedIn(t.app, 'head')).get(`/reviews/${review.id}`)).body).toContain(
      `href="${support(household.id)}"`,
    );
  });
});

describe('psychology support', () => {
  it('keeps an emergency’s first session as a deadline until it is recorded', async () => {
    const household = await makeHousehold(db, { name: 'Steadying', allocatedSswUsername: 'ssw' });
    const child = await makeChild(db, { firstName: 'Robin', lastName: 'Placedhere' });
    await makePlacement(db, { childId: child.id, householdId: household.id, startDate: '2026-06-01' });
    const elsewhere = await makeChild(db, { firstName: 'Kit', lastName: 'Notplaced' });
    const ssw = await signedIn(t.app, 'ssw');

    const form = await ssw.get(`${support(household.id)}/psychology/new`);
    expect(form.body).toContain('Robin Placedhere');
    expect(form.body).toContain('The carers');
    const refused = await ssw.post(`${support(household.id)}/psychology/new`, { reason: 'Kept reason' });
    expect(refused.statusCode).toBe(400);
    for (const message of [
      'Enter the date support was asked for',
      'Select who the support is for',
      'Select whether it is an emergency',
    ]) {
      expect(refused.body).toContain(message);
    }
    expect(refused.body).toContain('Kept reason');
    const notPlaced = await ssw.post(`${support(household.id)}/psychology/new`, {
      ...emergencyAnswers,
      childId: elsewhere.id,
    });
    expect(notPlaced.statusCode).toBe(400);
    expect(notPlaced.body).toContain('Select a child placed with the household, or the carers');

    const saved = await ssw.post(`${support(household.id)}/psychology/new`, { ...emergencyAnswers, childId: child.id });
    expect(saved.statusCode).toBe(303);
    const page = await ssw.get(saved.headers.location!);
    expect(page.body).toContain(
      'Emergency request, 27 November 2026</a>: for Robin Placedhere. Waiting: first session due by 1 December 2026.',
    );
    const href = /href="(\/extra-support\/psychology\/([0-9a-f-]{36}))"/.exec(page.body)!;
    const id = href[2]!;
    const due = await queryRows<{ due_on: string; owner: string }>(
      db,
      sql`select d.due_on::text, u.username as owner from due_items d join users u on u.id = d.owner_user_id
        where d.rule_id = 'extra-support.emergency-psychology' and d.record_id = ${id}`,
    );
    expect(due).toEqual([{ due_on: '2026-12-01', owner: 'ssw' }]);
    const overview = await ssw.get('/extra-support');
    expect(overview.body).toContain(`${household.name} (${household.reference})</a>`);
    expect(overview.body).toContain('1 December 2026 <strong class="govuk-tag govuk-tag--red">Overdue</strong>');

    // A children's social worker does not read extra support, even for their own child.
    expect((await (await signedIn(t.app, 'cicsw')).get(href[1]!)).statusCode).toBe(403);

    const backwards = await ssw.post(href[1]!, boxes('firstSessionOn', '2026-11-20'));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('Date of the first session must be on or after the day support was asked for');
    const begun = await ssw.post(href[1]!, boxes('firstSessionOn', '2026-12-02'));
    expect(begun.statusCode).toBe(303);
    const shown = await ssw.get(begun.headers.location!);
    expect(shown.body).toContain('The request has been updated');
    expect(shown.body).toContain('2 December 2026');
    const gone = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from due_items where rule_id = 'extra-support.emergency-psychology' and record_id = ${id}`,
    );
    expect(gone[0]!.n).toBe(0);
    const trail = await (await signedIn(t.app, 'head')).get(`/records/psychology-request/${id}/audit`);
    expect(trail.body).toContain('Created the request for psychology support');
    expect(trail.body).toContain('Viewed the request for psychology support');
  });

  it('typed wrongly is changed, its deadline following, and one recorded in error is removed', async () => {
    const household = await makeHousehold(db, { name: 'Mistyped', allocatedSswUsername: 'ssw' });
    const ssw = await signedIn(t.app, 'ssw');
    const saved = await ssw.post(`${support(household.id)}/psychology/new`, emergencyAnswers);
    const page = await ssw.get(saved.headers.location!);
    const id = /href="\/extra-support\/psychology\/([0-9a-f-]{36})"/.exec(page.body)![1]!;
    const dueOn = async () =>
      (
        await queryRows<{ due_on: string }>(
          db,
          sql`select due_on::text from due_items where rule_id = 'extra-support.emergency-psychology' and record_id = ${id}`,
        )
      ).map((r) => r.due_on);
    expect(await dueOn()).toEqual(['2026-12-01']);

    // The form is filled in with what the request says; asked for on Monday 30 November, due Wednesday 2 December.
    const form = await ssw.get(`/extra-support/psychology/${id}/change`);
    expect(form.body).toContain('The placement is at risk after a week of violent outbursts.');
    expect(form.body).toContain('value="27"');
    const changed = await ssw.post(`/extra-support/psychology/${id}/change`, {
      ...emergencyAnswers,
      ...boxes('requestedOn', '2026-11-30'),
    });
    expect(changed.statusCode).toBe(303);
    expect((await ssw.get(changed.headers.location!)).body).toContain('The request has been changed');
    expect(await dueOn()).toEqual(['2026-12-02']);
    // Planned, it has no deadline.
    await ssw.post(`/extra-support/psychology/${id}/change`, { ...emergencyAnswers, urgency: 'planned' });
    expect(await dueOn()).toEqual([]);
    await ssw.post(`/extra-support/psychology/${id}/change`, emergencyAnswers);
    expect(await dueOn()).toEqual(['2026-12-01']);

    const noReason = await ssw.post(`/extra-support/psychology/${id}/remove`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the request is being removed');
    const removed = await ssw.post(`/extra-support/psychology/${id}/remove`, { reason: 'Meant for another family' });
    expect(removed.statusCode).toBe(303);
    expect((await ssw.get(removed.headers.location!)).body).toContain(
      'The request for psychology support has been removed',
    );
    expect(await dueOn()).toEqual([]);
    expect((await ssw.get(`/extra-support/psychology/${id}`)).statusCode).toBe(404);
    const trail = await (await signedIn(t.app, 'head')).get(`/records/household/${household.id}/audit`);
    expect(trail.body).toContain('a request for psychology support');
  });

  it('is shown to the carers on the portal, with their hub family', async () => {
    const [carer] = await queryRows<{ household_id: string }>(
      db,
      sql`select household_id from users where username = 'carer'`,
    );
    const householdId = carer!.household_id;
    const head = await signedIn(t.app, 'head');
    expect(
      (await head.post(`${support(householdId)}/psychology/new`, { ...emergencyAnswers, urgency: 'planned' }))
        .statusCode,
    ).toBe(303);
    const portal = await (await signedIn(t.app, 'carer')).get('/portal');
    expect(portal.body).toContain('Extra support');
    expect(portal.body).toContain(
      'Psychology support for You, asked for on 27 November 2026: Waiting for a first session.',
    );
    // The carer reaches none of the staff pages.
    expect((await (await signedIn(t.app, 'carer')).get(support(householdId))).statusCode).toBe(403);
  });
});
