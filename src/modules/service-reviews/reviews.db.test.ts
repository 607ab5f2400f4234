/**
 * The review page and its form, through the app as each person uses it: a service manager writes
 * their area's summary of children's feedback (refused without the three answers, with what they
 * typed kept; saved to come back to; marked as complete, its figures frozen as they were), who may
 * read and write which review (a supervising social worker and a carer refused, a service manager
 * of another area not shown the area's review), and every view and change in the audit trail.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile, type Agent } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { makeChild } from '../../../test/support/children.ts';
import { tableRowsAfter } from '../../../test/support/html.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { makeReview } from '../reviews/test-support.ts';
import { countFigures } from './figures.ts';
import { slotId } from './periods.ts';
import { areaIdOf, makeArea, makeSignInUser } from './test-support.ts';

const t = testAppForFile();
const ROLE_REFUSED = 'You do not have access to this page';
const period = '2023-04';
const periodStart = '2023-04-01';

const text = (body: string) =>
  body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ');

describe('a service manager writes their area’s summary of children’s feedback', () => {
  let area: string;
  let household: string;
  let page: string;
  let manager: Agent;
  let managerName: string;

  beforeAll(async () => {
    const db = t.database.db;
    const made = await makeArea(db, 'Fen Reach');
    area = made.areaId;
    household = (await makeHousehold(db, { teamId: made.teamId })).id;
    const child = await makeChild(db, { areaId: area, firstName: 'Dee', lastName: 'Frozen' });
    await makeReview(db, {
      householdId: household,
      startedOn: '2023-06-02',
      reviewedOn: '2023-06-20',
      children: [{ childId: child.id, gave: ['child_views'] }],
    });
    managerName = 'Fenella Reach';
    const user = await makeSignInUser(db, { displayName: managerName, areaId: area });
    manager = await signedIn(t.app, user.username);
    page = `/service-reviews/childrens-feedback/${period}/areas/${area}`;
  });

  it('shows the figures counted now and the form', async () => {
    const response = await manager.get(page);
    expect(response.statusCode).toBe(200);
    const body = text(response.body);
    expect(body).toContain('Summary of children’s feedback: Fen Reach');
    expect(body).toContain('1 April to 30 September 2023');
    expect(body).toContain('Business plan action 1.1');
    expect(body).toContain('Due by 31 October 2023');
    expect(body).toContain('Children’s views received 1');
    expect(body).toContain('Counted from the records now');
    expect(response.body).toContain('name="heard"');
  });

  it('refuses to mark it complete without the three answers, keeping what was typed', async () => {
    const response = await manager.post(page, {
      heard: '',
      learnt: 'Children want more say in family time.',
      willDo: '',
      sharedWith: '',
      'sharedOn-day': '',
      'sharedOn-month': '',
      'sharedOn-year': '',
      intent: 'complete',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('Enter what we heard');
    expect(response.body).toContain('Enter what we will do');
    expect(response.body).not.toContain('Enter what we learnt');
    expect(response.body).toContain('Children want more say in family time.');
  });

  it('refuses a date shared in the future, or a date without who it was shared with', async () => {
    const response = await manager.post(page, {
      heard: 'Heard',
      learnt: 'Learnt',
      willDo: 'Will do',
      sharedWith: '',
      'sharedOn-day': '1',
      'sharedOn-month': '1',
      'sharedOn-year': '2099',
      intent: 'save',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter who the review was shared with');
    expect(response.body).toContain('Date it was shared must be today or in the past');
    expect(response.body).toContain('href="#sharedOn-day"');
    expect(response.body).toMatch(/name="sharedOn-year"[^>]*value="2099"/);
  });

  it('saves it to come back to, then marks it complete with who and when, its figures frozen', async () => {
    const saved = await manager.post(page, {
      heard: 'Children told us they want to be asked before plans change.',
      learnt: '',
      willDo: '',
      sharedWith: '',
      intent: 'save',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${page}?done=saved`);
    const draft = text((await manager.get(`${page}?done=saved`)).body);
    expect(draft).toContain('The review has been saved');
    expect(draft).toContain(`Last saved`);
    expect(draft).toContain('Children told us they want to be asked before plans change.');

    const completed = await manager.post(page, {
      heard: 'Children told us they want to be asked before plans change.',
      learnt: 'Views are given more often by link than on visits.',
      willDo: 'Share the themes at the team managers’ meeting.',
      sharedWith: 'Team managers’ meeting',
      'sharedOn-day': '5',
      'sharedOn-month': '11',
      'sharedOn-year': '2023',
      intent: 'complete',
    });
    expect(completed.statusCode).toBe(303);
    expect(completed.headers.location).toBe(`${page}?done=completed`);

    // Another child's views for the half-year arrive later: the completed review reads as it was.
    const db = t.database.db;
    const later = await makeChild(db, { areaId: area, firstName: 'Eli', lastName: 'Later' });
    const other = await makeHousehold(db, {
      teamId: (await queryRows<{ id: string }>(db, sql`select id from teams where area_id = ${area}`))[0]!.id,
    });
    await makeReview(db, {
      householdId: other.id,
      startedOn: '2023-07-01',
      reviewedOn: '2023-07-10',
      children: [{ childId: later.id, gave: ['child_views'] }],
    });
    const now = await countFigures(db, 'childrens-feedback', periodStart, area);
    expect(now.sections[0]!.rows[0]!.values).toEqual([2]);

    const body = text((await manager.get(page)).body);
    expect(body).toContain('The figures as they were when the review was marked as complete');
    expect(body).toContain('Children’s views received 1');
    expect(body).toMatch(new RegExp(`Marked as complete \\d+ \\w+ \\d{4} at [0-9:]+[ap]m by ${managerName}`));
    expect(body).toContain('Share the themes at the team managers’ meeting.');
    expect(body).toContain('Team managers’ meeting, on 5 November 2023');
    expect(body).toContain('Completed late');
    expect((await manager.get(page)).body).not.toContain('name="heard"');

    // A completed review is not changed again.
    const again = await manager.post(page, { heard: 'x', learnt: 'y', willDo: 'z', intent: 'complete' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('This review has already been marked as complete');
  });

  it('writes every view and change to the audit trail', async () => {
    const rows = await queryRows<{ action: string; username: string }>(
      t.database.db,
      sql`select action, username from audit_events where record_type = 'service-review'
        and record_id = ${slotId('childrens-feedback', periodStart, area)} order by id`,
    );
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a !== 'view')).toEqual(['create', 'complete']);
    expect(actions.filter((a) => a === 'view').length).toBeGreaterThanOrEqual(4);
    expect(new Set(rows.map((r) => r.username)).size).toBe(1);
  });

  it('is not shown to a service manager of another area, who reads the service-wide reviews but may not write them', async () => {
    const db = t.database.db;
    const east = await makeSignInUser(db, { displayName: 'Eastern Manager', areaId: await areaIdOf(db, 'East Kent') });
    const agent = await signedIn(t.app, east.username);
    expect((await agent.get(page)).statusCode).toBe(404);
    expect((await agent.post(page, { heard: 'x', intent: 'save' })).statusCode).toBe(404);
    const wide = `/service-reviews/allegations-complaints/${period}`;
    expect((await agent.get(wide)).statusCode).toBe(200);
    expect((await agent.get(wide)).body).not.toContain('name="heard"');
    const refused = await agent.post(wide, { heard: 'x', intent: 'save' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('You cannot make this change');
    // Their own area's summary is theirs to write.
    const own = await agent.get(
      `/service-reviews/childrens-feedback/${period}/areas/${await areaIdOf(db, 'East Kent')}`,
    );
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('name="heard"');
  });
});

describe('who may read the six-monthly reviews', () => {
  const wide = (kind: string) => `/service-reviews/${kind}/${period}`;

  it('refuses supervising social workers and carers the list and every review', async () => {
    for (const username of ['ssw', 'carer']) {
      const agent = await signedIn(t.app, username);
      for (const url of ['/service-reviews', wide('allegations-complaints')]) {
        const response = await agent.get(url);
        expect(response.statusCode, `${username} ${url}`).toBe(403);
        expect(response.body).toContain(ROLE_REFUSED);
      }
    }
  });

  it('shows the LADO allegations and complaints and the recruitment coordinator retention, and nothing else', async () => {
    const lado = await signedIn(t.app, 'lado');
    expect((await lado.get(wide('allegations-complaints'))).statusCode).toBe(200);
    expect((await lado.get(wide('allegations-complaints'))).body).toContain('name="heard"');
    expect((await lado.get(wide('carer-retention'))).statusCode).toBe(404);
    const coordinator = await signedIn(t.app, 'recruitment');
    expect((await coordinator.get(wide('carer-retention'))).statusCode).toBe(200);
    expect((await coordinator.get(wide('agency-payments'))).statusCode).toBe(404);
    const listPage = (await coordinator.get('/service-reviews')).body;
    // The list has a way back, as every page has.
    expect(listPage).toMatch(/class="govuk-breadcrumbs"[\s\S]*href="\/"/);
    const list = text(listPage);
    expect(list).toContain('Retention of foster carers');
    expect(list).not.toContain('Review of allegations and complaints');
  });

  it('lets the assistant director read but not write, and a team manager read their area’s', async () => {
    const director = await signedIn(t.app, 'director');
    expect((await director.get(wide('agency-payments'))).statusCode).toBe(200);
    expect((await director.get(wide('agency-payments'))).body).not.toContain('name="heard"');
    const manager = await signedIn(t.app, 'manager');
    const east = await areaIdOf(t.database.db, 'East Kent');
    const westId = await areaIdOf(t.database.db, 'West Kent');
    expect((await manager.get(`/service-reviews/childrens-feedback/${period}/areas/${east}`)).statusCode).toBe(200);
    expect((await manager.get(`/service-reviews/childrens-feedback/${period}/areas/${westId}`)).statusCode).toBe(404);
  });

  it('answers not found for a half-year not yet ended, an unknown kind, or a per-area review without its area', async () => {
    const head = await signedIn(t.app, 'head');
    expect((await head.get(wide('allegations-complaints').replace(period, '2099-04'))).statusCode).toBe(404);
    expect((await head.get('/service-reviews/everything/2023-04')).statusCode).toBe(404);
    expect((await head.get('/service-reviews/childrens-feedback/2023-04')).statusCode).toBe(404);
    expect((await head.get(wide('allegations-complaints').replace(period, '2023-05'))).statusCode).toBe(404);
  });

  it('lists overdue reviews first, then due, then completed, and filters by kind', async () => {
    const head = await signedIn(t.app, 'head');
    const list = await head.get('/service-reviews');
    expect(list.statusCode).toBe(200);
    const tags = [...list.body.matchAll(/<strong class="govuk-tag[^"]*">\s*([^<]+?)\s*<\/strong>/g)].map((m) => m[1]!);
    const rank = (tag: string) => (tag === 'Overdue' ? 1 : tag === 'Due' ? 2 : 3);
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.map(rank)).toEqual([...tags.map(rank)].sort());
    const filtered = tableRowsAfter(
      (await head.get('/service-reviews?kind=agency-payments')).body,
      'govuk-table__caption',
    );
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((row) => row.startsWith('What local agencies pay foster carers'))).toBe(true);
  });
});
