/** An agency decision put right: its date, reasons and decision maker, what follows it, and what refuses it. */
import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile, type Agent } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { auditWords } from '../../platform/audit/words.ts';
import type { Db } from '../../platform/db/client.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { householdAmbassadorsPath } from '../ambassadors/paths.ts';
import { makeAmbassador } from '../ambassadors/test-support.ts';
import { householdStatusEvents, households } from '../households/tables.ts';
import { recruitmentPostApprovalInterviews } from '../recruitment/tables.ts';
import { letterDueFor, toldDueFor } from './dates.ts';
import { agencyDecisions } from './tables.ts';
import { decideThroughPage, recommendedItem } from './test-support.ts';

const t = testAppForFile();
let db: Db;
let decider: Agent;
let adviser: Agent;
let deciderId: string;
beforeAll(async () => {
  db = t.database.db;
  decider = await signedIn(t.app, 'decider');
  adviser = await signedIn(t.app, 'adviser');
  deciderId = await userIdByUsername(db, 'decider');
});

const today = todayInLondon();
const day = (n: number) => addDays(today, n);
const received = day(-18);

/** An item recommended at a meeting 20 days ago whose minutes were signed 18 days ago. */
const recommended = (kind: string, householdId: string) =>
  recommendedItem(db, { kind, householdId, meetsOn: day(-20), signedOn: received });

/** The decision maker decides on the item through the page, agreeing with the panel. */
async function decide(itemId: string, on: string) {
  expect((await decideThroughPage(decider, itemId, on)).statusCode).toBe(303);
}

const changePath = (itemId: string) => `/panel/items/${itemId}/decision/change`;

/** Posts the change form, the decision agreed, by the decider, changing what `fields` say. */
async function change(itemId: string, fields: Record<string, string> & { on: string }, agent = decider) {
  const { on, ...rest } = fields;
  await agent.get(changePath(itemId));
  return agent.post(changePath(itemId), {
    agrees: 'yes',
    reasons: 'Agreed on the panel’s reasons',
    decidedBy: deciderId,
    reason: 'The date was typed wrongly',
    ...dateBoxes('decidedOn', on),
    ...rest,
  });
}

const decisionOf = async (itemId: string) =>
  (await db.select().from(agencyDecisions).where(eq(agencyDecisions.itemId, itemId)))[0]!;

const statusEvents = (householdId: string) =>
  db
    .select({ toStatus: householdStatusEvents.toStatus, onDate: householdStatusEvents.onDate })
    .from(householdStatusEvents)
    .where(eq(householdStatusEvents.householdId, householdId))
    .orderBy(householdStatusEvents.onDate);

