/**
 * An agency decision withdrawn as recorded in error: what it changed taken back from the household
 * (its status, date of approval, terms, skills level), the recommendation back in the decision
 * maker's queue with its deadline, the letters' deadlines gone, the audit trail; and what refuses it.
 */
import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile, type Agent } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { auditWords } from '../../platform/audit/words.ts';
import type { Db } from '../../platform/db/client.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { makeAmbassador } from '../ambassadors/test-support.ts';
import { householdStatusEvents, households } from '../households/tables.ts';
import { agencyDecisions } from './tables.ts';
import { decideThroughPage, recommendedItem } from './test-support.ts';

const t = testAppForFile();
let db: Db;
let decider: Agent;
let adviser: Agent;
beforeAll(async () => {
  db = t.database.db;
  decider = await signedIn(t.app, 'decider');
  adviser = await signedIn(t.app, 'adviser');
});

const today = todayInLondon();
const day = (n: number) => addDays(today, n);

const decisionPage = (itemId: string) => `/panel/items/${itemId}/decision`;
const withdrawPath = (itemId: string) => `/panel/items/${itemId}/decision/withdraw`;

/** A recommendation on the household decided 15 days ago through the page, agreeing with the panel. */
async function decided(kind: string, householdId: string, skillLevel?: number) {
  const item = await recommendedItem(db, { kind, householdId, meetsOn: day(-20), signedOn: day(-18), skillLevel });
  expect((await decideThroughPage(decider, item.id, day(-15))).statusCode).toBe(303);
  return item;
}

async function withdraw(itemId: string, reason = 'Recorded on the wrong household’s item') {
  await decider.get(withdrawPath(itemId));
  return decider.post(withdrawPath(itemId), { reason });
}

const householdOf = async (id: string) => (await db.select().from(households).where(eq(households.id, id)))[0]!;
const decisionsOn = (itemId: string) => db.select().from(agencyDecisions).where(eq(agencyDecisions.itemId, itemId));
const dueFor = (ruleId: string, recordId: string) =>
  db
    .select({ dueOn: dueItems.dueOn })
    .from(dueItems)
    .where(and(eq(dueItems.ruleId, ruleId), eq(dueItems.recordId, recordId)));

