/**
 * Audits of staff supervision folders (Target 9.1) as the head of fostering and the people around
 * them use the pages: what the folder holds read by Hearth and kept, the head's judgement refused
 * with every message and nothing typed lost, who may read and who may audit, a folder chosen at
 * random, and the audit trail's words.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { tableRowsAfter } from '../../../test/support/html.ts';
import { userIdByUsername } from '../../../test/support/households.ts';
import { addDays, addMonths, todayInLondon } from '../../platform/dates/index.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { quarterOf } from '../../platform/dates/quarters.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { staffFolderAudits, staffPdps, staffSessions } from './tables.ts';
import { makeAgreement, makeSession, makeStaffUser, makeTraining } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
const daysAgo = (n: number) => addDays(today, -n);

const judgement = {
  notesShowAnalysis: 'yes',
  notesSignsOfSafety: 'no',
  actionsFollowedUp: 'yes',
  grade: 'requires_improvement',
  findings: 'The notes describe the households but not the risks weighed.',
  actionsForManager: 'Use the Signs of Safety headings in every record.',
};

describe('a supervision folder audited by the head of fostering', () => {
  it('shows what the folder holds, refuses a part-filled form keeping what was typed, and keeps the audit', async () => {
    const db = t.database.db;
    const manager = await userIdByUsername(db, 'manager');
    const member = await makeStaffUser(db, { displayName: 'Fern Audited' });
    await makeAgreement(db, member.id, '2025-03-03', 4, manager);
    // Supervised 20 days ago (in time for 4 weeks); the one 40 days ago never signed.
    const old = await makeSession(db, member.id, daysAgo(40), manager);
    const recent = await makeSession(db, member.id, daysAgo(20), manager);
    await db
      .update(staffSessions)
      .set({ staffSignedAt: new Date(`${daysAgo(15)}T12:00:00Z`) })
      .where(eq(staffSessions.id, recent.id));
    // Signed, but a month after the session: not signed within 14 days.
    const late = await makeSession(db, member.id, daysAgo(100), manager);
    await db
      .update(staffSessions)
      .set({ staffSignedAt: new Date(`${daysAgo(70)}T12:00:00Z`) })
      .where(eq(staffSessions.id, late.id));
    await db.insert(staffPdps).values({
      staffUserId: member.id,
      goals: 'Present at panel.',
      training: 'Chairing.',
      support: 'Reflection.',
      reviewedOn: addMonths(today, -13),
    });
    await makeTraining(db, member.id, { data_protection: daysAgo(30) });
    expect(old.id).toBeDefined();

    const head = await signedIn(t.app, 'head');
    const form = await head.get(`/staff/${member.id}/folder-audit`);
    expect(form.statusCode).toBe(200);
    for (const words of [
      'Signed by both on 3 March 2025',
      `Last supervised on ${formatDate(daysAgo(20))}; agreed every 4 weeks`,
      '2 records of the last 12 months not signed by the member within 14 days of the session',
      `Last reviewed on ${formatDate(addMonths(today, -13))}`,
      '4 mandatory courses not done or out of date',
    ]) {
      expect(form.body).toContain(words);
    }

    expect(form.body).toMatch(new RegExp(`href="/staff/${member.id}">Cancel`));

    const partial = await head.post(`/staff/${member.id}/folder-audit`, {
      notesShowAnalysis: 'yes',
      findings: 'Half written.',
      actionsForManager: 'Keep this.',
    });
    expect(partial.statusCode).toBe(400);
    for (const message of [
      'Select whether the supervision notes follow the Signs of Safety approach',
      'Select whether actions are agreed and followed up at the next session',
      'Select the grade of the folder',
    ]) {
      expect(partial.body).toContain(message);
    }
    expect(partial.body).toContain('Half written.');
    expect(partial.body).toContain('Keep this.');
    expect(partial.body).toMatch(/value="yes" checked/);

    const saved = await head.post(`/staff/${member.id}/folder-audit`, judgement);
    expect(saved.statusCode).toBe(303);
    const href = saved.headers.location as string;
    expect(href).toMatch(/^\/staff\/folder-audits\/[0-9a-f-]{36}\?done=recorded$/);

    const [row] = await db.select().from(staffFolderAudits).where(eq(staffFolderAudits.staffUserId, member.id));
    expect(row).toMatchObject({
      auditedOn: today,
      hasAgreement: true,
      supervisedInTime: true,
      sessionsSigned: false,
      pdpCurrent: false,
      trainingCurrent: false,
      notesShowAnalysis: true,
      notesSignsOfSafety: false,
      grade: 'requires_improvement',
    });

    const page = await head.get(href);
    expect(page.statusCode).toBe(200);
    for (const words of [
      'The audit of the supervision folder has been recorded',
      'Audit of Fern Audited’s supervision folder',
      formatDate(today),
      'Requires improvement',
      '2 of the 5 things the plan lists',
      'The notes describe the households but not the risks weighed.',
      'Use the Signs of Safety headings in every record.',
    ]) {
      expect(page.body).toContain(words);
    }

    // The folder lists its audit; the audit trail says it in words.
    const folder = await head.get(`/staff/${member.id}`);
    expect(folder.body).toContain(`Audited on ${formatDate(today)}`);
    const trail = await head.get(`/records/staff-member/${member.id}/audit`);
    expect(trail.body).toContain('Audited the staff member’s supervision folder');
    expect(trail.body).toContain('Viewed the audit on the staff member’s supervision folder');
  });

  it('is read by the member and their manager, listed for the director, and audited by the head alone', async () => {
    const db = t.database.db;
    const member = await makeStaffUser(db, { displayName: 'Gale Readable' });
    const head = await signedIn(t.app, 'head');
    const saved = await head.post(`/staff/${member.id}/folder-audit`, judgement);
    const href = (saved.headers.location as string).split('?')[0]!;
    // A second audit the same day (a form sent twice) is refused.
    const twice = await head.post(`/staff/${member.id}/folder-audit`, judgement);
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('This folder has already been audited today');

    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get(href)).statusCode).toBe(200);
    const own = await signedIn(t.app, member.username);
    expect((await own.get(href)).statusCode).toBe(200);
    const mine = (await own.get('/my-supervision')).body;
    expect(mine).toContain(`Audited on ${formatDate(today)}`);
    // The grade reads as part of the sentence: "Grade: Good." with no space before the full stop.
    expect(mine).toMatch(/Grade: <strong class="govuk-tag[^"]*">\s*\w[\w ]*\s*<\/strong>\. The folder held/);
    expect((await own.get('/staff/folder-audits')).statusCode).toBe(403);
    // A peer and another team's worker: the audit does not exist for them.
    expect((await (await signedIn(t.app, 'ssw')).get(href)).statusCode).toBe(404);
    expect((await (await signedIn(t.app, 'ssw2')).get(href)).statusCode).toBe(404);

    const director = await signedIn(t.app, 'director');
    expect((await director.get(href)).statusCode).toBe(200);
    const list = await director.get('/staff/folder-audits');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Gale Readable');
    expect(list.body).not.toContain('Choose a folder in');
    // The director reads; only the head audits.
    expect((await director.get(`/staff/${member.id}/folder-audit`)).statusCode).toBe(403);
    expect((await director.post(`/staff/${member.id}/folder-audit`, judgement)).statusCode).toBe(403);
    expect((await manager.get('/staff/folder-audits')).statusCode).toBe(403);
    expect((await manager.post(`/staff/${member.id}/folder-audit`, judgement)).statusCode).toBe(403);

    // The head cannot audit someone who has no supervision folder (a children's social worker).
    const cicsw = await userIdByUsername(db, 'cicsw');
    expect((await head.get(`/staff/${cicsw}/folder-audit`)).statusCode).toBe(404);
    expect((await head.post(`/staff/${cicsw}/folder-audit`, judgement)).statusCode).toBe(404);
    expect((await head.get('/staff/folder-audits/not-an-audit')).statusCode).toBe(404);
  });

  it('chooses at random a folder in the area not yet audited this quarter, and says when none is left', async () => {
    const db = t.database.db;
    const head = await signedIn(t.app, 'head');
    const [area] = await queryRows<{ id: string }>(
      db,
      sql`insert into areas (name) values ('Folder Audit Fixture Area') returning id`,
    );
    const areaId = area!.id;
    await db.execute(sql`insert into teams (name, area_id) values ('Folder Audit Fixture Team', ${areaId})`);
    const first = await makeStaffUser(db, { displayName: 'Ivy Pickable', team: 'Folder Audit Fixture Team' });
    const second = await makeStaffUser(db, { displayName: 'Jay Pickable', team: 'Folder Audit Fixture Team' });
    const third = await makeStaffUser(db, { displayName: 'Kim Pickable', team: 'Folder Audit Fixture Team' });
    // Audited last quarter: still to audit this one.
    await head.post(`/staff/${first.id}/folder-audit`, judgement);
    await db
      .update(staffFolderAudits)
      .set({ auditedOn: addDays(quarterOf(today).start, -1) })
      .where(eq(staffFolderAudits.staffUserId, first.id));
    await head.post(`/staff/${second.id}/folder-audit`, judgement);

    const list = await head.get('/staff/folder-audits');
    expect(list.body).toContain('Choose a folder in Folder Audit Fixture Area');
    const picked = await head.post('/staff/folder-audits/pick', { area: areaId });
    expect(picked.statusCode).toBe(303);
    const chosen = picked.headers.location as string;
    expect([`/staff/${first.id}/folder-audit`, `/staff/${third.id}/folder-audit`]).toContain(chosen);
    // Choosing again offers the same folder until it is audited; the choice is on the folder's trail.
    expect((await head.post('/staff/folder-audits/pick', { area: areaId })).headers.location).toBe(chosen);
    const chosenId = chosen.split('/')[2]!;
    const trail = await head.get(`/records/staff-member/${chosenId}/audit`);
    expect(trail.body).toContain('Chose at random for audit the staff member’s supervision folder');

    await head.post(chosen, judgement);
    const next = await head.post('/staff/folder-audits/pick', { area: areaId });
    expect(next.headers.location).not.toBe(chosen);
    await head.post(next.headers.location as string, judgement);
    const none = await head.post('/staff/folder-audits/pick', { area: areaId });
    expect(none.headers.location).toBe('/staff/folder-audits?done=none-left');
    const after = await head.get(none.headers.location as string);
    expect(after.body).toContain('Every folder in that area has been audited this quarter');
    expect(after.body).not.toContain('Choose a folder in Folder Audit Fixture Area');
    // Last quarter's page lists the earlier audit and offers no choosing.
    const last = await head.get(
      `/staff/folder-audits?quarter=${quarterOf(addDays(quarterOf(today).start, -1)).start.slice(0, 7)}`,
    );
    expect(last.body).toContain('Ivy Pickable');
    expect(last.body).not.toContain('Choose a folder in');
  });

  it('filters the quarter’s audits by area and grade, and sets no number for staff outside an area', async () => {
    const db = t.database.db;
    const head = await signedIn(t.app, 'head');
    const [area] = await queryRows<{ id: string }>(
      db,
      sql`insert into areas (name) values ('Folder Filter Fixture Area') returning id`,
    );
    await db.execute(sql`insert into teams (name, area_id) values ('Folder Filter Fixture Team', ${area!.id})`);
    const good = await makeStaffUser(db, { displayName: 'Lou Filtered', team: 'Folder Filter Fixture Team' });
    const weak = await makeStaffUser(db, { displayName: 'Max Filtered', team: 'Folder Filter Fixture Team' });
    const outside = await makeStaffUser(db, { displayName: 'Ned Countywide', team: null });
    await head.post(`/staff/${good.id}/folder-audit`, { ...judgement, grade: 'good' });
    await head.post(`/staff/${weak.id}/folder-audit`, judgement);
    await head.post(`/staff/${outside.id}/folder-audit`, { ...judgement, grade: 'good' });

    const inArea = await head.get(`/staff/folder-audits?area=${area!.id}`);
    expect(inArea.body).toContain('Lou Filtered');
    expect(inArea.body).toContain('Max Filtered');
    expect(inArea.body).not.toContain('Ned Countywide');
    expect(inArea.body).toContain('Clear filters');
    const weakOnes = await head.get(`/staff/folder-audits?area=${area!.id}&grade=requires_improvement`);
    expect(weakOnes.body).toContain('Max Filtered');
    expect(weakOnes.body).not.toContain('Lou Filtered');
    // The filters are kept in the form.
    expect(weakOnes.body).toMatch(/<option value="requires_improvement" selected>Requires improvement<\/option>/);
    const none = await head.get(`/staff/folder-audits?area=${area!.id}&grade=inadequate`);
    expect(none.body).toContain('matches the filters');
    const countywide = await head.get('/staff/folder-audits?area=countywide');
    expect(countywide.body).toContain('Ned Countywide');
    expect(countywide.body).not.toContain('Lou Filtered');
    // A value that is no area or grade is ignored, not an error.
    const odd = await head.get('/staff/folder-audits?area=nowhere&grade=superb');
    expect(odd.statusCode).toBe(200);
    expect(odd.body).toContain('Lou Filtered');

    // Each area's row counts against the plan's two; staff with no area are counted without one.
    const rows = tableRowsAfter(inArea.body, 'Each area this quarter');
    expect(rows.find((r) => r.startsWith('Folder Filter Fixture Area'))).toMatch(/2 of 2\s+None/);
    const countywideRow = rows.find((r) => r.startsWith('Countywide'));
    expect(countywideRow).toContain('No number set for staff outside an area');
    expect(countywideRow).not.toContain(' of 2');
  });

  it('gives the manager four weeks for the actions it sets, until they record them done', async () => {
    const db = t.database.db;
    const manager = await userIdByUsername(db, 'manager');
    const member = await makeStaffUser(db, { displayName: 'Opal Actioned' });
    const head = await signedIn(t.app, 'head');
    const saved = await head.post(`/staff/${member.id}/folder-audit`, judgement);
    const auditPath = (saved.headers.location as string).split('?')[0]!;
    const auditId = auditPath.split('/').at(-1)!;
    const dueOn = addDays(today, 28);
    const items = async () =>
      queryRows<{ due_on: string; owner_user_id: string; href: string }>(
        db,
        sql`select due_on::text, owner_user_id, href from due_items
          where rule_id = 'staff.folder-audit-actions' and record_id = ${member.id}`,
      );
    expect(await items()).toEqual([{ due_on: dueOn, owner_user_id: manager, href: auditPath }]);

    // The member reads when the actions are due, but records nothing.
    const own = await signedIn(t.app, member.username);
    const seen = await own.get(auditPath);
    expect(seen.body).toContain(`To be done by ${formatDate(dueOn)}`);
    expect(seen.body).not.toContain('Record the actions done');
    expect((await own.post(`${auditPath}/actions-done`, dateBoxes('doneOn', today))).statusCode).toBe(403);

    const boss = await signedIn(t.app, 'manager');
    expect((await boss.get(auditPath)).body).toContain('Record the actions done');
    const empty = await boss.post(`${auditPath}/actions-done`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the date the actions were done');
    const future = await boss.post(`${auditPath}/actions-done`, dateBoxes('doneOn', addDays(today, 1)));
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Date the actions were done must be today or in the past');
    expect(future.body).toContain(`value="${Number(addDays(today, 1).slice(8))}"`);
    const before = await boss.post(`${auditPath}/actions-done`, dateBoxes('doneOn', addDays(today, -1)));
    expect(before.body).toContain(
      `Date the actions were done must be on or after ${formatDate(today)}, the day of the audit`,
    );
    const done = await boss.post(`${auditPath}/actions-done`, dateBoxes('doneOn', today));
    expect(done.statusCode).toBe(303);
    const after = await boss.get(done.headers.location as string);
    expect(after.body).toContain('The actions from the audit have been recorded as done');
    expect(after.body).toContain(`Recorded as done on ${formatDate(today)} by`);
    expect(after.body).not.toContain('Record the actions done');
    expect(await items()).toEqual([]);
    const twice = await boss.post(`${auditPath}/actions-done`, dateBoxes('doneOn', today));
    expect(twice.body).toContain('The actions have already been recorded as done');
    // Another team's manager does not find the audit; the trail says what was done.
    const west = await signedIn(t.app, 'ssw2');
    expect((await west.post(`${auditPath}/actions-done`, dateBoxes('doneOn', today))).statusCode).toBe(404);
    expect(
      (await boss.post(`/staff/folder-audits/not-an-id/actions-done`, dateBoxes('doneOn', today))).statusCode,
    ).toBe(404);
    const trail = await head.get(`/records/staff-member/${member.id}/audit`);
    expect(trail.body).toContain('Changed the actions from an audit on the staff member’s supervision folder');
    expect(auditId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('starts no clock for an audit that sets no actions', async () => {
    const db = t.database.db;
    const member = await makeStaffUser(db, { displayName: 'Pip Unactioned' });
    const head = await signedIn(t.app, 'head');
    const saved = await head.post(`/staff/${member.id}/folder-audit`, {
      ...judgement,
      grade: 'good',
      actionsForManager: '',
    });
    const page = await head.get((saved.headers.location as string).split('?')[0]!);
    expect(page.body).not.toContain('To be done by');
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from due_items where rule_id = 'staff.folder-audit-actions' and record_id = ${member.id}`,
    );
    expect(row!.n).toBe(0);
  });
});
