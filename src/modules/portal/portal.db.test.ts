/**
 * The carer's portal home: their household's approval and payment level, and the children placed
 * with them with the documents they were given and who decides what. Only their own household.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makeDelegatedAuthority, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { users } from '../../platform/auth/tables.ts';
import { households } from '../households/tables.ts';
import { placementDocuments } from '../placements/tables.ts';

const t = testAppForFile();

async function carersHousehold() {
  const [carer] = await t.database.db.select().from(users).where(eq(users.username, 'carer'));
  return carer!.householdId!;
}

describe('the carer’s portal home', () => {
  it('shows their approval and payment level, and the children placed with them and who decides what', async () => {
    const db = t.database.db;
    const householdId = await carersHousehold();
    await db
      .update(households)
      .set({ skillLevel: 2, approvedPlaces: 3, ageMin: 5, ageMax: 17 })
      .where(eq(households.id, householdId));
    const fern = await makeChild(db, { firstName: 'Fern', lastName: 'Portalchild', dateOfBirth: '2014-03-02' });
    const placement = await makePlacement(db, { childId: fern.id, householdId, startDate: '2026-06-08' });
    await db
      .insert(placementDocuments)
      .values({ placementId: placement.id, kind: 'risk_assessment', givenOn: '2026-06-09' });
    await makeDelegatedAuthority(db, {
      placementId: placement.id,
      educationHolder: 'foster_carer',
      educationNotes: 'School trips and parents’ evenings',
      signedOn: '2026-06-10',
      copyGivenToCarerOn: '2026-06-12',
    });
    const elsewhere = await makeChild(db, { firstName: 'Quill', lastName: 'Elsewhere' });
    await makePlacement(db, {
      childId: elsewhere.id,
      householdId: (await makeHousehold(db)).id,
      startDate: '2026-06-08',
    });

    const carer = await signedIn(t.app, 'carer');
    const portal = await carer.get('/portal');
    expect(portal.statusCode).toBe(200);
    const page = portal.body;
    expect(page).toContain('Your approval');
    expect(page).toContain('Level 2 (Skilled)');
    expect(page).toContain('Up to 3 children aged 5 to 17');
    expect(page).not.toContain('will appear here');

    expect(page).toContain('Fern Portalchild');
    expect(page).toContain('Placed with you since');
    expect(page).toContain('8 June 2026');
    expect(page).toContain('Given to you 9 June 2026'); // the risk assessment
    expect(page).toContain('Not given to you yet'); // the referral and placement arrangements
    expect(page).toContain('Who decides for Fern Portalchild');
    expect(page).toContain('School trips and parents’ evenings');
    expect(page).toContain('Delegated authority signed 10 June 2026; your signed copy given 12 June 2026.');
    expect(page).not.toContain('Quill');

    const viewed = await db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'view'),
          eq(auditEvents.recordType, 'placement'),
          eq(auditEvents.recordId, placement.id),
          eq(auditEvents.username, 'carer'),
        ),
      );
    expect(viewed).toEqual([{ detail: { page: 'portal' } }]);
  });

  it('is the carers’ own: staff are refused it', async () => {
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get('/portal')).statusCode).toBe(403);
  });
});