describe('a deregistration decision put right', () => {
  it('moves the decision, its letters’ deadlines and the household’s status change, and keeps what it said', async () => {
    const h = await makeHousehold(db, { status: 'approved', statusSince: day(-17) });
    // One of its carers is a Carer Ambassador: their time ends on the day of the deregistration, and moves with it.
    const ambassador = await makeAmbassador(db, h.id, { firstName: 'Ambra', lastName: 'Redated' }, day(-100));
    const item = await recommended('deregistration', h.id);
    await decide(item.id, day(-15));
    expect(await ambassador.now()).toMatchObject({ endedOn: day(-15), endedBy: 'approval-ended' });
    expect((await db.select().from(households).where(eq(households.id, h.id)))[0]).toMatchObject({
      status: 'deregistered',
      statusSince: day(-15),
    });

    // The decision page offers "Change" to the decision maker only; the form is filled in.
    const page = await decider.get(`/panel/items/${item.id}/decision`);
    expect(page.body).toContain(`href="${changePath(item.id)}"`);
    expect((await adviser.get(`/panel/items/${item.id}/decision`)).body).not.toContain(changePath(item.id));
    const form = await decider.get(changePath(item.id));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change the agency decision');
    expect(form.body).toContain('Agreed on the panel’s reasons');
    expect(form.body).toContain(`value="${Number(day(-15).slice(8))}"`);
    expect(form.body).toContain('Why is this being changed?');
    expect(form.body).not.toContain('the household has the earlier letter');

    // Those who do not record decisions cannot change one.
    expect((await adviser.get(changePath(item.id))).statusCode).toBe(403);
    expect((await adviser.post(changePath(item.id), { reason: 'x' })).statusCode).toBe(403);

    // Refusals, with what was typed kept.
    const noReason = await change(item.id, { on: day(-12), reason: '', reasons: 'Typed again' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the decision is being changed');
    expect(noReason.body).toContain('Typed again');
    const early = await change(item.id, { on: day(-19) });
    expect(early.body).toContain(
      `The date of the decision must be on or after ${formatDate(received)}, when the recommendation and minutes were received`,
    );
    expect((await change(item.id, { on: day(1) })).body).toContain(
      'The date of the decision must be today or in the past',
    );
    const beforeStatus = await change(item.id, { on: day(-18) });
    expect(beforeStatus.statusCode).toBe(400);
    expect(beforeStatus.body).toContain(
      `The date of the decision must be on or after ${formatDate(day(-17))}, when the household became approved`,
    );
    const disagrees = await change(item.id, { on: day(-12), agrees: 'no' });
    expect(disagrees.body).toContain('Whether you agreed with the panel cannot be changed here');
    const adviserId = await userIdByUsername(db, 'adviser');
    expect((await change(item.id, { on: day(-12), decidedBy: adviserId })).body).toContain(
      'Select the decision maker from the list',
    );
    expect((await change(item.id, { on: day(-15) })).body).toContain('Nothing has changed');
    expect((await decisionOf(item.id)).decidedOn).toBe(day(-15));

    // The date put right: the decision, its letters' due dates, the status change and its deadline follow.
    const done = await change(item.id, { on: day(-12) });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/panel/items/${item.id}/decision?done=decision-changed`);
    const after = await decider.get(done.headers.location!);
    expect(after.body).toContain('The decision has been changed');
    expect(after.body).toContain(`Deregistered on ${formatDate(day(-12))}`);
    const d = await decisionOf(item.id);
    expect(d).toMatchObject({
      decidedOn: day(-12),
      toldDueOn: toldDueFor(day(-12)),
      letterDueOn: letterDueFor(day(-12)),
    });
    const [letters] = await db
      .select({ dueOn: dueItems.dueOn })
      .from(dueItems)
      .where(and(eq(dueItems.ruleId, 'panel.letters-due'), eq(dueItems.recordId, d.id)));
    expect(letters?.dueOn).toBe(toldDueFor(day(-12)));
    expect((await db.select().from(households).where(eq(households.id, h.id)))[0]).toMatchObject({
      status: 'deregistered',
      statusSince: day(-12),
    });
    expect((await statusEvents(h.id)).at(-1)).toEqual({ toStatus: 'deregistered', onDate: day(-12) });
    expect(await ambassador.now()).toMatchObject({ endedOn: day(-12), endedBy: 'approval-ended' });
    const ambassadors = (await (await signedIn(t.app, 'head')).get(householdAmbassadorsPath(h.id))).body;
    expect(ambassadors).toContain(formatDate(day(-12)));
    expect(ambassadors).not.toContain(formatDate(day(-15)));
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'agency-decision'), eq(auditEvents.recordId, d.id)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audit?.detail).toMatchObject({
      part: 'decision-details',
      fields: ['decidedOn'],
      was: { decidedOn: day(-15) },
      reason: 'The date was typed wrongly',
    });
    expect(auditWords('update', 'agency-decision', audit!.detail as Record<string, unknown>)).toBe(
      'Changed the date, reasons and decision maker on the agency decision',
    );

    // Once the applicant was told and written to, never after those; the earlier letter is theirs.
    await adviser.get(`/panel/items/${item.id}/decision`);
    const letter = await adviser.post(`/panel/items/${item.id}/letters`, {
      ...dateBoxes('toldOn', day(-11)),
      ...dateBoxes('letterSentOn', day(-10)),
    });
    expect(letter.statusCode).toBe(303);
    expect((await change(item.id, { on: day(-9) })).body).toContain(
      `The date of the decision must be on or before ${formatDate(day(-11))}, when the applicant was told`,
    );
    expect((await decider.get(changePath(item.id))).body).toContain('the household has the earlier letter');
    const reworded = await change(item.id, { on: day(-12), reasons: 'Agreed: the household has moved away' });
    expect(reworded.headers.location).toBe(`/panel/items/${item.id}/decision?done=decision-changed-letter`);
    const reread = await decider.get(reworded.headers.location!);
    expect(reread.body).toContain('Agreed: the household has moved away');
    expect(reread.body).toContain('The household has the earlier letter');
  });
});

describe('an approval decision put right', () => {
  it('moves a first approval’s date of approval with it, never after the post-approval interview', async () => {
    const h = await makeHousehold(db, { status: 'in_assessment', statusSince: day(-90), approvedOn: null });
    const item = await recommended('approval', h.id);
    await decide(item.id, day(-15));
    await db
      .insert(recruitmentPostApprovalInterviews)
      .values({ householdId: h.id, interviewedOn: day(-12), feedback: 'A good road in', mentorHelped: 'yes' });
    const late = await change(item.id, { on: day(-11) });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain(
      `The date of the decision must be on or before ${formatDate(day(-12))}, when the carers’ post-approval interview was held`,
    );
    expect((await decisionOf(item.id)).decidedOn).toBe(day(-15));

    expect((await change(item.id, { on: day(-13) })).statusCode).toBe(303);
    expect((await statusEvents(h.id)).at(-1)).toEqual({ toStatus: 'approved', onDate: day(-13) });
    expect((await db.select().from(households).where(eq(households.id, h.id)))[0]).toMatchObject({
      statusSince: day(-13),
      approvedOn: day(-13),
    });
    const household = (await (await signedIn(t.app, 'head')).get(`/households/${h.id}`)).body;
    expect(household).toContain(formatDate(day(-13)));
    expect(household).not.toContain(formatDate(day(-15)));
    const disagrees = await change(item.id, { on: day(-13), agrees: 'no' });
    expect(disagrees.body).toContain('record a new decision');
    expect((await change(item.id, { on: day(-13), reasons: 'Approved for two children' })).statusCode).toBe(303);
    expect((await decisionOf(item.id)).reasons).toBe('Approved for two children');
  });

  it('moves a re-approval’s status change, never after a child placed since', async () => {
    const h = await makeHousehold(db, { status: 'in_assessment', statusSince: day(-90), approvedOn: '2020-01-06' });
    const item = await recommended('approval', h.id);
    await decide(item.id, day(-15));
    const child = await makeChild(db, { firstName: 'Kai', lastName: 'Placedchild' });
    await makePlacement(db, { childId: child.id, householdId: h.id, startDate: day(-13) });
    expect((await change(item.id, { on: day(-12) })).body).toContain(
      `The date of the decision must be on or before ${formatDate(day(-13))}, when Kai Placedchild was placed with the household`,
    );
    expect((await change(item.id, { on: day(-14) })).statusCode).toBe(303);
    expect((await statusEvents(h.id)).at(-1)).toEqual({ toStatus: 'approved', onDate: day(-14) });
    expect((await db.select().from(households).where(eq(households.id, h.id)))[0]).toMatchObject({
      statusSince: day(-14),
      approvedOn: '2020-01-06',
    });
  });
});

describe('a decision that only notes the recommendation', () => {
  it('may say the decision maker did not agree, as it changes nothing of the household', async () => {
    const h = await makeHousehold(db, { status: 'approved', statusSince: day(-300) });
    const item = await recommended('standards_of_care', h.id);
    await decide(item.id, day(-15));
    const done = await change(item.id, { on: day(-15), agrees: 'no', reasons: 'I do not agree' });
    expect(done.statusCode).toBe(303);
    expect(await decisionOf(item.id)).toMatchObject({ agrees: false, outcome: 'noted', reasons: 'I do not agree' });
    expect((await decider.get(`/panel/items/${item.id}/decision`)).body).toContain('did not agree');
  });
});
