/** The panel's rules on small fixtures: quorum, papers, who opens them, recommendation, decision, the gate. */
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import type { Db } from '../../platform/db/client.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { addDays, addMonths, todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { households } from '../households/tables.ts';
import { recruitmentAssessments } from '../recruitment/tables.ts';
import { papersDueFor } from './dates.ts';
import { paperTypeOf } from './papers.ts';
import { quorumOf } from './quorum.ts';
import { panelAttendance, panelItems, panelMeetings, panelMembers, panelPapers } from './tables.ts';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(async () => {
  await t.close();
});

const today = todayInLondon();
const pdf = Buffer.from('%PDF-1.4 a made-up panel paper');

describe('the quorum', () => {
  it('needs five members (advisers not counted) with the chair or vice-chair, a social worker and an independent member', () => {
    expect(quorumOf(['chair', 'social_worker', 'independent', 'care_experienced', 'independent']).quorate).toBe(true);
    expect(quorumOf(['vice_chair', 'social_worker', 'independent', 'independent', 'independent']).quorate).toBe(true);
    const four = quorumOf(['chair', 'social_worker', 'independent', 'care_experienced', 'medical_adviser']);
    expect(four.quorate).toBe(false);
    expect(four.missing).toEqual(['1 more member']);
    const noChair = quorumOf(['independent', 'social_worker', 'independent', 'independent', 'care_experienced']);
    expect(noChair.missing).toEqual(['the chair or the vice-chair']);
  });
});

describe('papers', () => {
  it('are due 5 working days before the meeting (Monday 30 November 2026 for Monday 7 December)', () => {
    expect(papersDueFor('2026-12-07')).toBe('2026-11-30');
  });
  it('are PDF or Word by their first bytes', () => {
    expect(paperTypeOf(pdf)).toBe('application/pdf');
    expect(paperTypeOf(Buffer.from('GIF89a not a paper'))).toBeNull();
  });
});

async function member(role: string, userId: string | null = null) {
  const [row] = await db
    .insert(panelMembers)
    .values({ name: `Member ${role}`, role, joinedOn: '2024-01-01', userId })
    .returning();
  return row!;
}

async function meeting(meetsOn: string, roles: string[], chairUserId: string | null) {
  const [m] = await db
    .insert(panelMeetings)
    .values({ meetsOn, place: 'Room 1', papersDueOn: papersDueFor(meetsOn) })
    .returning();
  for (const [i, role] of roles.entries()) {
    // The chair's account has one member on the central list (the demo's chair): it sits as that member.
    const [linked] =
      i === 0 && chairUserId ? await db.select().from(panelMembers).where(eq(panelMembers.userId, chairUserId)) : [];
    const row = linked ?? (await member(role, i === 0 ? chairUserId : null));
    await db.insert(panelAttendance).values({ meetingId: m!.id, memberId: row.id });
  }
  return m!;
}

