import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { tableRowsAfter } from '../../../test/support/html.ts';
import { users } from '../../platform/auth/tables.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { seedDemoPlan } from '../../../scripts/demo/plan.ts';
import { planActionMeasures, planActions, planTargets, planUpdates, plans } from './tables.ts';
import { addAction, addTarget, addUpdate, createPlan } from './service.ts';
import { quarterlyReviewData } from './views.ts';
import { currentPlan } from './queries.ts';
import { quarterOf } from '../../platform/dates/quarters.ts';
import { COLUMN_HEADINGS } from './docx.ts';

let t: TestApp;
const actor = systemActor('test');
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const u of await t.database.db
    .select({ id: users.id, username: users.username, role: users.role })
    .from(users)) {
    ids[u.username] = u.id;
  }
});
afterAll(async () => {
  await t.close();
});

const head = () => ({ id: ids.head!, role: 'head_of_fostering' as const });

function action(number: string, extra: Partial<Parameters<typeof addAction>[3]> = {}) {
  return {
    number,
    whatWeWant: `Achieve ${number}`,
    who: 'Team managers',
    ownerUserId: null,
    byWhen: null,
    byWhenText: '',
    achievedAndTarget: `Target for ${number}`,
    howMeasured: `Measured by ${number}`,
    status: 'open' as const,
    measureIds: [],
    ...extra,
  };
}

async function makePlan(title = 'Fostering Business Plan 2026-27') {
  const db = t.database.db;
  const planId = await createPlan(db, actor, {
    title,
    periodStart: '2026-04-01',
    periodEnd: '2027-03-31',
    vision: 'Every child in a stable, loving home.',
    status: 'active',
  });
  const t1 = await addTarget(db, actor, planId, { number: 1, title: 'Hear children', standards: 'NMS 1.3' });
  const t2 = await addTarget(db, actor, planId, {
    number: 2,
    title: 'Train carers',
    standards: 'NMS 3.8, 4.6 and 5.1',
  });
  return { planId, t1, t2 };
}

