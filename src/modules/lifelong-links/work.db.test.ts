/**
 * Lifelong Links as a children's social worker records it: started from the child's page (a date
 * in the future or before the child was born refused, what was typed kept), each step in turn
 * (refused out of order, with the message saying which day it must follow or precede), the stage
 * in words on the child's page, the end, and a second work after it. Every view and change in the
 * audit trail, in words.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild } from '../../../test/support/children.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { auditWords } from '../../platform/audit/words.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { startWorkPath, workPath, workStepPath } from './paths.ts';
import { lifelongLinks } from './tables.ts';

const t = testAppForFile();
const today = todayInLondon();
const daysAgo = (n: number) => addDays(today, -n);
const sectionOf = (body: string) => body.slice(body.indexOf('>Lifelong Links</h2>'));

describe('a children’s social worker records a child’s Lifelong Links work', () => {
  it('starts it, records each step in order and ends it with a plan', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { firstName: 'Tegan', lastName: 'Linksjourney', dateOfBirth: daysAgo(3000) });
    const cicsw = await signedIn(t.app, 'cicsw');

    const before = await cicsw.get(`/children/${child.id}`);
    expect(sectionOf(before.body)).toContain('Not in the Lifelong Links pilot');
    expect(sectionOf(before.body)).toContain(`href="${startWorkPath(child.id)}"`);

    // Starting: the future and before birth refused, the coordinator typed kept.
    const future = await cicsw.post(startWorkPath(child.id), {
      ...dateBoxes('identifiedOn', addDays(today, 2)),
      coordinator: 'Dana Whitfield',
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Date the child was identified must be today or in the past');
    expect(future.body).toContain('value="Dana Whitfield"');
    expect(future.body).toContain('href="#identifiedOn-day"');
    const unborn = await cicsw.post(startWorkPath(child.id), {
      ...dateBoxes('identifiedOn', daysAgo(3001)),
      coordinator: 'Dana Whitfield',
    });
    expect(unborn.statusCode).toBe(400);
    expect(unborn.body).toContain(
      `Date the child was identified must be on or after their date of birth, ${formatDate(child.dateOfBirth)}`,
    );
    expect(unborn.body).toContain('value="Dana Whitfield"');
    const missing = await cicsw.post(startWorkPath(child.id), { coordinator: 'Dana Whitfield' });
    expect(missing.body).toContain('Enter the date the child was identified');
    const started = await cicsw.post(startWorkPath(child.id), {
      ...dateBoxes('identifiedOn', daysAgo(200)),
      coordinator: 'Dana Whitfield',
    });
    expect(started.statusCode).toBe(303);
    const [work] = await db.select().from(lifelongLinks).where(eq(lifelongLinks.childId, child.id));
    expect(started.headers.location).toBe(`${workPath(work!.id)}?done=started`);
    const page = await cicsw.get(started.headers.location as string);
    expect(page.body).toContain('The Lifelong Links work has been started');
    expect(page.body).toContain(`Identified on ${formatDate(daysAgo(200))}: waiting for the child’s agreement`);
    expect(page.body).toContain('Recorded by Chris Okafor');
    // "End the work" says what it does: never "End the work ended" to a screen reader.
    const endLink = new RegExp(`href="${workStepPath(work!.id, 'end')}">([\\s\\S]*?)</a>`).exec(page.body)![1]!;
    expect(
      endLink
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ).toBe('End the work');
    // The meeting and the plan wait for the steps before them.
    expect(page.body).not.toContain(`href="${workStepPath(work!.id, 'meeting')}"`);
    expect((await cicsw.get(workStepPath(work!.id, 'meeting'))).headers.location).toBe(workPath(work!.id));
    // A second open work is not started: the form leads to the open one.
    expect((await cicsw.get(startWorkPath(child.id))).headers.location).toBe(workPath(work!.id));

    // The child's agreement: "agreed" needs its date, not before the work started; the choice kept.
    const agreement = workStepPath(work!.id, 'agreement');
    const noDate = await cicsw.post(agreement, { agreement: 'agreed' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.body).toContain('Enter the date the child agreed');
    expect(noDate.body).toMatch(/value="agreed" checked/);
    const early = await cicsw.post(agreement, { agreement: 'agreed', ...dateBoxes('agreedOn', daysAgo(201)) });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain(
      `Date the child agreed must be on or after the day the child was identified, ${formatDate(daysAgo(200))}`,
    );
    expect(early.body).toMatch(/value="agreed" checked/);
    expect(early.body).toContain(`value="${Number(daysAgo(201).slice(8))}"`);
    expect(
      (await cicsw.post(agreement, { agreement: 'agreed', ...dateBoxes('agreedOn', daysAgo(180)) })).headers.location,
    ).toBe(`${workPath(work!.id)}?done=agreement`);

    // People found: no more contacted than found, the numbers typed kept.
    const people = workStepPath(work!.id, 'people');
    const tooMany = await cicsw.post(people, { coordinator: 'Dana Whitfield', peopleFound: '3', peopleContacted: '5' });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain('People contacted must be no more than the people found');
    expect(tooMany.body).toContain('value="5"');
    const notNumber = await cicsw.post(people, { peopleFound: 'four', peopleContacted: '1' });
    expect(notNumber.body).toContain('Enter the number of people found, as a whole number like 0 or 4');
    expect(notNumber.body).toContain('value="four"');
    expect(
      (await cicsw.post(people, { coordinator: 'Dana Whitfield', peopleFound: '6', peopleContacted: '4' })).statusCode,
    ).toBe(303);

    // The meeting: not before the child agreed.
    const meeting = workStepPath(work!.id, 'meeting');
    const beforeAgreed = await cicsw.post(meeting, dateBoxes('meetingOn', daysAgo(190)));
    expect(beforeAgreed.statusCode).toBe(400);
    expect(beforeAgreed.body).toContain(
      `Date of the family network meeting must be on or after the day the child agreed, ${formatDate(daysAgo(180))}`,
    );
    expect((await cicsw.post(meeting, dateBoxes('meetingOn', daysAgo(60)))).statusCode).toBe(303);
    const inMeeting = await cicsw.get(`/children/${child.id}`);
    expect(sectionOf(inMeeting.body)).toContain('In the Lifelong Links pilot');
    expect(sectionOf(inMeeting.body)).toContain(`Family network meeting held on ${formatDate(daysAgo(60))}`);
    expect(sectionOf(inMeeting.body)).not.toContain('Start Lifelong Links work');

    // An earlier step changed after a later one: the agreement may not move past the meeting.
    const late = await cicsw.post(agreement, { agreement: 'agreed', ...dateBoxes('agreedOn', daysAgo(50)) });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain(
      `Date the child agreed must be on or before the day of the family network meeting, ${formatDate(daysAgo(60))}`,
    );

    // Ending "with a plan" before the plan is recorded is refused; the plan needs its note.
    const end = workStepPath(work!.id, 'end');
    const noPlan = await cicsw.post(end, { ...dateBoxes('endedOn', daysAgo(10)), endReason: 'plan-agreed' });
    expect(noPlan.statusCode).toBe(400);
    expect(noPlan.body).toContain('Record the plan agreed first, or choose another reason');
    const plan = workStepPath(work!.id, 'plan');
    const noNote = await cicsw.post(plan, dateBoxes('planAgreedOn', daysAgo(40)));
    expect(noNote.body).toContain('Enter a short note of the plan');
    const note = 'Monthly calls with her grandmother; her aunt visits each school holiday.';
    expect((await cicsw.post(plan, { ...dateBoxes('planAgreedOn', daysAgo(40)), planNote: note })).statusCode).toBe(
      303,
    );
    const other = await cicsw.post(end, { ...dateBoxes('endedOn', daysAgo(10)), endReason: 'other' });
    expect(other.body).toContain('Enter why the work ended');
    const beforePlan = await cicsw.post(end, { ...dateBoxes('endedOn', daysAgo(41)), endReason: 'plan-agreed' });
    expect(beforePlan.body).toContain(
      `Date the work ended must be on or after the day the plan was agreed, ${formatDate(daysAgo(40))}`,
    );
    expect(
      (await cicsw.post(end, { ...dateBoxes('endedOn', daysAgo(10)), endReason: 'plan-agreed' })).headers.location,
    ).toBe(`${workPath(work!.id)}?done=end`);

    const ended = await cicsw.get(workPath(work!.id));
    expect(ended.body).toContain(`Ended on ${formatDate(daysAgo(10))}: a plan was agreed and the work closed`);
    expect(ended.body).toContain(`Agreed on ${formatDate(daysAgo(40))}`);
    expect(ended.body).toContain(note);
    expect(ended.body).toContain('Coordinator: Dana Whitfield. 6 people found, 4 contacted');
    expect(ended.body).toContain(`Held on ${formatDate(daysAgo(60))}`);
    expect(ended.body).toContain('Ended by Chris Okafor');
    // Ended work is no longer changed: its forms lead back to the page, a post is refused.
    expect(ended.body).not.toContain(`href="${plan}"`);
    expect((await cicsw.get(plan)).headers.location).toBe(workPath(work!.id));

    // The child's page: no longer in the pilot, the ended work listed, and new work may start (not before the end).
    const after = sectionOf((await cicsw.get(`/children/${child.id}`)).body);
    expect(after).toContain('Not in the Lifelong Links pilot now');
    expect(after).toContain(`Ended on ${formatDate(daysAgo(10))}`);
    const again = await cicsw.post(startWorkPath(child.id), dateBoxes('identifiedOn', daysAgo(11)));
    expect(again.body).toContain(
      `Date the child was identified must be on or after the day their last Lifelong Links work ended, ${formatDate(daysAgo(10))}`,
    );
    expect((await cicsw.post(startWorkPath(child.id), dateBoxes('identifiedOn', daysAgo(1)))).statusCode).toBe(303);

    // Every change and view in the audit trail, in words.
    const trail = await db
      .select({ action: auditEvents.action, detail: auditEvents.detail, recordType: auditEvents.recordType })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, work!.id), eq(auditEvents.recordType, 'lifelong-links')));
    const words = trail.map((e) => auditWords(e.action, e.recordType, e.detail as Record<string, unknown> | null));
    expect(words).toContain('Created the Lifelong Links work');
    expect(words).toContain('Changed the child’s agreement on the Lifelong Links work');
    expect(words).toContain('Changed the coordinator and people found on the Lifelong Links work');
    expect(words).toContain('Changed the family network meeting on the Lifelong Links work');
    expect(words).toContain('Changed the plan agreed on the Lifelong Links work');
    expect(words).toContain('Ended the Lifelong Links work');
    expect(trail.filter((e) => e.action === 'view').map((e) => (e.detail as { page: string }).page)).toEqual(
      expect.arrayContaining(['work', 'child']),
    );
    // The refused posts changed nothing: one agreement, one meeting, one plan written.
    expect(trail.filter((e) => (e.detail as { part?: string }).part === 'lifelong-links-agreement')).toHaveLength(1);
  });

  it('records a young child as not asked, and ends work the child no longer wanted without a plan', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { lastName: 'Linksyoung', dateOfBirth: daysAgo(2000) });
    const cicsw = await signedIn(t.app, 'cicsw');
    await cicsw.post(startWorkPath(child.id), dateBoxes('identifiedOn', daysAgo(30)));
    const [work] = await db.select().from(lifelongLinks).where(eq(lifelongLinks.childId, child.id));
    expect((await cicsw.post(workStepPath(work!.id, 'agreement'), { agreement: 'too-young' })).statusCode).toBe(303);
    const section = sectionOf((await cicsw.get(`/children/${child.id}`)).body);
    expect(section).toContain('Not asked: too young. Finding people who matter: 0 people found, 0 contacted');
    const none = await cicsw.post(workStepPath(work!.id, 'agreement'), {});
    expect(none.body).toContain('Select whether the child agreed, or why they were not asked');
    expect(
      (
        await cicsw.post(workStepPath(work!.id, 'end'), {
          ...dateBoxes('endedOn', daysAgo(2)),
          endReason: 'child-withdrew',
        })
      ).statusCode,
    ).toBe(303);
    const page = await cicsw.get(workPath(work!.id));
    expect(page.body).toContain(`Ended on ${formatDate(daysAgo(2))}: the child no longer wanted it`);
    expect(page.body).toContain('Not agreed yet');
  });
});
