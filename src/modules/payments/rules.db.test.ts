/**
 * The payments deadlines and measure, the right answers worked out by hand: an enhancement's yearly
 * review due 12 months after the funding panel's decision (gone once the placement ends); the
 * rates reviewed by the next 1 April after the latest set (moved on when a new set is recorded);
 * and "disability enhancements reviewed within 12 months" for March 2026 on a small fixture.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { teamIdByName } from '../../../test/support/households.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { dueFor, dueRules, refreshDueItems } from '../../platform/due/index.ts';
import { countMeasure, measureRecords, periodOf } from '../../platform/measures/index.ts';
import { placements } from '../placements/tables.ts';
import { viewer } from '../home/test-support.ts';
import { enhancementsReviewed } from './measures.ts';
import { addRates } from './service.ts';
import { makeEnhancement, placedChild } from './test-support.ts';

const t = testAppForFile();

describe('an enhancement’s yearly review', () => {
  it('is due 12 months after the funding panel’s decision, for the payments officer, until the placement ends', async () => {
    const db = t.database.db;
    const { placement } = await placedChild(db, { child: { firstName: 'Dale', lastName: 'Duefixture' } });
    const enhancement = await makeEnhancement(db, { placementId: placement.id, agreedOn: '2026-02-10' });
    const officer = await viewer(db, 'payments');
    const options = { today: '2027-02-01', horizonDays: 28, ruleIds: ['payments.enhancement-review'] };
    const [item] = (await dueFor(db, officer, options)).filter((e) => e.recordId === enhancement.id);
    expect(item).toMatchObject({
      dueOn: '2027-02-10',
      daysLeft: 9,
      overdue: false,
      label: expect.stringContaining('Dale Duefixture'),
      href: `/payments/enhancements/${enhancement.id}`,
      ownerUserId: officer.id,
    });
    expect(item!.detail).toContain('agreed at the funding panel on 10 February 2026');
    const rule = dueRules().find((r) => r.id === 'payments.enhancement-review');
    expect(rule?.cites).toBe(
      'Fostering Services: National Minimum Standards (2011), standard 28.5; business plan Target 6, action 6.1',
    );

    await db.update(placements).set({ endDate: '2026-12-01' }).where(eq(placements.id, placement.id));
    await refreshDueItems(db, 'placement', [placement.id], '2026-11-01');
    const after = await dueFor(db, officer, { ...options, today: '2026-12-02' });
    expect(after.filter((e) => e.recordId === enhancement.id)).toEqual([]);
  });
});

describe('the yearly review of the published rates', () => {
  it('is due by the next 1 April after the latest set, and moves on when a new set is recorded', async () => {
    const db = t.database.db;
    const officer = await viewer(db, 'payments');
    const options = { today: '2027-03-01', horizonDays: 800, ruleIds: ['payments.rates-review'] };
    const [latest] = await queryRows<{ from: string }>(
      db,
      sql`select max(effective_from)::text as from from payment_rates`,
    );
    // The demo's latest set is from 1 April of this financial year: the next review is due a year on.
    const next = `${Number(latest!.from.slice(0, 4)) + 1}-04-01`;
    expect((await dueFor(db, officer, options)).map((e) => e.dueOn)).toEqual([next]);

    const made = await addRates(
      db,
      { user: officer, actor: { userId: officer.id, username: officer.username, route: 'test', requestId: null } },
      {
        effectiveFrom: '2070-06-15',
        allowance0To4: 1,
        allowance5To10: 1,
        allowance11To15: 1,
        allowance16To17: 1,
        feeLevel1: 0,
        feeLevel2: 1,
        feeLevel3: 1,
        dayCareHourly: 1,
        livingWageHourly: 1,
      },
    );
    expect(made.ok).toBe(true);
    // From 15 June 2070 (after that year's 1 April): due 1 April 2071. Only the latest set has one.
    const items = await dueFor(db, officer, { ...options, horizonDays: 20_000 });
    expect(items.map((e) => [e.dueOn, e.href])).toEqual([['2071-04-01', '/payments']]);
    const head = await viewer(db, 'head');
    expect((await dueFor(db, head, { ...options, horizonDays: 20_000 })).map((e) => e.dueOn)).toEqual(['2071-04-01']);
  });
});

describe('disability enhancements reviewed within 12 months', () => {
  it('counts March 2026’s current enhancements, met when agreed or reviewed in the 12 months before 31 March', async () => {
    const db = t.database.db;
    const east = await teamIdByName(db, 'East Kent Fostering Team 1');
    const [team] = await queryRows<{ id: string }>(
      db,
      sql`insert into teams (name, area_id) select 'Payments Fixture Team', area_id from teams where id = ${east} returning id`,
    );
    const placed = async (endDate: string | null = null) =>
      (await placedChild(db, { household: { teamId: team!.id }, placement: { startDate: '2024-06-01', endDate } }))
        .placement.id;
    const enhance = (placementId: string, agreedOn: string, endedOn: string | null = null) =>
      makeEnhancement(db, { placementId, agreedOn, endedOn });
    const recent = await enhance(await placed(), '2025-06-01');
    const overdue = await enhance(await placed(), '2025-03-01');
    const dueOnTheDay = await enhance(await placed(), '2025-03-31');
    const april = await enhance(await placed(), '2026-04-05');
    const replacedPlacement = await placed();
    const replaced = await enhance(replacedPlacement, '2025-03-10', '2026-03-15');
    const replacement = await enhance(replacedPlacement, '2026-03-15');
    const ended = await enhance(await placed('2026-03-20'), '2025-10-01');

    const march = periodOf('2026-03', '2026-06-01');
    const ids = [recent, overdue, dueOnTheDay, april, replaced, replacement, ended].map((e) => e.id);
    const rows = (await measureRecords(db, enhancementsReviewed, march)).filter((r) => ids.includes(r.recordId));
    // Counted: the four current on 31 March (not April's, the replaced one or the ended placement's).
    // Met: agreed 1 June 2025, 31 March 2025 (review due that very day) and 15 March 2026; not 1 March 2025.
    expect(Object.fromEntries(rows.map((r) => [r.recordId, r.met]))).toEqual({
      [recent.id]: true,
      [overdue.id]: false,
      [dueOnTheDay.id]: true,
      [replacement.id]: true,
    });
    const { figures } = await countMeasure(db, enhancementsReviewed, march);
    expect(figures.find((f) => f.scopeKind === 'team' && f.scopeId === team!.id)).toMatchObject({
      numerator: 3,
      denominator: 4,
      value: 75,
    });
  });
});
