/**
 * New carers with a first-year lead worker (plan action 10.3), hand-worked for June 2026: the
 * households approved on 30 June whose approval is less than a year old, met when a lead worker is
 * named.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { userIdByUsername } from '../../../test/support/households.ts';
import { measureFixture } from '../../../test/support/measures.ts';
import { measureRecords } from '../../platform/measures/index.ts';
import { refreshHouseholdFacts } from './facts.ts';
import { firstYearLead } from './measures.ts';
import { householdStatusEvents, households } from './tables.ts';

const { db, period, rowsFor, approvedHousehold } = measureFixture('2026-06', '2026-11-22');

describe('new carers with a first-year lead worker', () => {
  it('counts the households approved less than a year on 30 June, met when a lead worker is named', async () => {
    const led = await approvedHousehold('2026-03-01', { name: 'Ledfamily' });
    await db()
      .update(households)
      .set({ firstYearLeadId: await userIdByUsername(db(), 'manager') })
      .where(eq(households.id, led.id));
    const alone = await approvedHousehold('2025-07-01', { name: 'Alonefamily' });
    // Approved a year to the day before 30 June: its first year is over.
    const yearOver = await approvedHousehold('2025-06-30');
    // Approved in July: not yet approved on 30 June.
    const july = await approvedHousehold('2026-07-05');
    // Approved in February, on hold from 15 June: not approved on 30 June.
    const paused = await approvedHousehold('2026-06-15', { status: 'on_hold', approvedOn: '2026-02-01' });
    await db()
      .insert(householdStatusEvents)
      .values({ householdId: paused.id, toStatus: 'approved', onDate: '2026-02-01' });
    await refreshHouseholdFacts(db(), paused.id);

    // 1 of the 2 new households has a lead worker: 50%.
    expect(await rowsFor(firstYearLead, [led.id, alone.id, yearOver.id, july.id, paused.id])).toEqual([
      [led.id, true],
      [alone.id, false],
    ]);
    const detail = async (id: string) =>
      (await measureRecords(db(), firstYearLead, period)).find((r) => r.recordId === id)?.detail;
    expect(await detail(led.id)).toBe('Approved 2026-03-01; lead worker Maya Mensah');
    expect(await detail(alone.id)).toBe('Approved 2025-07-01; no lead worker named');
  });
});
