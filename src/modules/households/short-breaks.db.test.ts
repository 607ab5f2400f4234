/**
 * Approved households offering short breaks (plan Target 10, action 10.1: more short-break carers
 * in the specialist (disability) fostering service), hand-worked for November 2026: the households
 * approved on 30 November that are short-breaks households or whose terms include short breaks.
 */
import { describe, expect, it } from 'vitest';
import { pauseHousehold } from '../../../test/support/households.ts';
import { measureFixture } from '../../../test/support/measures.ts';
import { measureRecords } from '../../platform/measures/index.ts';
import { shortBreakCarers } from './measures.ts';

const { db, period, rowsFor, approvedHousehold } = measureFixture('2026-11', '2026-12-05');

describe('approved households offering short breaks', () => {
  it('counts the households approved on 30 November offering short breaks, by type or by their terms', async () => {
    const byType = await approvedHousehold('2024-03-04', { householdType: 'short_breaks', approvedPlaces: 1 });
    const byTerms = await approvedHousehold('2024-03-04', { shortBreaks: true, disability: true, approvedPlaces: 2 });
    const neither = await approvedHousehold('2024-03-04', { shortBreaks: false, approvedPlaces: 2 });
    // Approved on 1 December: not yet approved on 30 November.
    const december = await approvedHousehold('2026-12-01', { shortBreaks: true });
    // On hold from 20 November: not approved on 30 November.
    const paused = await approvedHousehold('2024-03-04', { householdType: 'short_breaks' });
    await pauseHousehold(db(), paused, 'on_hold', '2026-11-20');

    expect(await rowsFor(shortBreakCarers, [byType.id, byTerms.id, neither.id, december.id, paused.id])).toEqual([
      [byType.id, true],
      [byTerms.id, true],
    ]);
    const detail = async (id: string) =>
      (await measureRecords(db(), shortBreakCarers, period)).find((r) => r.recordId === id)?.detail;
    expect(await detail(byType.id)).toBe('Approved for 1 child');
    expect(await detail(byTerms.id)).toBe('Approved for 2 children, disabled children among them');
  });
});
