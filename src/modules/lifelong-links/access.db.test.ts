/**
 * Who sees and records Lifelong Links work: the child's social worker and managers record it; the
 * assistant director reads it; the supervising social workers of the child's household read the
 * section on the child's page but not the work itself; a foster carer, a reviewing officer and a
 * children's social worker of another area are refused. And the list: the children the user may
 * read, open work first, filtered by area and stage, with this year's count against the target.
 */
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild } from '../../../test/support/children.ts';
import { teamIdByName } from '../../../test/support/households.ts';
import { tableRowsAfter } from '../../../test/support/html.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { financialYearOf } from '../../platform/dates/quarters.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { lifelongLinksPath, startWorkPath, workPath, workStepPath } from './paths.ts';
import { yearTargetOn } from './settings.ts';
import { makeWork, placedChild, staffMember } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
const daysAgo = (n: number) => addDays(today, -n);
const sectionOf = (body: string) => body.slice(body.indexOf('>Lifelong Links</h2>'));

describe('who may see and record a child’s Lifelong Links work', () => {
  it('lets the supervising social worker of the child’s household read the section, not the work or its forms', async () => {
    const db = t.database.db;
    const team = await teamIdByName(db, 'East Kent Fostering Team 1');
    const child = await placedChild(db, team, daysAgo(400), null, { firstName: 'Kai' });
    const work = await makeWork(db, { childId: child.id, identifiedOn: daysAgo(90), meetingOn: null });
    const ssw = await signedIn(t.app, 'ssw');
    const page = await ssw.get(`/children/${child.id}`);
    expect(page.statusCode).toBe(200);
    expect(sectionOf(page.body)).toContain('In the Lifelong Links pilot');
    expect(sectionOf(page.body)).toContain(`Identified on ${formatDate(daysAgo(90))}`);
    expect(sectionOf(page.body)).not.toContain(workPath(work.id));
    expect(sectionOf(page.body)).not.toContain('Start Lifelong Links work');
    expect((await ssw.get(workPath(work.id))).statusCode).toBe(403);
    expect((await ssw.get(lifelongLinksPath())).statusCode).toBe(403);
    const post = await ssw.post(workStepPath(work.id, 'agreement'), { agreement: 'too-young' });
    expect(post.statusCode).toBe(403);
    expect(post.body).not.toContain('Kai');
  });

  it('refuses a foster carer, a reviewing officer and a children’s social worker of another area', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { firstName: 'Noor', lastName: 'Linksprivate' });
    const work = await makeWork(db, { childId: child.id, identifiedOn: daysAgo(20) });
    const carer = await signedIn(t.app, 'carer');
    for (const path of [lifelongLinksPath(), workPath(work.id), startWorkPath(child.id)]) {
      const response = await carer.get(path);
      expect(response.statusCode, path).toBe(403);
      expect(response.body).not.toContain('Linksprivate');
    }
    const reviewer = await signedIn(t.app, 'reviewer');
    expect((await reviewer.get(workPath(work.id))).statusCode).toBe(403);

    const westWorker = await staffMember(db, 'childrens_social_worker', 'West Kent');
    const other = await signedIn(t.app, westWorker);
    expect((await other.get(workPath(work.id))).statusCode).toBe(404);
    expect((await other.get(startWorkPath(child.id))).statusCode).toBe(404);
    const post = await other.post(workStepPath(work.id, 'agreement'), { agreement: 'too-young' });
    expect(post.statusCode).toBe(404);
    const list = await other.get(lifelongLinksPath());
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('Linksprivate');
    expect(list.body).toContain('No children you can see are in the Lifelong Links pilot');
  });

  it('lets the assistant director read the work, without a way to change it', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { lastName: 'Linksread' });
    const work = await makeWork(db, { childId: child.id, identifiedOn: daysAgo(20), agreedOn: daysAgo(10) });
    const director = await signedIn(t.app, 'director');
    const page = await director.get(workPath(work.id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Agreed on ${formatDate(daysAgo(10))}`);
    expect(page.body).not.toContain(workStepPath(work.id, 'meeting'));
    expect(sectionOf((await director.get(`/children/${child.id}`)).body)).not.toContain('Start Lifelong Links work');
    expect((await director.post(workStepPath(work.id, 'end'), { endReason: 'other' })).statusCode).toBe(403);
  });

  it('lets the team manager of the child’s household record it', async () => {
    const db = t.database.db;
    const team = await teamIdByName(db, 'East Kent Fostering Team 1');
    const child = await placedChild(db, team, daysAgo(300), null, { socialWorker: null });
    const manager = await signedIn(t.app, 'manager');
    const started = await manager.post(startWorkPath(child.id), dateBoxes('identifiedOn', daysAgo(3)));
    expect(started.statusCode).toBe(303);
    expect((await manager.get(started.headers.location as string)).body).toContain('Recorded by Maya Mensah');
  });
});

describe('the list of children in the pilot', () => {
  it('counts this year’s children against the plan’s target, and lists open work first, filtered by area and stage', async () => {
    const db = t.database.db;
    const head = await signedIn(t.app, 'head');
    const target = yearTargetOn(today).children;
    const countOf = (body: string) => Number(/data-year-count>\s*(\d+) of (\d+) children this year/.exec(body)![1]);
    const before = await head.get(lifelongLinksPath());
    expect(before.statusCode).toBe(200);
    expect(before.body).toMatch(new RegExp(`data-year-count>\\s*\\d+ of ${target} children this year`));
    const counted = countOf(before.body);

    // Joined today, and again (a second work) today: one child more. Joined last financial year: not counted.
    const yearStart = financialYearOf(today).start;
    const joined = await makeChild(db, { lastName: 'Linkslistone', area: 'North Kent' });
    await makeWork(db, { childId: joined.id, identifiedOn: yearStart, endedOn: yearStart, endReason: 'other' });
    await makeWork(db, { childId: joined.id, identifiedOn: today });
    const lastYear = await makeChild(db, { lastName: 'Linkslisttwo', area: 'North Kent' });
    await makeWork(db, {
      childId: lastYear.id,
      identifiedOn: addDays(yearStart, -1),
      agreedOn: addDays(yearStart, -1),
      meetingOn: addDays(yearStart, -1),
    });
    const after = await head.get(lifelongLinksPath());
    expect(countOf(after.body)).toBe(counted + 1);

    // North Kent, then its meetings held: the open work before the ended, the open oldest first.
    const north = /<option value="([0-9a-f-]+)"[^>]*>North Kent<\/option>/.exec(after.body)![1];
    const rows = tableRowsAfter(
      (await head.get(`${lifelongLinksPath()}?area=${north}`)).body,
      'Children in the Lifelong Links pilot',
    );
    const mine = rows.filter((r) => r.includes('Linkslist'));
    expect(mine).toHaveLength(3);
    expect(mine[0]).toContain('Linkslisttwo');
    expect(mine[0]).toContain(`Family network meeting held on ${formatDate(addDays(yearStart, -1))}`);
    expect(mine[1]).toContain(`Identified on ${formatDate(today)}`);
    expect(mine[2]).toContain(`Ended on ${formatDate(yearStart)}`);
    const meetings = await head.get(`${lifelongLinksPath()}?area=${north}&stage=meeting`);
    expect(meetings.body).toContain('Linkslisttwo');
    expect(meetings.body).not.toContain('Linkslistone');
    expect(meetings.body).toMatch(/<option value="meeting" selected>/);
    // Not an area or a stage: as if not given.
    expect((await head.get(`${lifelongLinksPath()}?area=nowhere&stage=someday`)).statusCode).toBe(200);
  });
});
