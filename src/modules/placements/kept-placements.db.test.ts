/**
 * The kept placements behind the measures of children's visits and in-house placements
 * (facts.ts): a change through the services to the household a child lives with or to the child
 * moves the child's row in the same call that keeps their deadline, so this month's measure counts
 * the child where they are now; a change rolled back leaves the row as it was; the table equals a
 * rebuild throughout; every placement is kept, those regulation 28(2) does not time too.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold, teamIdByName } from '../../../test/support/households.ts';
import { systemActor } from '../../platform/audit/service.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { areas, users } from '../../platform/auth/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { currentMonth, factsDifferences, measureRecords, periodOf } from '../../platform/measures/index.ts';
import { findChild } from '../children/scope.ts';
import type { ChildDetails } from '../children/forms.ts';
import { updateChild } from '../children/service.ts';
import type { DetailsInput } from '../households/forms.ts';
import { updateDetails } from '../households/service.ts';
import { visitedInTime } from '../child-visits/measures.ts';
import { keptPlacementFacts } from './facts.ts';
import { inHousePlacementRate } from './in-house-measure.ts';
import { agencyPlacements } from './tables.ts';

const t = testAppForFile();
const today = todayInLondon();

async function head(): Promise<SignedInUser> {
  const [u] = await t.database.db.select().from(users).where(eq(users.username, 'head'));
  const none = { teamId: null, areaId: null, householdId: null };
  return { ...u!, ...none, role: 'head_of_fostering', mustChangePassword: false, sessionId: 'kept-placements' };
}

/** The child's record behind this month's figure, after checking the kept table equals a rebuild. */
async function counted(childId: string, on: DbOrTx = t.database.db) {
  expect(await factsDifferences(on, keptPlacementFacts)).toBe(0);
  const rows = await measureRecords(on, visitedInTime, periodOf(currentMonth(today), today));
  return rows.find((r) => r.recordId === childId);
}

const areaIdOf = async (name: string) => (await t.database.db.select().from(areas).where(eq(areas.name, name)))[0]!.id;

/** A child placed with a new household of East Kent Fostering Team 1 some days ago. */
async function placedInEastKent(firstName: string, lastName: string, placementType: string, daysAgo: number) {
  const db = t.database.db;
  const household = await makeHousehold(db, { teamName: 'East Kent Fostering Team 1' });
  const child = await makeChild(db, { firstName, lastName });
  await makePlacement(db, {
    childId: child.id,
    householdId: household.id,
    startDate: addDays(today, -daysAgo),
    placementType,
  });
  return { household, child };
}

describe('the kept placements', () => {
  it('follow a household to another team, and not a change rolled back', async () => {
    const db = t.database.db;
    const user = await head();
    const { household, child } = await placedInEastKent('Kept', 'Placementfixture', 'short_term', 20);
    expect((await counted(child.id))?.teamId).toBe(await teamIdByName(db, 'East Kent Fostering Team 1'));

    const west = await teamIdByName(db, 'West Kent Fostering Team 1');
    const details: DetailsInput = {
      name: household.name,
      addressLine1: household.addressLine1,
      addressLine2: household.addressLine2,
      town: household.town,
      postcode: household.postcode,
      teamId: west,
      householdType: household.householdType as DetailsInput['householdType'],
    };
    class Undo extends Error {}
    await expect(
      db.transaction(async (tx) => {
        await updateDetails(tx as unknown as Db, { user, actor: systemActor('test') }, household.id, details);
        // Inside the change's transaction, the child already counts under the new team.
        expect((await counted(child.id, tx))?.teamId).toBe(west);
        throw new Undo();
      }),
    ).rejects.toBeInstanceOf(Undo);
    // Rolled back with the change.
    expect((await counted(child.id))?.teamId).toBe(await teamIdByName(db, 'East Kent Fostering Team 1'));

    expect(await updateDetails(db, { user, actor: systemActor('test') }, household.id, details)).toEqual({ ok: true });
    const moved = await counted(child.id);
    expect(moved?.teamId).toBe(west);
    expect(moved?.areaId).toBe(await areaIdOf('West Kent'));
    expect(moved?.label).toBe(`Kept Placementfixture (${child.reference})`);
  });

  it('follow a child placed with an agency to another area', async () => {
    const db = t.database.db;
    const user = await head();
    const child = await makeChild(db, { firstName: 'Agency', lastName: 'Keptfixture', area: 'East Kent' });
    const [placed] = await db
      .insert(agencyPlacements)
      .values({
        childId: child.id,
        agencyName: 'Fixture Fostering Ltd',
        placementType: 'long_term',
        startDate: addDays(today, -10),
      })
      .returning();
    await refreshDueItems(db, 'agency-placement', [placed!.id]);
    expect(await counted(child.id)).toMatchObject({ teamId: null, areaId: await areaIdOf('East Kent') });

    const record = (await findChild(db, user, child.id))!;
    const details: ChildDetails = {
      firstName: record.firstName,
      lastName: record.lastName,
      preferredName: record.preferredName,
      dateOfBirth: record.dateOfBirth,
      stayingPut: false,
      gender: record.gender as ChildDetails['gender'],
      ethnicity: record.ethnicity as ChildDetails['ethnicity'],
      legalStatus: record.legalStatus as ChildDetails['legalStatus'],
      lookedAfterSince: record.lookedAfterSince,
      areaId: await areaIdOf('West Kent'),
      allocatedSocialWorkerId: record.allocatedSocialWorkerId,
      needs: [],
      schoolPostcode: record.schoolPostcode,
    };
    expect(await updateChild(db, user, systemActor('test'), record, details)).toMatchObject({ ok: true });
    expect(await counted(child.id)).toMatchObject({ teamId: null, areaId: await areaIdOf('West Kent') });
    const rows = await queryRows<{ area: string }>(
      db,
      sql`select child_area_id::text as area from kept_placements where child_id = ${child.id}`,
    );
    expect(rows).toEqual([{ area: await areaIdOf('West Kent') }]);
  });

  it('hold every placement: a short break counts as placed with our carers, and has no visits timed', async () => {
    const db = t.database.db;
    const { household, child } = await placedInEastKent('Short', 'Breakfixture', 'short_break', 5);
    expect(await counted(child.id)).toBeUndefined();
    const period = periodOf(currentMonth(today), today);
    const placed = (await measureRecords(db, inHousePlacementRate, period)).find((r) => r.recordId === child.id);
    expect(placed).toMatchObject({ met: true, teamId: await teamIdByName(db, 'East Kent Fostering Team 1') });
    expect(placed?.label).toBe(`Short Breakfixture (${child.reference})`);
    expect(placed?.detail).toContain(`With our carers, ${household.name}`);
  });
});
