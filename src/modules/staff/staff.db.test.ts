/**
 * Staff supervision as its people use the pages: a team manager records a session, the member
 * signs it and sees it in their own folder; who may see a folder (never a peer), every view
 * audited; bad input refused with messages and nothing lost.
 */
import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { userIdByUsername } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { dateFields } from '../placements/test-support.ts';
import { pdfText } from '../../platform/pdf/test-support.ts';
import { staffSessions } from './tables.ts';
import { makeSession, makeStaffUser } from './test-support.ts';

const t = testAppForFile();
const daysAgo = (n: number) => addDays(todayInLondon(), -n);

const session = (heldOn: string) => ({
  ...dateFields('heldOn', heldOn),
  caseDiscussion: 'Talked through the Ellis household’s respite plan.',
  wellbeing: 'Managing well; a heavy month.',
  development: 'Booked onto the Signs of Safety refresher.',
  actions: 'Send the respite referral by Friday.',
  pdpReviewed: 'yes',
});

describe('a supervision session from recording to signing', () => {
  it('is recorded by the team manager, signed by the SSW, and shown in their own folder', async () => {
    const db = t.database.db;
    const ssw = await userIdByUsername(db, 'ssw');
    const manager = await signedIn(t.app, 'manager');

    const form = await manager.get(`/staff/${ssw}/sessions/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Case discussion and reflection');
    const saved = await manager.post(`/staff/${ssw}/sessions/new`, session(daysAgo(0)));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/staff/${ssw}?done=session`);
    const folder = await manager.get(saved.headers.location as string);
    expect(folder.body).toContain('Awaiting signature');
    // The one just recorded (the demo has the SSW's earlier sessions).
    const [row] = await db
      .select()
      .from(staffSessions)
      .where(eq(staffSessions.staffUserId, ssw))
      .orderBy(desc(staffSessions.createdAt))
      .limit(1);
    expect(row).toBeDefined();

    // The manager cannot sign it for the SSW.
    const byManager = await manager.post(`/staff/sessions/${row!.id}/sign`, { confirm: 'yes' });
    expect(byManager.statusCode).toBe(403);
    expect(byManager.body).toContain('Only the person supervised can sign their own supervision record');

    const worker = await signedIn(t.app, 'ssw');
    const mine = await worker.get('/my-supervision');
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('waiting for your signature');
    const unconfirmed = await worker.post(`/staff/sessions/${row!.id}/sign`, { staffComment: 'A fair record.' });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Confirm that this is a true record of your supervision');
    expect(unconfirmed.body).toContain('A fair record.');
    const signed = await worker.post(`/staff/sessions/${row!.id}/sign`, {
      confirm: 'yes',
      staffComment: 'A fair record.',
    });
    expect(signed.statusCode).toBe(303);
    const page = await worker.get(`/staff/sessions/${row!.id}`);
    expect(page.body).toContain('A fair record.');
    expect(page.body).not.toContain('Not yet signed');
    const again = await worker.get('/my-supervision');
    expect(again.body).toContain('Signed by both');
    expect(again.body).not.toContain(`/staff/sessions/${row!.id}/sign`);

    // The deadline moved on: next supervision due 6 weeks after this session (today, after any in the demo), owned by the manager.
    const [due] = await db
      .select()
      .from(dueItems)
      .where(and(eq(dueItems.ruleId, 'staff.supervision'), eq(dueItems.recordId, ssw)));
    expect(due?.dueOn).toBe(addDays(daysAgo(0), 42));
    expect(due?.ownerUserId).toBe(await userIdByUsername(db, 'manager'));
  });

  it('refuses a session in the future and dates out of order, keeping what was typed', async () => {
    const ssw = await userIdByUsername(t.database.db, 'ssw');
    const manager = await signedIn(t.app, 'manager');
    const future = await manager.post(`/staff/${ssw}/sessions/new`, session(addDays(todayInLondon(), 3)));
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The date of the session must be today or in the past');
    expect(future.body).toContain('Talked through the Ellis household’s respite plan.');
    const outOfOrder = await manager.post(`/staff/${ssw}/sessions/new`, {
      ...session(daysAgo(1)),
      ...dateFields('nextOn', daysAgo(5)),
    });
    expect(outOfOrder.statusCode).toBe(400);
    expect(outOfOrder.body).toContain('The date of the next session must be after the date of this session');
    const empty = await manager.post(`/staff/${ssw}/sessions/new`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the case discussion and reflection');
  });
});

describe('who sees a member of staff’s folder', () => {
  it('shows it to the member, their manager, the head and the assistant director, and to no peer', async () => {
    const db = t.database.db;
    const member = await makeStaffUser(db, { displayName: 'Morgan Member' });
    const peer = await makeStaffUser(db, { displayName: 'Pat Peer' });
    const otherManager = await makeStaffUser(db, { role: 'team_manager', team: 'West Kent Fostering Team 1' });
    const serviceManager = await makeStaffUser(db, { role: 'service_manager', team: null });
    const s = await makeSession(db, member.id, daysAgo(10), await userIdByUsername(db, 'manager'));
    const expected: [string, number][] = [
      [member.username, 200],
      ['manager', 200],
      ['head', 200],
      ['director', 200],
      [peer.username, 404],
      ['ssw', 404],
      ['ssw2', 404],
      [otherManager.username, 404],
      [serviceManager.username, 404],
    ];
    for (const [username, status] of expected) {
      const agent = await signedIn(t.app, username);
      expect((await agent.get(`/staff/${member.id}`)).statusCode, `${username} folder`).toBe(status);
      expect((await agent.get(`/staff/sessions/${s.id}`)).statusCode, `${username} session`).toBe(status);
    }
    // Roles with no staff folders are refused at the door.
    for (const username of ['cicsw', 'lado', 'carer', 'admin']) {
      const agent = await signedIn(t.app, username);
      expect((await agent.get(`/staff/${member.id}`)).statusCode, username).toBe(403);
    }
    const views = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.recordType, 'staff-member'),
          eq(auditEvents.recordId, member.id),
          eq(auditEvents.action, 'view'),
        ),
      );
    expect(views.length).toBe(8);
  });

  it('lets the director read but not record, and the peer not sign', async () => {
    const db = t.database.db;
    const member = await makeStaffUser(db);
    const director = await signedIn(t.app, 'director');
    expect((await director.get(`/staff/${member.id}/sessions/new`)).statusCode).toBe(403);
    const head = await signedIn(t.app, 'head');
    expect((await head.get(`/staff/${member.id}/sessions/new`)).statusCode).toBe(200);
    const mine = await signedIn(t.app, member.username);
    expect((await mine.get(`/staff/${member.id}/sessions/new`)).statusCode).toBe(403);
  });

  it('offers "My supervision" only to those with a folder of their own, never a link that is refused', async () => {
    for (const username of ['head', 'director']) {
      const user = await signedIn(t.app, username);
      expect((await user.get('/all-areas')).body).not.toContain('href="/my-supervision"');
      expect((await user.get('/my-supervision')).statusCode).toBe(403);
    }
    for (const username of ['ssw', 'manager', 'servicemanager']) {
      const user = await signedIn(t.app, username);
      expect((await user.get('/all-areas')).body).toContain('href="/my-supervision"');
      expect((await user.get('/my-supervision')).statusCode).toBe(200);
    }
  });
});

