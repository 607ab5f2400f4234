/**
 * Out-of-hours calls through the pages: recorded from the household's calls (bad input refused
 * with what was typed kept), shown on the call's page and in the month's list with its counts,
 * seen only by those who read the household in full, and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { dateBoxes as boxes } from '../../platform/views/date-input.ts';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(async () => {
  await t.close();
});

const call = {
  ...boxes('calledOn', '2026-11-14'),
  calledAt: '21.30',
  caller: 'carer',
  answeredBy: 'area',
  reason: 'emergency-placement',
  outcome: 'placed-in-house',
  note: 'Police asked for a bed for a boy of 14; placed overnight.',
};

describe('an out-of-hours call', () => {
  it('is recorded from the household’s calls, refused with clear messages and what was typed kept', async () => {
    const household = await makeHousehold(db, { statusSince: '2024-01-08', name: 'Latecall' });
    const ssw = await signedIn(t.app, 'ssw');
    const householdPage = await ssw.get(`/households/${household.id}`);
    expect(householdPage.body).toContain(`href="/households/${household.id}/out-of-hours"`);
    const calls = await ssw.get(`/households/${household.id}/out-of-hours`);
    expect(calls.body).toContain('No out-of-hours calls are recorded for this household.');
    expect(calls.body).toContain(`href="/households/${household.id}/out-of-hours/new">Record an out-of-hours call</a>`);

    const refused = await ssw.post(`/households/${household.id}/out-of-hours/new`, {
      ...boxes('calledOn', addDays(todayInLondon(), 1)),
      calledAt: '25:00',
      note: 'Rang about contact',
    });
    expect(refused.statusCode).toBe(400);
    for (const message of [
      'Date of the call must be today or in the past',
      'Enter the time of the call in 24-hour time, like 21:30',
      'Select who called',
      'Select who answered',
      'Select what the call was about',
      'Select what was done',
    ]) {
      expect(refused.body).toContain(message);
    }
    expect(refused.body).toContain('Rang about contact');
    expect(refused.body).toContain('value="25:00"');

    const saved = await ssw.post(`/households/${household.id}/out-of-hours/new`, call);
    expect(saved.statusCode).toBe(303);
    const listed = await ssw.get(saved.headers.location!);
    expect(listed.body).toContain('The call has been recorded');
    expect(listed.body).toContain('Saturday 14 November 2026 at 21:30');
    const href = /href="(\/out-of-hours\/[0-9a-f-]{36})"/.exec(listed.body)![1]!;
    const page = await ssw.get(href);
    for (const words of [
      'Saturday 14 November 2026 at 21:30',
      'A foster carer',
      'The area’s fostering out-of-hours service',
      'A child needing an emergency placement',
      'The child was placed with one of our foster carers',
      'Police asked for a bed for a boy of 14; placed overnight.',
    ]) {
      expect(page.body).toContain(words);
    }
    const trail = await (
      await signedIn(t.app, 'head')
    ).get(`/records/out-of-hours-call/${href.split('/').pop()}/audit`);
    expect(trail.body).toContain('Created the out-of-hours call');
    expect(trail.body).toContain('Viewed the out-of-hours call');
  });

  it('is listed by month and area with the month’s counts, only for the households the reader may see', async () => {
    const east = await makeHousehold(db, { statusSince: '2024-01-08', name: 'Eastcaller' });
    const west = await makeHousehold(db, {
      statusSince: '2024-01-08',
      name: 'Westcaller',
      teamName: 'West Kent Fostering Team 1',
    });
    const head = await signedIn(t.app, 'head');
    await head.post(`/households/${east.id}/out-of-hours/new`, { ...call, ...boxes('calledOn', '2026-10-03') });
    await head.post(`/households/${west.id}/out-of-hours/new`, {
      ...call,
      ...boxes('calledOn', '2026-10-04'),
      outcome: 'advice-given',
      reason: 'advice',
    });
    const october = await head.get('/out-of-hours?month=2026-10');
    expect(october.body).toContain('Eastcaller');
    expect(october.body).toContain('Westcaller');
    expect(october.body).toMatch(/\d+ calls in October 2026/);
    expect(october.body).toContain('The child was placed with one of our foster carers: ');
    // An East supervising social worker sees their team's household, not the West one.
    const ssw = await signedIn(t.app, 'ssw');
    const theirs = await ssw.get('/out-of-hours?month=2026-10');
    expect(theirs.body).toContain('Eastcaller');
    expect(theirs.body).not.toContain('Westcaller');
    expect((await ssw.get(`/households/${west.id}/out-of-hours`)).statusCode).toBe(404);
    expect((await ssw.post(`/households/${west.id}/out-of-hours/new`, call)).statusCode).toBe(404);
    // A child's social worker and a carer never open them.
    expect((await (await signedIn(t.app, 'cicsw')).get('/out-of-hours')).statusCode).toBe(403);
    expect((await (await signedIn(t.app, 'carer')).get(`/households/${east.id}/out-of-hours`)).statusCode).toBe(403);
  });

  it('leads an allegation to the allegations record, not a call, and answers a hand-edited month without an error', async () => {
    const household = await makeHousehold(db, { statusSince: '2024-01-08', name: 'Allegationcall' });
    const ssw = await signedIn(t.app, 'ssw');
    const form = await ssw.get(`/households/${household.id}/out-of-hours/new`);
    expect(form.body).toContain(
      `href="/households/${household.id}/concerns/new">Record it as an allegation or concern</a>`,
    );
    expect(form.body).not.toContain('value="allegation"');
    const refused = await ssw.post(`/households/${household.id}/out-of-hours/new`, { ...call, reason: 'allegation' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Select what the call was about');
    for (const month of ['0000-01', '1899-12', '2026-13']) {
      const page = await ssw.get(`/out-of-hours?month=${month}`);
      expect(page.statusCode, month).toBe(200);
    }
  });
});
