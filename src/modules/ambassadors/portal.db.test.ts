/**
 * A carer records what they did as a Carer Ambassador from their portal: their own time only when
 * their account is theirs, a day before they became one or nothing chosen refused with what was
 * typed kept, the activity on the household's page as recorded by the carer, on the trail. No form
 * for a household without an ambassador now, nor for staff.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeCarer, makeCarerAccount, makeHousehold } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { dateBoxes as boxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';

const t = testAppForFile();
let db: Db;
beforeAll(() => {
  db = t.database.db;
});

const FORM = '/portal/ambassadors/activities/new';
const day = (n: number) => addDays(todayInLondon(), n);
const ambassadorOf = async (carerId: string) =>
  (await queryRows<{ id: string }>(db, sql`select id from carer_ambassadors where carer_id = ${carerId}`))[0]!.id;

describe('a Carer Ambassador’s work recorded from the portal', () => {
  it('is recorded by the carer for their own time as an ambassador, and seen by their supervising social worker', async () => {
    const household = await makeHousehold(db, { name: 'Portalspeak', allocatedSswUsername: 'ssw' });
    const ari = await makeCarer(db, household.id, { firstName: 'Ari', lastName: 'Portalspeak' });
    const bea = await makeCarer(db, household.id, { firstName: 'Bea', lastName: 'Portalspeak' });
    const manager = await signedIn(t.app, 'manager');
    for (const c of [ari, bea]) {
      const made = await manager.post(`/households/${household.id}/ambassadors/new`, {
        carerId: c.id,
        ...boxes('startedOn', '2026-09-01'),
      });
      expect(made.statusCode).toBe(303);
    }
    await makeCarerAccount(db, 'Ari Portalspeak', 'ari.portalspeak', { householdId: household.id, carerId: ari.id });
    const carer = await signedIn(t.app, 'ari.portalspeak');

    const home = await carer.get('/portal');
    expect(home.body).toContain(`href="${FORM}">Record what you did as a Carer Ambassador</a>`);
    // Their own time only, chosen already.
    const form = await carer.get(FORM);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Ari Portalspeak');
    expect(form.body).not.toContain('Bea Portalspeak');
    expect(form.body).toMatch(new RegExp(`value="${await ambassadorOf(ari.id)}" checked`));

    const note = 'Spoke at the library information evening';
    const nothing = await carer.post(FORM, { note });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('Select who it was');
    expect(nothing.body).toContain('Select what you did');
    expect(nothing.body).toContain(note);
    const forBea = await carer.post(FORM, {
      ambassadorId: await ambassadorOf(bea.id),
      kind: 'recruitment-event',
      ...boxes('onDate', day(-1)),
    });
    expect(forBea.statusCode).toBe(400);
    expect(forBea.body).toContain('Select who it was');
    const tooEarly = await carer.post(FORM, {
      ambassadorId: await ambassadorOf(ari.id),
      kind: 'recruitment-event',
      ...boxes('onDate', '2026-08-20'),
      note,
    });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.body).toContain(
      'Date of the activity must be on or after 1 September 2026, when Ari Portalspeak became a Carer Ambassador',
    );
    expect(tooEarly.body).toContain(note);

    // Today: the portal shows what they did since 1 April.
    const saved = await carer.post(FORM, {
      ambassadorId: await ambassadorOf(ari.id),
      kind: 'recruitment-event',
      ...boxes('onDate', day(0)),
      note,
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/portal?done=ambassador-activity');
    const after = await carer.get(saved.headers.location!);
    expect(after.body).toContain('Thank you: what you did as a Carer Ambassador is recorded');
    expect(after.body).toContain(`${formatDate(day(0))}: Ari Portalspeak, a recruitment event or information evening`);

    // The supervising social worker sees it, recorded by the carer.
    const staffPage = (await (await signedIn(t.app, 'ssw')).get(`/households/${household.id}/ambassadors`)).body;
    expect(staffPage).toContain(
      `${note} <span class="govuk-hint govuk-!-display-inline">(recorded by the carers on their portal)</span>`,
    );
    expect(staffPage.match(/recorded by the carers on their portal/g)).toHaveLength(1);
    const [trail] = await queryRows<{ username: string; via: string }>(
      db,
      sql`select username, detail->>'via' as via from audit_events where record_type = 'household'
        and record_id = ${household.id} and action = 'create' and detail->>'part' = 'ambassador-activity'`,
    );
    expect(trail).toEqual({ username: 'ari.portalspeak', via: 'portal' });
  });

  it('offers every ambassador of the household to an account that is not one carer’s, and nothing where there is none', async () => {
    const household = await makeHousehold(db, { name: 'Sharedlogin', allocatedSswUsername: 'ssw' });
    const cy = await makeCarer(db, household.id, { firstName: 'Cy', lastName: 'Sharedlogin' });
    const di = await makeCarer(db, household.id, { firstName: 'Di', lastName: 'Sharedlogin' });
    const manager = await signedIn(t.app, 'manager');
    await makeCarerAccount(db, 'The Sharedlogins', 'sharedlogin', { householdId: household.id });
    const carer = await signedIn(t.app, 'sharedlogin');
    // No ambassador yet: no link, no form.
    expect((await carer.get('/portal')).body).not.toContain(FORM);
    expect((await carer.get(FORM)).statusCode).toBe(404);
    expect((await carer.post(FORM, { kind: 'recruitment-event' })).statusCode).toBe(404);

    for (const c of [cy, di]) {
      await manager.post(`/households/${household.id}/ambassadors/new`, {
        carerId: c.id,
        ...boxes('startedOn', '2026-09-01'),
      });
    }
    const form = (await carer.get(FORM)).body;
    expect(form).toContain('Cy Sharedlogin');
    expect(form).toContain('Di Sharedlogin');
    expect(form).not.toContain('checked');
    // Staff do not use the portal's form.
    expect((await (await signedIn(t.app, 'ssw')).get(FORM)).statusCode).toBe(403);
  });
});
