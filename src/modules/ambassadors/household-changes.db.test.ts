/**
 * Carer Ambassadors follow their household's changes put right: a carer's leaving re-dated moves
 * the day they stopped, and cleared (recorded in error) makes them an ambassador again; a
 * deregistration re-dated moves the day every ambassador of the household stopped, and undone makes
 * them ambassadors again. Each through the pages that put those changes right.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { latestStatusEventId, makeCarer, makeHousehold } from '../../../test/support/households.ts';
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

const page = (id: string) => `/households/${id}/ambassadors`;
const day = (n: number) => addDays(todayInLondon(), n);
const latestStatusEvent = (householdId: string) => latestStatusEventId(db, householdId);

describe('Carer Ambassadors, when a change to their household is put right', () => {
  it('stop on the day the leaving or the deregistration is moved to, and are ambassadors again when it is undone', async () => {
    const household = await makeHousehold(db, { name: 'Secondlook', allocatedSswUsername: 'ssw' });
    const alex = await makeCarer(db, household.id, {
      firstName: 'Alex',
      lastName: 'Secondlook',
      dateOfBirth: '1980-05-02',
    });
    const bo = await makeCarer(db, household.id, { firstName: 'Bo', lastName: 'Secondlook' });
    const manager = await signedIn(t.app, 'manager');
    for (const c of [alex, bo]) {
      const made = await manager.post(`${page(household.id)}/new`, {
        carerId: c.id,
        ...boxes('startedOn', '2026-09-01'),
      });
      expect(made.statusCode).toBe(303);
    }
    const alexAs = (leftOn: string | null) => ({
      firstName: 'Alex',
      lastName: 'Secondlook',
      ...boxes('dateOfBirth', '1980-05-02'),
      ...(leftOn ? boxes('leftOn', leftOn) : {}),
    });
    const alexWas = (until: string) =>
      `<strong>Alex Secondlook</strong>: was a Carer Ambassador, 1 September 2026 to ${formatDate(until)}`;
    const boWas = (until: string) =>
      `<strong>Bo Secondlook</strong>: was a Carer Ambassador, 1 September 2026 to ${formatDate(until)}`;
    const isNow = (name: string) => `<strong>${name} Secondlook</strong>: a Carer Ambassador, 1 September 2026 to now`;

    // Alex leaves; the day was typed wrongly and is put right: their time as an ambassador ends that day.
    expect((await manager.post(`/households/${household.id}/carers/${alex.id}/edit`, alexAs(day(-3)))).statusCode).toBe(
      303,
    );
    expect((await manager.get(page(household.id))).body).toContain(alexWas(day(-3)));
    expect((await manager.post(`/households/${household.id}/carers/${alex.id}/edit`, alexAs(day(-5)))).statusCode).toBe(
      303,
    );
    const moved = (await manager.get(page(household.id))).body;
    expect(moved).toContain(alexWas(day(-5)));
    expect(moved).toContain(isNow('Bo'));

    // The household is deregistered; the undo page says what comes back; the date is put right first.
    const deregistered = await manager.post(`/households/${household.id}/status`, {
      toStatus: 'deregistered',
      ...boxes('onDate', day(-1)),
      reason: 'The carers retired',
    });
    expect(deregistered.statusCode).toBe(303);
    expect((await manager.get(page(household.id))).body).toContain(boWas(day(-1)));
    const eventId = await latestStatusEvent(household.id);
    const redatePage = await manager.get(`/households/${household.id}/status/${eventId}/date`);
    expect(redatePage.body).toContain('Carer Ambassadors) ends on the new date instead.');
    const redated = await manager.post(`/households/${household.id}/status/${eventId}/date`, {
      ...boxes('onDate', day(-2)),
      reason: 'Typed a day late',
    });
    expect(redated.statusCode).toBe(303);
    expect((await manager.get(page(household.id))).body).toContain(boWas(day(-2)));

    // The deregistration was recorded in error: undone, Bo is an ambassador again; Alex, who had left, is not.
    const undoPage = await manager.get(`/households/${household.id}/status/${eventId}/undo`);
    expect(undoPage.body).toContain(
      'Carer Ambassadors) starts again, unless something recorded since stands in the way.',
    );
    const undone = await manager.post(`/households/${household.id}/status/${eventId}/undo`, {
      reason: 'Recorded for the wrong household',
    });
    expect(undone.statusCode).toBe(303);
    const restored = (await manager.get(page(household.id))).body;
    expect(restored).toContain(isNow('Bo'));
    expect(restored).toContain(alexWas(day(-5)));

    // Alex's leaving was recorded in error too: cleared, Alex is an ambassador again.
    expect((await manager.post(`/households/${household.id}/carers/${alex.id}/edit`, alexAs(null))).statusCode).toBe(
      303,
    );
    const back = (await manager.get(page(household.id))).body;
    expect(back).toContain(isNow('Alex'));
    expect(back).toContain(isNow('Bo'));

    // The trail says why each came back.
    const trail = await queryRows<{ via: string }>(
      db,
      sql`select detail->>'via' as via from audit_events where record_type = 'household' and record_id = ${household.id}
        and detail->>'part' = 'ambassador' and detail ? 'wasOn' and detail->'endedOn' = 'null'::jsonb order by id`,
    );
    expect(trail.map((r) => r.via)).toEqual(['approval-restored', 'carer-returned']);
  });

  it('is not made an ambassador again when stopped by hand, only what the change ended', async () => {
    const household = await makeHousehold(db, { name: 'Byhand', allocatedSswUsername: 'ssw' });
    const cal = await makeCarer(db, household.id, { firstName: 'Cal', lastName: 'Byhand' });
    await makeCarer(db, household.id, { firstName: 'Dee', lastName: 'Byhand' });
    const manager = await signedIn(t.app, 'manager');
    await manager.post(`${page(household.id)}/new`, { carerId: cal.id, ...boxes('startedOn', '2026-09-01') });
    const [ambassador] = await queryRows<{ id: string }>(
      db,
      sql`select id from carer_ambassadors where carer_id = ${cal.id}`,
    );
    const stopped = await manager.post(`/ambassadors/${ambassador!.id}/stop`, boxes('endedOn', day(-4)));
    expect(stopped.statusCode).toBe(303);
    await manager.post(`/households/${household.id}/status`, {
      toStatus: 'deregistered',
      ...boxes('onDate', day(-1)),
      reason: 'The carers moved away',
    });
    const eventId = await latestStatusEvent(household.id);
    expect(
      (await manager.post(`/households/${household.id}/status/${eventId}/undo`, { reason: 'The wrong household' }))
        .statusCode,
    ).toBe(303);
    expect((await manager.get(page(household.id))).body).toContain(
      `<strong>Cal Byhand</strong>: was a Carer Ambassador, 1 September 2026 to ${formatDate(day(-4))}`,
    );
  });
});
