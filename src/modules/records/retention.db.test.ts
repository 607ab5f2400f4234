/**
 * How long records are kept: the household's page says until when, and under which rule, for a
 * household whose approval ended or whose application was refused or withdrawn; the Records page
 * (the head's and service managers') lists the open requests, overdue first, and links to the
 * households past their retention date, oldest first, with children's records past the 75th
 * anniversary of birth counted. Nothing is deleted.
 */
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { addDays, addYears, todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { serviceManager } from '../home/test-support.ts';
import { childrenPastRetention, householdsPastRetention, openRequests } from './queries.ts';
import { makeRequest } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();

describe('the retention of a closed household’s records', () => {
  it('shows the keep-until date and the rule on the household’s page', async () => {
    const db = t.database.db;
    const head = await signedIn(t.app, 'head');
    const ended = await makeHousehold(db, { status: 'deregistered', statusSince: '2026-03-14' });
    const page = await head.get(`/households/${ended.id}`);
    expect(page.body).toContain('Records kept until');
    expect(page.body).toContain('14 March 2036');
    expect(page.body).toContain(
      '10 years after approval ended, Fostering Services (England) Regulations 2011, regulation 32(1)',
    );
    const refused = await makeHousehold(db, { status: 'refused', statusSince: '2025-06-30' });
    const refusedPage = await head.get(`/households/${refused.id}`);
    expect(refusedPage.body).toContain('30 June 2028');
    expect(refusedPage.body).toContain('3 years after the application was refused');
    const approved = await makeHousehold(db);
    expect((await head.get(`/households/${approved.id}`)).body).not.toContain('Records kept until');
  });

  it('lists the households past their date, oldest first, to the head; a service manager their area’s', async () => {
    const db = t.database.db;
    const old = await makeHousehold(db, {
      name: 'Aaaoldest',
      status: 'deregistered',
      statusSince: addDays(addYears(today, -10), -30),
      teamName: 'West Kent Fostering Team 1',
    });
    const withdrawn = await makeHousehold(db, {
      name: 'Aaawithdrawn',
      status: 'withdrawn',
      statusSince: addDays(addYears(today, -3), -1),
    });
    const notYet = await makeHousehold(db, {
      name: 'Aaanotyet',
      status: 'deregistered',
      statusSince: addYears(today, -9),
    });
    const head = await signedIn(t.app, 'head');
    const records = await head.get('/records');
    expect(records.statusCode).toBe(200);
    expect(records.body).toContain('href="/records/retention"');
    const page = await head.get('/records/retention');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Hearth does not delete them');
    expect(page.body).toContain('Aaaoldest');
    expect(page.body).toContain('Aaawithdrawn');
    expect(page.body).not.toContain('Aaanotyet');
    expect(page.body.indexOf('Aaaoldest')).toBeLessThan(page.body.indexOf('Aaawithdrawn'));
    expect(page.body).toContain(`Withdrawn on ${formatDate(withdrawn.statusSince)}`);
    expect(page.body).toContain('No child’s case record is past the 75th anniversary of the child’s birth.');

    const east = await serviceManager(db, 'East Kent');
    const area = await householdsPastRetention(db, east, today, 1);
    const ids = area.rows.map((h) => h.id);
    expect(ids).toContain(withdrawn.id);
    expect(ids).not.toContain(old.id);
    expect(ids).not.toContain(notYet.id);
    expect(area.total).toBe(area.rows.length);

    await makeChild(db, { dateOfBirth: '1940-05-01', firstName: 'Agnes', lastName: 'Longago' });
    const headUser = { ...east, role: 'head_of_fostering' as const, areaId: null };
    expect(await childrenPastRetention(db, headUser, today)).toBe(1);
    expect((await head.get('/records/retention')).body).toContain(
      '1 child’s case record is past the 75th anniversary of the child’s birth.',
    );
  });

  it('lists the open requests across the service, overdue first', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { name: 'Aaaopen' });
    const overdue = await makeRequest(db, { householdId: household.id, receivedOn: addDays(today, -40) });
    const recent = await makeRequest(db, { householdId: household.id, receivedOn: today });
    await makeRequest(db, { householdId: household.id, receivedOn: addDays(today, -50), sentOn: addDays(today, -45) });
    const east = await serviceManager(db, 'East Kent');
    const list = await openRequests(db, east, today, 1);
    const mine = list.rows.filter((r) => r.householdId === household.id).map((r) => r.id);
    expect(mine).toEqual([overdue.id, recent.id]);
    const west = await serviceManager(db, 'West Kent');
    expect((await openRequests(db, west, today, 1)).rows.some((r) => r.householdId === household.id)).toBe(false);
    const page = await (await signedIn(t.app, 'head')).get('/records');
    expect(page.body).toContain('Overdue');
    expect(page.body).toMatch(/\d+ requests? (is|are) overdue/);
  });
});
