/**
 * A placement's paperwork as the child's social worker records it: the placement plan and the
 * papers given to the carer (a wrong date naming its paper), and the delegated authority from not
 * started through drafted to signed with a copy given. Who may see and change a placement: a
 * supervising social worker only their allocated households' paperwork, a 404 for a child who is
 * not the worker's, a 403 for carers; every view in the audit trail.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makeDelegatedAuthority, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { delegatedAuthorities, placementDocuments } from './tables.ts';
import { auditTrail, dateFields } from './test-support.ts';

const t = testAppForFile();

describe('paperwork and delegated authority', () => {
  it('records the documents given to the carer and the placement plan', async () => {
    const db = t.database.db;
    const child = await makeChild(db);
    const placement = await makePlacement(db, { childId: child.id, householdId: (await makeHousehold(db)).id });
    const cicsw = await signedIn(t.app, 'cicsw');
    const saved = await cicsw.post(`/placements/${placement.id}/paperwork`, {
      ...dateFields('placementPlanOn', '2025-01-08'),
      childSawProfile: 'no',
      ...dateFields('given_referral', '2025-01-06'),
      ...dateFields('given_risk_assessment', '2025-01-07'),
    });
    expect(saved.statusCode).toBe(303);
    const docs = await db.select().from(placementDocuments).where(eq(placementDocuments.placementId, placement.id));
    expect(docs.map((d) => [d.kind, d.givenOn]).sort()).toEqual([
      ['referral', '2025-01-06'],
      ['risk_assessment', '2025-01-07'],
    ]);
    // A wrong date among the three papers' says which paper it is.
    const unreal = { 'given_risk_assessment-day': '31', 'given_risk_assessment-month': '2' };
    const wrong = await cicsw.post(`/placements/${placement.id}/paperwork`, {
      childSawProfile: 'no',
      ...{ ...unreal, 'given_risk_assessment-year': '2025' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Date the risk assessment was given must be a real date');
    const ahead = await cicsw.post(`/placements/${placement.id}/paperwork`, {
      childSawProfile: 'no',
      ...dateFields('given_placement_arrangements', addDays(todayInLondon(), 1)),
    });
    expect(ahead.body).toContain('Date the placement arrangements were given must be today or in the past');
    const page = await cicsw.get(`/placements/${placement.id}`);
    expect(page.body).toContain('Given 7 January 2025');
    expect(page.body).toContain('8 January 2025');
  });

  it('shows the delegated authority status: not started, drafted, signed, copy given', async () => {
    const db = t.database.db;
    const child = await makeChild(db);
    const placement = await makePlacement(db, { childId: child.id, householdId: (await makeHousehold(db)).id });
    const cicsw = await signedIn(t.app, 'cicsw');
    expect((await cicsw.get(`/children/${child.id}`)).body).toContain('Not started');
    const form = {
      medicalHolder: 'shared',
      educationHolder: 'foster_carer',
      socialHolder: 'foster_carer',
      religiousHolder: 'parent',
      culturalHolder: 'shared',
      socialNotes: 'Sleepovers with known friends.',
    };
    expect((await cicsw.post(`/placements/${placement.id}/delegated-authority`, form)).statusCode).toBe(303);
    expect((await cicsw.get(`/placements/${placement.id}`)).body).toContain('Drafted');

    const copyBeforeSigning = await cicsw.post(`/placements/${placement.id}/delegated-authority`, {
      ...form,
      ...dateFields('copyGivenToCarerOn', '2025-01-09'),
    });
    expect(copyBeforeSigning.statusCode).toBe(400);
    expect(copyBeforeSigning.body).toContain('Record the signing first');

    const signed = await cicsw.post(`/placements/${placement.id}/delegated-authority`, {
      ...form,
      signedBy: ['foster_carer', 'social_worker', 'parent'],
      ...dateFields('signedOn', '2025-01-08'),
      ...dateFields('copyGivenToCarerOn', '2025-01-09'),
    });
    expect(signed.statusCode).toBe(303);
    const [row] = await db
      .select()
      .from(delegatedAuthorities)
      .where(eq(delegatedAuthorities.placementId, placement.id));
    expect(row).toMatchObject({
      religiousHolder: 'parent',
      signedBy: 'foster_carer,social_worker,parent',
      signedOn: '2025-01-08',
      copyGivenToCarerOn: '2025-01-09',
    });
    const page = await cicsw.get(`/placements/${placement.id}`);
    expect(page.body).toContain('Signed and copy given');
    expect(page.body).toContain('Foster carer, Child’s social worker, Parent');
    expect((await cicsw.get(`/children/${child.id}`)).body).toContain('Signed and copy given');
    const changes = (await auditTrail(t, 'placement', placement.id)).filter((e) => e.action === 'update');
    expect(changes).toHaveLength(2);
  });

  it('shows a signed form without a copy given as signed', async () => {
    const db = t.database.db;
    const child = await makeChild(db);
    const placement = await makePlacement(db, { childId: child.id, householdId: (await makeHousehold(db)).id });
    await makeDelegatedAuthority(db, { placementId: placement.id, signedBy: 'foster_carer', signedOn: '2025-01-08' });
    const cicsw = await signedIn(t.app, 'cicsw');
    const page = await cicsw.get(`/placements/${placement.id}`);
    expect(page.body).toMatch(/govuk-tag--blue">\s*Signed\s*</);
  });
});

describe('who may see and change placements', () => {
  it('lets a supervising social worker change the placements of households allocated to them only', async () => {
    const db = t.database.db;
    const mine = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const teams = await makeHousehold(db);
    const a = await makePlacement(db, { childId: (await makeChild(db)).id, householdId: mine.id });
    const b = await makePlacement(db, { childId: (await makeChild(db)).id, householdId: teams.id });
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/placements/${a.id}/delegated-authority`)).statusCode).toBe(200);
    expect((await ssw.get(`/placements/${b.id}`)).statusCode).toBe(200);
    expect((await ssw.get(`/placements/${b.id}/delegated-authority`)).statusCode).toBe(404);
  });

  it('hides another social worker’s child’s placement (404) and keeps carers out (403)', async () => {
    const db = t.database.db;
    const west = await makeHousehold(db, { teamName: 'West Kent Fostering Team 1' });
    const child = await makeChild(db, { socialWorker: null, area: 'West Kent' });
    const placement = await makePlacement(db, { childId: child.id, householdId: west.id });
    const cicsw = await signedIn(t.app, 'cicsw');
    expect((await cicsw.get(`/placements/${placement.id}`)).statusCode).toBe(404);
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/placements/${placement.id}`)).statusCode).toBe(404);
    const carer = await signedIn(t.app, 'carer');
    expect((await carer.get(`/placements/${placement.id}`)).statusCode).toBe(403);
    expect((await carer.get(`/placements/${placement.id}/end`)).statusCode).toBe(403);
    expect((await carer.get(`/children/${child.id}/emergency-placement`)).statusCode).toBe(403);
  });

  it('writes every view of a placement to the audit trail', async () => {
    const db = t.database.db;
    const child = await makeChild(db);
    const placement = await makePlacement(db, { childId: child.id, householdId: (await makeHousehold(db)).id });
    const cicsw = await signedIn(t.app, 'cicsw');
    await cicsw.get(`/placements/${placement.id}`);
    await cicsw.get(`/placements/${placement.id}`);
    const views = (await auditTrail(t, 'placement', placement.id)).filter((e) => e.action === 'view');
    expect(views).toHaveLength(2);
    expect(views[0]!.username).toBe('cicsw');
  });
});
