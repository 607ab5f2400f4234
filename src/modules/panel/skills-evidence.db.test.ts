/**
 * The evidence checklist for a skills level item (action 6.2) through the pages: the presenting
 * worker ticks the evidence included, the meeting page says how much is confirmed, who may check
 * it, no change once the minutes are signed, the audit trail's words; and the measure for November
 * 2026, hand-worked.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn } from '../../../test/support/app.ts';
import { measureFixture, teamOfItsOwn } from '../../../test/support/measures.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { countMeasure } from '../../platform/measures/index.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { skillsEvidenceComplete } from './measures.ts';
import { panelItems, panelSkillsEvidence } from './tables.ts';
import { makeMeeting } from './test-support.ts';

const f = measureFixture('2026-11', '2026-12-05');
const team = teamOfItsOwn(f, 'Skills Evidence Fixture Team');
const today = todayInLondon();

async function skillsItem(meetsOn: string, householdTeam?: string, minutesSignedOn: string | null = null) {
  const meeting = await makeMeeting(f.db(), { meetsOn, minutesSignedOn });
  const household = await makeHousehold(f.db(), {
    statusSince: '2022-03-07',
    ...(householdTeam ? { teamId: householdTeam } : {}),
  });
  const [item] = await f
    .db()
    .insert(panelItems)
    .values({ meetingId: meeting.id, kind: 'skills_level', householdId: household.id, skillLevel: 3 })
    .returning();
  return { meeting, item: item!, household };
}

describe('the evidence for a skills level item', () => {
  it('is ticked by the presenting worker, said on the meeting page, and kept as ticked', async () => {
    const { meeting, item } = await skillsItem(addDays(today, 10));
    const path = `/panel/items/${item.id}/skills-evidence`;
    const worker = await signedIn(f.app(), 'manager');
    const form = await worker.get(path);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Evidence for level 3');

    const bad = await worker.post(path, { confirmed: ['competencies', 'made-up'], notes: 'Portfolio to come.' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select evidence from the list');
    expect(bad.body).toContain('Portfolio to come.');

    const saved = await worker.post(path, {
      confirmed: ['competencies', 'training', 'supervision', 'annualReview'],
      notes: 'Portfolio to come.',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/panel/meetings/${meeting.id}?done=evidence`);
    const page = await (await signedIn(f.app(), 'head')).get(`/panel/meetings/${meeting.id}`);
    expect(page.body).toContain('4 of the 6 pieces of evidence the panel expects are confirmed');
    const again = await worker.get(path);
    expect(again.body).toMatch(/value="annualReview" checked/);
    expect(again.body).not.toMatch(/value="carersPortfolio" checked/);

    await worker.post(path, {
      confirmed: ['competencies', 'training', 'supervision', 'annualReview', 'childrensViews', 'carersPortfolio'],
    });
    const complete = await (await signedIn(f.app(), 'head')).get(`/panel/meetings/${meeting.id}`);
    expect(complete.body).toContain('Every piece of evidence the panel expects is included (6 of 6)');
    const trail = await (await signedIn(f.app(), 'head')).get(`/records/panel-item/${item.id}/audit`);
    expect(trail.body).toContain('Changed the evidence for the skills level on the panel agenda item');
  });

  it('is checked only by those who may change the household, and not once the minutes are signed', async () => {
    const { item } = await skillsItem(addDays(today, 10));
    const path = `/panel/items/${item.id}/skills-evidence`;
    // A worker of another team does not find the household; a panel member does not present it.
    expect((await (await signedIn(f.app(), 'ssw2')).get(path)).statusCode).toBe(404);
    expect((await (await signedIn(f.app(), 'panel')).get(path)).statusCode).toBe(403);
    // Not a skills level item, or not an item at all.
    const other = await skillsItem(addDays(today, 10));
    await f.db().update(panelItems).set({ kind: 'exemption' }).where(eq(panelItems.id, other.item.id));
    const manager = await signedIn(f.app(), 'manager');
    expect((await manager.get(`/panel/items/${other.item.id}/skills-evidence`)).statusCode).toBe(404);
    expect((await manager.get('/panel/items/not-an-item/skills-evidence')).statusCode).toBe(404);

    const signed = await skillsItem(addDays(today, -3), undefined, addDays(today, -1));
    const late = await manager.post(`/panel/items/${signed.item.id}/skills-evidence`, { confirmed: 'competencies' });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('The minutes of this meeting are signed: the evidence can no longer be changed');
  });
});

describe('skills level proposals presented with all the evidence', () => {
  it('counts the items of meetings in the 12 months to 30 November, met when complete by the meeting', async () => {
    const all = {
      competencies: true,
      training: true,
      supervision: true,
      annualReview: true,
      childrensViews: true,
      carersPortfolio: true,
    };
    const yearAgo = await skillsItem('2025-11-30', team());
    const complete = await skillsItem('2025-12-01', team());
    const late = await skillsItem('2026-06-10', team());
    const missing = await skillsItem('2026-09-09', team());
    const none = await skillsItem('2026-11-30', team());
    const december = await skillsItem('2026-12-01', team());
    const evidence = [
      [yearAgo, all, '2025-11-20'],
      [complete, all, '2025-11-24'],
      [late, all, '2026-06-11'],
      [missing, { ...all, childrensViews: false }, '2026-09-01'],
      [december, all, '2026-11-20'],
    ] as const;
    for (const [x, checks, on] of evidence) {
      await f
        .db()
        .insert(panelSkillsEvidence)
        .values({ itemId: x.item.id, ...checks, checkedOn: on });
    }
    const ids = [yearAgo, complete, late, missing, none, december].map((x) => x.item.id);
    expect(await f.rowsFor(skillsEvidenceComplete, ids)).toEqual([
      [complete.item.id, true],
      [late.item.id, false],
      [missing.item.id, false],
      [none.item.id, false],
    ]);
    const figure = (await countMeasure(f.db(), skillsEvidenceComplete, f.period)).figures.find(
      (x) => x.scopeKind === 'team' && x.scopeId === team(),
    );
    expect(figure && [figure.numerator, figure.denominator]).toEqual([1, 4]);
  });
});
