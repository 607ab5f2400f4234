/**
 * A complaint's stages put right on their own forms, filled in, with why: the response to a stage,
 * the day a later stage was requested (its deadlines following) and stage 3's review panel and
 * report; never so the stages no longer follow one another, the outcome given to a child comes
 * before the response it gives, or anything comes after the closing. Someone who does not work on
 * the complaint cannot change it.
 */
import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { formatDate } from '../../platform/views/format.ts';
import { stageDeadlines } from './complaint-deadlines.ts';
import { complaintStages, concernChildren, concerns } from './tables.ts';
import { dateFields, householdWithChild, makeMatter, makeStage } from './test-support.ts';

const t = testAppForFile();
const daysAgo = (n: number) => addDays(todayInLondon(), -n);
const day = (n: number) => `value="${Number(daysAgo(n).slice(8))}"`;

/** A complaint about the carer naming the child, received `receivedOn` days ago. */
async function complaintOn(receivedOn: number) {
  const db = t.database.db;
  const { household, child } = await householdWithChild(db);
  const matter = await makeMatter(db, {
    kind: 'complaint',
    raisedBy: 'child',
    category: 'other',
    knownOn: daysAgo(receivedOn),
    householdId: household.id,
    childIds: [child.id],
  });
  return { matter, child };
}

async function stageRow(concernId: string, stage: number) {
  const [row] = await t.database.db
    .select()
    .from(complaintStages)
    .where(and(eq(complaintStages.concernId, concernId), eq(complaintStages.stage, stage)));
  return row!;
}

async function lastChange(concernId: string) {
  const [entry] = await t.database.db
    .select({ detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.recordId, concernId), eq(auditEvents.action, 'update')))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return entry?.detail;
}

describe('the response to a stage put right', () => {
  it('is changed on its own form, never before the stage was received nor after the outcome given to a child', async () => {
    const db = t.database.db;
    const { matter, child } = await complaintOn(40);
    await makeStage(db, matter.id, { receivedOn: daysAgo(40), respondedOn: daysAgo(30) });
    await db
      .update(complaintStages)
      .set({ finding: 'not_upheld', response: 'No change to pocket money.' })
      .where(eq(complaintStages.concernId, matter.id));
    await db
      .update(concernChildren)
      .set({ outcomeToldOn: daysAgo(25), outcomeToldBy: 'Sam Sutherland', outcomeToldHow: 'At a visit.' })
      .where(eq(concernChildren.childId, child.id));
    await makeStage(db, matter.id, { stage: 2, receivedOn: daysAgo(20) });
    const ssw = await signedIn(t.app, 'ssw');
    const path = `/concerns/${matter.id}/response/change`;

    const page = (await ssw.get(`/concerns/${matter.id}`)).body;
    expect(page).toContain(`href="${path}?stage=1"`);
    expect(page).toContain('Change<span class="govuk-visually-hidden"> the stage 1 response</span>');
    // Stage 2 has no response to change, but the day it was requested can be.
    expect(page).not.toContain(`href="${path}?stage=2"`);
    expect(page).toContain(`href="/concerns/${matter.id}/next-stage/change?stage=2"`);

    // Without a stage, the latest response: stage 1's, filled in.
    const form = await ssw.get(path);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Date of the stage 1 response');
    expect(form.body).toMatch(/value="not_upheld" checked/);
    expect(form.body).toContain('No change to pocket money.');
    expect(form.body).toContain(day(30));
    expect(form.body).toContain('Why is this being changed?');

    const change = (respondedOn: string, reason = 'The date was typed wrongly') =>
      ssw.post(`${path}?stage=1`, {
        ...dateFields('respondedOn', respondedOn),
        finding: 'partly_upheld',
        response: 'An apology, and a change to how pocket money is given.',
        reason,
      });
    const afterTold = await change(daysAgo(22));
    expect(afterTold.statusCode).toBe(400);
    expect(afterTold.body).toContain(
      `The date of the response cannot be after the outcome given to Casey Fixture on ${formatDate(daysAgo(25))}`,
    );
    expect(afterTold.body).toMatch(/value="partly_upheld" checked/);
    expect(afterTold.body).toContain('An apology, and a change to how pocket money is given.');
    expect(afterTold.body).toContain(`action="${path}?stage=1"`);
    expect((await change(daysAgo(41))).body).toContain(
      `The date of the response must be on or after the day stage 1 was received on ${formatDate(daysAgo(40))}`,
    );
    expect((await change(addDays(todayInLondon(), 1))).body).toContain(
      'The date of the response must be today or in the past',
    );
    expect((await change(daysAgo(28), '')).body).toContain('Enter why the response is being changed');
    expect((await stageRow(matter.id, 1)).respondedOn).toBe(daysAgo(30));

    const changed = await change(daysAgo(28), 'The response was sent two days later');
    expect(changed.statusCode).toBe(303);
    const after = (await ssw.get(String(changed.headers.location))).body;
    expect(after).toContain('Response changed');
    expect(after).toContain(`Done ${formatDate(daysAgo(28))}`);
    expect(await stageRow(matter.id, 1)).toMatchObject({ respondedOn: daysAgo(28), finding: 'partly_upheld' });
    expect(await lastChange(matter.id)).toEqual({
      step: 'response-change',
      fields: ['respondedOn', 'finding', 'response'],
      part: 'complaint-response',
      stage: 1,
      was: { respondedOn: daysAgo(30), finding: 'not_upheld', response: 'No change to pocket money.' },
      reason: 'The response was sent two days later',
    });

    // A stage that is not on the matter, or not a stage at all, is not found; one without a response is not open.
    expect((await ssw.get(`${path}?stage=3`)).statusCode).toBe(404);
    expect((await ssw.get(`${path}?stage=x`)).statusCode).toBe(404);
    expect((await ssw.get(`${path}?stage=2`)).statusCode).toBe(403);
    // Another team's supervising social worker does not see it; a child's social worker does not record it.
    expect((await (await signedIn(t.app, 'ssw2')).get(path)).statusCode).toBe(404);
    const cicsw = await signedIn(t.app, 'cicsw');
    expect((await cicsw.post(`${path}?stage=1`, { reason: 'x' })).statusCode).toBe(403);
  });
});

