/**
 * Places on a session taken by other organisations (business plan action 2.1), through the pages:
 * the training coordinator records places sold to an agency and offered free to a supported
 * lodgings provider (refused with clear messages, what was typed kept); they count against the
 * session's places, so a carer cannot book the last one twice; the year's income on the calendar;
 * places recorded in error removed with why; the trail; who may not.
 */
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeCarer, makeHousehold } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { courseIn, makeSession } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();

/** "… bringing in £N" on the calendar, in pence (0 when nothing was sold this year). */
const income = (body: string) => {
  const found = /bringing in £([\d,]+)\.(\d\d)/.exec(body);
  return found ? Number(found[1]!.replaceAll(',', '')) * 100 + Number(found[2]) : 0;
};

describe('places for other organisations', () => {
  it('are recorded against the session’s places, bring in income, and are removed with why', async () => {
    const db = t.database.db;
    const session = await makeSession(db, (await courseIn(db, 'first_aid')).id, addDays(today, 10), { capacity: 5 });
    const coordinator = await signedIn(t.app, 'training');
    const before = income((await coordinator.get('/training')).body);
    const path = `/training/sessions/${session.id}`;
    const page = await coordinator.get(path);
    expect(page.body).toContain('No other organisation has places on this session.');
    expect(page.body).toContain(`href="${path}/other-places/new"`);

    const empty = await coordinator.post(`${path}/other-places/new`, { places: '2', pencePerPlace: '45' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the name of the organisation');
    expect(empty.body).toContain('Select what kind of organisation it is');
    expect(empty.body).toContain('value="45"');
    const badMoney = await coordinator.post(`${path}/other-places/new`, {
      organisation: 'Oak Tree Fostering',
      kind: 'agency',
      places: '2',
      pencePerPlace: 'forty',
    });
    expect(badMoney.body).toContain('Charge for each place must be an amount of money, like 195.50');
    expect(badMoney.body).toContain('value="Oak Tree Fostering"');
    const tooMany = await coordinator.post(`${path}/other-places/new`, {
      organisation: 'Oak Tree Fostering',
      kind: 'agency',
      places: '6',
      pencePerPlace: '45',
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain('Only 5 places are left on this session: enter 5 or fewer');

    const sold = await coordinator.post(`${path}/other-places/new`, {
      organisation: 'Oak Tree Fostering',
      kind: 'agency',
      places: '3',
      pencePerPlace: '£45.50',
    });
    expect(sold.statusCode).toBe(303);
    const soldPage = await coordinator.get(sold.headers.location!);
    expect(soldPage.body).toContain('Places for the other organisation recorded');
    expect(soldPage.body).toContain(
      '<strong>Oak Tree Fostering</strong> (an independent fostering agency): 3 places at £45.50 each (£136.50).',
    );
    expect(soldPage.body).toContain('2 of 5 places left');
    const free = await coordinator.post(`${path}/other-places/new`, {
      organisation: 'Catch22 Supported Lodgings',
      kind: 'supported-lodgings',
      places: '1',
      pencePerPlace: '0',
    });
    expect(free.statusCode).toBe(303);
    expect((await coordinator.get(path)).body).toContain(
      '<strong>Catch22 Supported Lodgings</strong> (a supported lodgings provider, such as Catch22): 1 place, free.',
    );

    // One place is left: a carer takes it, and the session is full to the next.
    const household = await makeHousehold(db, { statusSince: '2024-01-08' });
    const [first, second] = [await makeCarer(db, household.id), await makeCarer(db, household.id)];
    expect((await coordinator.post(`${path}/bookings`, { carerId: first!.id })).statusCode).toBe(303);
    const full = await coordinator.post(`${path}/bookings`, { carerId: second!.id });
    expect(full.statusCode).toBe(400);
    expect(full.body).toContain('This session is full');
    const noneLeft = await coordinator.post(`${path}/other-places/new`, {
      organisation: 'Oak Tree Fostering',
      kind: 'agency',
      places: '1',
      pencePerPlace: '45',
    });
    expect(noneLeft.body).toContain('This session is full: choose another session, or give it more places');

    // The year's places and income on the calendar.
    expect(income((await coordinator.get('/training')).body)).toBe(before + 13650);

    // Places recorded in error are removed with why, and the place is free again.
    const remove =
      /href="(\/training\/other-places\/[0-9a-f-]{36}\/remove)">Remove<span class="govuk-visually-hidden"> the places for Oak Tree/.exec(
        (await coordinator.get(path)).body,
      )![1]!;
    const noReason = await coordinator.post(remove, { reason: '' });
    expect(noReason.body).toContain('Enter why the record of places is being removed');
    expect((await coordinator.post(remove, { reason: 'Recorded on the wrong session' })).statusCode).toBe(303);
    const after = await coordinator.get(path);
    expect(after.body).not.toContain('Oak Tree Fostering');
    expect(after.body).toContain('3 of 5 places left');
    expect(income((await coordinator.get('/training')).body)).toBe(before);

    const head = await signedIn(t.app, 'head');
    const trail = await head.get(`/records/training-session/${session.id}/audit`);
    expect(trail.statusCode).toBe(200);
    expect(trail.body).toContain('places for other organisations');
    // A supervising social worker reads the session but records no places.
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(path)).body).not.toContain('Offer places to another organisation');
    expect((await ssw.get(`${path}/other-places/new`)).statusCode).toBe(403);
  });
});
