/**
 * Lifelong Links as a children's social worker records it: started from the child's page (a date
 * in the future or before the child was born refused, what was typed kept), each step in turn
 * (refused out of order, with the message saying which day it must follow or precede), the stage
 * in words on the child's page, the end, and a second work after it. Every view and change in the
 * audit trail, in words. And the start put right on the start form, filled in: the page and this
 * year's count following, each refusal with its message and what was typed kept, who may not.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild } from '../../../test/support/children.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { auditWords } from '../../platform/audit/words.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { financialYearOf } from '../../platform/dates/quarters.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { lifelongLinksPath, startWorkPath, workPath, workStartPath, workStepPath } from './paths.ts';
import { lifelongLinks } from './tables.ts';
import { makeWork, staffMember } from './test-support.ts';

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

describe('the start of a child’s Lifelong Links work put right', () => {
  const boxOf = (body: string, name: string) => new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(body)?.[0];
  const identifiedOnOf = async (id: string) =>
    (await t.database.db.select().from(lifelongLinks).where(eq(lifelongLinks.id, id)))[0]!.identifiedOn;

  it('is changed on the start form, filled in: the page and this year’s count follow, what it said kept in the audit trail', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { lastName: 'Linksstart', dateOfBirth: daysAgo(4000) });
    const yearStart = financialYearOf(today).start;
    const typed = addDays(yearStart, -1); // last financial year: typed wrongly
    const work = await makeWork(db, { childId: child.id, identifiedOn: typed, coordinator: 'Dana Whitfield' });
    const cicsw = await signedIn(t.app, 'cicsw');
    const path = workStartPath(work.id);
    const page = (await cicsw.get(workPath(work.id))).body;
    expect(page).toMatch(
      new RegExp(`href="${path}">\\s*Change<span class="govuk-visually-hidden"> the start of the work`),
    );
    const form = await cicsw.get(path);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change the start of the Lifelong Links work');
    expect(boxOf(form.body, 'identifiedOn-day')).toContain(
      `value="${dateBoxes('identifiedOn', typed)['identifiedOn-day']}"`,
    );
    expect(boxOf(form.body, 'coordinator')).toContain('value="Dana Whitfield"');

    const countOf = async () =>
      Number(/data-year-count>\s*(\d+) of/.exec((await cicsw.get(lifelongLinksPath())).body)![1]);
    const before = await countOf();
    const changed = await cicsw.post(path, {
      ...dateBoxes('identifiedOn', yearStart),
      coordinator: 'Dana Whitfield-Ash',
    });
    expect(changed.headers.location).toBe(`${workPath(work.id)}?done=start`);
    const after = (await cicsw.get(String(changed.headers.location))).body;
    expect(after).toContain('The start of the Lifelong Links work has been changed');
    expect(after).toContain(`Identified on ${formatDate(yearStart)}: waiting for the child’s agreement`);
    expect(after).toContain('Coordinator: Dana Whitfield-Ash.');
    expect(after).not.toContain(formatDate(typed));
    expect(await countOf()).toBe(before + 1);

    const updates = await db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, work.id), eq(auditEvents.action, 'update')));
    expect(updates.map((u) => u.detail)).toEqual([
      {
        part: 'lifelong-links-start',
        identifiedOn: yearStart,
        coordinator: 'Dana Whitfield-Ash',
        was: { identifiedOn: typed, coordinator: 'Dana Whitfield' },
      },
    ]);
    const trail = (await (await signedIn(t.app, 'head')).get(`/records/lifelong-links/${work.id}/audit`)).body;
    const part = 'the start (the date the child was identified and the coordinator) on the Lifelong Links work';
    expect(trail).toContain(`Viewed ${part}`);
    expect(trail).toContain(`Changed ${part}`);
  });

  it('refuses a day not real, in the future, before birth, before the work before it ended or after a later step, keeping what was typed', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { lastName: 'Linksredate', dateOfBirth: daysAgo(3000) });
    const earlier = await makeWork(db, {
      childId: child.id,
      identifiedOn: daysAgo(400),
      endedOn: daysAgo(300),
      endReason: 'other',
    });
    const work = await makeWork(db, { childId: child.id, identifiedOn: daysAgo(200), agreedOn: daysAgo(150) });
    await db
      .update(lifelongLinks)
      .set({ meetingOn: daysAgo(100) })
      .where(eq(lifelongLinks.id, work.id));
    const cicsw = await signedIn(t.app, 'cicsw');
    const path = workStartPath(work.id);
    const refusedWith = async (boxes: Record<string, string>, message: string) => {
      const answer = await cicsw.post(path, { ...boxes, coordinator: 'Sam Reyes' });
      expect(answer.statusCode, message).toBe(400);
      expect(answer.body).toContain(message);
      expect(answer.body).toContain('href="#identifiedOn-day"');
      expect(boxOf(answer.body, 'identifiedOn-day')).toContain(`value="${boxes['identifiedOn-day']}"`);
      expect(boxOf(answer.body, 'coordinator')).toContain('value="Sam Reyes"');
    };
    const unreal = { 'identifiedOn-day': '31', 'identifiedOn-month': '2', 'identifiedOn-year': '2026' };
    await refusedWith(unreal, 'Date the child was identified must be a real date');
    await refusedWith(
      dateBoxes('identifiedOn', addDays(today, 1)),
      'Date the child was identified must be today or in the past',
    );
    await refusedWith(
      dateBoxes('identifiedOn', daysAgo(3001)),
      `Date the child was identified must be on or after their date of birth, ${formatDate(daysAgo(3000))}`,
    );
    await refusedWith(
      dateBoxes('identifiedOn', daysAgo(301)),
      `Date the child was identified must be on or after the day their Lifelong Links work before this one ended, ${formatDate(daysAgo(300))}`,
    );
    await refusedWith(
      dateBoxes('identifiedOn', daysAgo(149)),
      `Date the child was identified must be on or before ${formatDate(daysAgo(150))}, when the child agreed`,
    );
    expect(await identifiedOnOf(work.id)).toBe(daysAgo(200));
    expect((await cicsw.post(path, dateBoxes('identifiedOn', daysAgo(300)))).statusCode).toBe(303);
    expect(await identifiedOnOf(work.id)).toBe(daysAgo(300));

    // Ended work: its start alone is changed, never after its end.
    const endedPage = (await cicsw.get(workPath(earlier.id))).body;
    expect(endedPage).toContain(`href="${workStartPath(earlier.id)}"`);
    expect(endedPage).not.toContain(`href="${workStepPath(earlier.id, 'agreement')}"`);
    await cicsw.get(workStartPath(earlier.id));
    const afterEnd = await cicsw.post(workStartPath(earlier.id), dateBoxes('identifiedOn', daysAgo(299)));
    expect(afterEnd.body).toContain(
      `Date the child was identified must be on or before ${formatDate(daysAgo(300))}, when the work ended`,
    );
    expect((await cicsw.post(workStartPath(earlier.id), dateBoxes('identifiedOn', daysAgo(350)))).statusCode).toBe(303);

    // A child not asked has no day of agreement: the day the people found were last updated holds the start.
    const notAsked = await makeChild(db, { lastName: 'Linkspeople', dateOfBirth: daysAgo(2000) });
    const found = await makeWork(db, {
      childId: notAsked.id,
      identifiedOn: daysAgo(60),
      notAskedReason: 'too-young',
      peopleFound: 2,
      peopleRecordedAt: new Date(`${daysAgo(20)}T12:00:00Z`),
    });
    const people = await cicsw.post(workStartPath(found.id), dateBoxes('identifiedOn', daysAgo(10)));
    expect(people.body).toContain(
      `Date the child was identified must be on or before ${formatDate(daysAgo(20))}, when the people found were last updated`,
    );
  });

  it('is refused to a carer, a reviewing officer, the assistant director and a social worker of another area', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { lastName: 'Linksguarded' });
    const work = await makeWork(db, { childId: child.id, identifiedOn: daysAgo(30) });
    const path = workStartPath(work.id);
    const moved = dateBoxes('identifiedOn', daysAgo(31));
    for (const role of ['carer', 'reviewer', 'director']) {
      const agent = await signedIn(t.app, role);
      expect((await agent.get(path)).statusCode, role).toBe(403);
      const post = await agent.post(path, moved);
      expect(post.statusCode, role).toBe(403);
      expect(post.body).not.toContain('Linksguarded');
    }
    const director = await signedIn(t.app, 'director');
    expect((await director.get(workPath(work.id))).body).not.toContain(path);
    const other = await signedIn(t.app, await staffMember(db, 'childrens_social_worker', 'West Kent'));
    expect((await other.get(path)).statusCode).toBe(404);
    expect((await other.post(path, moved)).statusCode).toBe(404);
    expect(await identifiedOnOf(work.id)).toBe(daysAgo(30));
  });
});
