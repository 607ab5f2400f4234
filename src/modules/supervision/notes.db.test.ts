import { readFileSync } from 'node:fs';
import { and, asc, eq, sql } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeCarer, makeHousehold } from '../../../test/support/households.ts';
import { tableRowsAfter } from '../../../test/support/html.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { users } from '../../platform/auth/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { smtpMailer } from '../../platform/mail/mailer.ts';
import { formatDate } from '../../platform/views/format.ts';
import { deliverNotes } from './notes.ts';
import { supervisionNotesMessages, supervisions } from './tables.ts';

const today = todayInLondon();
const parts = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};
const visit = {
  ...parts('visitDate', addDays(today, -1)),
  announced: 'announced',
  attendees: 'Both carers and the supervising social worker',
  workingWell: 'Homework routine is settled',
  worries: 'Contact changes at short notice',
  needsToHappen: 'Agree a contact timetable',
  scalingQuestion: 'How settled is the placement?',
  scalingScore: '8',
};
const idFrom = (location: unknown) => String(location).split('/')[2]!.split('?')[0]!;

/** A real SMTP server on a free port, keeping what it receives; `refuse` makes it reject every message. */
async function startSmtpServer() {
  const received: ParsedMail[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      if (state.refuse) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return { received, state, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A household of ssw's with two carers who have email addresses, and a former carer who has one too. */
async function householdWithEmail(t: TestApp) {
  const household = await makeHousehold(t.database.db, { allocatedSswUsername: 'ssw' });
  await makeCarer(t.database.db, household.id, {
    firstName: 'Sam',
    lastName: 'Ferris',
    email: 'sam.carer@example.test',
  });
  await makeCarer(t.database.db, household.id, {
    firstName: 'Alex',
    lastName: 'Moreno',
    email: 'alex.carer@example.test',
  });
  // A carer who has left the household is sent nothing more about it.
  await makeCarer(t.database.db, household.id, {
    firstName: 'Jo',
    lastName: 'Former',
    email: 'jo.former@example.test',
    leftOn: addDays(today, -60),
  });
  return household;
}

/** The SSW records a supervision and finalises it; returns its id. */
async function recordAndFinalise(ssw: Agent, householdId: string) {
  const created = await ssw.post(`/households/${householdId}/supervision/new`, visit);
  expect(created.statusCode).toBe(303);
  const id = idFrom(created.headers.location);
  const finalised = await ssw.post(`/supervision/${id}/finalise`, {});
  expect(finalised.statusCode).toBe(303);
  return id;
}

async function notesSentOn(t: TestApp, id: string) {
  const [row] = await t.database.db
    .select({ notesSentOn: supervisions.notesSentOn })
    .from(supervisions)
    .where(eq(supervisions.id, id));
  return row!.notesSentOn;
}

/** The views of a supervision the demo carer has written to the audit trail. */
async function carerViews(t: TestApp, supervisionId: string): Promise<number> {
  const rows = await t.database.db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(
      and(eq(auditEvents.recordId, supervisionId), eq(auditEvents.action, 'view'), eq(auditEvents.username, 'carer')),
    );
  return rows.length;
}

describe('sending the notes by email (SMTP_URL set)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({
      env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: 'https://hearth.example.test' },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('emails the carers the signed record when the supervision is finalised, and records the date', async () => {
    const household = await householdWithEmail(t);
    const ssw = await signedIn(t.app, 'ssw');
    const before = smtp.received.length;
    const id = await recordAndFinalise(ssw, household.id);

    expect(smtp.received.length).toBe(before + 1);
    const mail = smtp.received.at(-1)!;
    const to = (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a!.value.map((v) => v.address));
    expect(to.sort()).toEqual(['alex.carer@example.test', 'sam.carer@example.test']);
    expect(mail.from?.text).toContain('fostering@hearth.invalid');
    expect(mail.subject).toMatch(/^Notes of your supervision visit on /);
    // Each carer by name, not the household's surname(s).
    expect(mail.text).toContain('Dear Sam Ferris and Alex Moreno,');
    expect(mail.text).not.toContain(`Dear ${household.name},`);
    const link = /https:\/\/hearth\.example\.test\/notes\/([A-Za-z0-9_-]{32})/.exec(mail.text ?? '');
    expect(link).not.toBeNull();
    expect(mail.attachments).toHaveLength(1);
    const pdf = mail.attachments[0]!;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.filename).toBe(`supervision-${household.reference}-${addDays(today, -1)}.pdf`);
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');

    expect(await notesSentOn(t, id)).toBe(today);
    const page = await ssw.get(`/supervision/${id}`);
    expect(page.body).toMatch(/govuk-tag--green">\s*Sent\s*</);
    expect(page.body).not.toContain('Try sending again now');

    // The link in the message: the carers confirm receipt, without signing in.
    const carer = new Agent(t.app);
    const confirm = await carer.get(`/notes/${link![1]}`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Confirm you have received the notes');
    // Before the carers confirm, the household's history says so; after, it shows the date.
    const history = async () =>
      tableRowsAfter(
        (await ssw.get(`/households/${household.id}/supervision`)).body,
        'Supervisions, newest visit first',
      )[0];
    expect(await history()).toContain('Not confirmed yet');
    const confirmed = await carer.post(`/notes/${link![1]}`, {});
    expect(confirmed.statusCode).toBe(303);
    expect((await carer.get(`/notes/${link![1]}`)).body).toContain('Thank you');
    expect((await ssw.get(`/supervision/${id}`)).body).toContain(`Confirmed by the carers on`);
    expect(await history()).toMatch(/Confirmed by the carers \d{1,2} [A-Z][a-z]+ \d{4}/);

    const trail = await t.database.db
      .select({ action: auditEvents.action, route: auditEvents.route })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'supervision'), eq(auditEvents.recordId, id)))
      .orderBy(asc(auditEvents.id));
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['finalise', 'update', 'acknowledge']));
  });

  it('emails the corrected notes after a correction, asking for receipt again, the first sending still counted', async () => {
    const household = await householdWithEmail(t);
    const ssw = await signedIn(t.app, 'ssw');
    const id = await recordAndFinalise(ssw, household.id);
    const first = smtp.received.at(-1)!;
    const firstLink = /\/notes\/([A-Za-z0-9_-]{32})/.exec(first.text ?? '')![1]!;
    expect((await new Agent(t.app).post(`/notes/${firstLink}`, {})).statusCode).toBe(303);

    const form = await ssw.get(`/supervision/${id}/correct`);
    expect(form.body).toContain(
      `The carers were emailed the notes on ${formatDate(today)}: when you save, they are emailed the corrected notes.`,
    );
    const before = smtp.received.length;
    const corrected = await ssw.post(`/supervision/${id}/correct`, {
      ...visit,
      worries: 'Contact changes at short notice, and school transport',
      reason: 'The worries left out school transport',
    });
    expect(corrected.statusCode).toBe(303);

    expect(smtp.received.length).toBe(before + 1);
    const mail = smtp.received.at(-1)!;
    expect(mail.subject).toBe(`Corrected notes of your supervision visit on ${formatDate(addDays(today, -1))}`);
    expect(mail.text).toContain(`replace those we sent you on ${formatDate(today)}`);
    expect(mail.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    const link = /\/notes\/([A-Za-z0-9_-]{32})/.exec(mail.text ?? '')![1]!;
    expect(link).not.toBe(firstLink);
    expect((await new Agent(t.app).get(`/notes/${firstLink}`)).body).not.toContain(
      'Confirm you have received the notes',
    );
    expect((await new Agent(t.app).get(`/notes/${link}`)).body).toContain('Confirm you have received the notes');

    const page = await ssw.get(`/supervision/${id}`);
    expect(page.body).toContain('The corrected notes were emailed to the carers on');
    expect(page.body).not.toContain('the carers have the earlier notes');
    expect(page.body).toContain('Not confirmed yet');
    // A message written before the `corrected` column (0065) is marked by migration 0065 from its subject.
    await t.database.db.update(supervisionNotesMessages).set({ corrected: false });
    expect((await ssw.get(`/supervision/${id}`)).body).not.toContain('The corrected notes were emailed');
    const backfill = readFileSync('migrations/0065_supervision_notes_corrected.sql', 'utf8').split(
      '--> statement-breakpoint',
    )[1]!;
    await t.database.db.execute(sql.raw(backfill));
    expect((await ssw.get(`/supervision/${id}`)).body).toContain('The corrected notes were emailed to the carers on');
    // The notes' deadline was met by the first sending: its date stays.
    expect(await notesSentOn(t, id)).toBe(today);
    const [audit] = await t.database.db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, id), eq(auditEvents.action, 'update'), eq(auditEvents.username, 'ssw')));
    expect(audit!.detail).toMatchObject({ part: 'supervision-details', fields: ['worries'], notes: 'sent again' });
  });

  it('shows a refused message to the worker and retries it until it is sent, losing nothing', async () => {
    const household = await householdWithEmail(t);
    const ssw = await signedIn(t.app, 'ssw');
    smtp.state.refuse = true;
    const before = smtp.received.length;
    const id = await recordAndFinalise(ssw, household.id);

    const page = await ssw.get(`/supervision/${id}`);
    expect(page.body).toContain('The notes could not be sent');
    expect(page.body).toContain('Mailbox unavailable');
    expect(page.body).toContain('Try sending again now');
    expect(await notesSentOn(t, id)).toBeNull();
    const outbox = await ssw.get('/supervision/outbox?status=not-sent');
    expect(outbox.body).toContain(household.name);
    expect(outbox.body).toMatch(/govuk-tag--red">\s*Not sent: will try again\s*</);

    // Still refused: "try again" fails again and says so; the message waits for the next attempt.
    const retried = await ssw.post(`/supervision/${id}/notes/retry`, {});
    expect(retried.headers.location).toBe(`/supervision/${id}?done=notes-not-sent`);
    let [message] = await t.database.db
      .select()
      .from(supervisionNotesMessages)
      .where(eq(supervisionNotesMessages.supervisionId, id));
    expect(message!.attempts).toBe(2);
    expect(message!.status).toBe('pending');
    expect(message!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 4 * 60_000);

    // The mail server is back: the background sender's next round sends it.
    smtp.state.refuse = false;
    const mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'Fostering <fostering@hearth.invalid>');
    try {
      expect(await deliverNotes(t.database.db, mailer, { now: new Date(Date.now() + 60 * 60_000) })).toEqual({
        sent: 1,
        failed: 0,
      });
    } finally {
      mailer.close();
    }
    expect(smtp.received.length).toBe(before + 1);
    expect(smtp.received.at(-1)!.attachments).toHaveLength(1);
    [message] = await t.database.db
      .select()
      .from(supervisionNotesMessages)
      .where(eq(supervisionNotesMessages.supervisionId, id));
    expect(message!.status).toBe('sent');
    expect(message!.attempts).toBe(3);
    expect(await notesSentOn(t, id)).toBe(today);
  });

  it('writes no message when no carer has an email address: the worker records the date posted', async () => {
    const household = await makeHousehold(t.database.db, { allocatedSswUsername: 'ssw' });
    await makeCarer(t.database.db, household.id, { email: null });
    const ssw = await signedIn(t.app, 'ssw');
    const id = await recordAndFinalise(ssw, household.id);
    const page = await ssw.get(`/supervision/${id}`);
    expect(page.body).toContain('no carer in this household has an email address');
    expect(page.body).toContain('Date the notes were posted');
    const posted = await ssw.post(`/supervision/${id}/notes-sent`, parts('notesSentOn', today));
    expect(posted.statusCode).toBe(303);
    expect(await notesSentOn(t, id)).toBe(today);
  });
});

