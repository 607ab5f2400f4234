/**
 * An attendee's evaluation of a joint training day put right: changed on its form, filled in, with
 * why, by the attendee (or the head or the training coordinator), the day's summary and the measure of
 * confidence rising following; one entered against the wrong attendee removed, with why, by the head,
 * the attendee staying as attending and their evaluation asked for again. The trail keeps what it said
 * before, who and why. Those who may not record it are refused.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { userIdByUsername } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { measureRecords, periodOf } from '../../platform/measures/index.ts';
import { confidenceRose } from './measures.ts';
import { DAY_RECORD } from './service.ts';
import { jointTrainingAttendance, jointTrainingEvaluations } from './tables.ts';
import { clearJointTraining, makeAttendance, makeDay } from './test-support.ts';

const t = testAppForFile();
const db = () => t.database.db;
const heldOn = addDays(todayInLondon(), -20);

let dayId = '';
let samId = ''; // Sam's own evaluation: confidence 4 before, 2 after (typed the wrong way round)
let wrongId = ''; // an evaluation entered from a paper form on the wrong line (Sasha's)

const entries = async (action: string) =>
  (
    await db()
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.recordType, DAY_RECORD), eq(auditEvents.recordId, dayId), eq(auditEvents.action, action)),
      )
  ).filter((e) => (e.detail as { part?: string }).part === 'evaluation');

const roseFor = async (attendanceId: string) =>
  (await measureRecords(db(), confidenceRose, periodOf(todayInLondon().slice(0, 7), todayInLondon()))).find((r) =>
    r.href?.endsWith(attendanceId),
  )?.met;

beforeAll(async () => {
  await clearJointTraining(db());
  dayId = (await makeDay(db(), heldOn, { title: 'Joint training day of the test' })).id;
  samId = (await makeAttendance(db(), dayId, { userId: await userIdByUsername(db(), 'ssw') }, { before: 4, after: 2 }))
    .id;
  wrongId = (
    await makeAttendance(db(), dayId, { userId: await userIdByUsername(db(), 'ssw2') }, { before: 1, after: 5 })
  ).id;
  await db()
    .update(jointTrainingEvaluations)
    .set({ fromPaper: true })
    .where(eq(jointTrainingEvaluations.attendanceId, wrongId));
});

describe('changing an evaluation', () => {
  it('lets the attendee change their own on its form, filled in, with why; the summary and the measure follow', async () => {
    const sam = await signedIn(t.app, 'ssw');
    const url = `/joint-training/evaluations/${samId}/change`;
    const page = await sam.get(`/joint-training/evaluations/${samId}`);
    expect(page.body).toContain(`href="${url}">Change<span class="govuk-visually-hidden">`);
    expect(page.body).not.toContain('/remove');
    expect(await roseFor(samId)).toBe(false);

    const form = await sam.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change your evaluation of the day');
    expect(form.body).toMatch(/name="confidenceBefore" type="radio" value="4" checked/);
    expect(form.body).toContain('A made-up answer.');
    expect(form.body).toContain('Why is this being changed?');

    const answers = {
      confidenceBefore: '2',
      confidenceAfter: '4',
      usefulness: '5',
      willDoDifferently: 'Ask what the risks are before panel.',
    };
    const noReason = await sam.post(url, answers);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the evaluation is being changed');
    expect(noReason.body).toContain('Ask what the risks are before panel.');
    expect(noReason.body).toMatch(/name="confidenceBefore" type="radio" value="2" checked/);

    const saved = await sam.post(url, { ...answers, reason: 'I typed before and after the wrong way round.' });
    expect(saved.statusCode).toBe(303);
    const after = await sam.get(saved.headers.location!);
    expect(after.body).toContain('The evaluation has been changed');
    expect(after.body).toContain('Ask what the risks are before panel.');
    const day = await sam.get(`/joint-training/${dayId}`);
    expect(day.body).toContain('2 of the 2 who gave an evaluation said their confidence on the theme rose.');
    expect(await roseFor(samId)).toBe(true);

    const [entry] = await entries('update');
    expect(entry?.username).toBe('ssw');
    expect(entry?.detail).toMatchObject({
      attendance: samId,
      reason: 'I typed before and after the wrong way round.',
      confidenceBefore: 2,
      was: { confidenceBefore: 4, confidenceAfter: 2, willDoDifferently: 'A made-up answer.' },
    });
  });

  it('lets the training coordinator change any; refuses the director, who reads them, and hides one from another attendee', async () => {
    const url = `/joint-training/evaluations/${wrongId}/change`;
    expect((await (await signedIn(t.app, 'training')).get(url)).statusCode).toBe(200);
    const director = await signedIn(t.app, 'director');
    expect((await director.get(`/joint-training/evaluations/${wrongId}`)).body).not.toContain(url);
    expect((await director.get(url)).statusCode).toBe(403);
    const refused = await director.post(url, {
      confidenceBefore: '3',
      confidenceAfter: '3',
      usefulness: '3',
      willDoDifferently: 'x',
      reason: 'x',
    });
    expect(refused.statusCode).toBe(403);
    expect((await (await signedIn(t.app, 'ssw')).get(url)).statusCode).toBe(404);
    expect((await (await signedIn(t.app, 'carer')).get(url)).statusCode).toBe(403);
  });
});

describe('removing an evaluation recorded against the wrong attendee', () => {
  it('is refused to the attendee and to the director', async () => {
    const url = `/joint-training/evaluations/${samId}/remove`;
    expect((await (await signedIn(t.app, 'ssw')).get(url)).statusCode).toBe(403);
    expect((await (await signedIn(t.app, 'director')).post(url, { reason: 'x' })).statusCode).toBe(403);
    expect(await db().select().from(jointTrainingEvaluations)).toHaveLength(2);
  });

  it('shows the head what goes, asks why, and leaves the attendee attending with their evaluation asked for again', async () => {
    const head = await signedIn(t.app, 'head');
    const url = `/joint-training/evaluations/${wrongId}/remove`;
    expect((await head.get(`/joint-training/evaluations/${wrongId}`)).body).toContain(url);
    const page = await head.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Remove the evaluation recorded for');
    expect(page.body).toContain('stays recorded as attending the day');
    expect(page.body).toContain('On a paper form');

    const blank = await head.post(url, { reason: '' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Enter why the evaluation is being removed');

    const removed = await head.post(url, { reason: 'Another attendee’s paper form was entered on this line.' });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/joint-training/${dayId}?done=evaluation-removed`);
    const day = await head.get(removed.headers.location!);
    expect(day.body).toContain('The evaluation has been removed: the attendee stays recorded as attending');
    expect(day.body).toContain('1 of 2 gave an evaluation.');
    expect(
      await db().select().from(jointTrainingEvaluations).where(eq(jointTrainingEvaluations.attendanceId, wrongId)),
    ).toEqual([]);
    expect(
      await db().select().from(jointTrainingAttendance).where(eq(jointTrainingAttendance.id, wrongId)),
    ).toHaveLength(1);
    const due = await db()
      .select()
      .from(dueItems)
      .where(and(eq(dueItems.recordId, wrongId), eq(dueItems.ruleId, 'joint-training.evaluation')));
    expect(due).toHaveLength(1);
    expect(await roseFor(wrongId)).toBeUndefined();

    const [entry] = await entries('delete');
    expect(entry?.username).toBe('head');
    expect(entry?.detail).toMatchObject({
      attendance: wrongId,
      reason: 'Another attendee’s paper form was entered on this line.',
      was: { confidenceBefore: 1, confidenceAfter: 5, fromPaper: true },
    });
    // Gone: the change and removal pages lead back to the evaluation, now to be entered.
    expect((await head.get(`/joint-training/evaluations/${wrongId}/change`)).statusCode).toBe(303);
  });
});
