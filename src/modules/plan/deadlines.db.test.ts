/**
 * An action of the plan shows the deadlines whose work it is about: the head links them on the
 * action's form, and its page counts what is overdue and due as My work does for the reader, with
 * a link to My work filtered by the rule. Deadlines go with the action when the plan rolls over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { ownCaseload } from '../../platform/access/scope.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { dueFor } from '../../platform/due/index.ts';
import { viewer } from '../home/test-support.ts';
import { actionDetail } from './queries.ts';
import { addAction, addTarget, createPlan, rollOver } from './service.ts';
import { planActions } from './tables.ts';
import { eq } from 'drizzle-orm';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const RULE = 'children.initial-health-assessment';

/** An active plan of this year with one target (8, health), as the head would make it. */
async function planWithTarget(title: string) {
  const db = t.database.db;
  const planId = await createPlan(db, systemActor('test'), {
    title,
    periodStart: '2026-04-01',
    periodEnd: '2027-03-31',
    vision: '',
    status: 'active',
  });
  const targetId = await addTarget(db, systemActor('test'), planId, { number: 8, title: 'Health', standards: 'NMS 6' });
  return { planId, targetId };
}
/** Not a supervising social worker's work. */
const VISITS = 'child-visits.statutory-visit';

describe('deadlines on a plan action', () => {
  it('are linked on the action’s form and counted on its page as My work counts them', async () => {
    const db = t.database.db;
    // Two children looked after 60 days ago with no initial health assessment: overdue.
    for (const n of [1, 2])
      await makeChild(db, { lastName: `Planclock${n}`, lookedAfterSince: addDays(todayInLondon(), -60) });
    const { targetId } = await planWithTarget('Plan with deadlines');
    const head = await signedIn(t.app, 'head');
    const form = await head.get(`/plan/targets/${targetId}/actions/new`);
    expect(form.body).toContain('Deadlines whose work the action is about (optional)');
    expect(form.body).toContain(`value="${RULE}"`);
    const refused = await head.post(`/plan/targets/${targetId}/actions/new`, {
      number: '8.4',
      whatWeWant: 'More children attend their initial health assessment',
      status: 'open',
      ruleIds: [RULE, 'children.not-a-rule'],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Select deadlines from the list');
    expect(refused.body).toMatch(new RegExp(`value="${RULE}" checked`));
    const saved = await head.post(`/plan/targets/${targetId}/actions/new`, {
      number: '8.4',
      whatWeWant: 'More children attend their initial health assessment',
      status: 'open',
      ruleIds: [RULE, VISITS],
    });
    expect(saved.statusCode).toBe(303);
    const actionId = saved.headers.location!.split('?')[0]!.split('/').pop()!;
    expect((await actionDetail(db, actionId))?.action.ruleIds.sort()).toEqual([VISITS, RULE].sort());

    const today = todayInLondon();
    const entries = await dueFor(db, await viewer(db, 'head'), { today, horizonDays: 28, ruleIds: [RULE] });
    const overdue = entries.filter((e) => e.overdue).length;
    expect(overdue).toBeGreaterThanOrEqual(2);
    const page = await head.get(`/plan/actions/${actionId}`);
    const deadlines = page.body.split('data-deadlines')[1]?.split('</ul>')[0] ?? '';
    expect(deadlines).toContain('Initial health assessment');
    expect(deadlines).toContain(
      `${overdue} overdue and ${entries.filter((e) => e.dueSoon).length} due in the next 7 days; ${entries.length} in all`,
    );
    expect(deadlines).toContain(`href="/my-work?rule=${RULE}&amp;within=28"`);

    // A supervising social worker reads the plan: the children's social workers' visits are not their work.
    const ssw = await (await signedIn(t.app, 'ssw')).get(`/plan/actions/${actionId}`);
    const theirs = ssw.body.split('data-deadlines')[1]?.split('</ul>')[0] ?? '';
    expect(theirs).toContain('Visit by the child’s social worker');
    expect(theirs).toContain('Not part of your work, so not counted for you.');
    expect(theirs).toContain(`href="/my-work?rule=${RULE}&amp;within=28"`);
    // Counted for their own caseload, as the My work it links to lists by default: not a child placed
    // with a household of their team allocated to no one.
    const teamHousehold = await makeHousehold(db, { statusSince: '2024-01-08' });
    const teamChild = await makeChild(db, { lastName: 'Planclockteam', lookedAfterSince: addDays(today, -60) });
    await makePlacement(db, { childId: teamChild.id, householdId: teamHousehold.id, startDate: addDays(today, -60) });
    const sswViewer = await viewer(db, 'ssw');
    const own = await dueFor(db, ownCaseload(sswViewer), { today, horizonDays: 28, ruleIds: [RULE] });
    const team = await dueFor(db, sswViewer, { today, horizonDays: 28, ruleIds: [RULE] });
    expect(team.length).toBeGreaterThan(own.length);
    const counted = (await (await signedIn(t.app, 'ssw')).get(`/plan/actions/${actionId}`)).body;
    expect(counted).toContain(
      `${own.filter((e) => e.overdue).length} overdue and ${own.filter((e) => e.dueSoon).length} due in the next 7 days; ${own.length} in all`,
    );
  });

  it('says when a linked deadline is no longer kept, and leaves it behind when the plan rolls over', async () => {
    const db = t.database.db;
    const { planId, targetId } = await planWithTarget('Plan with a retired deadline');
    const actionId = await addAction(db, systemActor('test'), targetId, {
      number: '8.4',
      whatWeWant: 'More children attend their initial health assessment',
      who: '',
      ownerUserId: null,
      byWhen: null,
      byWhenText: '',
      achievedAndTarget: '',
      howMeasured: '',
      status: 'open',
      measureIds: [],
      ruleIds: [RULE, 'children.a-rule-since-renamed'],
    });
    const page = await (await signedIn(t.app, 'head')).get(`/plan/actions/${actionId}`);
    expect(page.body).toContain(
      '1 deadline linked to this action is no longer kept by Hearth: changing the action removes it.',
    );
    expect(page.body).not.toContain('children.a-rule-since-renamed');

    const rolled = await rollOver(db, systemActor('test'), planId);
    expect(rolled.ok).toBe(true);
    const [carried] = await db.select().from(planActions).where(eq(planActions.carriedForwardFromActionId, actionId));
    expect((await actionDetail(db, carried!.id))?.action.ruleIds).toEqual([RULE]);
  });
});
