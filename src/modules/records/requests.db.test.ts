/**
 * Requests for a carer's records as a team manager records them: the link on the household's page,
 * a request refused with messages and nothing lost, saved with its 15 working days, the records
 * sent (refused before the request or in the future), on time; the deadline kept in step; who may
 * read and record (supervising social workers read, other teams find nothing, carers and children's
 * social workers are refused); every view and change in the audit trail.
 */
import { expectDueItemsInStep } from '../../../test/support/due.ts';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { sendDueOn } from './service.ts';
import { recordsRequests } from './tables.ts';

const t = testAppForFile();
const today = todayInLondon();
const itemsOf = (recordId: string) =>
  t.database.db
    .select()
    .from(dueItems)
    .where(and(eq(dueItems.recordId, recordId), eq(dueItems.ruleId, 'records.request-answered')));

const expectInStep = () => expectDueItemsInStep(t.database.db);

describe('recording a request for a carer’s records and the records sent', () => {
  it('refuses bad input with messages and the values kept, then records the request and the records sent on time', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { name: 'Aaarequest', allocatedSswUsername: 'ssw' });
    const manager = await signedIn(t.app, 'manager');
    const page = await manager.get(`/households/${household.id}`);
    expect(page.body).toContain(`href="/households/${household.id}/records-requests">Requests for records</a>`);
    const list = await manager.get(`/households/${household.id}/records-requests`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('No requests for this household’s records have been recorded.');
    expect(list.body).toContain('Record a request');

    const newPath = `/households/${household.id}/records-requests/new`;
    const empty = await manager.post(newPath, { organisation: '' });
    expect(empty.statusCode).toBe(400);
    for (const message of [
      'Enter the name of the organisation that asked for the records',
      'Select who asked for the records',
      'Enter the date the request was received',
    ]) {
      expect(empty.body).toContain(message);
    }
    const future = await manager.post(newPath, {
      organisation: 'Harbourlight Fostering',
      kind: 'fostering_provider',
      ...dateBoxes('receivedOn', addDays(today, 1)),
      notes: 'The carers have applied to transfer.',
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Date the request was received must be today or in the past');
    expect(future.body).toContain('value="Harbourlight Fostering"');
    expect(future.body).toContain('The carers have applied to transfer.');
    expect(future.body).toMatch(/name="kind" type="radio" value="fostering_provider" checked/);

    const receivedOn = addDays(today, -2);
    const saved = await manager.post(newPath, {
      organisation: 'Harbourlight Fostering',
      kind: 'fostering_provider',
      ...dateBoxes('receivedOn', receivedOn),
      notes: 'The carers have applied to transfer.',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/households/${household.id}/records-requests?done=recorded`);
    const [request] = await db.select().from(recordsRequests).where(eq(recordsRequests.householdId, household.id));
    expect(request).toMatchObject({ receivedOn, dueOn: sendDueOn(receivedOn), sentOn: null });
    const [item] = await itemsOf(request!.id);
    expect(item).toMatchObject({
      dueOn: sendDueOn(receivedOn),
      ownerUserId: request!.recordedBy,
      householdId: household.id,
    });
    await expectInStep();
    const shown = await manager.get(`/households/${household.id}/records-requests?done=recorded`);
    expect(shown.body).toContain('The request has been recorded');
    expect(shown.body).toContain(formatDate(sendDueOn(receivedOn)));
    expect(shown.body).toContain('Not sent yet');
    expect(shown.body).toContain('Record records sent');

    const sentPath = `/records-requests/${request!.id}/sent`;
    expect((await manager.get(sentPath)).statusCode).toBe(200);
    const before = await manager.post(sentPath, dateBoxes('sentOn', addDays(receivedOn, -1)));
    expect(before.statusCode).toBe(400);
    expect(before.body).toContain(
      `Date the records were sent must be on or after the request was received, ${formatDate(receivedOn)}`,
    );
    expect(before.body).toContain(`value="${Number(addDays(receivedOn, -1).slice(8))}"`);
    const ahead = await manager.post(sentPath, dateBoxes('sentOn', addDays(today, 3)));
    expect(ahead.body).toContain('Date the records were sent must be today or in the past');
    const done = await manager.post(sentPath, dateBoxes('sentOn', today));
    expect(done.statusCode).toBe(303);
    const after = await manager.get(`/households/${household.id}/records-requests?done=sent`);
    expect(after.body).toContain('The records have been recorded as sent');
    expect(after.body).toContain('Sent on time');
    expect(after.body).toContain('by Maya Mensah');
    expect(after.body).not.toContain('Record records sent<');
    expect(await itemsOf(request!.id)).toEqual([]);
    await expectInStep();
    // Sent once: a second answer is refused.
    const again = await manager.post(sentPath, dateBoxes('sentOn', today));
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain(
      `The records were sent on ${formatDate(today)}: they cannot be recorded as sent again`,
    );

    const trail = await db.select().from(auditEvents).where(eq(auditEvents.recordId, request!.id));
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'view', 'update']));
    const views = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, household.id), eq(auditEvents.action, 'view')));
    expect(views.some((e) => (e.detail as { part?: string } | null)?.part === 'records-requests')).toBe(true);
  });

  it('lets the supervising social worker read, hides them from another team, and refuses carers and others', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { name: 'Aaareader', allocatedSswUsername: 'ssw' });
    const path = `/households/${household.id}/records-requests`;
    const ssw = await signedIn(t.app, 'ssw');
    const read = await ssw.get(path);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain('Record a request');
    expect((await ssw.get(`${path}/new`)).statusCode).toBe(403);
    expect((await ssw.get('/records')).statusCode).toBe(403);

    const ssw2 = await signedIn(t.app, 'ssw2');
    expect((await ssw2.get(path)).statusCode).toBe(404);
    for (const username of ['carer', 'cicsw', 'admin', 'payments']) {
      const user = await signedIn(t.app, username);
      expect((await user.get(path)).statusCode, username).toBe(403);
      expect((await user.get('/records')).statusCode, username).toBe(403);
    }
    const head = await signedIn(t.app, 'head');
    expect((await head.get(`${path}/new`)).statusCode).toBe(200);
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get('/records')).statusCode).toBe(403);
    const west = await makeHousehold(db, { teamName: 'West Kent Fostering Team 1' });
    expect((await manager.get(`/households/${west.id}/records-requests/new`)).statusCode).toBe(404);
    const refused = await manager.post(`/households/${west.id}/records-requests/new`, {
      organisation: 'Harbourlight Fostering',
      kind: 'fostering_provider',
      ...dateBoxes('receivedOn', today),
    });
    expect(refused.statusCode).toBe(404);
    expect(await db.select().from(recordsRequests).where(eq(recordsRequests.householdId, west.id))).toEqual([]);
  });
});

describe('a request recorded with a mistake', () => {
  it('is corrected while the records are still to be sent, its due date following the day received', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { name: 'Aaacorrect' });
    const [made] = await db
      .insert(recordsRequests)
      .values({
        householdId: household.id,
        organisation: 'Harbourlite Fostering',
        kind: 'adoption_agency',
        receivedOn: today,
        dueOn: sendDueOn(today),
      })
      .returning();
    const manager = await signedIn(t.app, 'manager');
    const list = await manager.get(`/households/${household.id}/records-requests`);
    expect(list.body).toContain(`href="/records-requests/${made!.id}/change"`);
    const path = `/records-requests/${made!.id}/change`;
    const form = await manager.get(path);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change the request for records');
    expect(form.body).toContain('value="Harbourlite Fostering"');

    const receivedOn = addDays(today, -3);
    const refusedFuture = await manager.post(path, {
      organisation: 'Harbourlight Fostering',
      kind: 'fostering_provider',
      ...dateBoxes('receivedOn', addDays(today, 2)),
    });
    expect(refusedFuture.statusCode).toBe(400);
    expect(refusedFuture.body).toContain('Date the request was received must be today or in the past');
    expect(refusedFuture.body).toContain('value="Harbourlight Fostering"');

    const saved = await manager.post(path, {
      organisation: 'Harbourlight Fostering',
      kind: 'fostering_provider',
      ...dateBoxes('receivedOn', receivedOn),
    });
    expect(saved.statusCode).toBe(303);
    const after = await manager.get(saved.headers.location!);
    expect(after.body).toContain('The request has been changed');
    expect(after.body).toContain('Harbourlight Fostering');
    expect(after.body).toContain(formatDate(sendDueOn(receivedOn)));
    expect((await itemsOf(made!.id)).map((i) => i.dueOn)).toEqual([sendDueOn(receivedOn)]);
    await expectInStep();

    // Once the records are sent, the request stays as it was.
    await db.update(recordsRequests).set({ sentOn: today }).where(eq(recordsRequests.id, made!.id));
    expect((await manager.get(`/households/${household.id}/records-requests`)).body).not.toContain(path);
    expect((await manager.get(path)).statusCode).toBe(403);
    const late = await manager.post(path, {
      organisation: 'Another',
      kind: 'fostering_provider',
      ...dateBoxes('receivedOn', receivedOn),
    });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('the request can no longer be changed');
    // A supervising social worker reads the requests but does not change them.
    expect((await (await signedIn(t.app, 'ssw')).get(path)).statusCode).toBe(403);
  });
});
