/**
 * The published rates as the payments officer uses the page: a new set from a date, money typed
 * as people type it, bad input refused with messages and nothing lost; the rates in force on a
 * date; day care below the Living Wage called out; who may see and add them.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { ratesOn } from './queries.ts';
import { paymentRates } from './tables.ts';
import { dateBoxesOf, makeRates } from './test-support.ts';

const t = testAppForFile();

const goodRates = (from: string) => ({
  ...dateBoxesOf('effectiveFrom', from),
  allowance0To4: '£195.50',
  allowance5To10: '195.5',
  allowance11To15: '195',
  allowance16To17: '£1,250',
  feeLevel1: '0',
  feeLevel2: '150',
  feeLevel3: '300.00',
  dayCareHourly: '11.50',
  livingWageHourly: '12.60',
});

describe('adding a set of rates', () => {
  it('keeps what was typed and says what is wrong, then saves amounts typed as people type them', async () => {
    const payments = await signedIn(t.app, 'payments');
    expect((await payments.get('/payments/rates/new')).statusCode).toBe(200);
    const bad = await payments.post('/payments/rates/new', {
      ...goodRates('2040-04-01'),
      'effectiveFrom-month': '',
      allowance0To4: 'about 200',
      feeLevel2: '-5',
      dayCareHourly: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('Date the rates start must include a month');
    expect(bad.body).toContain('Weekly allowance for a child aged 0 to 4 must be an amount of money, like 195.50');
    expect(bad.body).toContain('Weekly fee at Level 2 (Skilled) must be £0 or more');
    expect(bad.body).toContain('Enter the day care hourly rate');
    expect(bad.body).toContain('value="about 200"');
    expect(bad.body).toContain('value="£1,250"');
    expect(bad.body).toContain('href="#effectiveFrom-day"');

    const saved = await payments.post('/payments/rates/new', goodRates('2040-04-01'));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/payments?done=rates');
    const [row] = await t.database.db.select().from(paymentRates).where(eq(paymentRates.effectiveFrom, '2040-04-01'));
    expect(row).toMatchObject({
      allowance0To4: 19_550,
      allowance5To10: 19_550,
      allowance11To15: 19_500,
      allowance16To17: 125_000,
      feeLevel1: 0,
      feeLevel2: 15_000,
      feeLevel3: 30_000,
      dayCareHourly: 1_150,
      livingWageHourly: 1_260,
    });
    const page = await payments.get('/payments?done=rates');
    expect(page.body).toContain('The new rates have been recorded');
    expect(page.body).toContain('1 April 2040');
    expect(page.body).toContain('To come');
    const trail = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'payment-rates'), eq(auditEvents.recordId, row!.id)));
    expect(trail.map((e) => e.action)).toEqual(['create']);

    const again = await payments.post('/payments/rates/new', goodRates('2040-04-01'));
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Rates from 1 April 2040 are already recorded: choose another date');
  });
});

describe('the rates in force', () => {
  it('are the latest set from the day or before', async () => {
    const db = t.database.db;
    await makeRates(db, '2050-04-01', { feeLevel2: 10_000 });
    await makeRates(db, '2051-04-01', { feeLevel2: 11_000 });
    expect((await ratesOn(db, '2051-03-31'))?.feeLevel2).toBe(10_000);
    expect((await ratesOn(db, '2051-04-01'))?.feeLevel2).toBe(11_000);
    expect((await ratesOn(db, '1999-01-01'))?.feeLevel2).toBeUndefined();
  });

  it('are shown today with since when, and a warning when day care is paid below the Living Wage', async () => {
    const today = todayInLondon();
    await makeRates(t.database.db, today, { allowance5To10: 21_650 });
    const head = await signedIn(t.app, 'head');
    const page = await head.get('/payments');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`In force since ${formatDate(today)}`);
    expect(page.body).toContain('£216.50 a week');
    expect(page.body).toContain(
      'Day care is paid at £11.50 an hour, below the recommended Living Wage of £12.60 an hour.',
    );
    expect(page.body).toContain('govuk-warning-text');
    expect(page.body).toContain('Add a new set of rates');
  });
});

describe('who may see and add rates', () => {
  it('refuses a carer and a children’s social worker; lets a team manager and a supervising social worker read but not add', async () => {
    for (const username of ['carer', 'cicsw']) {
      const agent = await signedIn(t.app, username);
      expect((await agent.get('/payments')).statusCode, username).toBe(403);
      expect((await agent.get('/payments/enhancements')).statusCode, username).toBe(403);
    }
    for (const username of ['manager', 'ssw']) {
      const reader = await signedIn(t.app, username);
      const page = await reader.get('/payments');
      expect(page.statusCode, username).toBe(200);
      expect(page.body).not.toContain('Add a new set of rates');
      expect((await reader.get('/payments/rates/new')).statusCode, username).toBe(403);
      expect((await reader.post('/payments/rates/new', goodRates('2060-04-01'))).statusCode, username).toBe(403);
    }
    const head = await signedIn(t.app, 'head');
    expect((await head.get('/payments/rates/new')).statusCode).toBe(200);
  });
});
