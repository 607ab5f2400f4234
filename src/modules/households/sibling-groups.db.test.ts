/**
 * Approved households that take brothers and sisters together (plan Target 3, action 3.1),
 * hand-worked for November 2026: the households approved on 30 November whose terms include
 * sibling groups, and the exemptions from the usual fostering limit agreed in the 12 months to 30
 * November (1 December 2025 to 30 November 2026).
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pauseHousehold } from '../../../test/support/households.ts';
import { measureFixture } from '../../../test/support/measures.ts';
import { measureRecords } from '../../platform/measures/index.ts';
import { exemptionsAgreed } from '../recruitment/measures.ts';
import { recruitmentExemptions } from '../recruitment/tables.ts';
import { siblingGroups } from './measures.ts';

const { db, period, rowsFor, approvedHousehold } = measureFixture('2026-11', '2026-12-05');

describe('approved households that take brothers and sisters together', () => {
  it('counts the households approved on 30 November whose terms include sibling groups', async () => {
    const siblings = await approvedHousehold('2024-03-04', { siblingGroups: true, approvedPlaces: 3 });
    const single = await approvedHousehold('2024-03-04', { siblingGroups: true, approvedPlaces: 1 });
    const notSiblings = await approvedHousehold('2024-03-04', { siblingGroups: false, approvedPlaces: 2 });
    // Approved on 1 December: not yet approved on 30 November.
    const december = await approvedHousehold('2026-12-01', { siblingGroups: true, approvedPlaces: 2 });
    // On hold from 20 November: not approved on 30 November.
    const paused = await approvedHousehold('2024-03-04', { siblingGroups: true, approvedPlaces: 2 });
    await pauseHousehold(db(), paused, 'on_hold', '2026-11-20');

    // Approved for one child only: no room for brothers and sisters, whatever the terms say.
    expect(await rowsFor(siblingGroups, [siblings.id, single.id, notSiblings.id, december.id, paused.id])).toEqual([
      [siblings.id, true],
    ]);
    const detail = async (id: string) =>
      (await measureRecords(db(), siblingGroups, period)).find((r) => r.recordId === id)?.detail;
    expect(await detail(siblings.id)).toBe('Approved for 3 children');
  });
});

describe('exemptions agreed in the last 12 months', () => {
  it('counts each new exemption agreed from 1 December 2025 to 30 November 2026, with the day and by whom', async () => {
    const household = await approvedHousehold('2023-05-01');
    const other = await approvedHousehold('2023-05-01');
    const exemption = (householdId: string, agreedOn: string, reason: string) =>
      db()
        .insert(recruitmentExemptions)
        .values({
          householdId,
          agreedOn,
          agreedBy: 'The fostering panel',
          reason,
          childrenCovered: 'Four brothers and sisters',
          reviewOn: '2027-06-01',
        })
        .returning();
    await exemption(household.id, '2025-11-30', 'Too early: a year and a day before');
    await exemption(household.id, '2025-12-01', 'A sibling group of four');
    // Agreed again at the review on 1 June 2026, replacing the first (which ends that day): not new.
    const [first] = await db()
      .select()
      .from(recruitmentExemptions)
      .where(eq(recruitmentExemptions.agreedOn, '2025-12-01'));
    await db()
      .update(recruitmentExemptions)
      .set({ endedOn: '2026-06-01' })
      .where(eq(recruitmentExemptions.id, first!.id));
    await exemption(household.id, '2026-06-01', 'Renewed at the review');
    await exemption(other.id, '2026-11-30', 'Three brothers and a child already placed');
    await exemption(other.id, '2026-12-01', 'Too late: after the month');

    const rows = (await measureRecords(db(), exemptionsAgreed, period)).filter((r) =>
      [household.id, other.id].includes(r.recordId),
    );
    expect(rows.map((r) => [r.recordId, r.detail]).sort()).toEqual(
      [
        [household.id, 'Agreed 2025-12-01 by The fostering panel'],
        [other.id, 'Agreed 2026-11-30 by The fostering panel'],
      ].sort(),
    );
  });
});
