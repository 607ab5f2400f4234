/**
 * Joint training days (business plan action 10.2) as the head of fostering and the staff use the
 * pages: a day recorded (refused with every message and nothing typed lost), who attended recorded a
 * group at a time, an evaluation given by an attendee and refused to anyone else, one entered from a
 * paper form, the day's summary, who may read and who may not, and the audit trail's words.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { refusalOf } from '../../../test/support/audit.ts';
import { userIdByUsername } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes as boxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { panelMembers } from '../panel/tables.ts';
import { jointTrainingAttendance } from './tables.ts';
import { makeDay } from './test-support.ts';

const t = testAppForFile();
const heldOn = addDays(todayInLondon(), -20);

const day = {
  ...boxes('heldOn', heldOn),
  title: 'Joint training day: panel safeguarding',
  theme: 'Safeguarding and robust recommendations at panel',
  place: 'Oakwood House',
  organisedBy: 'Helen Hartley',
};

const dayIdOf = (location: string | undefined) => /\/joint-training\/([0-9a-f-]{36})/.exec(location ?? '')![1]!;

async function panelMemberOf(username: string) {
  const userId = await userIdByUsername(t.database.db, username);
  const [member] = await t.database.db.select().from(panelMembers).where(eq(panelMembers.userId, userId));
  return member!;
}

describe('a joint training day', () => {
  let dayId = '';

  it('is recorded by the head, refused with every message and what was typed kept', async () => {
    const head = await signedIn(t.app, 'head');
    const list = await head.get('/joint-training');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('href="/joint-training/new">Record a joint training day</a>');

    const refused = await head.post('/joint-training/new', {
      'heldOn-day': '31',
      'heldOn-month': '2',
      'heldOn-year': '2026',
      title: '',
      theme: 'Learning from a serious case review',
      place: ' ',
    });
    expect(refused.statusCode).toBe(400);
    for (const message of [
      'Date of the training day must be a real date',
      'Enter the title of the day',
      'Enter where the day is held',
      'Enter who organised the day',
    ]) {
      expect(refused.body).toContain(message);
    }
    expect(refused.body).toContain('Learning from a serious case review');
    expect(refused.body).toMatch(/name="heldOn-day"[^>]*value="31"/);

    const saved = await head.post('/joint-training/new', day);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toMatch(/^\/joint-training\/[0-9a-f-]{36}\?done=recorded$/);
    dayId = dayIdOf(saved.headers.location);
    const page = await head.get(saved.headers.location!);
    for (const words of [
      'The joint training day has been recorded',
      formatDate(heldOn),
      'Safeguarding and robust recommendations at panel',
      'Oakwood House',
      'No one is recorded as attending yet.',
    ]) {
      expect(page.body).toContain(words);
    }
    expect((await head.get('/joint-training')).body).toContain(
      `${formatDate(heldOn)}: Joint training day: panel safeguarding`,
    );
  });

  it('records who attended a group at a time, and an attendee’s evaluation, refused to anyone else', async () => {
    const db = t.database.db;
    const head = await signedIn(t.app, 'head');
    const ssw = await userIdByUsername(db, 'ssw');
    const assessor = await userIdByUsername(db, 'assessor');
    const pat = await panelMemberOf('panel');

    const groups = await head.get(`/joint-training/${dayId}/attendance`);
    expect(groups.body).toContain('East Kent Fostering Team 1');
    expect(groups.body).toContain('The panel’s central list');
    const east = /href="([^"]+)">East Kent Fostering Team 1<\/a>/.exec(groups.body)![1]!.replace(/&amp;/g, '&');
    const eastPage = await head.get(east);
    expect(eastPage.body).toContain('Sam Sutherland');
    expect(eastPage.body).toContain('Amira Hussain');

    const team = await head.post(`${east}&page=1`, { shown: [ssw, assessor], attended: [ssw] });
    expect(team.statusCode).toBe(303);
    const panel = await head.post(`/joint-training/${dayId}/attendance?group=panel&page=1`, {
      shown: [pat.id],
      attended: [pat.id],
    });
    expect(panel.statusCode).toBe(303);

    let page = await head.get(`/joint-training/${dayId}`);
    expect(page.body).toContain('Sam Sutherland, Supervising social worker.');
    expect(page.body).toContain(`${pat.name}, Panel member.`);
    expect(page.body).not.toContain('Amira Hussain');
    expect(page.body).toContain('2 people attended: 1 member of staff and 1 panel member.');
    expect(page.body).toContain('0 of 2 gave an evaluation.');

    // Sam gives their own evaluation from the day's page.
    const sam = await signedIn(t.app, 'ssw');
    expect((await sam.get(`/joint-training/${dayId}`)).body).toContain(
      `href="/joint-training/${dayId}/evaluation">Give your evaluation of the day</a>`,
    );
    const partial = await sam.post(`/joint-training/${dayId}/evaluation`, {
      confidenceBefore: '2',
      willDoDifferently: 'Ask what the risks are before panel.',
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.body).toContain('Select how confident you are on the theme after the day');
    expect(partial.body).toContain('Select how useful the day was');
    expect(partial.body).toContain('Ask what the risks are before panel.');
    expect(partial.body).toMatch(/value="2" checked/);
    const given = await sam.post(`/joint-training/${dayId}/evaluation`, {
      confidenceBefore: '2',
      confidenceAfter: '4',
      usefulness: '5',
      willDoDifferently: 'Ask what the risks are before panel.',
    });
    expect(given.statusCode).toBe(303);
    expect((await sam.get(given.headers.location!)).body).toContain('Thank you: your evaluation has been saved');
    const again = await sam.post(`/joint-training/${dayId}/evaluation`, {
      confidenceBefore: '3',
      confidenceAfter: '3',
      usefulness: '3',
      willDoDifferently: 'Twice.',
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('An evaluation of the day has already been given for this attendee');

    // Amira was not there: no evaluation of hers.
    const amira = await signedIn(t.app, 'assessor');
    expect((await amira.get(`/joint-training/${dayId}`)).body).not.toContain('Give your evaluation');
    const notThere = await amira.get(`/joint-training/${dayId}/evaluation`);
    expect(notThere.statusCode).toBe(403);
    expect(notThere.body).toContain('Only someone recorded as attending the day can give an evaluation of it');
    const posted = await amira.post(`/joint-training/${dayId}/evaluation`, {
      confidenceBefore: '1',
      confidenceAfter: '5',
      usefulness: '5',
      willDoDifferently: 'Not there.',
    });
    expect(posted.statusCode).toBe(403);

    // The head enters Pat's from their paper form.
    page = await head.get(`/joint-training/${dayId}`);
    const paper = new RegExp(`href="(/joint-training/evaluations/[0-9a-f-]{36})">Enter from a paper form`).exec(
      page.body,
    )![1]!;
    const entered = await head.post(paper, {
      confidenceBefore: '3',
      confidenceAfter: '3',
      usefulness: '4',
      willDoDifferently: 'Read the safer care plan with the papers.',
    });
    expect(entered.statusCode).toBe(303);
    page = await head.get(`/joint-training/${dayId}`);
    expect(page.body).toContain('2 of 2 gave an evaluation.');
    expect(page.body).toContain('1 of the 2 who gave an evaluation said their confidence on the theme rose.');
    expect(page.body).toContain('2 of the 2 found the day useful or very useful.');

    // Sam's evaluation, read by the head in words; not by another social worker.
    const samsHref =
      /href="(\/joint-training\/evaluations\/[0-9a-f-]{36})">Read the evaluation<span class="govuk-visually-hidden"> of Sam Sutherland/.exec(
        page.body,
      )![1]!;
    const read = await head.get(samsHref);
    for (const words of [
      'Evaluation by Sam Sutherland',
      'A little confident',
      'Confident',
      'Very useful',
      'By the attendee in Hearth',
    ]) {
      expect(read.body).toContain(words);
    }
    expect((await (await signedIn(t.app, 'ssw2')).get(samsHref)).statusCode).toBe(404);
    expect((await sam.get(samsHref)).statusCode).toBe(200);

    const trail = await head.get(`/records/joint-training-day/${dayId}/audit`);
    for (const words of [
      'Created the joint training day',
      'Recorded who attended on the joint training day',
      'Recorded an evaluation on the joint training day',
      'Viewed the joint training day',
    ]) {
      expect(trail.body).toContain(words);
    }
  });

  it('is read by fostering staff, panel members and the director, recorded only by the head and the training coordinator', async () => {
    const future = await makeDay(t.database.db, addDays(todayInLondon(), 30), { title: 'Joint training day to come' });
    for (const username of ['cicsw', 'carer', 'lado', 'payments']) {
      const agent = await signedIn(t.app, username);
      expect((await agent.get('/joint-training')).statusCode, username).toBe(403);
      expect((await agent.get(`/joint-training/${dayId}`)).statusCode, username).toBe(403);
    }
    for (const username of ['director', 'panel', 'ssw2', 'manager']) {
      const agent = await signedIn(t.app, username);
      expect((await agent.get(`/joint-training/${dayId}`)).statusCode, username).toBe(200);
      expect((await agent.get('/joint-training/new')).statusCode, username).toBe(403);
      expect((await agent.post(`/joint-training/${dayId}/attendance?group=panel`, { shown: [] })).statusCode).toBe(403);
    }
    const training = await signedIn(t.app, 'training');
    expect((await training.get('/joint-training/new')).statusCode).toBe(200);
    expect((await training.get(`/joint-training/${dayId}/edit`)).body).toContain('value="Oakwood House"');
    // Who attended a day still to come cannot be recorded yet.
    const toCome = await training.get(`/joint-training/${future.id}`);
    expect(toCome.body).not.toContain('Record who attended');
    const refused = await training.get(`/joint-training/${future.id}/attendance`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('the day has not happened yet');
    expect((await training.get('/joint-training/not-a-day')).statusCode).toBe(404);
  });

  it('names exactly one person on each attendance, in the database itself', async () => {
    const db = t.database.db;
    const ssw = await userIdByUsername(db, 'ssw');
    const pat = await panelMemberOf('panel');
    const both = db.insert(jointTrainingAttendance).values({ dayId, userId: ssw, panelMemberId: pat.id });
    expect(await refusalOf(both)).toContain('joint_training_attendance_one_person');
    expect(await refusalOf(db.insert(jointTrainingAttendance).values({ dayId }))).toContain(
      'joint_training_attendance_one_person',
    );
  });
});
