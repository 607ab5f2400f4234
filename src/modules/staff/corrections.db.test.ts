/**
 * Putting right a member's supervision folder through its pages: a session changed on its own form
 * (a signed one loses the member's signature and waits for it again), a session recorded in error
 * removed with why, a training record changed or removed; the deadlines, the measure, the audit
 * trail and the pages follow. Only the member's manager: never the member, never another team's.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { userIdByUsername } from '../../../test/support/households.ts';
import { auditWords } from '../../platform/audit/words.ts';
import { addDays, addWeeks, todayInLondon } from '../../platform/dates/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { measureRecords, periodOf } from '../../platform/measures/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { auditTrail, dateFields } from '../placements/test-support.ts';
import { staffTrainingUpToDate } from './measures.ts';
import { staffSessions, staffTraining } from './tables.ts';
import { makeSession, makeStaffUser, makeStart, makeTraining } from './test-support.ts';

const t = testAppForFile();
const daysAgo = (n: number) => addDays(todayInLondon(), -n);

/** The session form as the manager sends it, every field filled. */
const sessionBody = (heldOn: string, caseDiscussion = 'Fixture discussion.') => ({
  ...dateFields('heldOn', heldOn),
  caseDiscussion,
  wellbeing: 'Fixture wellbeing.',
  development: 'Fixture development.',
  actions: 'Fixture actions.',
  pdpReviewed: 'no',
});

async function dueOf(memberId: string, rule: string, detail?: string) {
  const items = await t.database.db
    .select()
    .from(dueItems)
    .where(and(eq(dueItems.ruleId, rule), eq(dueItems.recordId, memberId)));
  return items.filter((i) => !detail || i.detail?.startsWith(detail)).map((i) => i.dueOn);
}

const sessionRow = async (id: string) =>
  (await t.database.db.select().from(staffSessions).where(eq(staffSessions.id, id)))[0];

const entries = async (memberId: string, action: string, part: string) =>
  (await auditTrail(t, 'staff-member', memberId)).filter(
    (e) => e.action === action && (e.detail as { part?: string } | null)?.part === part,
  );

