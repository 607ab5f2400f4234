/**
 * Hub families through the pages: a manager makes a household a hub family and a supervising social
 * worker links a household of the area to it (refused with clear messages, what was typed kept);
 * another team's hub family named, not linked; records made in error removed; both ended when the
 * household's approval ends; the trail.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { dateBoxes as boxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';

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
    // Listed among the hub families now, until it stops.
    expect((await head.get('/extra-support')).body).toContain(`>${hub.name} (${hub.reference})</a>`);
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

describe('a hub family’s start day typed wrongly', () => {
  it('is changed on a form filled in with the day recorded, never after the support it gave began', async () => {
    const hub = await makeHousehold(db, { name: 'Misdated', allocatedSswUsername: 'ssw' });
    const supported = await makeHousehold(db, { name: 'Alsodated', allocatedSswUsername: 'ssw' });
    const manager = await signedIn(t.app, 'manager');
    const ssw = await signedIn(t.app, 'ssw');
    expect((await manager.post(`${support(hub.id)}/hub-family`, boxes('startedOn', '2026-10-05'))).statusCode).toBe(
      303,
    );
    const [open] = await queryRows<{ id: string }>(
      db,
      sql`select id from hub_families where household_id = ${hub.id} and ended_on is null`,
    );
    expect(
      (
        await ssw.post(`${support(supported.id)}/hub-link`, {
          hubFamilyId: open!.id,
          ...boxes('startedOn', '2026-11-02'),
        })
      ).statusCode,
    ).toBe(303);

    // The hub family's day: a manager's, filled in, not after the support it gave began.
    expect((await manager.get(support(hub.id))).body).toContain('Change the day it became a hub family');
    expect((await ssw.get(`${support(hub.id)}/hub-family/change`)).statusCode).toBe(403);
    const hubForm = await manager.get(`${support(hub.id)}/hub-family/change`);
    expect(hubForm.body).toMatch(/name="startedOn-month"[^>]*value="10"/);
    const tooLate = await manager.post(`${support(hub.id)}/hub-family/change`, boxes('startedOn', '2026-11-10'));
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.body).toContain(
      'Date it became a hub family must be on or before the day its support for a household began, 2 November 2026',
    );
    expect(
      (await manager.post(`${support(hub.id)}/hub-family/change`, boxes('startedOn', '2026-09-28'))).statusCode,
    ).toBe(303);
    expect((await manager.get(support(hub.id))).body).toContain(
      'This household is a hub family, since 28 September 2026.',
    );

    // The support's day: the supervising social worker's, not before the hub family became one.
    const tooEarly = await ssw.post(`${support(supported.id)}/hub-link/change`, boxes('startedOn', '2026-09-01'));
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.body).toContain(
      'Date the hub family’s support started must be on or after the day it became a hub family',
    );
    const moved = await ssw.post(`${support(supported.id)}/hub-link/change`, boxes('startedOn', '2026-10-01'));
    expect(moved.statusCode).toBe(303);
    const page = await ssw.get(moved.headers.location!);
    expect(page.body).toContain('The day the hub family’s support started has been changed');
    expect(page.body).toContain('1 October 2026 to now');
    // A household with no hub family has no day to change.
    expect((await manager.get(`${support(supported.id)}/hub-family/change`)).statusCode).toBe(404);
  });
});
