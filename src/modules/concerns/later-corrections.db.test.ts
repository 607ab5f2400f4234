/**
 * A matter's later steps put right on their own forms, filled in, with why: an allegation's
 * meeting (by the LADO), the outcome given to the carer and to a child, and the closing; each
 * refused, with what was typed kept, when it would fall before what it follows or after the
 * closing, and the audit trail keeps what it said.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild } from '../../../test/support/children.ts';
import { userIdByUsername } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { allegationMeetings, concernChildren, concerns } from './tables.ts';
import { dateFields, householdWithChild, makeMatter, makeStage } from './test-support.ts';

const t = testAppForFile();
const db = () => t.database.db;
const daysAgo = (n: number) => addDays(todayInLondon(), -n);
const day = (n: number) => formatDate(daysAgo(n));

/** The correction's audit entry on the matter (the only update the fixtures make). */
async function auditOf(id: string) {
  const [entry] = await db()
    .select({ detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.recordId, id), eq(auditEvents.action, 'update')));
  return entry?.detail;
}

async function makeMeeting(concernId: string, values: { kind: string; heldOn: string }) {
  const [row] = await db()
    .insert(allegationMeetings)
    .values({
      concernId,
      ...values,
      attendees: 'LADO, police, SSW',
      decisions: 'Section 47 enquiry; placement continues with a safety plan.',
      policeInvolved: true,
      childrensServicesInvolved: false,
      recordedBy: await userIdByUsername(db(), 'lado'),
    })
    .returning();
  return row!;
}

describe('an allegation’s meeting put right', () => {
  it('is changed by the LADO on its own form, never before the referral nor after the closing', async () => {
    const { household } = await householdWithChild(db());
    const matter = await makeMatter(db(), {
      householdId: household.id,
      referredToLadoOn: daysAgo(20),
      outcome: 'unsubstantiated',
      outcomeOn: daysAgo(5),
      closedOn: daysAgo(3),
      result: 'No further action.',
    });
    const meeting = await makeMeeting(matter.id, { kind: 'strategy', heldOn: daysAgo(15) });
    const later = await makeMeeting(matter.id, { kind: 'review', heldOn: daysAgo(10) });
    const path = `/concerns/${matter.id}/meetings/change`;
    const lado = await signedIn(t.app, 'lado');
    const page = (await lado.get(`/concerns/${matter.id}`)).body;
    expect(page).toContain(`href="${path}?meeting=${meeting.id}"`);
    expect(page).toContain(`href="${path}?meeting=${later.id}"`);
    expect(page).toContain(`Change<span class="govuk-visually-hidden"> the strategy meeting on ${day(15)}</span>`);

    const form = await lado.get(`${path}?meeting=${meeting.id}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/value="strategy" checked/);
    expect(form.body).toContain('LADO, police, SSW');
    expect(form.body).toContain(`value="${Number(daysAgo(15).slice(8))}"`);
    expect(form.body).toContain('Why is this being changed?');

    const change = (heldOn: string, extra: Record<string, string> = { reason: 'The date was typed wrongly' }) =>
      lado.post(`${path}?meeting=${meeting.id}`, {
        kind: 'evaluation',
        ...dateFields('heldOn', heldOn),
        attendees: 'LADO, police, SSW, the child’s social worker',
        decisions: 'Section 47 enquiry.',
        police: 'no',
        childrensServices: 'yes',
        ...extra,
      });
    const early = await change(daysAgo(21));
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain(`The date of the meeting must be on or after the referral to the LADO on ${day(20)}`);
    expect(early.body).toContain('the child’s social worker');
    expect(early.body).toMatch(/value="evaluation" checked/);
    const afterClosing = await change(daysAgo(2));
    expect(afterClosing.statusCode).toBe(400);
    expect(afterClosing.body).toContain(`The date of the meeting cannot be after its closing on ${day(3)}`);
    expect((await change(addDays(todayInLondon(), 1))).body).toContain(
      'The date of the meeting must be today or in the past',
    );
    expect((await change(daysAgo(18), {})).body).toContain('Enter why the meeting is being changed');
    expect(
      (await db().select().from(allegationMeetings).where(eq(allegationMeetings.id, meeting.id)))[0],
    ).toMatchObject({ kind: 'strategy', heldOn: daysAgo(15) });

    const changed = await change(daysAgo(18));
    expect(changed.statusCode).toBe(303);
    const after = (await lado.get(String(changed.headers.location))).body;
    expect(after).toContain('Meeting changed');
    expect(after).toContain('Evaluation meeting');
    // The first meeting's deadline reads the earliest meeting: met on its new date.
    expect(after).toMatch(new RegExp(`Done (late, )?${day(18)}`));
    expect(await auditOf(matter.id)).toEqual({
      step: 'meeting-change',
      fields: ['kind', 'heldOn', 'attendees', 'decisions', 'policeInvolved', 'childrensServicesInvolved'],
      part: 'allegation-meeting',
      meeting: meeting.id,
      was: {
        kind: 'strategy',
        heldOn: daysAgo(15),
        attendees: 'LADO, police, SSW',
        decisions: 'Section 47 enquiry; placement continues with a safety plan.',
        policeInvolved: true,
        childrensServicesInvolved: false,
      },
      reason: 'The date was typed wrongly',
    });

    // A meeting not of this matter, or no meeting at all, is not found.
    const other = await makeMatter(db(), { householdId: household.id, referredToLadoOn: daysAgo(20) });
    const elsewhere = await makeMeeting(other.id, { kind: 'strategy', heldOn: daysAgo(15) });
    for (const query of [`?meeting=${elsewhere.id}`, `?meeting=${randomUUID()}`, '?meeting=not-an-id', '']) {
      expect((await lado.get(`${path}${query}`)).statusCode, query).toBe(404);
    }
    // The meeting is the LADO's: the SSW neither sees the link nor changes it.
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/concerns/${matter.id}`)).body).not.toContain(path);
    expect((await ssw.get(`${path}?meeting=${meeting.id}`)).statusCode).toBe(403);
    expect((await ssw.post(`${path}?meeting=${meeting.id}`, { reason: 'x' })).statusCode).toBe(403);
  });
});

