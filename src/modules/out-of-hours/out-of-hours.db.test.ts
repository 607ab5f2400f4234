/**
 * Out-of-hours calls through the pages: recorded from the household's calls (bad input refused
 * with what was typed kept), shown on the call's page and in the month's list with its counts,
 * seen only by those who read the household in full, and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { callAnswers } from './test-support.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { dateBoxes as boxes, parseDatedForm } from '../../platform/views/date-input.ts';
import { CALL_DATES, callForm } from './forms.ts';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(async () => {
  await t.close();
});

// Typed with a full stop, as people do: read as 21:30.
const call = { ...callAnswers, calledAt: '21.30' };

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

  it('is refused when dated today at a time still to come, with what was typed kept', async () => {
    const household = await makeHousehold(db, { statusSince: '2024-01-08', name: 'Futurecall' });
    const ssw = await signedIn(t.app, 'ssw');
    // The time now in London, read apart from the code under test; at 23:59 no later time today is left to try.
    const now = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date());
    if (now < '23:59') {
      const later = await ssw.post(`/households/${household.id}/out-of-hours/new`, {
        ...call,
        ...boxes('calledOn', todayInLondon()),
        calledAt: '23:59',
      });
      expect(later.statusCode).toBe(400);
      expect(later.body).toContain('Time of the call must be now or in the past');
      expect(later.body).toContain('value="23:59"');
      expect(later.body).toContain('Police asked for a bed for a boy of 14; placed overnight.');
    }
    // The same time yesterday is in the past.
    const yesterday = await ssw.post(`/households/${household.id}/out-of-hours/new`, {
      ...call,
      ...boxes('calledOn', addDays(todayInLondon(), -1)),
      calledAt: '23:59',
    });
    expect(yesterday.statusCode).toBe(303);
  });

  it('is refused when whoever answered does not answer at that time, the hours said on the form', async () => {
    const household = await makeHousehold(db, { statusSince: '2024-01-08', name: 'Nightcall' });
    const ssw = await signedIn(t.app, 'ssw');
    const form = await ssw.get(`/households/${household.id}/out-of-hours/new`);
    expect(form.body).toContain('Weekdays from 5pm to midnight; weekends and bank holidays from 8am to midnight');
    expect(form.body).toContain('Every night from midnight to 8am');
    const post = (changes: Record<string, string>) =>
      ssw.post(`/households/${household.id}/out-of-hours/new`, { ...call, ...changes });

    // Saturday 14 November 2026 at 21:30: the area's service, not the County team.
    const county = await post({ answeredBy: 'county' });
    expect(county.statusCode).toBe(400);
    expect(county.body).toContain(
      'The County Out of Hours team answers from midnight to 8am: select the area’s fostering out-of-hours service, or check the time of the call',
    );
    expect(county.body).toContain('value="21.30"');
    expect(county.body).toContain('Police asked for a bed for a boy of 14; placed overnight.');
    // Monday 16 November 2026 at 02:15: the County team, not the area's service.
    const area = await post({ ...boxes('calledOn', '2026-11-16'), calledAt: '02:15' });
    expect(area.statusCode).toBe(400);
    expect(area.body).toContain(
      'The area’s fostering out-of-hours service answers until midnight, the County Out of Hours team from midnight to 8am: select the County Out of Hours team, or check the time of the call',
    );
    // Tuesday 17 November 2026 at 10:00: the day team's hours, whoever is said to have answered.
    for (const answeredBy of ['area', 'county']) {
      const day = await post({ ...boxes('calledOn', '2026-11-17'), calledAt: '10:00', answeredBy });
      expect(day.statusCode, answeredBy).toBe(400);
      expect(day.body).toContain(
        'On weekdays from 8am to 5pm the day team answers, not the out-of-hours service: check the date and time of the call',
      );
    }

    // Each in their hours: the County team after midnight, the area's service by day on a bank holiday and at 5pm on a weekday.
    for (const [calledOn, calledAt, answeredBy] of [
      ['2026-11-16', '02:15', 'county'],
      ['2026-08-31', '14:00', 'area'],
      ['2026-11-17', '17:00', 'area'],
      ['2026-11-17', '00:00', 'county'],
    ] as const) {
      const saved = await post({ ...boxes('calledOn', calledOn), calledAt, answeredBy });
      expect(saved.statusCode, `${calledOn} ${calledAt} ${answeredBy}`).toBe(303);
    }
  });
});

describe('the out-of-hours call’s form', () => {
  // Saturday 14 November 2026 at 21:00 in London.
  const parse = (body: Record<string, string>) => parseDatedForm(callForm('2026-11-14', '21:00'), body, CALL_DATES);
  const errorsOf = (body: Record<string, string>) => {
    const result = parse(body);
    return result.ok ? {} : Object.fromEntries(Object.entries(result.errors.fields).map(([k, v]) => [k, v.text]));
  };

  it('takes a call up to now today, or at any time on an earlier day, and refuses one later today', () => {
    expect(parse({ ...call, calledAt: '21:00' }).ok).toBe(true);
    expect(parse({ ...call, ...boxes('calledOn', '2026-11-13'), calledAt: '23:59' }).ok).toBe(true);
    expect(errorsOf({ ...call, calledAt: '21:01' })).toEqual({
      calledAt: 'Time of the call must be now or in the past',
    });
    // Shown with every other message, not after them.
    expect(errorsOf({ ...call, calledAt: '21:01', outcome: '' })).toEqual({
      calledAt: 'Time of the call must be now or in the past',
      outcome: 'Select what was done',
    });
  });

  it('checks who answered against the hours, once the day, the time and who answered are given', () => {
    expect(errorsOf({ ...call, calledAt: '20:00', answeredBy: 'county' })).toEqual({
      answeredBy: expect.stringContaining('The County Out of Hours team answers from midnight to 8am'),
    });
    expect(errorsOf({ ...call, calledAt: '07:59' })).toEqual({
      answeredBy: expect.stringContaining('The area’s fostering out-of-hours service answers until midnight'),
    });
    expect(parse({ ...call, calledAt: '08:00' }).ok).toBe(true);
    expect(errorsOf({ ...call, calledAt: '25:00', answeredBy: 'county' })).toEqual({
      calledAt: 'Enter the time of the call in 24-hour time, like 21:30',
    });
  });
});
