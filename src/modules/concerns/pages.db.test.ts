/**
 * The concerns register as the LADO reads it, and a household's concerns page as its team manager
 * reads it; a significant event put right by its team manager: changed on its form, filled in (its
 * Ofsted deadline following, never known after anyone was told), or removed in error with why, who
 * was told going with it; who may not; an allegation's notification left to the allegation; the
 * audit trail's words.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { tableRowsAfter } from '../../../test/support/html.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { formatDate } from '../../platform/views/format.ts';
import { auditTrail } from '../placements/test-support.ts';
import { dateFields, householdWithChild, makeEvent, makeMatter } from './test-support.ts';

const t = testAppForFile();

describe('a household’s significant events', () => {
  it('say when Ofsted was told, and when it is still to be told', async () => {
    const { household } = await householdWithChild(t.database.db);
    await makeEvent(t.database.db, {
      householdId: household.id,
      knownAt: '2026-03-02 14:30',
      ofstedAt: '2026-03-02 16:00',
    });
    await makeEvent(t.database.db, { householdId: household.id, knownAt: '2026-04-06 09:00', kind: 'death' });
    const manager = await signedIn(t.app, 'manager');
    const page = (await manager.get(`/households/${household.id}/concerns`)).body;
    const rows = tableRowsAfter(page, 'Significant events and when Ofsted was told');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('2 March 2026 at 2:30pm 2 March 2026 at 4:00pm');
    expect(rows[1]).not.toContain('Not yet');
    expect(rows[0]).toContain('6 April 2026 at 9:00am Not yet: due by 7 April 2026 at 9:00am');
  });
});

describe('the register as the LADO reads it', () => {
  it('offers only the allegations’ kinds and stages to filter by', async () => {
    const lado = await signedIn(t.app, 'lado');
    const page = (await lado.get('/concerns')).body;
    expect(page).toContain('<option value="allegation"');
    expect(page).toContain('<option value="meeting-held"');
    for (const other of ['complaint', 'compliment', 'standard_of_care', 'stage-1', 'recorded']) {
      expect(page).not.toContain(`<option value="${other}"`);
    }
    const manager = await signedIn(t.app, 'manager');
    const register = (await manager.get('/concerns')).body;
    expect(register).toContain('<option value="complaint"');
    expect(register).toContain('<option value="stage-1"');
  });
});

describe('an allegation’s notification to Ofsted', () => {
  it('says whether Ofsted has been told, and when', async () => {
    const { household } = await householdWithChild(t.database.db);
    const told = await makeMatter(t.database.db, { householdId: household.id, knownOn: '2026-03-02' });
    const untold = await makeMatter(t.database.db, { householdId: household.id, knownOn: '2026-04-06' });
    await makeEvent(t.database.db, {
      householdId: household.id,
      concernId: told.id,
      kind: 'allegation',
      knownAt: '2026-03-02 14:30',
      ofstedAt: '2026-03-03 09:15',
    });
    await makeEvent(t.database.db, {
      householdId: household.id,
      concernId: untold.id,
      kind: 'allegation',
      knownAt: '2026-04-06 09:00',
    });
    const lado = await signedIn(t.app, 'lado');
    expect((await lado.get(`/concerns/${told.id}`)).body).toContain(
      'Became known 2 March 2026 at 2:30pm: Ofsted was told 3 March 2026 at 9:15am.',
    );
    expect((await lado.get(`/concerns/${untold.id}`)).body).toContain(
      'Ofsted must be told by 7 April 2026 at 9:00am, and has not been told yet.',
    );
  });
});

describe('a significant event put right', () => {
  const today = todayInLondon();
  const [known, told, earlier] = [addDays(today, -10), addDays(today, -8), addDays(today, -12)];
  const deadline = async (id: string) =>
    queryRows<{ dueOn: string }>(
      t.database.db,
      sql`select due_on::text as "dueOn" from due_items where rule_id = 'concerns.event-notification' and record_id = ${id}`,
    );
  /** A police event known 14:30 ten days ago, the child's placing authority told by phone two days later. */
  async function eventTold() {
    const { household, child } = await householdWithChild(t.database.db);
    const event = await makeEvent(t.database.db, { householdId: household.id, knownAt: `${known} 14:30` });
    const ssw = await signedIn(t.app, 'ssw');
    const notice = {
      recipient: 'placing_authority',
      ...dateFields('toldOn', told),
      toldAtTime: '09:00',
      method: 'phone',
    };
    expect((await ssw.post(`/notifications/${event.id}/told`, notice)).statusCode).toBe(303);
    return { household, child, event };
  }

  it('is changed on its form, filled in, its Ofsted deadline following; never known after anyone was told', async () => {
    const { child, event } = await eventTold();
    const manager = await signedIn(t.app, 'manager');
    const path = `/notifications/${event.id}/change`;
    expect((await manager.get(`/notifications/${event.id}`)).body).toContain(`href="${path}"`);
    const form = await manager.get(path);
    expect(form.body).toContain('Change the significant event');
    expect(form.body).toMatch(/value="police" checked/);
    expect(form.body).toContain('A fixture event.');
    expect(form.body).toContain('value="14:30"');
    expect(form.body).toContain(
      `name="knownOn-day" type="text" value="${dateFields('knownOn', known)['knownOn-day']}"`,
    );

    const typed = { kind: 'serious_injury', childId: child.id, summary: 'Casey broke an arm at school.' };
    const late = await manager.post(path, {
      ...typed,
      ...dateFields('knownOn', addDays(told, 1)),
      knownAtTime: '08:15',
    });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain(
      `The date and time it became known must be no later than ${formatDate(told)} at 9:00am, when the child’s placing authority (their social worker) was told`,
    );
    expect(late.body).toContain('Casey broke an arm at school.');
    const future = await manager.post(path, {
      ...typed,
      ...dateFields('knownOn', addDays(today, 2)),
      knownAtTime: '08:15',
    });
    expect(future.body).toContain('The date and time it became known must be in the past');
    const blank = await manager.post(path, {
      ...typed,
      summary: '',
      ...dateFields('knownOn', earlier),
      knownAtTime: '8',
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Enter what happened');
    expect(blank.body).toContain('Enter the time it became known on the 24-hour clock, like 14:30');
    expect(blank.body).toMatch(/value="serious_injury" checked/);
    expect(await deadline(event.id)).toEqual([{ dueOn: addDays(known, 1) }]);

    const changed = await manager.post(path, { ...typed, ...dateFields('knownOn', earlier), knownAtTime: '08:15' });
    expect(changed.headers.location).toBe(`/notifications/${event.id}?done=changed`);
    const page = (await manager.get(String(changed.headers.location))).body;
    expect(page).toContain('The significant event has been changed');
    expect(page).toContain('Serious injury to a child');
    expect(page).toContain('Casey Fixture');
    expect(page).toContain(`${formatDate(earlier)} at 8:15am`);
    expect(await deadline(event.id)).toEqual([{ dueOn: addDays(earlier, 1) }]);

    const changes = (await auditTrail(t, 'significant-event', event.id)).filter(
      (e) => e.action === 'update' && e.detail?.part === 'event-details',
    );
    expect(changes.map((e) => e.detail)).toEqual([
      {
        part: 'event-details',
        changed: ['kind', 'childId', 'knownAt', 'summary'],
        was: { kind: 'police', childId: null, knownAt: event.knownAt.toISOString(), summary: 'A fixture event.' },
      },
    ]);
    const trail = (await (await signedIn(t.app, 'head')).get(`/records/significant-event/${event.id}/audit`)).body;
    expect(trail).toContain('Viewed what was recorded on the notification of a significant event');
    expect(trail).toContain('Changed what was recorded on the notification of a significant event');
  });

  it('recorded in error is removed with why, who was told and its deadline going with it; not by a carer or the training officer', async () => {
    const { household, event } = await eventTold();
    const path = `/notifications/${event.id}/remove`;
    for (const who of ['carer', 'training']) {
      const other = await signedIn(t.app, who);
      expect((await other.get(path)).statusCode).toBe(403);
      expect((await other.post(path, { reason: 'Not theirs to remove.' })).statusCode).toBe(403);
      expect((await other.post(`/notifications/${event.id}/change`, {})).statusCode).toBe(403);
    }

    const manager = await signedIn(t.app, 'manager');
    const confirm = (await manager.get(path)).body;
    expect(confirm).toContain('What goes with it: the record of who was told, and its deadline to tell Ofsted.');
    expect(confirm).toContain(`The child’s placing authority (their social worker), ${formatDate(told)} at 9:00am`);
    const unexplained = await manager.post(path, { reason: ' ' });
    expect(unexplained.statusCode).toBe(400);
    expect(unexplained.body).toContain('Enter why the significant event is being removed');
    expect(await deadline(event.id)).toHaveLength(1);

    const removed = await manager.post(path, { reason: 'Recorded on the wrong household.' });
    expect(removed.headers.location).toBe(`/households/${household.id}/concerns?done=event-removed`);
    const left = (await manager.get(String(removed.headers.location))).body;
    expect(left).toContain('The significant event has been removed');
    expect(left).toContain('No significant events have been recorded.');
    expect(await deadline(event.id)).toEqual([]);
    expect((await manager.get(`/notifications/${event.id}`)).statusCode).toBe(404);
    const notices = await queryRows(t.database.db, sql`select 1 from event_notices where event_id = ${event.id}`);
    expect(notices).toEqual([]);

    const [removal] = (await auditTrail(t, 'household', household.id)).filter((e) => e.action === 'delete');
    expect(removal!.detail).toMatchObject({
      part: 'significant-event',
      reason: 'Recorded on the wrong household.',
      was: { kind: 'police', summary: 'A fixture event.', notices: [{ recipient: 'placing_authority' }] },
    });
    const trail = (await (await signedIn(t.app, 'head')).get(`/records/household/${household.id}/audit`)).body;
    expect(trail).toContain('Removed a notification of a significant event on the household record');
  });

  it('leaves an allegation’s notification to the allegation', async () => {
    const { household } = await householdWithChild(t.database.db);
    const allegation = await makeMatter(t.database.db, { householdId: household.id, knownOn: known });
    const event = await makeEvent(t.database.db, {
      householdId: household.id,
      concernId: allegation.id,
      kind: 'allegation',
      knownAt: `${known} 09:00`,
    });
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get(`/notifications/${event.id}`)).body).not.toContain(`/notifications/${event.id}/remove`);
    const refused = await manager.get(`/notifications/${event.id}/remove`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('It is the notification of an allegation');
    expect((await manager.post(`/notifications/${event.id}/change`, {})).statusCode).toBe(403);
  });
});
