/**
 * The business plan's targets and actions as the head of fostering records them: a plan made
 * (refused when it ends before it starts), a target and an action added and shown on the plan's
 * page with their scorecard measures, a target number checked, an update taken from the action's
 * owner only (the assistant director reads the plan but is never an owner); a foster carer
 * refused. And the plan read out: its Word copy, one table per target, and the demo's plan.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { signedIn } from '../../../test/support/app.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { seedDemoPlan } from '../../../scripts/demo/plan.ts';
import { planActionMeasures, planActions, planTargets, planUpdates, plans } from './tables.ts';
import { addAction, addUpdate } from './service.ts';
import { COLUMN_HEADINGS } from './docx.ts';
import { action, planTestFile } from './test-support.ts';

const { t, ids, actor, head, makePlan } = planTestFile();

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
