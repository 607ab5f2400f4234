/**
 * A Staying Put arrangement: a young adult living on with their former foster carers, no longer a
 * child in care. No placement plan or delegated authority is asked for, and the measures of
 * children arriving in placements leave it out.
 */
import { eq, or } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { countMeasure, findMeasure, periodOf } from '../../platform/measures/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { notFound } from '../../platform/views/results.ts';
import { viewer } from '../home/test-support.ts';
import { delegatedAuthorityForm, paperworkForm } from './forms.ts';
import { authorityHolderKeys, decisionAreaKeys } from './labels.ts';
import { recordPaperwork, saveDelegatedAuthority } from './paperwork.ts';
import { findPlacement } from './queries.ts';
import { delegatedAuthorities, placements } from './tables.ts';

const t = testAppForFile();

async function twoPlacements() {
  const db = t.database.db;
  const household = await makeHousehold(db);
  const place = async (firstName: string, placementType: 'long_term' | 'staying_put') =>
    makePlacement(db, {
      childId: (await makeChild(db, { firstName, dateOfBirth: '2008-05-01' })).id,
      householdId: household.id,
      startDate: '2026-06-08',
      placementType,
    });
  return { household, fostered: await place('Fern', 'long_term'), stayingPut: await place('Sasha', 'staying_put') };
}

describe('Staying Put', () => {
  it('has no deadlines of a child in placement: plan, delegated authority, seen at supervision', async () => {
    const { fostered, stayingPut } = await twoPlacements();
    const head = await signedIn(t.app, 'head');
    const rulesFor = async (childId: string) => {
      const due = await t.database.db
        .select({ ruleId: dueItems.ruleId })
        .from(dueItems)
        .where(or(eq(dueItems.childId, childId), eq(dueItems.recordId, childId)));
      const ofAChildInPlacement = [
        'placements.delegated-authority',
        'placements.placement-plan',
        'supervision.child-seen',
      ];
      return due
        .map((d) => d.ruleId)
        .filter((rule) => ofAChildInPlacement.includes(rule))
        .sort();
    };
    expect(await rulesFor(fostered.childId)).toEqual([
      'placements.delegated-authority',
      'placements.placement-plan',
      'supervision.child-seen',
    ]);
    expect(await rulesFor(stayingPut.childId)).toEqual([]);
    expect((await head.get('/my-work/rules')).body).toContain(
      'not for Staying Put, where the young person is an adult',
    );
  });

  it('asks for no placement plan or delegated authority, and its forms lead back to the page', async () => {
    const { household, stayingPut } = await twoPlacements();
    const cicsw = await signedIn(t.app, 'cicsw');
    const page = await cicsw.get(`/placements/${stayingPut.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sasha is a young adult living on with their former foster carers');
    expect(page.body).not.toContain('Record the delegated authority');
    expect(page.body).not.toContain('Record the placement plan and documents');
    for (const form of ['delegated-authority', 'paperwork']) {
      const opened = await cicsw.get(`/placements/${stayingPut.id}/${form}`);
      expect(opened.statusCode).toBe(303);
      expect(opened.headers.location).toBe(`/placements/${stayingPut.id}`);
    }
    const posted = await cicsw.post(`/placements/${stayingPut.id}/delegated-authority`, { medicalHolder: 'shared' });
    expect(posted.statusCode).toBe(303);
    const saved = await t.database.db
      .select()
      .from(delegatedAuthorities)
      .where(eq(delegatedAuthorities.placementId, stayingPut.id));
    expect(saved).toEqual([]);
    expect((await cicsw.get(`/children/${stayingPut.childId}`)).body).toContain('Not needed: Staying Put');
    const head = await signedIn(t.app, 'head');
    const children = await head.get(`/households/${household.id}`);
    expect(children.statusCode).toBe(200);
    expect(children.body).toContain('Not needed: Staying Put');
  });

  it('is refused a plan or delegated authority by the services themselves, whoever calls them', async () => {
    const db = t.database.db;
    const { fostered, stayingPut } = await twoPlacements();
    const head = await viewer(db, 'head');
    const actor = systemActor('test');
    const today = todayInLondon();
    const authority = delegatedAuthorityForm(today).parse(
      Object.fromEntries(decisionAreaKeys.map((area) => [`${area}Holder`, authorityHolderKeys[0]])),
    );
    const paperwork = paperworkForm(today).parse({
      placementPlanOn: { day: '9', month: '6', year: '2026' },
      childSawProfile: 'yes',
    });
    const record = async (id: string) => (await findPlacement(db, head, id))!;

    // The same two calls record both on the fostered child's placement, and nothing on Sasha's.
    expect(await saveDelegatedAuthority(db, head, actor, await record(fostered.id), authority)).toMatchObject({
      ok: true,
    });
    expect(await recordPaperwork(db, head, actor, await record(fostered.id), paperwork)).toMatchObject({ ok: true });
    expect(await saveDelegatedAuthority(db, head, actor, await record(stayingPut.id), authority)).toEqual(notFound);
    expect(await recordPaperwork(db, head, actor, await record(stayingPut.id), paperwork)).toEqual(notFound);
    const forms = await db
      .select({ placementId: delegatedAuthorities.placementId })
      .from(delegatedAuthorities)
      .where(
        or(eq(delegatedAuthorities.placementId, fostered.id), eq(delegatedAuthorities.placementId, stayingPut.id)),
      );
    expect(forms).toEqual([{ placementId: fostered.id }]);
    const plans = await db
      .select({ id: placements.id, placementPlanOn: placements.placementPlanOn })
      .from(placements)
      .where(or(eq(placements.id, fostered.id), eq(placements.id, stayingPut.id)));
    expect(Object.fromEntries(plans.map((p) => [p.id, p.placementPlanOn]))).toEqual({
      [fostered.id]: '2026-06-09',
      [stayingPut.id]: null,
    });
  });

  it('is left out of the delegated authority and profile measures; a fostered child arriving is counted', async () => {
    // The placements that started in June; the children placed at the end of September (placed more
    // than 3 months before, so due to have been seen by the SSW).
    const periods: Record<string, string> = {
      'placements.delegated-authority': '2026-06',
      'placements.profile-seen': '2026-06',
      'supervision.children-seen-3-months': '2026-09',
    };
    const counted = async () => {
      const byMeasure: Record<string, number | null | undefined> = {};
      for (const [id, month] of Object.entries(periods)) {
        const period = periodOf(month, '2026-11-22');
        const { figures } = await countMeasure(t.database.db, findMeasure(id)!, period);
        byMeasure[id] = figures.find((f) => f.scopeKind === 'service')?.denominator ?? 0;
      }
      return byMeasure;
    };
    const before = await counted();
    await twoPlacements(); // Fern (fostered) and Sasha (Staying Put), both from 8 June 2026
    const after = await counted();
    expect(after).toEqual({
      'placements.delegated-authority': before['placements.delegated-authority']! + 1,
      'placements.profile-seen': before['placements.profile-seen']! + 1,
      'supervision.children-seen-3-months': before['supervision.children-seen-3-months']! + 1,
    });
  });
});
