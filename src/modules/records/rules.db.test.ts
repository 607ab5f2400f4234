/**
 * The records deadline and measure, the right answers worked out by hand: a request's records are
 * due 15 working days after it was received (bank holidays skipped: Christmas 2026, Easter 2026),
 * for whoever recorded it, seen by the household's managers, gone once the records are sent; and
 * "requests for carers' records answered within 15 working days" for March 2026 on a small fixture.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold, teamIdByName } from '../../../test/support/households.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { dueFor, dueRules } from '../../platform/due/index.ts';
import { countMeasure, measureRecords, periodOf } from '../../platform/measures/index.ts';
import { viewer } from '../home/test-support.ts';
import { requestsAnsweredInTime } from './measures.ts';
import { sendDueOn } from './service.ts';
import { makeRequest } from './test-support.ts';

const t = testAppForFile();

describe('the 15 working days to send a carer’s records', () => {
  it('skips weekends and bank holidays', () => {
    // 16 December 2026 (Wednesday): 17, 18, 21, 22, 23, 24 December (6); 25 and 28 December (Christmas
    // Day, Boxing Day's substitute) and 1 January are bank holidays; 29, 30, 31 December (9);
    // 4 to 8 January (14); Monday 11 January is the 15th.
    expect(sendDueOn('2026-12-16')).toBe('2027-01-11');
    // 13 March 2026 (Friday): 16 to 20 (5), 23 to 27 (10), 30, 31 March, 1, 2 April (14); Good Friday
    // 3 April and Easter Monday 6 April are bank holidays; Tuesday 7 April is the 15th.
    expect(sendDueOn('2026-03-13')).toBe('2026-04-07');
  });

  it('is the recorder’s, seen by the household’s managers, not by its social worker, and goes when the records are sent', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { name: 'Duefixture', allocatedSswUsername: 'ssw' });
    const manager = await viewer(db, 'manager');
    const request = await makeRequest(db, {
      householdId: household.id,
      receivedOn: '2026-12-16',
      recordedBy: manager.id,
    });
    const options = { today: '2027-01-04', horizonDays: 28, ruleIds: ['records.request-answered'] };
    const [item] = (await dueFor(db, manager, options)).filter((e) => e.recordId === request.id);
    expect(item).toMatchObject({
      dueOn: '2027-01-11',
      daysLeft: 7,
      overdue: false,
      ownerUserId: manager.id,
      href: `/households/${household.id}/records-requests`,
      label: expect.stringContaining('Duefixture'),
    });
    expect(item!.detail).toBe(
      'Records asked for by Harbourlight Fostering (another fostering service provider) on 16 December 2026',
    );
    const rule = dueRules().find((r) => r.id === 'records.request-answered');
    expect(rule?.cites).toContain('Fostering Services (England) Regulations 2011, regulation 32(6)');
    const head = await viewer(db, 'head');
    expect((await dueFor(db, head, options)).some((e) => e.recordId === request.id)).toBe(true);
    const ssw = await viewer(db, 'ssw');
    expect((await dueFor(db, ssw, options)).some((e) => e.recordId === request.id)).toBe(false);

    const sent = await makeRequest(db, {
      householdId: household.id,
      receivedOn: '2026-12-16',
      sentOn: '2026-12-18',
      recordedBy: manager.id,
    });
    expect((await dueFor(db, manager, options)).some((e) => e.recordId === sent.id)).toBe(false);
  });
});

describe('requests for carers’ records answered within 15 working days', () => {
  it('counts March 2026’s requests whose 15 working days ended in March, met when sent by then', async () => {
    const db = t.database.db;
    const east = await teamIdByName(db, 'East Kent Fostering Team 1');
    const [team] = await queryRows<{ id: string }>(
      db,
      sql`insert into teams (name, area_id) select 'Records Fixture Team', area_id from teams where id = ${east} returning id`,
    );
    const household = (await makeHousehold(db, { teamId: team!.id })).id;
    const ask = (receivedOn: string, sentOn: string | null = null) =>
      makeRequest(db, { householdId: household, receivedOn, sentOn });
    // Received Monday 16 February: due Monday 9 March; sent that day (in time).
    const onTheDay = await ask('2026-02-16', '2026-03-09');
    // Received Friday 20 February: due Friday 13 March; sent Monday 16 March (late).
    const late = await ask('2026-02-20', '2026-03-16');
    // Received Wednesday 25 February: due Wednesday 18 March; sent 4 March (in time).
    const early = await ask('2026-02-25', '2026-03-04');
    // Received Tuesday 10 March: due Tuesday 31 March; not sent (missed).
    const notSent = await ask('2026-03-10');
    // Received Friday 13 March: due Tuesday 7 April (after Easter): April's, not March's.
    const april = await ask('2026-03-13');
    // Received Monday 2 February: due Monday 23 February: February's.
    const february = await ask('2026-02-02', '2026-02-27');
    expect([onTheDay, late, early, notSent, april, february].map((r) => r.dueOn)).toEqual([
      '2026-03-09',
      '2026-03-13',
      '2026-03-18',
      '2026-03-31',
      '2026-04-07',
      '2026-02-23',
    ]);

    const march = periodOf('2026-03', '2026-06-01');
    const rows = (await measureRecords(db, requestsAnsweredInTime, march)).filter((r) => r.teamId === team!.id);
    expect(Object.fromEntries(rows.map((r) => [r.recordId, r.met]))).toEqual({
      [onTheDay.id]: true,
      [late.id]: false,
      [early.id]: true,
      [notSent.id]: false,
    });
    expect(rows.find((r) => r.recordId === late.id)?.detail).toBe(
      'Received 2026-02-20; due by 2026-03-13; sent 2026-03-16',
    );
    const { figures } = await countMeasure(db, requestsAnsweredInTime, march);
    expect(figures.find((f) => f.scopeKind === 'team' && f.scopeId === team!.id)).toMatchObject({
      numerator: 2,
      denominator: 4,
      value: 50,
    });
  });
});