describe('changing a supervision session', () => {
  it('clears the member’s signature on a signed record, asks them to sign again, and moves the next session due', async () => {
    const db = t.database.db;
    const manager = await signedIn(t.app, 'manager');
    const member = await makeStaffUser(db, { displayName: 'Casey Change' });
    const s = await makeSession(db, member.id, daysAgo(30), await userIdByUsername(db, 'manager'));
    const own = await signedIn(t.app, member.username);
    expect(
      (await own.post(`/staff/sessions/${s.id}/sign`, { confirm: 'yes', staffComment: 'Agreed, with thanks.' }))
        .statusCode,
    ).toBe(303);
    expect(await dueOf(member.id, 'staff.supervision')).toEqual([addWeeks(daysAgo(30), 6)]);

    // Only the manager is offered the change; the member reads their record without it.
    const page = await manager.get(`/staff/sessions/${s.id}`);
    expect(page.body).toContain(`href="/staff/sessions/${s.id}/change"`);
    expect(page.body).toContain(`href="/staff/sessions/${s.id}/remove"`);
    for (const reader of [own, await signedIn(t.app, 'director')]) {
      const read = await reader.get(`/staff/sessions/${s.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.body).not.toContain(`/staff/sessions/${s.id}/change`);
      expect(read.body).not.toContain(`/staff/sessions/${s.id}/remove`);
    }

    // The form it was recorded on, filled in, saying what saving does to the signature.
    const form = await manager.get(`/staff/sessions/${s.id}/change`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Fixture discussion.</textarea>');
    expect(form.body).toContain(`value="${Number(daysAgo(30).slice(8))}"`);
    expect(form.body).toContain(`Casey Change signed this record on ${formatDate(todayInLondon())}`);
    expect(form.body).toContain('Saving your changes clears their signature');

    const saved = await manager.post(
      `/staff/sessions/${s.id}/change`,
      sessionBody(daysAgo(20), 'Discussed the Ellis household’s respite plan.'),
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/staff/sessions/${s.id}?done=changed-sign-again`);
    const after = await manager.get(saved.headers.location as string);
    expect(after.body).toContain(
      'Casey Change’s signature has been cleared: they are asked to sign the changed record',
    );
    expect(after.body).toContain(`Supervision on ${formatDate(daysAgo(20))}`);
    expect(after.body).toContain('Discussed the Ellis household’s respite plan.');
    expect(after.body).toContain('Not yet signed');
    expect(after.body).toContain('Casey Change is asked to sign the changed record');
    expect(after.body).toContain('Comment by the member of staff on an earlier version of this record');
    // No signed record to download until the member signs again.
    expect((await manager.get(`/staff/sessions/${s.id}/record.pdf`)).statusCode).toBe(404);

    // The next session due follows the new date; the folder shows it awaiting signature.
    expect(await dueOf(member.id, 'staff.supervision')).toEqual([addWeeks(daysAgo(20), 6)]);
    expect((await manager.get(`/staff/${member.id}`)).body).toContain('Awaiting signature');
    const [changed] = await entries(member.id, 'update', 'staff-session');
    expect(changed?.detail).toMatchObject({
      session: s.id,
      heldOn: daysAgo(20),
      wasHeldOn: daysAgo(30),
      signatureCleared: true,
      changed: ['heldOn', 'caseDiscussion'],
    });
    expect(auditWords('update', 'staff-member', changed!.detail)).toBe(
      'Changed a supervision session on the staff member’s supervision folder',
    );

    // The member is asked again, with their earlier comment offered; a page opened before a change signs nothing.
    const mine = await own.get('/my-supervision');
    expect(mine.body).toContain(`Sign the record of ${formatDate(daysAgo(20))}`);
    const sign = await own.get(`/staff/sessions/${s.id}/sign`);
    expect(sign.body).toContain('Agreed, with thanks.</textarea>');
    const stale = await own.post(`/staff/sessions/${s.id}/sign`, {
      confirm: 'yes',
      version: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(stale.statusCode).toBe(400);
    expect(stale.body).toContain('This supervision record was changed after you opened it');
    expect((await sessionRow(s.id))?.staffSignedAt).toBeNull();
    const version = /name="version" value="([^"]+)"/.exec(sign.body)![1]!;
    expect((await own.post(`/staff/sessions/${s.id}/sign`, { confirm: 'yes', version })).statusCode).toBe(303);
    expect((await manager.get(`/staff/sessions/${s.id}`)).body).not.toContain('Not yet signed');
  });

  it('keeps an unsigned record waiting, says when nothing changed, and refuses bad dates keeping what was typed', async () => {
    const db = t.database.db;
    const manager = await signedIn(t.app, 'manager');
    const member = await makeStaffUser(db, { displayName: 'Drew Dates' });
    const s = await makeSession(db, member.id, daysAgo(14), await userIdByUsername(db, 'manager'));
    const form = await manager.get(`/staff/sessions/${s.id}/change`);
    expect(form.body).not.toContain('clears their signature');

    const same = await manager.post(`/staff/sessions/${s.id}/change`, sessionBody(daysAgo(14)));
    expect(same.headers.location).toBe(`/staff/sessions/${s.id}?done=unchanged`);
    expect((await manager.get(same.headers.location as string)).body).toContain('Nothing was changed');
    expect(await entries(member.id, 'update', 'staff-session')).toHaveLength(0);

    const future = await manager.post(
      `/staff/sessions/${s.id}/change`,
      sessionBody(addDays(todayInLondon(), 2), 'A typed correction.'),
    );
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The date of the session must be today or in the past');
    expect(future.body).toContain('A typed correction.</textarea>');
    const unreal = await manager.post(`/staff/sessions/${s.id}/change`, {
      ...sessionBody(daysAgo(1), 'A typed correction.'),
      'heldOn-day': '31',
      'heldOn-month': '2',
    });
    expect(unreal.statusCode).toBe(400);
    expect(unreal.body).toContain('Date of the session must be a real date');
    expect(unreal.body).toContain('value="31"');
    expect(unreal.body).toContain('A typed correction.</textarea>');
    expect((await sessionRow(s.id))?.caseDiscussion).toBe('Fixture discussion.');

    const saved = await manager.post(`/staff/sessions/${s.id}/change`, sessionBody(daysAgo(14), 'Corrected.'));
    expect(saved.headers.location).toBe(`/staff/sessions/${s.id}?done=changed`);
    expect((await manager.get(saved.headers.location as string)).body).toContain(
      'The supervision session has been changed',
    );
  });
});

describe('removing a supervision session recorded in error', () => {
  it('asks why, removes it, and works the next supervision due out again without it', async () => {
    const db = t.database.db;
    const managerId = await userIdByUsername(db, 'manager');
    const manager = await signedIn(t.app, 'manager');
    const member = await makeStaffUser(db, { displayName: 'Rowan Removed' });
    await makeSession(db, member.id, daysAgo(50), managerId);
    const wrong = await makeSession(db, member.id, daysAgo(5), managerId);
    expect(await dueOf(member.id, 'staff.supervision')).toEqual([addWeeks(daysAgo(5), 6)]);

    const page = await manager.get(`/staff/sessions/${wrong.id}/remove`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Remove the supervision session of ${formatDate(daysAgo(5))}`);
    expect(page.body).toContain('Why is the session being removed?');
    const noReason = await manager.post(`/staff/sessions/${wrong.id}/remove`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the session is being removed');

    const removed = await manager.post(`/staff/sessions/${wrong.id}/remove`, {
      reason: 'Recorded for the wrong worker.',
    });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/staff/${member.id}?done=session-removed`);
    const folder = await manager.get(removed.headers.location as string);
    expect(folder.body).toContain('The supervision session has been removed');
    expect(folder.body).not.toContain(`/staff/sessions/${wrong.id}`);
    expect((await manager.get(`/staff/sessions/${wrong.id}`)).statusCode).toBe(404);
    expect(await dueOf(member.id, 'staff.supervision')).toEqual([addWeeks(daysAgo(50), 6)]);
    const [entry] = await entries(member.id, 'delete', 'staff-session');
    expect(entry?.detail).toMatchObject({
      session: wrong.id,
      heldOn: daysAgo(5),
      reason: 'Recorded for the wrong worker.',
    });
  });
});

describe('who may put a folder right', () => {
  it('refuses the member themselves, the director and a peer, and finds nothing for another team’s manager', async () => {
    const db = t.database.db;
    const member = await makeStaffUser(db, { displayName: 'Sasha Self' });
    const s = await makeSession(db, member.id, daysAgo(10), await userIdByUsername(db, 'manager'));
    await makeTraining(db, member.id, { prevent: daysAgo(100) });
    const [training] = await db.select().from(staffTraining).where(eq(staffTraining.staffUserId, member.id));
    const otherManager = await makeStaffUser(db, { role: 'team_manager', team: 'West Kent Fostering Team 1' });
    const peer = await makeStaffUser(db);
    const pages = [
      `/staff/sessions/${s.id}/change`,
      `/staff/sessions/${s.id}/remove`,
      `/staff/training/${training!.id}/change`,
      `/staff/training/${training!.id}/remove`,
    ];
    const bodies: Record<string, Record<string, string>> = {
      [pages[0]!]: sessionBody(daysAgo(9), 'Changed by someone else.'),
      [pages[1]!]: { reason: 'Not mine to remove.' },
      [pages[2]!]: { item: 'prevent', ...dateFields('completedOn', daysAgo(90)) },
      [pages[3]!]: { reason: 'Not mine to remove.' },
    };
    for (const [username, status] of [
      [member.username, 403],
      ['director', 403],
      [otherManager.username, 404],
      // A peer's role records no supervision: refused at the door, as the folder's own forms are.
      [peer.username, 403],
    ] as const) {
      const agent = await signedIn(t.app, username);
      for (const url of pages) {
        expect((await agent.get(url)).statusCode, `${username} GET ${url}`).toBe(status);
        expect((await agent.post(url, bodies[url]!)).statusCode, `${username} POST ${url}`).toBe(status);
      }
    }
    // A team manager may change the sessions of the staff they supervise, but not their own (the head records those).
    const teamManager = await makeStaffUser(db, { role: 'team_manager', team: 'East Kent Fostering Team 2' });
    const theirs = await makeSession(db, teamManager.id, daysAgo(10), await userIdByUsername(db, 'head'));
    const mine = await (await signedIn(t.app, teamManager.username)).get(`/staff/sessions/${theirs.id}/change`);
    expect(mine.statusCode).toBe(403);
    expect(mine.body).toContain('Nobody changes their own');
    expect(mine.body).not.toContain('Fixture discussion.');
    expect((await (await signedIn(t.app, 'head')).get(`/staff/sessions/${theirs.id}/change`)).statusCode).toBe(200);
    expect((await sessionRow(s.id))?.heldOn).toBe(daysAgo(10));
    const [still] = await db.select().from(staffTraining).where(eq(staffTraining.id, training!.id));
    expect(still?.completedOn).toBe(daysAgo(100));
    // The member sees their training records, with nothing offered to change.
    const folder = await (await signedIn(t.app, member.username)).get('/my-supervision');
    expect(folder.body).toContain('Training records');
    expect(folder.body).not.toContain(`/staff/training/${training!.id}/change`);
  });
});

describe('changing and removing a training record', () => {
  it('moves the renewal due and the mandatory training measure with the record, and audits each', async () => {
    const db = t.database.db;
    const manager = await signedIn(t.app, 'head');
    const member = await makeStaffUser(db, { displayName: 'Tatum Training', team: null });
    await makeTraining(db, member.id, {
      data_protection: '2026-01-10',
      information_governance: '2025-09-29',
      prevent: '2026-01-10',
      care_planning: '2026-01-10',
      bribery: '2026-01-10',
    });
    const [ig] = await db
      .select()
      .from(staffTraining)
      .where(and(eq(staffTraining.staffUserId, member.id), eq(staffTraining.item, 'information_governance')));
    const september = periodOf('2026-09', '2026-12-01');
    const met = async () =>
      (await measureRecords(db, staffTrainingUpToDate, september)).find((r) => r.recordId === member.id)?.met;
    expect(await met()).toBe(false);

    const folder = await manager.get(`/staff/${member.id}`);
    expect(folder.body).toContain(`href="/staff/training/${ig!.id}/change"`);
    expect(folder.body).toContain(
      'Change<span class="govuk-visually-hidden"> the record of Information governance on 29 September 2025',
    );
    const form = await manager.get(`/staff/training/${ig!.id}/change`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/value="information_governance" checked/);
    expect(form.body).toContain('value="29"');

    const saved = await manager.post(`/staff/training/${ig!.id}/change`, {
      item: 'information_governance',
      ...dateFields('completedOn', '2025-09-30'),
    });
    expect(saved.headers.location).toBe(`/staff/${member.id}?done=training-changed`);
    const after = await manager.get(saved.headers.location as string);
    expect(after.body).toContain('The training record has been changed');
    expect(after.body).toContain('30 September 2025');
    expect(await dueOf(member.id, 'staff.training-renewal', 'Information governance')).toEqual(['2026-09-30']);
    expect(await met()).toBe(true);
    const [changed] = await entries(member.id, 'update', 'staff-training');
    expect(changed?.detail).toMatchObject({ completedOn: '2025-09-30', was: { completedOn: '2025-09-29' } });

    const future = await manager.post(`/staff/training/${ig!.id}/change`, {
      item: 'information_governance',
      ...dateFields('completedOn', addDays(todayInLondon(), 1)),
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The date it was completed must be today or in the past');

    const removed = await manager.post(`/staff/training/${ig!.id}/remove`, { reason: 'Booked but did not attend.' });
    expect(removed.headers.location).toBe(`/staff/${member.id}?done=training-removed`);
    expect((await manager.get(removed.headers.location as string)).body).toContain(
      'The training record has been removed',
    );
    expect(await dueOf(member.id, 'staff.training-renewal', 'Information governance: not done yet')).toHaveLength(1);
    expect(await met()).toBe(false);
    const [entry] = await entries(member.id, 'delete', 'staff-training');
    expect(entry?.detail).toMatchObject({ item: 'information_governance', reason: 'Booked but did not attend.' });
    expect((await manager.get(`/staff/training/${ig!.id}/change`)).statusCode).toBe(404);
  });

  it('keeps the induction rule on a changed record and counts the programme again', async () => {
    const db = t.database.db;
    const manager = await signedIn(t.app, 'manager');
    const member = await makeStaffUser(db, { displayName: 'Indy New' });
    await makeStart(db, member.id, '2026-09-01', true);
    await makeTraining(db, member.id, { induction_panel: '2026-09-10' });
    const [row] = await db.select().from(staffTraining).where(eq(staffTraining.staffUserId, member.id));
    const early = await manager.post(`/staff/training/${row!.id}/change`, {
      item: 'induction_panel',
      ...dateFields('completedOn', '2026-08-01'),
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('An induction item cannot be completed before they joined');
    // Recorded against the wrong item: changed to the item done, the programme's count is unchanged.
    const moved = await manager.post(`/staff/training/${row!.id}/change`, {
      item: 'induction_shadowing',
      ...dateFields('completedOn', '2026-09-10'),
    });
    expect(moved.statusCode).toBe(303);
    const items = await db
      .select()
      .from(dueItems)
      .where(and(eq(dueItems.ruleId, 'staff.induction'), eq(dueItems.recordId, member.id)));
    expect(items.map((i) => i.detail)).toEqual(['Induction: 1 of 6 items done']);
  });
});
