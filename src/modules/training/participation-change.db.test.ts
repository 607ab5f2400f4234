/**
 * A participation event's own details are corrected on the form it was recorded on, filled in: who
 * attended stands and their participation days follow the event's new days. One recorded in error
 * is removed with why, and the carers and children recorded as attending go with it (each audited
 * on their own record); only by someone who may read every one of them. Roles that only read
 * events are refused both.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeCarer, makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { participationAttendance, participationEvents } from './tables.ts';
import { attendEvent, makeEvent } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();

async function family(teamName: string, carerName: string, childName: string) {
  const db = t.database.db;
  const household = await makeHousehold(db, { teamName, statusSince: '2024-01-08' });
  const carer = await makeCarer(db, household.id, { firstName: carerName });
  const child = await makeChild(db, { firstName: childName });
  await makePlacement(db, { childId: child.id, householdId: household.id });
  return { household, carer, child };
}

const answers = (heldOn: string, extra: Record<string, string> = {}) => ({
  title: 'Summer picnic',
  audience: 'both',
  organiser: 'carers_association',
  ...dateBoxes('heldOn', heldOn),
  place: 'Kearsney Abbey',
  ...extra,
});

const auditOf = (recordId: string, action: string) =>
  t.database.db
    .select({ recordType: auditEvents.recordType, detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.recordId, recordId), eq(auditEvents.action, action)));

describe('correcting a participation event', () => {
  it('changes its details on the form it was recorded on, and the carers’ days follow', async () => {
    const db = t.database.db;
    const east = await family('East Kent Fostering Team 1', 'Ottilie', 'Marisol');
    const event = await makeEvent(db, addDays(today, -10));
    await attendEvent(db, event.id, { carerId: east.carer.id });
    await attendEvent(db, event.id, { childId: east.child.id });
    const ssw = await signedIn(t.app, 'ssw');
    const path = `/participation/${event.id}`;

    const page = await ssw.get(path);
    expect(page.body).toContain(`href="${path}/change"`);
    const form = await ssw.get(`${path}/change`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change the participation event');
    expect(form.body).toContain('value="Fun day"');
    expect(form.body).toContain('value="A park"');
    expect(form.body).toMatch(/value="both" checked/);
    expect(form.body).toContain(`href="${path}"`);

    // Bad input keeps what was typed.
    const blank = await ssw.post(`${path}/change`, answers(addDays(today, -10), { title: ' ' }));
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Enter the name of the event');
    expect(blank.body).toContain('value="Kearsney Abbey"');
    // Not closed to those recorded as attending, nor moved after today once they are.
    const closed = await ssw.post(`${path}/change`, answers(addDays(today, -10), { audience: 'carers' }));
    expect(closed.statusCode).toBe(400);
    expect(closed.body).toContain('1 child is recorded as attending');
    expect(closed.body).toContain('value="Summer picnic"');
    const later = await ssw.post(`${path}/change`, answers(addDays(today, 3)));
    expect(later.statusCode).toBe(400);
    expect(later.body).toContain('Who attended is recorded: the date of the event must be today or in the past');
    expect(later.body).toContain('href="#heldOn-day"');

    const heldOn = addDays(today, -20);
    const saved = await ssw.post(`${path}/change`, { ...answers(heldOn), ...dateBoxes('endsOn', addDays(heldOn, 1)) });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${path}?done=event-changed`);
    const changed = await ssw.get(saved.headers.location!);
    expect(changed.body).toContain('Event changed');
    expect(changed.body).toContain('<h1 class="govuk-heading-l">Summer picnic</h1>');
    expect(changed.body).toContain(`${formatDate(heldOn)} to ${formatDate(addDays(heldOn, 1))} (2 days)`);
    expect(changed.body).toContain('Kearsney Abbey');
    expect(changed.body).toContain('Ottilie');
    expect((await ssw.get('/participation')).body).toContain('Summer picnic');
    const carerPage = await ssw.get(`/training/carers/${east.carer.id}`);
    expect(carerPage.body).toContain('2 of 3 days expected');

    const [entry] = await auditOf(event.id, 'update');
    expect(entry).toMatchObject({ recordType: 'participation-event' });
    expect(entry!.detail).toMatchObject({ heldOn, endsOn: addDays(heldOn, 1) });
    expect((entry!.detail as { changed: string[] }).changed).toEqual(
      expect.arrayContaining(['title', 'organiser', 'heldOn', 'endsOn', 'place']),
    );
  });

  it('refuses those who only read events, and finds no event that is not there', async () => {
    const event = await makeEvent(t.database.db, addDays(today, -5));
    const path = `/participation/${event.id}`;
    const reviewer = await signedIn(t.app, 'reviewer'); // reads events, records none
    const page = await reviewer.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(`${path}/change`);
    expect(page.body).not.toContain(`${path}/remove`);
    for (const url of [`${path}/change`, `${path}/remove`]) {
      expect((await reviewer.get(url)).statusCode).toBe(403);
    }
    expect((await reviewer.post(`${path}/change`, answers(addDays(today, -5)))).statusCode).toBe(403);
    expect((await reviewer.post(`${path}/remove`, { reason: 'Not mine' })).statusCode).toBe(403);
    const carer = await signedIn(t.app, 'carer');
    expect((await carer.get(`${path}/change`)).statusCode).toBe(403);

    const ssw = await signedIn(t.app, 'ssw');
    const nowhere = '/participation/00000000-0000-4000-8000-000000000000';
    expect((await ssw.get(`${nowhere}/change`)).statusCode).toBe(404);
    expect((await ssw.get(`${nowhere}/remove`)).statusCode).toBe(404);
    expect((await ssw.get('/participation/not-an-id/change')).statusCode).toBe(404);
    const [row] = await t.database.db.select().from(participationEvents).where(eq(participationEvents.id, event.id));
    expect(row?.title).toBe('Fun day');
  });
});

describe('removing a participation event recorded in error', () => {
  it('takes who attended with it, once the remover may read them all, audited on each', async () => {
    const db = t.database.db;
    const east = await family('East Kent Fostering Team 1', 'Cressida', 'Florian');
    const west = await family('West Kent Fostering Team 1', 'Leopold', 'Anouk');
    const event = await makeEvent(db, addDays(today, -3));
    await db
      .update(participationEvents)
      .set({ title: 'Duplicate coffee morning' })
      .where(eq(participationEvents.id, event.id));
    for (const who of [east, west]) await attendEvent(db, event.id, { carerId: who.carer.id });
    await attendEvent(db, event.id, { childId: east.child.id });
    const path = `/participation/${event.id}`;

    // The east SSW cannot read the west carer, who would go with it: not offered, and refused.
    const ssw = await signedIn(t.app, 'ssw');
    const page = await ssw.get(path);
    expect(page.body).toContain(`href="${path}/change"`);
    expect(page.body).not.toContain(`${path}/remove`);
    const refused = await ssw.get(`${path}/remove`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('1 person recorded as attending is on records you cannot see');
    expect((await ssw.post(`${path}/remove`, { reason: 'Recorded twice' })).statusCode).toBe(403);

    const head = await signedIn(t.app, 'head');
    expect((await head.get(path)).body).toContain(`href="${path}/remove"`);
    const form = await head.get(`${path}/remove`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Remove Duplicate coffee morning');
    expect(form.body).toContain('The 2 carers and 1 child or young person recorded as attending go with it');

    const blank = await head.post(`${path}/remove`, { reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Enter why the event is being removed');
    const tooLong = await head.post(`${path}/remove`, { reason: `Recorded twice ${'x'.repeat(500)}` });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('Recorded twice');

    const removed = await head.post(`${path}/remove`, { reason: 'Recorded twice' });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe('/participation?done=event-removed');
    const list = await head.get(removed.headers.location!);
    expect(list.body).toContain('Event removed, with who attended it');
    expect(list.body).not.toContain('Duplicate coffee morning');
    expect((await head.get(path)).statusCode).toBe(404);
    expect(
      await db.select().from(participationAttendance).where(eq(participationAttendance.eventId, event.id)),
    ).toEqual([]);
    expect((await head.get(`/training/carers/${east.carer.id}`)).body).toContain('0 of 3 days expected');

    const [gone] = await auditOf(event.id, 'delete');
    expect(gone).toMatchObject({ recordType: 'participation-event' });
    expect(gone!.detail).toMatchObject({
      title: 'Duplicate coffee morning',
      carers: 2,
      children: 1,
      reason: 'Recorded twice',
    });
    for (const [id, type] of [
      [east.carer.id, 'carer'],
      [west.carer.id, 'carer'],
      [east.child.id, 'child'],
    ] as const) {
      const entries = await auditOf(id, 'update');
      expect(entries.find((e) => (e.detail as { part?: string }).part === 'participation-attendance')).toMatchObject({
        recordType: type,
        detail: { participationEvent: event.id, attended: false },
      });
    }
  });
});