describe('a meeting to a decision', () => {
  it('refuses a recommendation without quorum, a decision before the recommendation, and approves only by the decision', async () => {
    const panelUser = await userIdByUsername(db, 'panel');
    const h = await makeHousehold(db, { status: 'in_assessment', statusSince: addDays(today, -90), approvedOn: null });
    const m = await meeting(
      addDays(today, -1),
      ['chair', 'social_worker', 'independent', 'care_experienced'],
      panelUser,
    );
    const [item] = await db
      .insert(panelItems)
      .values({ meetingId: m.id, kind: 'approval', householdId: h.id, places: 2, ageMin: 0, ageMax: 10 })
      .returning();
    // The household applied 90 days ago: its 8-month clock to panel runs until the recommendation.
    await db.insert(recruitmentAssessments).values({ householdId: h.id, appliedOn: addDays(today, -90) });
    await refreshDueItems(db, 'household', [h.id]);
    const clock = () =>
      db
        .select({ dueOn: dueItems.dueOn })
        .from(dueItems)
        .where(and(eq(dueItems.ruleId, 'recruitment.panel-clock'), eq(dueItems.recordId, h.id)));
    expect(await clock()).toEqual([{ dueOn: addMonths(addDays(today, -90), 8) }]);
    const adviser = await signedIn(t.app, 'adviser');
    const form = {
      recommendation: 'approve',
      reasons: 'A thorough assessment',
      votesFor: '4',
      votesAgainst: '0',
      votesAbstaining: '0',
    };
    await adviser.get(`/panel/items/${item!.id}/recommendation`);
    const notQuorate = await adviser.post(`/panel/items/${item!.id}/recommendation`, form);
    expect(notQuorate.statusCode).toBe(400);
    expect(notQuorate.body).toContain('The meeting is not quorate');

    const decider = await signedIn(t.app, 'decider');
    await decider.get(`/panel/items/${item!.id}/decision`);
    const early = await decider.post(`/panel/items/${item!.id}/decision`, {
      agrees: 'yes',
      reasons: 'Agreed',
      'decidedOn-day': String(Number(today.slice(8))),
      'decidedOn-month': String(Number(today.slice(5, 7))),
      'decidedOn-year': today.slice(0, 4),
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('have not reached you yet');

    // A fifth member makes it quorate; the recommendation, the chair's signature, then the decision.
    const fifth = await member('independent');
    await db.insert(panelAttendance).values({ meetingId: m.id, memberId: fifth.id });
    await adviser.get(`/panel/items/${item!.id}/recommendation`);
    expect((await adviser.post(`/panel/items/${item!.id}/recommendation`, form)).statusCode).toBe(303);
    expect(await clock()).toEqual([]);
    const chair = await signedIn(t.app, 'panel');
    await chair.get(`/panel/meetings/${m.id}`);
    expect((await chair.post(`/panel/meetings/${m.id}/minutes`, { minutes: 'Approved unanimously' })).statusCode).toBe(
      303,
    );

    // A recommendation recorded wrongly: the chair withdraws the signature, with why; the adviser
    // records it again and the chair signs again, the minutes they wrote offered again.
    const withdraw = `/panel/meetings/${m.id}/minutes/withdraw`;
    expect((await chair.get(`/panel/meetings/${m.id}`)).body).toContain(`href="${withdraw}"`);
    expect((await adviser.get(withdraw)).statusCode).toBe(403);
    expect((await chair.get(withdraw)).body).toContain(`You signed the minutes on ${formatDate(today)}`);
    const noReason = await chair.post(withdraw, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the signature is being withdrawn');
    const withdrawn = await chair.post(withdraw, { reason: 'The recommendation gave the wrong age range' });
    expect(withdrawn.headers.location).toBe(`/panel/meetings/${m.id}?done=minutes-withdrawn`);
    const reopened = (await chair.get(String(withdrawn.headers.location))).body;
    expect(reopened).toContain('The signature of the minutes has been withdrawn');
    expect(reopened).toContain('Approved unanimously</textarea>');
    await decider.get(`/panel/items/${item!.id}/decision`);
    const waiting = await decider.post(`/panel/items/${item!.id}/decision`, {
      agrees: 'yes',
      reasons: 'Agreed',
      ...dateBoxes('decidedOn', today),
    });
    expect(waiting.body).toContain('have not reached you yet');
    const [trail] = await db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, m.id), eq(auditEvents.action, 'update')))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(trail?.detail).toEqual({
      part: 'minutes-signature',
      wasSignedOn: today,
      reason: 'The recommendation gave the wrong age range',
    });
    await adviser.get(`/panel/items/${item!.id}/recommendation`);
    expect((await adviser.post(`/panel/items/${item!.id}/recommendation`, form)).statusCode).toBe(303);
    await chair.get(`/panel/meetings/${m.id}`);
    expect((await chair.post(`/panel/meetings/${m.id}/minutes`, { minutes: 'Approved unanimously' })).statusCode).toBe(
      303,
    );

    await decider.get(`/panel/items/${item!.id}/decision`);
    const decided = await decider.post(`/panel/items/${item!.id}/decision`, {
      agrees: 'yes',
      reasons: 'Agreed',
      'decidedOn-day': String(Number(today.slice(8))),
      'decidedOn-month': String(Number(today.slice(5, 7))),
      'decidedOn-year': today.slice(0, 4),
    });
    expect(decided.statusCode).toBe(303);
    // Once decided on, the minutes stand.
    expect((await chair.get(`/panel/meetings/${m.id}`)).body).not.toContain(`href="${withdraw}"`);
    const late = await chair.get(withdraw);
    expect(late.statusCode).toBe(403);
    expect(late.body).toContain(`The signature cannot be withdrawn: the agency decision maker decided on`);
    const [after] = await db.select().from(households).where(eq(households.id, h.id));
    expect(after).toMatchObject({ status: 'approved', approvedOn: today, approvedPlaces: 2, ageMin: 0, ageMax: 10 });
  });
});

describe('a panel member and the papers', () => {
  it('opens only papers of meetings they sit on, from publication until the minutes are signed', async () => {
    const panelUser = await userIdByUsername(db, 'panel');
    const h = await makeHousehold(db, { status: 'in_assessment', statusSince: addDays(today, -90), approvedOn: null });
    const theirs = await meeting(addDays(today, 10), ['chair'], panelUser);
    const other = await meeting(addDays(today, 10), ['chair'], null);
    const paper = async (meetingId: string, publishedOn: string | null) => {
      const [item] = await db.insert(panelItems).values({ meetingId, kind: 'approval', householdId: h.id }).returning();
      const [row] = await db
        .insert(panelPapers)
        .values({
          itemId: item!.id,
          title: 'Form F report',
          fileName: 'form-f.pdf',
          contentType: 'application/pdf',
          bytes: pdf,
          size: pdf.length,
          qaOutcome: 'accepted',
          qaOn: today,
          publishedOn,
        })
        .returning();
      return row!;
    };
    const published = await paper(theirs.id, today);
    const unpublished = await paper(theirs.id, null);
    const elsewhere = await paper(other.id, today);
    const agent = await signedIn(t.app, 'panel');
    expect((await agent.get(`/panel/papers/${published.id}`)).statusCode).toBe(200);
    expect((await agent.get(`/panel/papers/${unpublished.id}`)).statusCode).toBe(404);
    expect((await agent.get(`/panel/papers/${elsewhere.id}`)).statusCode).toBe(404);
    expect((await agent.get(`/panel/meetings/${other.id}`)).statusCode).toBe(404);
    // The meeting's page links the papers the reader may open, and only names the others.
    const page = (await agent.get(`/panel/meetings/${theirs.id}`)).body;
    expect(page).toContain(`href="/panel/papers/${published.id}"`);
    expect(page).not.toContain(`href="/panel/papers/${unpublished.id}"`);
    expect(page).toContain('Form F report (for the panel and the household’s workers)');
    const westWorker = await signedIn(t.app, 'ssw2');
    const seenByWest = await westWorker.get(`/panel/meetings/${theirs.id}`);
    expect(seenByWest.statusCode).toBe(200);
    expect(seenByWest.body).not.toContain('href="/panel/papers/');
    expect((await westWorker.get(`/panel/papers/${published.id}`)).statusCode).toBe(404);
    await db.update(panelMeetings).set({ minutesSignedOn: today }).where(eq(panelMeetings.id, theirs.id));
    expect((await agent.get(`/panel/papers/${published.id}`)).statusCode).toBe(404);
  });
});
