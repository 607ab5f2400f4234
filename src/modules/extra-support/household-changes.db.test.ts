/**
 * Hub families when a household's end of approval is put right on the status pages: the day moved,
 * the hub family's time and the support it gave end on the new day; undone (recorded in error),
 * the household is a hub family again and supports the households it supported, unless one has
 * been given another hub family since; a supported household's own deregistration undone gives it
 * back its hub family's support.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile, type Agent } from '../../../test/support/app.ts';
import { latestStatusEventId, makeHousehold, type HouseholdRow } from '../../../test/support/households.ts';
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

const support = (id: string) => `/households/${id}/extra-support`;
const day = (n: number) => addDays(todayInLondon(), n);
const latestStatusEvent = (householdId: string) => latestStatusEventId(db, householdId);

async function makeHub(manager: Agent, household: HouseholdRow): Promise<string> {
  expect((await manager.post(`${support(household.id)}/hub-family`, boxes('startedOn', '2026-09-01'))).statusCode).toBe(
    303,
  );
  const [hub] = await queryRows<{ id: string }>(
    db,
    sql`select id from hub_families where household_id = ${household.id} and ended_on is null`,
  );
  return hub!.id;
}

async function link(manager: Agent, household: HouseholdRow, hubFamilyId: string): Promise<void> {
  const linked = await manager.post(`${support(household.id)}/hub-link`, {
    hubFamilyId,
    ...boxes('startedOn', '2026-09-14'),
  });
  expect(linked.statusCode).toBe(303);
}

async function deregister(manager: Agent, household: HouseholdRow, onDate: string): Promise<string> {
  const changed = await manager.post(`/households/${household.id}/status`, {
    toStatus: 'deregistered',
    ...boxes('onDate', onDate),
    reason: 'The carers retired',
  });
  expect(changed.statusCode).toBe(303);
  return latestStatusEvent(household.id);
}

const undo = (manager: Agent, household: HouseholdRow, eventId: string) =>
  manager.post(`/households/${household.id}/status/${eventId}/undo`, { reason: 'Recorded for the wrong household' });

describe('a hub family whose deregistration is put right', () => {
  it('ends on the day it is moved to, and is a hub family again, with the support it gave, when it is undone', async () => {
    const hub = await makeHousehold(db, { name: 'Comeback', allocatedSswUsername: 'ssw' });
    const stays = await makeHousehold(db, { name: 'Staysput', allocatedSswUsername: 'ssw' });
    const moves = await makeHousehold(db, { name: 'Movedon', allocatedSswUsername: 'ssw' });
    const other = await makeHousehold(db, { name: 'Otherhub', allocatedSswUsername: 'ssw' });
    const manager = await signedIn(t.app, 'manager');
    const hubId = await makeHub(manager, hub);
    await link(manager, stays, hubId);
    await link(manager, moves, hubId);

    const eventId = await deregister(manager, hub, day(-1));
    const redated = await manager.post(`/households/${hub.id}/status/${eventId}/date`, {
      ...boxes('onDate', day(-3)),
      reason: 'Typed the wrong day',
    });
    expect(redated.statusCode).toBe(303);
    expect((await manager.get(support(hub.id))).body).toContain(
      `A hub family before: 1 September 2026 to ${formatDate(day(-3))}.`,
    );
    expect((await manager.get(support(stays.id))).body).toContain(
      `Supported before by: ${hub.name} (${hub.reference}), 14 September 2026 to ${formatDate(day(-3))}.`,
    );

    // Meanwhile one of the households it supported is given another hub family.
    const otherId = await makeHub(manager, other);
    await link(manager, moves, otherId);

    const undoPage = await manager.get(`/households/${hub.id}/status/${eventId}/undo`);
    expect(undoPage.body).toContain('its time as a hub family, or the support it had from one');
    expect((await undo(manager, hub, eventId)).statusCode).toBe(303);
    const hubPage = (await manager.get(support(hub.id))).body;
    expect(hubPage).toContain('This household is a hub family, since 1 September 2026. It supports 1 household now.');
    expect((await manager.get(support(stays.id))).body).toContain(`Supported by the hub family`);
    expect((await manager.get(support(stays.id))).body).toContain(
      `${hub.name} (${hub.reference})</a>: 14 September 2026 to now.`,
    );
    // The household given another hub family keeps it.
    const movedPage = (await manager.get(support(moves.id))).body;
    expect(movedPage).toContain(`${other.name} (${other.reference})</a>: 14 September 2026 to now.`);
    expect(movedPage).toContain(
      `Supported before by: ${hub.name} (${hub.reference}), 14 September 2026 to ${formatDate(day(-3))}.`,
    );
  });

  it('gives a supported household back its hub family when its own deregistration is undone', async () => {
    const hub = await makeHousehold(db, { name: 'Steadyhub', allocatedSswUsername: 'ssw' });
    const supported = await makeHousehold(db, { name: 'Mistaken', allocatedSswUsername: 'ssw' });
    const manager = await signedIn(t.app, 'manager');
    await link(manager, supported, await makeHub(manager, hub));
    const eventId = await deregister(manager, supported, day(-2));
    expect((await manager.get(support(supported.id))).body).toContain(
      `Supported before by: ${hub.name} (${hub.reference}), 14 September 2026 to ${formatDate(day(-2))}.`,
    );
    expect((await undo(manager, supported, eventId)).statusCode).toBe(303);
    expect((await manager.get(support(supported.id))).body).toContain(
      `${hub.name} (${hub.reference})</a>: 14 September 2026 to now.`,
    );
    const trail = await queryRows<{ via: string }>(
      db,
      sql`select detail->>'via' as via from audit_events where record_type = 'household' and record_id = ${supported.id}
        and detail->>'part' = 'hub-link' order by id`,
    );
    expect(trail.map((r) => r.via)).toEqual([null, 'approval-ended', 'approval-restored']);
  });
});
