import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makeDelegatedAuthority, makePlacement, makeReferral } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { workingDaysAfter } from '../../platform/due/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { formatDate } from '../../platform/views/format.ts';
import { vacanciesFor } from '../households/vacancies.ts';
import { placementDocuments, placements } from './tables.ts';
import { dateFields } from './test-support.ts';

const t = testAppForFile();

const today = () => todayInLondon();

describe('a placement that starts in two weeks', () => {
  it('is planned until its start date: not current, not where the child lives, no place taken', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { name: 'Plannedahead Household', approvedPlaces: 2 });
    const child = await makeChild(db, { firstName: 'Nova', lastName: 'Soonplaced' });
    await makeReferral(db, { childId: child.id, placementType: 'short_term' });
    const manager = await signedIn(t.app, 'manager');
    const startDate = addDays(today(), 14);
    const placed = await manager.post(`/children/${child.id}/emergency-placement`, {
      householdId: household.id,
      ...dateFields('startDate', startDate),
      placementType: 'short_term',
      childSawProfile: 'yes',
    });
    expect(placed.statusCode).toBe(303);
    const [placement] = await db.select().from(placements).where(eq(placements.childId, child.id));

    const page = (await manager.get(`/placements/${placement!.id}`)).body;
    expect(page).toMatch(/govuk-tag--blue">\s*Planned\s*</);
    expect(page).not.toMatch(/>\s*Current\s*</);
    expect(page).toContain(`due to move in on ${formatDate(startDate)}`);
    expect(page).not.toContain('End the placement');

    const record = (await manager.get(`/children/${child.id}`)).body;
    expect(record).not.toContain('Lives with');
    expect(record).toContain('Not placed with a fostering household at the moment.');
    expect(record).toContain('Planned placement');
    expect(record).toContain('Will live with');
    const list = (await manager.get('/children?q=Soonplaced')).body;
    expect(list).toContain('Nova');
    expect(list).not.toContain('Plannedahead Household');

    // The household's places are not taken until the child arrives.
    expect((await vacanciesFor(db, [household.id])).get(household.id)).toMatchObject({ placed: 0, vacancies: 2 });
    expect((await vacanciesFor(db, [household.id], startDate)).get(household.id)).toMatchObject({ placed: 1 });

    // Its paperwork deadlines are kept, counted from the day it starts.
    const due = await db
      .select({ ruleId: dueItems.ruleId, dueOn: dueItems.dueOn })
      .from(dueItems)
      .where(and(eq(dueItems.recordType, 'placement'), eq(dueItems.recordId, placement!.id)));
    expect(due.map((d) => d.ruleId).sort()).toEqual(['placements.delegated-authority', 'placements.placement-plan']);
    expect(new Set(due.map((d) => d.dueOn))).toEqual(new Set([workingDaysAfter(startDate, 5)]));

    // A second placement for the child is refused in words that say the first has not started.
    const again = await manager.post(`/children/${child.id}/emergency-placement`, {
      householdId: (await makeHousehold(db)).id,
      ...dateFields('startDate', today()),
      placementType: 'emergency',
      childSawProfile: 'no',
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain(
      `The child is due to move to Plannedahead Household on ${formatDate(startDate)}: no other placement can be recorded for them until then`,
    );
  });

  it('refuses a start date more than 28 days ahead, keeping what was typed', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db);
    const child = await makeChild(db);
    await makeReferral(db, { childId: child.id, placementType: 'short_term' });
    const manager = await signedIn(t.app, 'manager');
    const tooFar = await manager.post(`/children/${child.id}/emergency-placement`, {
      householdId: household.id,
      ...dateFields('startDate', addDays(today(), 29)),
      placementType: 'short_term',
      childSawProfile: 'yes',
    });
    expect(tooFar.statusCode).toBe(400);
    expect(tooFar.body).toContain(
      `Start date must be no later than ${formatDate(addDays(today(), 28))}, 28 days from today`,
    );
    expect(tooFar.body).toContain(`value="${Number(addDays(today(), 29).slice(8))}"`);
    expect(await db.select().from(placements).where(eq(placements.childId, child.id))).toHaveLength(0);
    const lastDay = await manager.post(`/children/${child.id}/emergency-placement`, {
      householdId: household.id,
      ...dateFields('startDate', addDays(today(), 28)),
      placementType: 'short_term',
      childSawProfile: 'yes',
    });
    expect(lastDay.statusCode).toBe(303);
  });
});

describe('delegated authority on the placement page', () => {
  it('says whether the carer has the delegated authority from its form alone, in both places on the page', async () => {
    const db = t.database.db;
    const child = await makeChild(db);
    const placement = await makePlacement(db, { childId: child.id, householdId: (await makeHousehold(db)).id });
    // A document row from before the form was the one record: it no longer says anything.
    await db
      .insert(placementDocuments)
      .values({ placementId: placement.id, kind: 'delegated_authority', givenOn: '2025-01-07' });
    await makeDelegatedAuthority(db, {
      placementId: placement.id,
      signedBy: 'foster_carer',
      signedOn: '2025-01-08',
      copyGivenToCarerOn: '2025-01-09',
    });
    const cicsw = await signedIn(t.app, 'cicsw');
    const body = (await cicsw.get(`/placements/${placement.id}`)).body;
    const documents = body.slice(
      body.indexOf('documents given to the carer'),
      body.indexOf('id="delegated-authority"'),
    );
    const row = documents.slice(documents.indexOf('Delegated authority'));
    expect(row).toMatch(/^Delegated authority\s*<\/dt>\s*<dd[^>]*>\s*Signed copy given 9 January 2025/);
    expect(documents).not.toContain('7 January 2025');
    expect(body).toContain('Signed and copy given');
    // The paperwork form no longer asks for it: the delegated authority form is where it is recorded.
    expect((await cicsw.get(`/placements/${placement.id}/paperwork`)).body).not.toContain('given_delegated_authority');
  });
});
