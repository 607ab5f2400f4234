/**
 * An allegation through the LADO process, as the people who work it use the pages: recorded by
 * the supervising social worker, referred, decided on and met about by the LADO, concluded, the
 * outcome given to the child and the carer, presented to the panel; bad input refused with
 * messages and nothing lost; the LADO's decision and the outcome put right by the LADO.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { formatDate } from '../../platform/views/format.ts';
import { concerns, significantEvents } from './tables.ts';
import { dateFields, householdWithChild, makeMatter } from './test-support.ts';

const t = testAppForFile();
const daysAgo = (n: number) => addDays(todayInLondon(), -n);
const idFrom = (location: unknown) => String(location).split('/')[2]!.split('?')[0]!;

describe('an allegation from recording to the panel', () => {
  it('is recorded by the SSW, worked by the LADO, given to the child and the carer, and presented to the panel', async () => {
    const db = t.database.db;
    const { household, carer, child } = await householdWithChild(db);
    const ssw = await signedIn(t.app, 'ssw');

    const choose = await ssw.get(`/households/${household.id}/concerns/new`);
    expect(choose.statusCode).toBe(200);
    expect(choose.body).toContain('What kind of matter is it?');
    const form = await ssw.get(`/households/${household.id}/concerns/new?kind=allegation`);
    expect(form.body).toContain('Robin Fixture (foster carer)');
    expect(form.body).toContain('Casey Fixture');

    const url = `/households/${household.id}/concerns/new`;
    const fields = {
      kind: 'allegation',
      about: `carer:${carer.id}`,
      raisedBy: 'professional',
      raisedByName: 'Ms Teacher, Oakfield Primary',
      ...dateFields('knownOn', daysAgo(20)),
      knownAtTime: '9.15',
      category: 'physical',
      summary: 'Bruising on the arm, said to be from being grabbed.',
      childIds: child.id,
    };
    const noCategory = await ssw.post(url, { ...fields, category: '' });
    expect(noCategory.statusCode).toBe(400);
    expect(noCategory.body).toContain('Select the category');
    expect(noCategory.body).toContain('Bruising on the arm');
    const recorded = await ssw.post(url, fields);
    expect(recorded.statusCode).toBe(303);
    const id = idFrom(recorded.headers.location);

    const page = await ssw.get(`/concerns/${id}`);
    expect(page.body).toContain('Allegation about Robin Fixture');
    expect(page.body).toContain('Not yet referred to the LADO');
    expect(page.body).toContain('Record the referral to the LADO');
    // The SSW does not take the LADO's steps.
    expect(page.body).not.toContain('Record the outcome');
    const [event] = await db.select().from(significantEvents).where(eq(significantEvents.concernId, id));
    expect(event?.kind).toBe('allegation');

    const referral = await ssw.post(`/concerns/${id}/referral`, {
      ...dateFields('referredOn', daysAgo(19)),
      ladoName: 'Laura Adeyemi',
    });
    expect(referral.statusCode).toBe(303);
    expect((await ssw.get(`/concerns/${id}/decision`)).statusCode).toBe(403);

    const lado = await signedIn(t.app, 'lado');
    expect((await lado.get(`/concerns/${id}`)).body).toContain('With the LADO');
    expect(
      (
        await lado.post(`/concerns/${id}/decision`, {
          ...dateFields('decisionOn', daysAgo(18)),
          immediateAction: 'strategy_meeting',
        })
      ).statusCode,
    ).toBe(303);
    const meeting = await lado.post(`/concerns/${id}/meetings/new`, {
      kind: 'strategy',
      ...dateFields('heldOn', daysAgo(15)),
      attendees: 'LADO, police, SSW, child’s social worker',
      decisions: 'Section 47 enquiry; placement continues with a safety plan.',
      police: 'yes',
      childrensServices: 'yes',
    });
    expect(meeting.statusCode).toBe(303);

    // An outcome dated before the referral: refused, with what was typed kept.
    const early = await lado.post(`/concerns/${id}/outcome`, {
      outcome: 'unsubstantiated',
      ...dateFields('outcomeOn', daysAgo(25)),
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('The date of the outcome must be on or after the referral to the LADO on');
    expect(early.body).toMatch(/value="unsubstantiated" checked/);
    expect((await db.select().from(concerns).where(eq(concerns.id, id)))[0]?.outcome).toBeNull();
    const outcome = await lado.post(`/concerns/${id}/outcome`, {
      outcome: 'unsubstantiated',
      ...dateFields('outcomeOn', daysAgo(5)),
    });
    expect(outcome.statusCode).toBe(303);

    const toldChild = await ssw.post(`/concerns/${id}/child-told?child=${child.id}`, {
      childId: child.id,
      ...dateFields('toldOn', daysAgo(3)),
      toldBy: 'Sam Sutherland, supervising social worker',
      toldHow: 'At a visit, in words Casey understood.',
    });
    expect(toldChild.statusCode).toBe(303);
    expect(
      (await ssw.post(`/concerns/${id}/carer-told`, { ...dateFields('toldOn', daysAgo(3)), toldBy: 'Sam Sutherland' }))
        .statusCode,
    ).toBe(303);
    // Presenting to the panel is the team manager's (or the head's).
    expect((await ssw.get(`/concerns/${id}/panel`)).statusCode).toBe(403);
    const manager = await signedIn(t.app, 'manager');
    const panel = await manager.post(`/concerns/${id}/panel`, {
      ...dateFields('presentedOn', daysAgo(1)),
      approvalReview: 'no',
    });
    expect(panel.statusCode).toBe(303);

    const done = await ssw.get(`/concerns/${id}`);
    expect(done.body).toContain('Outcome reached');
    expect(done.body).toContain('Outcome: Unsubstantiated');
    expect(done.body).toContain('Presented to the fostering panel');
    expect(done.body).toContain('Outcome given to Casey Fixture');
    expect(done.body).toContain('moj-timeline');
    // The stage and the deadlines are kept: no referral, decision or outcome is due any more.
    const due = await db
      .select({ rule: dueItems.ruleId })
      .from(dueItems)
      .where(and(eq(dueItems.recordId, id), eq(dueItems.recordType, 'concern')));
    expect(due.map((d) => d.rule).sort()).toEqual(['concerns.carer-support']);
    const trail = await db.select().from(auditEvents).where(eq(auditEvents.recordId, id));
    expect(trail.filter((e) => e.action === 'view').length).toBeGreaterThan(3);
    expect(trail.filter((e) => e.action === 'update').length).toBe(7);
  });
});

describe('the LADO’s decision put right', () => {
  it('is changed by the LADO on its own form, filled in, never before the referral', async () => {
    const db = t.database.db;
    const { household } = await householdWithChild(db);
    const matter = await makeMatter(db, {
      householdId: household.id,
      referredToLadoOn: daysAgo(20),
      ladoDecisionOn: daysAgo(19),
      immediateAction: 'strategy_meeting',
    });
    const path = `/concerns/${matter.id}/decision/change`;
    const lado = await signedIn(t.app, 'lado');
    expect((await lado.get(`/concerns/${matter.id}`)).body).toContain(`href="${path}"`);
    expect((await lado.get(path)).body).toMatch(/value="strategy_meeting" checked/);
    const change = (decisionOn: string, immediateAction: string, reason = 'Typed wrongly') =>
      lado.post(path, { ...dateFields('decisionOn', decisionOn), immediateAction, notes: '', reason });
    const early = await change(daysAgo(21), 'evaluation_meeting');
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('The date of the decision must be on or after the referral to the LADO');
    expect(early.body).toMatch(/value="evaluation_meeting" checked/);
    expect((await change(daysAgo(19), 'other')).body).toContain('Say what the other action is');

    const changed = await change(daysAgo(20), 'evaluation_meeting', 'The LADO decided on the day of the referral');
    expect(changed.statusCode).toBe(303);
    expect((await lado.get(String(changed.headers.location))).body).toContain('The LADO’s decision changed');
    expect((await db.select().from(concerns).where(eq(concerns.id, matter.id)))[0]).toMatchObject({
      ladoDecisionOn: daysAgo(20),
      immediateAction: 'evaluation_meeting',
    });
    const [entry] = await db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, matter.id), eq(auditEvents.action, 'update')));
    expect(entry?.detail).toMatchObject({
      part: 'lado-decision',
      fields: ['ladoDecisionOn', 'immediateAction'],
      was: { ladoDecisionOn: daysAgo(19), immediateAction: 'strategy_meeting' },
      reason: 'The LADO decided on the day of the referral',
    });
    expect((await (await signedIn(t.app, 'ssw')).get(path)).statusCode).toBe(403);
  });
});

describe('an allegation’s outcome put right', () => {
  it('is changed by the LADO on its own form, filled in, never before the referral nor after what followed it', async () => {
    const db = t.database.db;
    const { household } = await householdWithChild(db);
    const matter = await makeMatter(db, {
      householdId: household.id,
      referredToLadoOn: daysAgo(20),
      outcome: 'unsubstantiated',
      outcomeOn: daysAgo(10),
      carerToldOn: daysAgo(5),
    });
    const path = `/concerns/${matter.id}/outcome/change`;
    const lado = await signedIn(t.app, 'lado');
    expect((await lado.get(`/concerns/${matter.id}`)).body).toContain(`href="${path}"`);
    const form = await lado.get(path);
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/value="unsubstantiated" checked/);
    expect(form.body).toContain(`value="${Number(daysAgo(10).slice(8))}"`);

    const change = (outcomeOn: string, extra: Record<string, string> = { reason: 'The wrong outcome was ticked' }) =>
      lado.post(path, { outcome: 'substantiated', ...dateFields('outcomeOn', outcomeOn), ...extra });
    const afterTold = await change(daysAgo(4));
    expect(afterTold.statusCode).toBe(400);
    expect(afterTold.body).toContain(
      `The date of the outcome cannot be after the outcome given to the carer on ${formatDate(daysAgo(5))}`,
    );
    expect(afterTold.body).toMatch(/value="substantiated" checked/);
    const beforeReferral = await change(daysAgo(21));
    expect(beforeReferral.statusCode).toBe(400);
    expect(beforeReferral.body).toContain('The date of the outcome must be on or after the referral to the LADO');
    const noReason = await change(daysAgo(9), {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the outcome is being changed');
    expect((await db.select().from(concerns).where(eq(concerns.id, matter.id)))[0]).toMatchObject({
      outcome: 'unsubstantiated',
      outcomeOn: daysAgo(10),
    });

    const changed = await change(daysAgo(9));
    expect(changed.statusCode).toBe(303);
    const page = (await lado.get(String(changed.headers.location))).body;
    expect(page).toContain('Outcome changed');
    expect(page).toContain('Outcome: Substantiated');
    const [entry] = await db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, matter.id), eq(auditEvents.action, 'update')));
    expect(entry?.detail).toEqual({
      step: 'outcome-change',
      fields: ['outcome', 'outcomeOn'],
      part: 'lado-outcome',
      was: { outcome: 'unsubstantiated', outcomeOn: daysAgo(10) },
      reason: 'The wrong outcome was ticked',
    });
    // The outcome is the LADO's: the supervising social worker does not change it.
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/concerns/${matter.id}`)).body).not.toContain(`href="${path}"`);
    expect((await ssw.post(path, { outcome: 'false', ...dateFields('outcomeOn', daysAgo(9)) })).statusCode).toBe(403);
  });
});
