import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { areas } from '../../platform/auth/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { children } from '../children/tables.ts';
import { placements } from '../placements/tables.ts';
import { households } from './tables.ts';
import { vacanciesSql } from './scope.ts';
import { vacanciesFor } from './vacancies.ts';

const t = testAppForFile();

const today = todayInLondon();
let childCount = 0;

async function placeChild(householdId: string, startDate: string, endDate: string | null) {
  childCount += 1;
  const [area] = await t.database.db.select({ id: areas.id }).from(areas).where(eq(areas.name, 'East Kent'));
  const [child] = await t.database.db
    .insert(children)
    .values({
      reference: `C-T${String(childCount).padStart(5, '0')}`,
      firstName: `Child${childCount}`,
      lastName: 'Testchild',
      dateOfBirth: '2015-06-01',
      gender: 'female',
      legalStatus: 's31_care_order',
      lookedAfterSince: '2022-01-01',
      areaId: area!.id,
    })
    .returning({ id: children.id });
  await t.database.db
    .insert(placements)
    .values({ childId: child!.id, householdId, placementType: 'long_term', startDate, endDate });
}

describe('vacancies, computed from approval terms and current placements', () => {
  it('2 places, 1 current placement and 1 ended placement: 1 vacancy', async () => {
    const h = await makeHousehold(t.database.db, { approvedPlaces: 2 });
    await placeChild(h.id, addDays(today, -100), null);
    await placeChild(h.id, addDays(today, -300), addDays(today, -200));
    const result = await vacanciesFor(t.database.db, [h.id]);
    expect(result.get(h.id)).toEqual({ approvedPlaces: 2, placed: 1, vacancies: 1 });
  });

  it('counts a placement ending in the future as current, and one starting in the future or ending today as not', async () => {
    const h = await makeHousehold(t.database.db, { approvedPlaces: 3 });
    await placeChild(h.id, addDays(today, -10), addDays(today, 5)); // still there
    await placeChild(h.id, addDays(today, 3), null); // not arrived yet
    await placeChild(h.id, addDays(today, -50), today); // left today
    const result = await vacanciesFor(t.database.db, [h.id]);
    expect(result.get(h.id)).toEqual({ approvedPlaces: 3, placed: 1, vacancies: 2 });
  });

  it('a household that is not approved has no vacancies, whatever its terms', async () => {
    const onHold = await makeHousehold(t.database.db, { status: 'on_hold', approvedPlaces: 2 });
    const applicant = await makeHousehold(t.database.db, { status: 'applicant', approvedPlaces: 2 });
    const result = await vacanciesFor(t.database.db, [onHold.id, applicant.id]);
    expect(result.get(onHold.id)?.vacancies).toBe(0);
    expect(result.get(applicant.id)?.vacancies).toBe(0);
  });

  it('never goes below zero when more children are placed than approved for', async () => {
    const h = await makeHousehold(t.database.db, { approvedPlaces: 1 });
    await placeChild(h.id, addDays(today, -10), null);
    await placeChild(h.id, addDays(today, -5), null);
    const result = await vacanciesFor(t.database.db, [h.id]);
    expect(result.get(h.id)).toEqual({ approvedPlaces: 1, placed: 2, vacancies: 0 });
  });

  it('gives the same answer as a SQL expression other modules can filter on', async () => {
    const h = await makeHousehold(t.database.db, { approvedPlaces: 2 });
    await placeChild(h.id, addDays(today, -10), null);
    const [row] = await t.database.db
      .select({ vacancies: vacanciesSql() })
      .from(households)
      .where(eq(households.id, h.id));
    expect(Number(row?.vacancies)).toBe(1);
  });

  it('shows the live figure on the household page', async () => {
    const h = await makeHousehold(t.database.db, { approvedPlaces: 2 });
    await placeChild(h.id, addDays(today, -100), null);
    await placeChild(h.id, addDays(today, -300), addDays(today, -200));
    const manager = await signedIn(t.app, 'manager');
    const page = await manager.get(`/households/${h.id}`);
    expect(page.body).toContain('1 (1 child placed now)');
  });
});
