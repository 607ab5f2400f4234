/**
 * An out-of-hours call recorded with a mistake is changed on the form it was recorded on, filled in;
 * one recorded in error is removed, with why, audited on the household. The assistant director, who
 * reads calls, is offered neither; another team's worker, who cannot read the household, finds none.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { callAnswers } from './test-support.ts';
import { auditEvents } from '../../platform/audit/tables.ts';

const t = testAppForFile();

const call = callAnswers;

describe('an out-of-hours call recorded with a mistake', () => {
  it('is changed on its form, filled in, and refused with what was typed kept', async () => {
    const household = await makeHousehold(db(), { statusSince: '2024-01-08', name: 'Wrongtime' });
    const ssw = await signedIn(t.app, 'ssw');
    const saved = await ssw.post(`/households/${household.id}/out-of-hours/new`, call);
    const href = /href="(\/out-of-hours\/[0-9a-f-]{36})"/.exec((await ssw.get(saved.headers.location!)).body)![1]!;

    const page = await ssw.get(href);
    expect(page.body).toContain(`href="${href}/change"`);
    const form = await ssw.get(`${href}/change`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change the out-of-hours call');
    expect(form.body).toContain('value="21:30"');
    expect(form.body).toContain('Police asked for a bed for a boy of 14; placed overnight.');

    const refused = await ssw.post(`${href}/change`, { ...call, calledAt: '25:00', note: 'Corrected note' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter the time of the call in 24-hour time, like 21:30');
    expect(refused.body).toContain('Corrected note');

    const changed = await ssw.post(`${href}/change`, { ...call, calledAt: '22:45', note: 'Corrected note' });
    expect(changed.statusCode).toBe(303);
    const after = await ssw.get(changed.headers.location!);
    expect(after.body).toContain('The call has been changed');
    expect(after.body).toContain('Saturday 14 November 2026 at 22:45');
    expect(after.body).toContain('Corrected note');

    // The assistant director reads the call but is offered no change, and is refused one.
    const director = await signedIn(t.app, 'director');
    const read = await director.get(href);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(`${href}/change`);
    expect((await director.get(`${href}/change`)).statusCode).toBe(403);
    // Another team's worker does not read the household: no call to change.
    const ssw2 = await signedIn(t.app, 'ssw2');
    expect((await ssw2.get(`${href}/change`)).statusCode).toBe(404);
    expect((await ssw2.post(`${href}/remove`, { reason: 'Not ours' })).statusCode).toBe(404);
  });

  it('is removed when recorded in error, saying why, audited on the household', async () => {
    const household = await makeHousehold(db(), { statusSince: '2024-01-08', name: 'Wronghouse' });
    const ssw = await signedIn(t.app, 'ssw');
    const saved = await ssw.post(`/households/${household.id}/out-of-hours/new`, call);
    const href = /href="(\/out-of-hours\/[0-9a-f-]{36})"/.exec((await ssw.get(saved.headers.location!)).body)![1]!;

    const form = await ssw.get(`${href}/remove`);
    expect(form.body).toContain('Remove the out-of-hours call on 14 November 2026');
    const blank = await ssw.post(`${href}/remove`, { reason: '' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Enter why the call is being removed');

    const removed = await ssw.post(`${href}/remove`, { reason: 'Recorded on the wrong household' });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/households/${household.id}/out-of-hours?done=removed`);
    const calls = await ssw.get(removed.headers.location!);
    expect(calls.body).toContain('The call has been removed');
    expect(calls.body).toContain('No out-of-hours calls are recorded for this household.');
    expect((await ssw.get(href)).statusCode).toBe(404);
    const [entry] = await db()
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.recordType, 'household'),
          eq(auditEvents.recordId, household.id),
          eq(auditEvents.action, 'delete'),
        ),
      );
    expect(entry?.detail).toMatchObject({ part: 'out-of-hours-call', reason: 'Recorded on the wrong household' });
  });
});

function db() {
  return t.database.db;
}
