/**
 * An open allegation's age in the register (and the LADO's home, counted the same way) agrees with
 * its own page: known on 15 January 2026 and still open on 15 April 2026, it is within the 3 months (the aim is to
 * conclude by that day), and over them from 16 April.
 */
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { viewer } from '../home/test-support.ts';
import { listMatters, registerQuery } from './lists.ts';
import { householdWithChild, makeMatter } from './test-support.ts';
import { allegationClock } from './views.ts';

const t = testAppForFile();

describe('an open allegation 3 months after it became known', () => {
  it('is within the 3 months on the day they end, on its page and in the register alike', async () => {
    const db = t.database.db;
    const { household } = await householdWithChild(db);
    const matter = await makeMatter(db, {
      householdId: household.id,
      knownOn: '2026-01-15',
      stage: 'recorded',
      summary: 'Known in mid-January.',
    });
    const lado = await viewer(db, 'lado');
    const listedOver = async (today: string) =>
      (
        await listMatters(
          db,
          lado,
          registerQuery.parse({ kind: 'allegation', age: 'over-3-months' }),
          today,
          household.id,
        )
      ).rows.some((r) => r.id === matter.id);

    expect(allegationClock({ ...matter, outcomeOn: null }, '2026-04-15').tag.text).toBe('Within 3 months');
    expect(await listedOver('2026-04-15')).toBe(false);

    expect(allegationClock({ ...matter, outcomeOn: null }, '2026-04-16').tag.text).toBe('Over 3 months');
    expect(await listedOver('2026-04-16')).toBe(true);
  });
});