describe('the team list', () => {
  it('shows the manager their team’s staff with who is overdue', async () => {
    const db = t.database.db;
    const late = await makeStaffUser(db, { displayName: 'Lee Late' });
    await makeSession(db, late.id, daysAgo(60), await userIdByUsername(db, 'manager'));
    const manager = await signedIn(t.app, 'manager');
    const list = await manager.get('/staff?status=overdue');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Lee Late');
    const west = await signedIn(t.app, 'head');
    expect((await west.get('/staff?status=overdue')).body).toContain('Lee Late');
  });
});

describe('updating a personal development plan', () => {
  it('opens the form with the current plan, so the manager edits it rather than retyping it', async () => {
    const db = t.database.db;
    const member = await makeStaffUser(db, { displayName: 'Robin Plan' });
    const manager = await signedIn(t.app, 'manager');
    const blank = await manager.get(`/staff/${member.id}/pdp`);
    expect(blank.statusCode).toBe(200);
    expect(blank.body).not.toContain('Lead a household review');

    const first = {
      goals: 'Lead a household review by the spring.',
      training: 'Signs of Safety refresher.',
      support: 'Shadow a senior practitioner twice.',
      ...dateFields('reviewedOn', daysAgo(30)),
    };
    expect((await manager.post(`/staff/${member.id}/pdp`, first)).statusCode).toBe(303);
    const form = await manager.get(`/staff/${member.id}/pdp`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Lead a household review by the spring.</textarea>');
    expect(form.body).toContain('Signs of Safety refresher.</textarea>');
    expect(form.body).toContain('Shadow a senior practitioner twice.</textarea>');

    // Changing one part keeps the others: the folder shows the new plan whole.
    const second = { ...first, goals: 'Lead two household reviews.', ...dateFields('reviewedOn', daysAgo(0)) };
    expect((await manager.post(`/staff/${member.id}/pdp`, second)).statusCode).toBe(303);
    const again = await manager.get(`/staff/${member.id}/pdp`);
    expect(again.body).toContain('Lead two household reviews.</textarea>');
    expect(again.body).toContain('Shadow a senior practitioner twice.</textarea>');
    // Nobody else opens it: a peer and the member themselves are refused, and are shown no plan.
    const peer = await makeStaffUser(db);
    for (const username of [peer.username, member.username]) {
      const refused = await (await signedIn(t.app, username)).get(`/staff/${member.id}/pdp`);
      expect(refused.statusCode, username).toBe(403);
      expect(refused.body).not.toContain('Lead two household reviews.');
    }
  });
});

describe('the signed record of a supervision session as a PDF', () => {
  it('is downloaded from the session page by those who may see it, never by a peer, and audited as a view', async () => {
    const db = t.database.db;
    const member = await makeStaffUser(db, { displayName: 'Quinn Record' });
    const peer = await makeStaffUser(db, { displayName: 'Pat Peer' });
    const s = await makeSession(db, member.id, '2026-10-26', await userIdByUsername(db, 'manager'));
    const pdfPath = `/staff/sessions/${s.id}/record.pdf`;
    const manager = await signedIn(t.app, 'manager');
    // Not signed by the member yet: no signed record to download.
    expect((await manager.get(`/staff/sessions/${s.id}`)).body).not.toContain(pdfPath);
    expect((await manager.get(pdfPath)).statusCode).toBe(404);

    const own = await signedIn(t.app, member.username);
    expect(
      (await own.post(`/staff/sessions/${s.id}/sign`, { confirm: 'yes', staffComment: 'A fair record.' })).statusCode,
    ).toBe(303);
    const page = await manager.get(`/staff/sessions/${s.id}`);
    expect(page.body).toContain(`href="${pdfPath}"`);
    const pdf = await manager.get(pdfPath);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('staff-supervision-quinn-record-2026-10-26.pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Record of staff supervision');
    expect(text).toContain('Quinn Record');
    expect(text).toContain('26 October 2026');
    expect(text).toContain('Fixture discussion.');
    expect(text).toContain('A fair record.');
    expect(text).toContain('Signed by the supervisor, Maya Mensah, on');
    expect(text).toContain('Signed by Quinn Record on');

    for (const [username, status] of [
      [member.username, 200],
      ['head', 200],
      ['director', 200],
      [peer.username, 404],
      ['ssw2', 404],
    ] as const) {
      expect((await (await signedIn(t.app, username)).get(pdfPath)).statusCode, username).toBe(status);
    }
    const views = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'staff-member'), eq(auditEvents.recordId, member.id)));
    // Four downloads, each audited; the refused ones (not yet signed, a peer) are not views.
    expect(views.filter((e) => e.action === 'view' && (e.detail as { as?: string } | null)?.as === 'pdf').length).toBe(
      4,
    );
  });
});
