/**
 * The business plan through its year: the financial quarters, the quarterly review listing the open
 * actions not updated this quarter (with the deadlines each links), and the roll-over to next year's
 * plan: open actions carried forward, completed ones left behind, history kept, and the plan rolled
 * over still the current one until its own year is over.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { signedIn } from '../../../test/support/app.ts';
import { tableRowsAfter } from '../../../test/support/html.ts';
import { planActionMeasures, planActions, planTargets, planUpdates, plans } from './tables.ts';
import { addAction, addUpdate, createPlan } from './service.ts';
import { quarterlyReviewData } from './views.ts';
import { currentPlan } from './queries.ts';
import { quarterOf } from '../../platform/dates/quarters.ts';
import { action, planTestFile } from './test-support.ts';

const { t, actor, head, makePlan } = planTestFile();

describe('the business plan', () => {
  it('works out financial quarters April to June, July to September, October to December, January to March', () => {
    expect(quarterOf('2026-04-01')).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
    expect(quarterOf('2026-08-15')).toMatchObject({ start: '2026-07-01', end: '2026-09-30' });
    expect(quarterOf('2026-12-31')).toMatchObject({ start: '2026-10-01', end: '2026-12-31' });
    expect(quarterOf('2027-03-31')).toMatchObject({ start: '2027-01-01', end: '2027-03-31' });
  });

  it('lists in the quarterly review exactly the open actions without an update this quarter', async () => {
    const db = t.database.db;
    const { planId, t1, t2 } = await makePlan('Plan for review');
    const a = await addAction(db, actor, t1, action('1.1'));
    const b = await addAction(db, actor, t1, action('1.2'));
    const c = await addAction(
      db,
      actor,
      t2,
      action('2.1', { ruleIds: ['children.initial-health-assessment', 'children.a-rule-since-retired'] }),
    );
    const d = await addAction(db, actor, t2, action('2.2', { status: 'completed' }));
    const update = (onDate: string) => ({ onDate, rag: 'green' as const, narrative: 'Done', completed: false });
    await addUpdate(db, head(), actor, { id: a, ownerUserId: null }, update('2026-06-30'));
    await addUpdate(db, head(), actor, { id: a, ownerUserId: null }, update('2026-07-01'));
    await addUpdate(db, head(), actor, { id: b, ownerUserId: null }, update('2026-06-30'));

    // 15 August 2026 is in July to September: 1.1 was updated on 1 July; 1.2 last on 30 June;
    // 2.1 never; 2.2 is completed, so it is not reviewed.
    const review = await quarterlyReviewData(db, planId, '2026-08-15');
    expect(review!.quarter).toMatchObject({ start: '2026-07-01', end: '2026-09-30' });
    const due = review!.targets.flatMap((x) => x.due.map((y) => y.id));
    expect(due).toEqual([b, c]);
    expect(review!.targets.map((x) => [x.number, x.openCount, x.dueCount])).toEqual([
      [1, 2, 1],
      [2, 1, 1],
    ]);
    expect(due).not.toContain(d);

    const agent = await signedIn(t.app, 'manager');
    const page = await agent.get(`/plan/${planId}/quarterly-review`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Actions not updated this quarter, by target');
    expect(page.body).toContain(`href="/plan/actions/${c}"`);
    // Each action to update with the deadlines it links, in the words of its page (uncounted: the review shows no figures).
    const rows = tableRowsAfter(page.body, 'Actions to update');
    const row21 = rows.find((r) => r.startsWith('2.1 '));
    expect(rows.find((r) => r.startsWith('1.2 '))).toMatch(/ None$/);
    expect(row21).toContain(
      'Initial health assessment (within 20 working days) Care Planning, Placement and Case Review (England) Regulations 2010, regulation 7;',
    );
    expect(row21).toContain('1 deadline linked to this action is no longer kept by Hearth.');
    expect(page.body).not.toContain('children.a-rule-since-retired');
  });

  it('keeps a plan rolled over before its year ends as the current plan until its year is over', async () => {
    const db = t.database.db;
    const planId = await createPlan(db, actor, {
      title: 'Plan of 2040-41',
      periodStart: '2040-04-01',
      periodEnd: '2041-03-31',
      vision: 'Far ahead.',
      status: 'active',
    });
    const agent = await signedIn(t.app, 'head');
    const confirm = await agent.get(`/plan/${planId}/roll-over`);
    expect(confirm.body).toContain(
      'It stays the current plan, for updates and the quarterly review, until 31 March 2041.',
    );
    const rolled = await agent.post(`/plan/${planId}/roll-over`, {});
    expect(rolled.statusCode).toBe(303);
    // In its last quarter, the plan rolled over is still the one in force; next year's is current once its year begins.
    expect((await currentPlan(db, '2041-02-15'))?.id).toBe(planId);
    expect((await currentPlan(db, '2041-04-02'))?.title).toBe('Plan of 2041-42');
  });

  it('rolls a plan over: open actions carried forward, completed left behind, history kept', async () => {
    const db = t.database.db;
    const { planId, t1 } = await makePlan('Fostering Business Plan 2026-27');
    const open = await addAction(db, actor, t1, action('1.1', { measureIds: ['households.approved'] }));
    const done = await addAction(db, actor, t1, action('1.2', { status: 'completed' }));
    await addUpdate(
      db,
      head(),
      actor,
      { id: open, ownerUserId: null },
      {
        onDate: '2026-09-01',
        rag: 'red',
        narrative: 'Behind',
        completed: false,
      },
    );

    const agent = await signedIn(t.app, 'head');
    const confirm = await agent.get(`/plan/${planId}/roll-over`);
    expect(confirm.body).toContain('Completed actions stay on this plan');
    const rolled = await agent.post(`/plan/${planId}/roll-over`, {});
    expect(rolled.statusCode).toBe(303);
    const newId = /\/plan\/([0-9a-f-]{36})/.exec(String(rolled.headers.location))![1]!;

    const [next] = await db.select().from(plans).where(eq(plans.id, newId));
    expect(next).toMatchObject({
      title: 'Fostering Business Plan 2027-28',
      periodStart: '2027-04-01',
      periodEnd: '2028-03-31',
      rolledOverFromPlanId: planId,
    });
    const [old] = await db.select().from(plans).where(eq(plans.id, planId));
    expect(old!.status).toBe('archived');

    const newTargets = await db.select().from(planTargets).where(eq(planTargets.planId, newId));
    expect(newTargets.map((x) => x.number).sort()).toEqual([1, 2]);
    const newT1 = newTargets.find((x) => x.number === 1)!;
    const carried = await db.select().from(planActions).where(eq(planActions.targetId, newT1.id));
    expect(carried.map((x) => [x.number, x.carriedForwardFromActionId])).toEqual([['1.1', open]]);
    const links = await db.select().from(planActionMeasures).where(eq(planActionMeasures.actionId, carried[0]!.id));
    expect(links.map((l) => l.measureId)).toEqual(['households.approved']);
    expect(await db.select().from(planUpdates).where(eq(planUpdates.actionId, carried[0]!.id))).toHaveLength(0);
    expect(await db.select().from(planUpdates).where(eq(planUpdates.actionId, open))).toHaveLength(1);
    expect((await db.select().from(planActions).where(eq(planActions.id, done)))[0]!.targetId).toBe(t1);

    const again = await agent.post(`/plan/${planId}/roll-over`, {});
    expect(again.statusCode).toBe(409);
  });
});
