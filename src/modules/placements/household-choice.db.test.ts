/**
 * Where a child goes (an emergency placement, a move) given by the household's reference, as well as
 * chosen from the list: looked up within what the worker may see, never both at once.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makeReferral } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { placements } from './tables.ts';
import { dateFields } from './test-support.ts';

const t = testAppForFile();
const today = () => todayInLondon();

describe('choosing where a child goes', () => {
  it('takes the household by its reference as well as from the list, within what the worker may see', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { name: 'Byreference Household', emergency: true });
    const elsewhere = await makeHousehold(db, { teamName: 'West Kent Fostering Team 1', emergency: true });
    const child = await makeChild(db);
    await makeReferral(db, { childId: child.id, urgency: 'emergency', placementType: 'emergency' });
    const manager = await signedIn(t.app, 'manager');
    const place = (fields: Record<string, string>) =>
      manager.post(`/children/${child.id}/emergency-placement`, {
        ...fields,
        ...dateFields('startDate', today()),
        placementType: 'emergency',
        childSawProfile: 'no',
      });
    // Another team's household is not one the manager can see: not found, as any unknown reference.
    const hidden = await place({ householdId: '', householdReference: elsewhere.reference });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.body).toContain(`No household you can see has the reference ${elsewhere.reference}`);
    expect(hidden.body).toContain(`value="${elsewhere.reference}"`);
    const both = await place({ householdId: household.id, householdReference: household.reference });
    expect(both.body).toContain('Choose the household from the list or enter its reference, not both');
    expect(await db.select().from(placements).where(eq(placements.childId, child.id))).toHaveLength(0);

    const placed = await place({ householdId: '', householdReference: ` ${household.reference.toLowerCase()} ` });
    expect(placed.statusCode).toBe(303);
    const [row] = await db.select().from(placements).where(eq(placements.childId, child.id));
    expect(row!.householdId).toBe(household.id);
  });
});