describe('the outbox when Hearth has no mail server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps the message, says nothing was sent, and counts the notes as sent only from the date the worker records', async () => {
    const household = await householdWithEmail(t);
    const ssw = await signedIn(t.app, 'ssw');
    const id = await recordAndFinalise(ssw, household.id);
    // Kept, not sent: the 5-working-day measure must not count a message nobody received.
    expect(await notesSentOn(t, id)).toBeNull();
    const record = await ssw.get(`/supervision/${id}`);
    expect(record.body).toContain('Nothing has been sent');
    expect(record.body).toContain('Date the notes were posted or handed over');
    expect(record.body).not.toContain('SMTP_URL');
    const posted = await ssw.post(`/supervision/${id}/notes-sent`, parts('notesSentOn', today));
    expect(posted.statusCode).toBe(303);
    expect(await notesSentOn(t, id)).toBe(today);

    const outbox = await ssw.get('/supervision/outbox');
    expect(outbox.statusCode).toBe(200);
    // Messages sent before (a mail server once set up, as in the demo) still read "Sent": the page says
    // which ones were not.
    expect(outbox.body).toContain('Messages marked “Kept in the outbox” have not been sent');
    const row = tableRowsAfter(outbox.body, 'newest first').find((r) => r.includes(household.name));
    expect(row).toContain('Kept in the outbox');
    expect(outbox.body).not.toContain('SMTP_URL');
    expect(outbox.body).toContain(household.name);

    // The outbox shows the worker's own messages unless they ask for every household's.
    const head = await signedIn(t.app, 'head');
    expect((await head.get('/supervision/outbox')).body).not.toContain(household.name);
    expect((await head.get('/supervision/outbox?whose=all')).body).toContain(household.name);

    const message = await ssw.get(`/supervision/${id}/notes`);
    expect(message.statusCode).toBe(200);
    expect(message.body).toContain('sam.carer@example.test');
    expect(message.body).toContain('alex.carer@example.test');
    expect(message.body).toContain('Notes of your supervision visit on');
    expect(message.body).toMatch(/http:\/\/localhost:3000\/notes\/[A-Za-z0-9_-]{32}/);
    expect(message.body).toContain(`The signed record of the visit on ${formatDate(addDays(today, -1))}`);

    // Another team's worker cannot read it; a carer has no outbox.
    expect((await (await signedIn(t.app, 'ssw2')).get(`/supervision/${id}/notes`)).statusCode).toBe(404);
    expect((await (await signedIn(t.app, 'carer')).get('/supervision/outbox')).statusCode).toBe(403);
    expect((await new Agent(t.app).get('/notes/not-a-real-token-at-all-xxxxxxxxxx')).statusCode).toBe(404);
  });

  it('shows the carer their household’s notes in the portal, where they confirm receipt', async () => {
    const db = t.database.db;
    const [carerUser] = await db.select().from(users).where(eq(users.username, 'carer'));
    const householdId = carerUser!.householdId!;
    await makeCarer(db, householdId, { email: 'portal.carer@example.test' });
    const head = await signedIn(t.app, 'head');
    const id = await recordAndFinalise(head, householdId);
    const elsewhere = await recordAndFinalise(head, (await householdWithEmail(t)).id);

    const carer = await signedIn(t.app, 'carer');
    const portal = await carer.get('/portal');
    expect(portal.body).toContain(`/portal/supervision/${id}/record.pdf`);
    expect(portal.body).not.toContain(elsewhere);
    const pdf = await carer.get(`/portal/supervision/${id}/record.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await carer.get(`/portal/supervision/${elsewhere}/record.pdf`)).statusCode).toBe(404);
    expect((await carer.post(`/portal/supervision/${elsewhere}/acknowledge`, {})).statusCode).toBe(404);
    expect((await carer.get('/portal/supervision/not-a-record/record.pdf')).statusCode).toBe(404);
    // Notes waiting to be sent are not the carer's yet: refused, and no view of them written.
    await db
      .update(supervisionNotesMessages)
      .set({ status: 'pending' })
      .where(eq(supervisionNotesMessages.supervisionId, id));
    const viewsBefore = await carerViews(t, id);
    expect((await carer.get(`/portal/supervision/${id}/record.pdf`)).statusCode).toBe(404);
    expect(await carerViews(t, id)).toBe(viewsBefore);
    await db
      .update(supervisionNotesMessages)
      .set({ status: 'sent' })
      .where(eq(supervisionNotesMessages.supervisionId, id));

    const acknowledged = await carer.post(`/portal/supervision/${id}/acknowledge`, {});
    expect(acknowledged.headers.location).toBe('/portal?done=acknowledged');
    const after = await carer.get('/portal?done=acknowledged');
    expect(after.body).toContain('you have confirmed you received the notes');
    expect(after.body).toMatch(/Confirmed \d+ \w+ \d{4}/);
    expect((await head.get(`/supervision/${id}/notes`)).body).toContain('in the portal');
  });
});