describe('the outcome given to the carer put right', () => {
  it('is changed by the household’s workers, never before the outcome nor after the closing', async () => {
    const { household } = await householdWithChild(db());
    const matter = await makeMatter(db(), {
      householdId: household.id,
      referredToLadoOn: daysAgo(20),
      outcome: 'unsubstantiated',
      outcomeOn: daysAgo(10),
      carerToldOn: daysAgo(5),
      carerToldBy: 'Sam Sutherland',
      closedOn: daysAgo(3),
    });
    const path = `/concerns/${matter.id}/carer-told/change`;
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/concerns/${matter.id}`)).body).toContain(
      `href="${path}">Change<span class="govuk-visually-hidden"> the outcome given to the carer</span>`,
    );
    const form = await ssw.get(path);
    expect(form.body).toContain('value="Sam Sutherland"');
    expect(form.body).toContain(`value="${Number(daysAgo(5).slice(8))}"`);

    const change = (toldOn: string, reason = 'Told by the team manager, not the SSW') =>
      ssw.post(path, { ...dateFields('toldOn', toldOn), toldBy: 'Morgan Lee, team manager', reason });
    const early = await change(daysAgo(11));
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain(`The date the carer was told must be on or after the outcome on ${day(10)}`);
    expect(early.body).toContain('value="Morgan Lee, team manager"');
    expect((await change(daysAgo(2))).body).toContain(
      `The date the carer was told cannot be after its closing on ${day(3)}`,
    );

    const changed = await change(daysAgo(6));
    expect(changed.statusCode).toBe(303);
    const page = (await ssw.get(String(changed.headers.location))).body;
    expect(page).toContain('Outcome given to the carer changed');
    expect(page).toContain('Morgan Lee, team manager');
    expect(await auditOf(matter.id)).toEqual({
      step: 'carer-told-change',
      fields: ['carerToldOn', 'carerToldBy'],
      part: 'outcome-to-carer',
      was: { carerToldOn: daysAgo(5), carerToldBy: 'Sam Sutherland' },
      reason: 'Told by the team manager, not the SSW',
    });
    // Not the LADO's to record; not seen at all by another team's SSW.
    expect((await (await signedIn(t.app, 'lado')).get(path)).statusCode).toBe(403);
    expect((await (await signedIn(t.app, 'ssw2')).get(path)).statusCode).toBe(404);
  });

  it('keeps a date told after the closing when only who told them is put right', async () => {
    const { household } = await householdWithChild(db());
    const matter = await makeMatter(db(), {
      householdId: household.id,
      referredToLadoOn: daysAgo(20),
      outcome: 'unfounded',
      outcomeOn: daysAgo(10),
      closedOn: daysAgo(8),
      carerToldOn: daysAgo(5),
      carerToldBy: 'Sam',
    });
    const ssw = await signedIn(t.app, 'ssw');
    const changed = await ssw.post(`/concerns/${matter.id}/carer-told/change`, {
      ...dateFields('toldOn', daysAgo(5)),
      toldBy: 'Sam Sutherland, supervising social worker',
      reason: 'Full name',
    });
    expect(changed.statusCode).toBe(303);
    expect((await db().select().from(concerns).where(eq(concerns.id, matter.id)))[0]?.carerToldBy).toBe(
      'Sam Sutherland, supervising social worker',
    );
  });
});

describe('the outcome given to a child put right', () => {
  it('is changed for the child named, never before the outcome nor after the closing; others are not found', async () => {
    const { household, child } = await householdWithChild(db());
    const rowan = await makeChild(db(), { firstName: 'Rowan', lastName: 'Fixture', socialWorker: null });
    const matter = await makeMatter(db(), {
      householdId: household.id,
      referredToLadoOn: daysAgo(20),
      outcome: 'unsubstantiated',
      outcomeOn: daysAgo(10),
      closedOn: daysAgo(2),
      childIds: [child.id, rowan.id],
    });
    await db()
      .update(concernChildren)
      .set({ outcomeToldOn: daysAgo(4), outcomeToldBy: 'Sam Sutherland', outcomeToldHow: 'At a visit.' })
      .where(eq(concernChildren.concernId, matter.id));
    const path = `/concerns/${matter.id}/child-told/change`;
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/concerns/${matter.id}`)).body).toContain(
      `href="${path}?child=${child.id}">Change<span class="govuk-visually-hidden"> the outcome given to Casey Fixture</span>`,
    );
    const form = await ssw.get(`${path}?child=${child.id}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Date Casey Fixture was told the outcome');
    expect(form.body).toContain('value="Sam Sutherland"');
    expect(form.body).toContain('At a visit.');

    const change = (toldOn: string) =>
      ssw.post(`${path}?child=${child.id}`, {
        ...dateFields('toldOn', toldOn),
        toldBy: 'Sam Sutherland',
        toldHow: 'At a visit, with the carer present, in words Casey understood.',
        reason: 'How was left short',
      });
    const early = await change(daysAgo(11));
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain(`The date Casey Fixture was told must be on or after the outcome on ${day(10)}`);
    expect(early.body).toContain('in words Casey understood');
    expect((await change(daysAgo(1))).body).toContain(
      `The date Casey Fixture was told cannot be after its closing on ${day(2)}`,
    );
    const changed = await change(daysAgo(3));
    expect(changed.statusCode).toBe(303);
    const page = (await ssw.get(String(changed.headers.location))).body;
    expect(page).toContain('Outcome given to the child changed');
    expect(page).toContain(`${day(3)}, by Sam Sutherland`);
    expect(await auditOf(matter.id)).toEqual({
      step: 'child-told-change',
      fields: ['outcomeToldOn', 'outcomeToldHow'],
      part: 'outcome-to-child',
      child: child.id,
      was: { outcomeToldOn: daysAgo(4), outcomeToldBy: 'Sam Sutherland', outcomeToldHow: 'At a visit.' },
      reason: 'How was left short',
    });

    const stranger = await makeChild(db(), { firstName: 'Alex', lastName: 'Elsewhere' });
    for (const query of [`?child=${stranger.id}`, `?child=${randomUUID()}`, '?child=nope', '']) {
      expect((await ssw.get(`${path}${query}`)).statusCode, query).toBe(404);
    }
    // A child's social worker changes it for their own child only.
    const cicsw = await signedIn(t.app, 'cicsw');
    expect((await cicsw.get(`${path}?child=${child.id}`)).statusCode).toBe(200);
    expect((await cicsw.get(`${path}?child=${rowan.id}`)).statusCode).toBe(403);
  });

  it('counts from a complaint’s first response', async () => {
    const { household, child } = await householdWithChild(db());
    const matter = await makeMatter(db(), {
      kind: 'complaint',
      householdId: household.id,
      knownOn: daysAgo(30),
      raisedBy: 'child',
      category: null,
      childIds: [child.id],
    });
    await makeStage(db(), matter.id, { receivedOn: daysAgo(30), respondedOn: daysAgo(20) });
    await db()
      .update(concernChildren)
      .set({ outcomeToldOn: daysAgo(15), outcomeToldBy: 'Sam', outcomeToldHow: 'By letter.' })
      .where(eq(concernChildren.concernId, matter.id));
    const early = await (
      await signedIn(t.app, 'ssw')
    ).post(`/concerns/${matter.id}/child-told/change?child=${child.id}`, {
      ...dateFields('toldOn', daysAgo(21)),
      toldBy: 'Sam',
      toldHow: 'By letter.',
      reason: 'Wrong date',
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain(
      `The date Casey Fixture was told must be on or after the response to the complaint on ${day(20)}`,
    );
  });
});

describe('a matter’s closing put right', () => {
  it('is changed by those who close it, never before the outcome nor before what came before the closing', async () => {
    const { household, child } = await householdWithChild(db());
    const matter = await makeMatter(db(), {
      householdId: household.id,
      referredToLadoOn: daysAgo(20),
      outcome: 'unsubstantiated',
      outcomeOn: daysAgo(10),
      carerToldOn: daysAgo(7),
      closedOn: daysAgo(2),
      result: 'Carers kept on.',
      childIds: [child.id],
    });
    await db()
      .update(concernChildren)
      .set({ outcomeToldOn: daysAgo(6), outcomeToldBy: 'Sam', outcomeToldHow: 'Visit' })
      .where(eq(concernChildren.concernId, matter.id));
    const path = `/concerns/${matter.id}/close/change`;
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get(`/concerns/${matter.id}`)).body).toContain(
      `href="${path}">Change<span class="govuk-visually-hidden"> the closing</span>`,
    );
    const form = await manager.get(path);
    expect(form.body).toContain('Carers kept on.');
    expect(form.body).toContain(`value="${Number(daysAgo(2).slice(8))}"`);

    const change = (closedOn: string) =>
      manager.post(path, {
        ...dateFields('closedOn', closedOn),
        result: 'Carers kept on.',
        learning: 'Safer caring plans reviewed after every allegation.',
        reason: 'The learning was left out',
      });
    const beforeChild = await change(daysAgo(7));
    expect(beforeChild.statusCode).toBe(400);
    expect(beforeChild.body).toContain(
      `The date it was closed cannot be before the outcome given to Casey Fixture on ${day(6)}`,
    );
    expect(beforeChild.body).toContain('Safer caring plans reviewed');
    expect((await change(daysAgo(11))).body).toContain(
      `The date it was closed must be on or after the outcome on ${day(10)}`,
    );
    expect((await change(addDays(todayInLondon(), 1))).body).toContain(
      'The date it was closed must be today or in the past',
    );

    const changed = await change(daysAgo(5));
    expect(changed.statusCode).toBe(303);
    const page = (await manager.get(String(changed.headers.location))).body;
    expect(page).toContain('Closing changed');
    expect(page).toContain(`Closed on ${day(5)}.`);
    expect(page).toContain('Safer caring plans reviewed after every allegation.');
    // The register's closed matters count it closed on its new date.
    expect((await db().select().from(concerns).where(eq(concerns.id, matter.id)))[0]?.closedOn).toBe(daysAgo(5));
    expect(await auditOf(matter.id)).toEqual({
      step: 'close-change',
      fields: ['closedOn', 'learning'],
      part: 'matter-closing',
      was: { closedOn: daysAgo(2), result: 'Carers kept on.', learning: null },
      reason: 'The learning was left out',
    });
    // Closing is not the LADO's; another team's SSW does not see the matter.
    expect((await (await signedIn(t.app, 'lado')).get(path)).statusCode).toBe(403);
    expect((await (await signedIn(t.app, 'ssw2')).post(path, { reason: 'x' })).statusCode).toBe(404);
  });

  it('asks what was found for a complaint, and keeps it on or after the response', async () => {
    const { household } = await householdWithChild(db());
    const matter = await makeMatter(db(), {
      kind: 'complaint',
      householdId: household.id,
      knownOn: daysAgo(30),
      raisedBy: 'parent',
      category: null,
      closedOn: daysAgo(5),
      result: 'Apology given.',
    });
    await makeStage(db(), matter.id, { receivedOn: daysAgo(30), respondedOn: daysAgo(10) });
    const refused = await (
      await signedIn(t.app, 'ssw')
    ).post(`/concerns/${matter.id}/close/change`, {
      ...dateFields('closedOn', daysAgo(11)),
      result: '',
      reason: 'Date',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(`The date it was closed must be on or after the response on ${day(10)}`);
    expect(refused.body).toContain('Enter what was found and what was done');
  });
});
