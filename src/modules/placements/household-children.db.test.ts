import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makeDelegatedAuthority, makePlacement } from '../../../test/support/children.ts';
import { tableRowsAfter } from '../../../test/support/html.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { addDays, ageOn, todayInLondon } from '../../platform/dates/index.ts';

const t = testAppForFile();

describe('the children placed with a household, on its page', () => {
  /**
   * Placed with the household: Mira (the demo children's social worker's, since 6 January 2025, plan and
   * delegated authority done) and Theo (no social worker, since 3 March 2025, nothing done). Not placed
   * now: Ula (left last month) and Pia (arrives in a week).
   */
  it('lists each child placed now with their age, since, social worker and paperwork, within the viewer’s access', async () => {
    const db = t.database.db;
    const today = todayInLondon();
    const household = await makeHousehold(db, { name: 'Placednow Household', approvedPlaces: 4 });
    const child = (firstName: string, socialWorker: string | null) =>
      makeChild(db, { firstName, lastName: 'Placednow', dateOfBirth: '2014-05-20', socialWorker });
    const mira = await child('Mira', 'cicsw');
    const miraPlacement = await makePlacement(db, {
      childId: mira.id,
      householdId: household.id,
      startDate: '2025-01-06',
      placementPlanOn: '2025-01-08',
    });
    await makeDelegatedAuthority(db, {
      placementId: miraPlacement.id,
      signedBy: 'foster_carer',
      signedOn: '2025-01-08',
      copyGivenToCarerOn: '2025-01-09',
    });
    const theo = await child('Theo', null);
    await makePlacement(db, { childId: theo.id, householdId: household.id, startDate: '2025-03-03' });
    const ula = await child('Ula', 'cicsw');
    await makePlacement(db, {
      childId: ula.id,
      householdId: household.id,
      startDate: '2024-02-01',
      endDate: addDays(today, -30),
    });
    const pia = await child('Pia', 'cicsw');
    await makePlacement(db, { childId: pia.id, householdId: household.id, startDate: addDays(today, 7) });

    const age = ageOn('2014-05-20', today);
    const manager = await signedIn(t.app, 'manager');
    const page = (await manager.get(`/households/${household.id}`)).body;
    expect(page).toContain('2 children placed now');
    expect(tableRowsAfter(page, 'Children placed now')).toEqual([
      `Mira Placednow ${age} 6 January 2025 Chris Okafor Signed and copy given delegated authority for Mira Placednow Recorded 8 January 2025`,
      `Theo Placednow ${age} 3 March 2025 Not allocated Not started delegated authority for Theo Placednow Not recorded`,
    ]);
    expect(page).toContain(`href="/children/${mira.id}"`);
    expect(page).toContain(`href="/children/${theo.id}"`);
    expect(page).not.toContain('Ula Placednow');
    expect(page).not.toContain('Pia Placednow');

    // The children's social worker sees the household as their child's home: their own child's row only.
    const cicsw = await signedIn(t.app, 'cicsw');
    const theirs = (await cicsw.get(`/households/${household.id}`)).body;
    expect(tableRowsAfter(theirs, 'Children placed now')).toHaveLength(1);
    expect(tableRowsAfter(theirs, 'Children placed now')[0]).toContain('Mira Placednow');
    expect(theirs).not.toContain('Theo Placednow');
    expect(theirs).toContain('1 other child is placed here whose records you do not have access to.');

    // The payments officer sees who is placed, but may not open a child's record or placement: the
    // names and delegated authority are not links to a refused page.
    const payments = await signedIn(t.app, 'payments');
    const theirView = (await payments.get(`/households/${household.id}`)).body;
    expect(tableRowsAfter(theirView, 'Children placed now')[0]).toContain('Mira Placednow');
    expect((await payments.get(`/children/${mira.id}`)).statusCode).toBe(403);
    expect((await payments.get(`/placements/${miraPlacement.id}`)).statusCode).toBe(403);
    expect(theirView).not.toContain(`href="/children/${mira.id}"`);
    expect(theirView).not.toContain(`href="/placements/${miraPlacement.id}`);
  });
});
