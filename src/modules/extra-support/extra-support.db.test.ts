/**
 * Activity breaks and psychology support through the pages: breaks recorded and removed; the year's
 * support on the annual review; an emergency request for psychology support kept as a deadline until
 * its first session, changed and removed; who may see and change each; the carer's own support on
 * the portal; the trail.
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
    // A weekend in the year the review looks back on, whatever today is.
    const [fromOn, toOn] = [addDays(today(), -40), addDays(today(), -38)];
    const weekend = { ...breakAnswers, ...boxes('fromOn', fromOn), ...boxes('toOn', toOn) };
    expect((await ssw.post(`${support(household.id)}/breaks/new`, weekend)).statusCode).toBe(303);
    const review = await makeReview(db, { householdId: household.id, startedOn: addDays(today(), -7) });
    const page = await (await signedIn(t.app, 'reviewer')).get(`/reviews/${review.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2 class="govuk-heading-m">Extra support</h2>');
    expect(page.body).toContain('Not supported by a hub family.');
    expect(page.body).toContain(
      `${formatDate(fromOn)} to ${formatDate(toOn)}: A residential weekend at Bewl Water, 2 children`,
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