describe('the day a later stage was requested put right', () => {
  it('is changed on or after the response before it, its deadline following on the stage', async () => {
    const db = t.database.db;
    const { matter } = await complaintOn(40);
    await makeStage(db, matter.id, { receivedOn: daysAgo(40), respondedOn: daysAgo(30) });
    await makeStage(db, matter.id, { stage: 2, receivedOn: daysAgo(25), extended: true });
    const ssw = await signedIn(t.app, 'ssw');
    const path = `/concerns/${matter.id}/next-stage/change`;

    const form = await ssw.get(`${path}?stage=2`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Date the request for stage 2 was received');
    expect(form.body).toContain(day(25));

    const change = (receivedOn: string) =>
      ssw.post(`${path}?stage=2`, { ...dateFields('receivedOn', receivedOn), reason: 'Typed from the wrong letter' });
    const early = await change(daysAgo(31));
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain(
      `The date of the request must be on or after the stage 1 response on ${formatDate(daysAgo(30))}`,
    );
    expect(early.body).toContain('Typed from the wrong letter');
    expect((await change(addDays(todayInLondon(), 2))).body).toContain(
      'The date of the request must be today or in the past',
    );

    const before = await stageRow(matter.id, 2);
    const changed = await change(daysAgo(28));
    expect(changed.statusCode).toBe(303);
    // The extended timescale is kept, counted from the new day; the due item follows.
    const { respondBy } = stageDeadlines(2, daysAgo(28), { extended: true });
    expect(await stageRow(matter.id, 2)).toMatchObject({ receivedOn: daysAgo(28), extended: true, respondBy });
    const [due] = await db
      .select({ dueOn: dueItems.dueOn })
      .from(dueItems)
      .where(and(eq(dueItems.recordId, matter.id), eq(dueItems.recordType, 'concern')));
    expect(due?.dueOn).toBe(respondBy);
    expect(await lastChange(matter.id)).toEqual({
      step: 'next-stage-change',
      fields: ['receivedOn', 'respondBy'],
      part: 'complaint-stage',
      stage: 2,
      was: { receivedOn: daysAgo(25), respondBy: before.respondBy, panelBy: null, reportBy: null },
      reason: 'Typed from the wrong letter',
    });
    expect((await ssw.get(String(changed.headers.location))).body).toContain('Date of the request changed');

    // Stage 1's day is the complaint's own (its opening details); no stage, or one not on it, is not found.
    expect((await ssw.get(`${path}?stage=1`)).statusCode).toBe(404);
    expect((await ssw.get(`${path}?stage=3`)).statusCode).toBe(404);
    expect((await ssw.get(path)).statusCode).toBe(404);
    expect((await (await signedIn(t.app, 'ssw2')).post(`${path}?stage=2`, {})).statusCode).toBe(404);
  });
});

describe('stage 3 put right', () => {
  it('keeps the request, the panel, its report and the response in order, and the deadlines follow', async () => {
    const db = t.database.db;
    const { matter } = await complaintOn(90);
    await makeStage(db, matter.id, { receivedOn: daysAgo(90), respondedOn: daysAgo(80) });
    await makeStage(db, matter.id, { stage: 2, receivedOn: daysAgo(75), respondedOn: daysAgo(40) });
    await makeStage(db, matter.id, {
      stage: 3,
      receivedOn: daysAgo(35),
      panelOn: daysAgo(20),
      reportOn: daysAgo(15),
      respondedOn: daysAgo(5),
    });
    const ssw = await signedIn(t.app, 'ssw');
    const base = `/concerns/${matter.id}`;
    const page = (await ssw.get(base)).body;
    expect(page).toContain(`href="${base}/review-panel/change"`);
    expect(page).toContain('the stage 3 review panel and its report</span>');
    expect(page).toContain(`href="${base}/next-stage/change?stage=3"`);

    const response = (stage: number, on: string) =>
      ssw.post(`${base}/response/change?stage=${stage}`, {
        ...dateFields('respondedOn', on),
        finding: 'upheld',
        response: 'Upheld in full.',
        reason: 'Wrong date',
      });
    expect((await response(2, daysAgo(34))).body).toContain(
      `The date of the response cannot be after the request for stage 3 on ${formatDate(daysAgo(35))}`,
    );
    const request = await ssw.post(`${base}/next-stage/change?stage=3`, {
      ...dateFields('receivedOn', daysAgo(19)),
      reason: 'Wrong date',
    });
    expect(request.body).toContain(
      `The date of the request cannot be after the stage 3 review panel on ${formatDate(daysAgo(20))}`,
    );

    const panelPath = `${base}/review-panel/change`;
    const form = (await ssw.get(panelPath)).body;
    expect(form).toContain('Date the review panel met');
    expect(form).toContain(day(20));
    expect(form).toContain(day(15));
    const panel = (panelOn: string, reportOn: string) =>
      ssw.post(panelPath, {
        ...dateFields('panelOn', panelOn),
        ...dateFields('reportOn', reportOn),
        reason: 'The panel was moved',
      });
    const lateReport = await panel(daysAgo(18), daysAgo(4));
    expect(lateReport.statusCode).toBe(400);
    expect(lateReport.body).toContain(
      `The date of the report cannot be after the stage 3 response on ${formatDate(daysAgo(5))}`,
    );
    expect(lateReport.body).toContain('The panel was moved');
    expect((await panel(daysAgo(36), daysAgo(15))).body).toContain(
      `The date of the panel must be on or after the day stage 3 was received on ${formatDate(daysAgo(35))}`,
    );
    expect((await panel(daysAgo(18), daysAgo(19))).body).toContain(
      `The date of the report must be on or after the panel on ${formatDate(daysAgo(18))}`,
    );

    const before = await stageRow(matter.id, 3);
    expect((await panel(daysAgo(18), daysAgo(12))).statusCode).toBe(303);
    const due = stageDeadlines(3, daysAgo(35), { panelOn: daysAgo(18), reportOn: daysAgo(12) });
    expect(await stageRow(matter.id, 3)).toMatchObject({
      panelOn: daysAgo(18),
      reportOn: daysAgo(12),
      reportBy: due.reportBy,
      respondBy: due.respondBy,
    });
    // The deadlines are working days: moved over a weekend, one can stay on its day, and is not listed.
    const moved = { panelOn: daysAgo(18), reportOn: daysAgo(12), reportBy: due.reportBy, respondBy: due.respondBy };
    expect(await lastChange(matter.id)).toEqual({
      step: 'review-panel-change',
      fields: (['panelOn', 'reportOn', 'reportBy', 'respondBy'] as const).filter((f) => moved[f] !== before[f]),
      part: 'complaint-panel',
      stage: 3,
      was: { panelOn: daysAgo(20), reportOn: daysAgo(15), reportBy: before.reportBy, respondBy: before.respondBy },
      reason: 'The panel was moved',
    });
    expect((await ssw.get(base)).body).toContain(`met ${formatDate(daysAgo(18))}`);

    // The stage 3 response follows the report, and nothing comes after the closing.
    expect((await response(3, daysAgo(13))).body).toContain(
      `The date of the response must be on or after the review panel’s report on ${formatDate(daysAgo(12))}`,
    );
    await db
      .update(concerns)
      .set({ closedOn: daysAgo(3) })
      .where(eq(concerns.id, matter.id));
    expect((await response(3, daysAgo(2))).body).toContain(
      `The date of the response cannot be after its closing on ${formatDate(daysAgo(3))}`,
    );
    expect((await response(3, daysAgo(10))).statusCode).toBe(303);
    expect((await stageRow(matter.id, 3)).respondedOn).toBe(daysAgo(10));
    expect((await (await signedIn(t.app, 'ssw2')).get(panelPath)).statusCode).toBe(404);
  });
});

describe('the extension of the time to respond put right', () => {
  it('changes why it needed longer, or takes it off when recorded in error, the response’s deadline following', async () => {
    const db = t.database.db;
    const { matter } = await complaintOn(12);
    await makeStage(db, matter.id, { receivedOn: daysAgo(12) });
    const ssw = await signedIn(t.app, 'ssw');
    const base = `/concerns/${matter.id}`;
    expect(
      (await ssw.post(`${base}/extension`, { reason: 'The complainant’s school is closed for half term.' })).statusCode,
    ).toBe(303);
    const extended = stageDeadlines(1, daysAgo(12), { extended: true }).respondBy;
    const usual = stageDeadlines(1, daysAgo(12)).respondBy;
    const dueOn = async () => {
      const [due] = await db
        .select({ dueOn: dueItems.dueOn })
        .from(dueItems)
        .where(and(eq(dueItems.recordId, matter.id), eq(dueItems.recordType, 'concern')));
      return due?.dueOn;
    };
    expect(await dueOn()).toBe(extended);

    const path = `${base}/extension/change`;
    const page = (await ssw.get(base)).body;
    expect(page).toContain(`href="${path}?stage=1"`);
    expect(page).toContain('Change<span class="govuk-visually-hidden"> the extension of stage 1</span>');

    const form = (await ssw.get(`${path}?stage=1`)).body;
    expect(form).toContain('Was the time to respond to stage 1 extended?');
    expect(form).toContain(`Yes: the response is due by ${formatDate(extended)}`);
    expect(form).toContain(`No, it was recorded in error: the response is due by ${formatDate(usual)}`);
    expect(form).toContain('The complainant’s school is closed for half term.');
    expect(form).toMatch(/value="yes" checked/);

    const change = (fields: Record<string, string>) => ssw.post(`${path}?stage=1`, fields);
    const noWhy = await change({ extended: 'yes', extensionReason: '', reason: 'Half term was the week before' });
    expect(noWhy.statusCode).toBe(400);
    expect(noWhy.body).toContain('Enter why the response needs longer');
    expect(noWhy.body).toContain('Half term was the week before');
    const same = await change({
      extended: 'yes',
      extensionReason: 'The complainant’s school is closed for half term.',
      reason: 'No reason',
    });
    expect(same.body).toContain('Nothing has changed: change what was recorded wrongly');

    const reworded = await change({
      extended: 'yes',
      extensionReason: 'The complainant asked to meet after the school holidays.',
      reason: 'The reason was typed from another complaint',
    });
    expect(reworded.statusCode).toBe(303);
    expect((await ssw.get(String(reworded.headers.location))).body).toContain(
      'The complainant asked to meet after the school holidays.',
    );
    expect(await stageRow(matter.id, 1)).toMatchObject({ extended: true, respondBy: extended });

    const withdrawn = await change({ extended: 'no', extensionReason: '', reason: 'It was never extended' });
    expect(withdrawn.statusCode).toBe(303);
    expect(await stageRow(matter.id, 1)).toMatchObject({ extended: false, extensionReason: null, respondBy: usual });
    expect(await dueOn()).toBe(usual);
    expect(await lastChange(matter.id)).toEqual({
      step: 'extension-change',
      fields: ['extended', 'extensionReason', 'respondBy'],
      part: 'complaint-extension',
      stage: 1,
      was: {
        extended: true,
        extensionReason: 'The complainant asked to meet after the school holidays.',
        respondBy: extended,
      },
      reason: 'It was never extended',
    });
    const after = (await ssw.get(base)).body;
    expect(after).not.toContain('(extended:');
    expect(after).not.toContain(`href="${path}?stage=1"`);
    // Not extended now: nothing to change, and the time can be extended again on its own form.
    expect((await ssw.get(`${path}?stage=1`)).statusCode).toBe(403);
    expect(after).toContain(`href="${base}/extension"`);
    // No such stage, or not a stage, is not found; nor is another team's complaint.
    expect((await ssw.get(`${path}?stage=2`)).statusCode).toBe(404);
    expect((await ssw.get(`${path}?stage=x`)).statusCode).toBe(404);
    expect((await (await signedIn(t.app, 'ssw2')).get(`${path}?stage=1`)).statusCode).toBe(404);
  });
});