describe('the business plan', () => {
  it('refuses a foster carer with 403', async () => {
    const carer = await signedIn(t.app, 'carer');
    expect((await carer.get('/plan')).statusCode).toBe(403);
  });

  it('lets the head of fostering create a plan, and refuses one that ends before it starts', async () => {
    const agent = await signedIn(t.app, 'head');
    await agent.get('/plan/new');
    const form = {
      title: 'Created plan 2030-31',
      'periodStart-day': '1',
      'periodStart-month': '4',
      'periodStart-year': '2030',
    };
    const wrong = await agent.post('/plan/new', {
      ...form,
      'periodEnd-day': '31',
      'periodEnd-month': '3',
      'periodEnd-year': '2030',
      status: 'draft',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('End of the plan period must be after its start');
    const saved = await agent.post('/plan/new', {
      ...form,
      'periodEnd-day': '31',
      'periodEnd-month': '3',
      'periodEnd-year': '2031',
      status: 'draft',
    });
    expect(saved.statusCode).toBe(303);
    const [plan] = await t.database.db.select().from(plans).where(eq(plans.title, 'Created plan 2030-31'));
    expect(plan).toMatchObject({ periodStart: '2030-04-01', periodEnd: '2031-03-31', status: 'draft' });
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get('/plan/new')).statusCode).toBe(403);
  });

  it('lets the head of fostering add a target and an action, shown on the plan page', async () => {
    const { planId } = await makePlan('Plan for adding');
    const agent = await signedIn(t.app, 'head');
    await agent.get(`/plan/${planId}/targets/new`);
    const saved = await agent.post(`/plan/${planId}/targets/new`, {
      number: '3',
      title: 'Recruit carers',
      standards: 'NMS 13.1',
    });
    expect(saved.statusCode).toBe(303);
    const [target] = await t.database.db.select().from(planTargets).where(eq(planTargets.title, 'Recruit carers'));
    expect(target?.number).toBe(3);

    await agent.get(`/plan/targets/${target!.id}/actions/new`);
    const missing = await agent.post(`/plan/targets/${target!.id}/actions/new`, { number: '3.2', status: 'open' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter what we want to achieve');
    const added = await agent.post(`/plan/targets/${target!.id}/actions/new`, {
      number: '3.2',
      whatWeWant: 'Recruit 200 new households',
      who: 'Recruitment coordinator',
      ownerUserId: ids.ssw!,
      'byWhen-day': '31',
      'byWhen-month': '7',
      'byWhen-year': '2026',
      achievedAndTarget: '900 approved households',
      howMeasured: 'Scorecard',
      measureIds: ['households.approved', 'households.new-approvals'],
      status: 'open',
    });
    expect(added.statusCode).toBe(303);
    const [row] = await t.database.db.select().from(planActions).where(eq(planActions.targetId, target!.id));
    expect(row).toMatchObject({ number: '3.2', ownerUserId: ids.ssw, byWhen: '2026-07-31', status: 'open' });
    const links = await t.database.db.select().from(planActionMeasures).where(eq(planActionMeasures.actionId, row!.id));
    expect(links.map((l) => l.measureId).sort()).toEqual(['households.approved', 'households.new-approvals']);

    const page = await agent.get(`/plan/${planId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Target 3: Recruit carers');
    expect(page.body).toContain('NMS 13.1');
    expect(page.body).toContain('Recruit 200 new households');
    expect(page.body).toContain('What we have achieved and our target');
    expect(page.body).toContain('href="/scorecard/households.approved"');

    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.recordId, row!.id));
    expect(audit.map((a) => [a.action, a.recordType])).toEqual([['create', 'plan-action']]);
  });

  it('asks for a target number left empty, and explains one that is not a whole number, keeping the title', async () => {
    const { planId } = await makePlan('Plan for target numbers');
    const agent = await signedIn(t.app, 'head');
    await agent.get(`/plan/${planId}/targets/new`);
    const empty = await agent.post(`/plan/${planId}/targets/new`, { number: '', title: 'Support carers' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the target number');
    expect(empty.body).not.toContain('must be 1 or more');
    expect(empty.body).toContain('Support carers');
    const words = await agent.post(`/plan/${planId}/targets/new`, { number: 'seven', title: 'Support carers' });
    expect(words.statusCode).toBe(400);
    expect(words.body).toContain('Target number must be a whole number, like 7');
    expect(words.body).toContain('value="seven"');
    const zero = await agent.post(`/plan/${planId}/targets/new`, { number: '0', title: 'Support carers' });
    expect(zero.body).toContain('Target number must be 1 or more');
  });

  it('takes an update from the action’s owner but refuses another supervising social worker', async () => {
    const { t1 } = await makePlan('Plan for updates');
    const actionId = await addAction(t.database.db, actor, t1, action('1.1', { ownerUserId: ids.ssw! }));

    const other = await signedIn(t.app, 'ssw2');
    expect((await other.get(`/plan/actions/${actionId}`)).body).not.toContain('Add an update');
    const refused = await other.post(
      `/plan/actions/${actionId}/update`,
      { 'onDate-day': '1', 'onDate-month': '8', 'onDate-year': '2026', rag: 'green', narrative: 'Not mine' },
      {},
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('You cannot add an update to this action');

    const owner = await signedIn(t.app, 'ssw');
    await owner.get(`/plan/actions/${actionId}/update`);
    const empty = await owner.post(`/plan/actions/${actionId}/update`, {
      'onDate-day': '1',
      'onDate-month': '8',
      'onDate-year': '2026',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Select red, amber or green');
    expect(empty.body).toContain('Enter what has happened since the last update');
    const saved = await owner.post(`/plan/actions/${actionId}/update`, {
      'onDate-day': '1',
      'onDate-month': '8',
      'onDate-year': '2026',
      rag: 'amber',
      narrative: 'Half the teams use the template',
    });
    expect(saved.statusCode).toBe(303);

    const updates = await t.database.db.select().from(planUpdates).where(eq(planUpdates.actionId, actionId));
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ onDate: '2026-08-01', rag: 'amber', byUserId: ids.ssw });
    const page = await owner.get(`/plan/actions/${actionId}`);
    expect(page.body).toContain('Half the teams use the template');
    expect(page.body).toContain('Amber');
  });

  it('keeps the assistant director read-only: not offered as an owner, and refused an update to an action they own', async () => {
    const { t1 } = await makePlan('Plan read by the director');
    const head = await signedIn(t.app, 'head');
    const form = await head.get(`/plan/targets/${t1}/actions/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`value="${ids.ssw}"`);
    expect(form.body).not.toContain(`value="${ids.director}"`);

    // An action owned by the director before the rule (as an older plan may hold).
    const actionId = await addAction(t.database.db, actor, t1, action('1.2', { ownerUserId: ids.director! }));
    const director = await signedIn(t.app, 'director');
    expect((await director.get(`/plan/actions/${actionId}`)).body).not.toContain('Add an update');
    const refused = await director.post(
      `/plan/actions/${actionId}/update`,
      { 'onDate-day': '1', 'onDate-month': '8', 'onDate-year': '2026', rag: 'green', narrative: 'Reviewed' },
      {},
    );
    expect(refused.statusCode).toBe(403);
    expect(await t.database.db.select().from(planUpdates).where(eq(planUpdates.actionId, actionId))).toEqual([]);
  });

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

  it('exports the plan to Word: one table per target, headed by the target, with the four columns', async () => {
    const db = t.database.db;
    const { planId, t1, t2 } = await makePlan('Plan for Word');
    const a = await addAction(db, actor, t1, action('1.1'));
    await addAction(db, actor, t2, action('2.1'));
    await addUpdate(
      db,
      head(),
      actor,
      { id: a, ownerUserId: null },
      {
        onDate: '2026-09-01',
        rag: 'green',
        narrative: 'On track with the events',
        completed: false,
      },
    );
    const agent = await signedIn(t.app, 'director');
    const response = await agent.get(`/plan/${planId}.docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(response.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
    const tables = xml.split('<w:tbl>').slice(1);
    expect(tables[0]).toContain('Target 1: Hear children (NMS 1.3)');
    expect(tables[1]).toContain('Target 2: Train carers (NMS 3.8, 4.6 and 5.1)');
    for (const table of tables) for (const heading of COLUMN_HEADINGS) expect(table).toContain(heading);
    expect(tables[0]).toContain('On track with the events');
  });

  it('loads the demo plan: eleven targets, measurable actions linked to scorecard measures', async () => {
    const db = t.database.db;
    const planId = await seedDemoPlan(db, { today: '2026-11-22' });
    const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
    expect(plan).toMatchObject({
      title: 'Fostering Business Plan 2026-27',
      periodStart: '2026-04-01',
      status: 'active',
    });
    const targets = await db.select().from(planTargets).where(eq(planTargets.planId, planId));
    expect(targets).toHaveLength(11);
    const agent = await signedIn(t.app, 'head');
    const page = await agent.get(`/plan/${planId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Target 11: Promoting independence');
    expect(page.body).toContain('href="/scorecard/households.new-approvals"');
    expect(page.body).toContain('href="/scorecard/placements.delegated-authority"');
    // Registered measures show their live figure, 7.1's supervision measure among them.
    expect(page.body).toMatch(/Approved fostering households<\/a>: [0-9.]+%? this month \(target [0-9.]+%?\)/);
    expect(page.body).toContain(
      'href="/scorecard/supervision.households-supervised-6-weeks">Households supervised in the last 6 weeks</a>:',
    );
  });
});