describe('an approval withdrawn as recorded in error', () => {
  it('puts the household back in assessment, its terms as they were, and the recommendation back in the queue', async () => {
    const h = await makeHousehold(db, { status: 'in_assessment', statusSince: day(-60), ageMin: 5, ageMax: 12 });
    const item = await decided('approval', h.id);
    const [decision] = await decisionsOn(item.id);
    expect(await householdOf(h.id)).toMatchObject({ status: 'approved', approvedOn: day(-15), approvedPlaces: 2 });
    expect(await dueFor('panel.letters-due', decision!.id)).toHaveLength(1);

    // The decision page offers the withdrawal to the decision maker only.
    const page = await decider.get(decisionPage(item.id));
    expect(page.body).toContain('Withdraw the decision (recorded in error)');
    expect((await adviser.get(decisionPage(item.id))).body).not.toContain('Withdraw the decision');
    expect((await adviser.get(withdrawPath(item.id))).statusCode).toBe(403);
    expect((await adviser.post(withdrawPath(item.id), { reason: 'x' })).statusCode).toBe(403);

    const form = await decider.get(withdrawPath(item.id));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Withdraw the agency decision');
    expect(form.body).toContain(`Approved on ${formatDate(day(-15))}`);
    const noReason = await withdraw(item.id, '');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the decision is being withdrawn');
    expect(await decisionsOn(item.id)).toHaveLength(1);

    const done = await withdraw(item.id);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${decisionPage(item.id)}?done=decision-withdrawn`);
    const after = await decider.get(done.headers.location!);
    expect(after.body).toContain('The decision has been withdrawn and what it changed taken back');
    expect(after.body).toContain('Record the decision');
    expect(await decisionsOn(item.id)).toHaveLength(0);

    // The household as it was before the decision: in assessment since its day, no date of approval, its terms back.
    expect(await householdOf(h.id)).toMatchObject({
      status: 'in_assessment',
      statusSince: day(-60),
      approvedOn: null,
      approvedPlaces: 0,
      ageMin: 5,
      ageMax: 12,
    });
    const events = await db
      .select({ toStatus: householdStatusEvents.toStatus })
      .from(householdStatusEvents)
      .where(eq(householdStatusEvents.householdId, h.id));
    expect(events.map((e) => e.toStatus)).toEqual(['in_assessment']);
    expect((await (await signedIn(t.app, 'head')).get(`/households/${h.id}`)).body).toContain('In assessment');

    // The letters are no longer due; the decision is due again, in the queue.
    expect(await dueFor('panel.letters-due', decision!.id)).toHaveLength(0);
    expect(await dueFor('panel.decision-due', item.id)).toHaveLength(1);
    expect((await decider.get('/panel/decisions')).body).toContain(h.name);

    // The audit trail keeps what the decision said, who withdrew it and why.
    const [entry] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'agency-decision'), eq(auditEvents.recordId, decision!.id)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(entry).toMatchObject({ action: 'withdraw' });
    expect(entry!.detail).toMatchObject({
      was: { outcome: 'approve', decidedOn: day(-15) },
      reason: 'Recorded on the wrong household’s item',
    });
    expect(auditWords('withdraw', 'agency-decision', null)).toBe('Withdrew the agency decision');
    const [undone] = await db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.recordType, 'household'), eq(auditEvents.recordId, h.id), eq(auditEvents.action, 'undo')),
      );
    expect(undone!.detail).toMatchObject({
      was: { status: 'approved', approvedOn: day(-15) },
      backTo: 'in_assessment',
    });
    expect(auditWords('undo', 'household', undone!.detail as Record<string, unknown>)).toBe(
      'Undid the changes of a withdrawn agency decision on the household record',
    );

    // The decision maker decides again: this time not agreeing, the household stays in assessment.
    expect((await decideThroughPage(decider, item.id, day(-14), 'no')).statusCode).toBe(303);
    expect((await decisionsOn(item.id))[0]).toMatchObject({ outcome: 'not_approve' });
    expect((await householdOf(h.id)).status).toBe('in_assessment');
  });

  it('is refused once a child was placed, the applicant told or the status changed since, keeping the decision', async () => {
    const placed = await makeHousehold(db, { status: 'in_assessment', statusSince: day(-60) });
    const first = await decided('approval', placed.id);
    const child = await makeChild(db, { firstName: 'Kai', lastName: 'Placedchild' });
    await makePlacement(db, { childId: child.id, householdId: placed.id, startDate: day(-10) });
    const message = `The decision cannot be withdrawn: Kai Placedchild was placed with the household on ${formatDate(day(-10))}, after the approval`;
    expect((await decider.get(decisionPage(first.id))).body).not.toContain('Withdraw the decision');
    const refusedPage = await decider.get(withdrawPath(first.id));
    expect(refusedPage.statusCode).toBe(403);
    expect(refusedPage.body).toContain(message);
    expect((await decider.post(withdrawPath(first.id), { reason: 'Wrong item' })).body).toContain(message);
    expect((await householdOf(placed.id)).status).toBe('approved');

    const told = await makeHousehold(db, { status: 'in_assessment', statusSince: day(-60) });
    const second = await decided('approval', told.id);
    await adviser.get(decisionPage(second.id));
    await adviser.post(`/panel/items/${second.id}/letters`, { ...dateBoxes('toldOn', day(-14)) });
    expect((await decider.get(withdrawPath(second.id))).body).toContain(
      `The decision cannot be withdrawn: the applicant was told of it on ${formatDate(day(-14))}`,
    );
    expect(await decisionsOn(second.id)).toHaveLength(1);

    const moved = await makeHousehold(db, { status: 'in_assessment', statusSince: day(-60) });
    const third = await decided('approval', moved.id);
    await db
      .update(households)
      .set({ status: 'on_hold', statusSince: day(-5) })
      .where(eq(households.id, moved.id));
    await db.insert(householdStatusEvents).values({
      householdId: moved.id,
      fromStatus: 'approved',
      toStatus: 'on_hold',
      onDate: day(-5),
      origin: 'status-page',
    });
    // Asked of the households module before the form is shown: no link, and the page says why.
    expect((await decider.get(decisionPage(third.id))).body).not.toContain('Withdraw the decision');
    const later = await withdraw(third.id);
    expect(later.statusCode).toBe(403);
    expect(later.body).toContain(
      `The decision cannot be withdrawn: the household’s status has changed since it (on hold from ${formatDate(day(-5))})`,
    );
    expect(await decisionsOn(third.id)).toHaveLength(1);
    expect((await householdOf(moved.id)).status).toBe('on_hold');
  });
});

describe('other decisions withdrawn', () => {
  it('puts back the level a skills level decision set, and the terms a change of terms set, the latest first', async () => {
    const h = await makeHousehold(db, { status: 'approved', statusSince: day(-400), approvedPlaces: 3, ageMax: 17 });
    const terms = await decided('change_of_terms', h.id);
    expect(await householdOf(h.id)).toMatchObject({ approvedPlaces: 2, ageMax: 10 });
    const level = await decided('skills_level', h.id, 2);
    expect((await householdOf(h.id)).skillLevel).toBe(2);
    expect((await withdraw(terms.id)).body).toContain(
      `The decision cannot be withdrawn: a later agency decision (skills level changed, ${formatDate(day(-15))}) changed the household after it`,
    );

    // A decision recorded before Hearth kept what it replaced cannot say what to put back.
    await db.update(agencyDecisions).set({ householdBefore: null }).where(eq(agencyDecisions.itemId, level.id));
    expect((await withdraw(level.id)).body).toContain(
      'The decision cannot be withdrawn: it was recorded before Hearth kept the skills level it replaced',
    );
    await db
      .update(agencyDecisions)
      .set({ householdBefore: { approvedPlaces: 2, ageMin: 0, ageMax: 10, skillLevel: 1 } })
      .where(eq(agencyDecisions.itemId, level.id));
    expect((await withdraw(level.id)).statusCode).toBe(303);
    expect((await householdOf(h.id)).skillLevel).toBe(1);

    expect((await withdraw(terms.id)).statusCode).toBe(303);
    expect(await householdOf(h.id)).toMatchObject({ status: 'approved', approvedPlaces: 3, ageMax: 17, skillLevel: 1 });
  });

  it('undoes a deregistration, and withdraws a decision not to approve leaving the household as it is', async () => {
    const h = await makeHousehold(db, { status: 'approved', statusSince: day(-400) });
    // One of its carers is a Carer Ambassador: their time ends with the deregistration, and comes back with its withdrawal.
    const ambassador = await makeAmbassador(db, h.id, { firstName: 'Ambra', lastName: 'Withdrawn' }, day(-300));
    const deregistration = await decided('deregistration', h.id);
    expect((await householdOf(h.id)).status).toBe('deregistered');
    expect(await ambassador.now()).toMatchObject({ endedBy: 'approval-ended' });
    expect((await ambassador.now()).endedOn).not.toBeNull();
    expect((await withdraw(deregistration.id)).statusCode).toBe(303);
    expect(await householdOf(h.id)).toMatchObject({ status: 'approved', statusSince: day(-400) });
    expect(await ambassador.now()).toMatchObject({ endedOn: null, endedBy: null });

    const assessed = await makeHousehold(db, { status: 'in_assessment', statusSince: day(-60) });
    const item = await recommendedItem(db, {
      kind: 'approval',
      householdId: assessed.id,
      meetsOn: day(-20),
      signedOn: day(-18),
    });
    expect((await decideThroughPage(decider, item.id, day(-15), 'no')).statusCode).toBe(303);
    const before = await householdOf(assessed.id);
    expect((await withdraw(item.id)).statusCode).toBe(303);
    expect(await decisionsOn(item.id)).toHaveLength(0);
    expect(await householdOf(assessed.id)).toMatchObject({ status: before.status, updatedAt: before.updatedAt });
  });
});
