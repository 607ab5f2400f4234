/**
 * What children say on their review forms (plan action 1.3), hand-worked for June 2026: a form
 * counts when given in the 12 months to 30 June and answering the question; met at the top of the
 * child's own form's scale.
 */
import { describe, expect, it } from 'vitest';
import { makeChild } from '../../../test/support/children.ts';
import { measureFixture } from '../../../test/support/measures.ts';
import { measureRecords, type Measure } from '../../platform/measures/index.ts';
import { childrenFeelSafe, childrenListenedTo } from './children-say.ts';
import type { AgeGroup } from './labels.ts';
import { reviewChildren, reviewContributions } from './tables.ts';
import { makeReview } from './test-support.ts';

const { db, period, approvedHousehold } = measureFixture('2026-06', '2026-11-22');

describe('what children say on their review forms', () => {
  it('counts the forms of the 12 months to 30 June at the top of each age group’s scale', async () => {
    const household = await approvedHousehold('2024-11-02', { name: 'Voicefamily' });
    const review = await makeReview(db(), { householdId: household.id, startedOn: '2025-06-01' });
    const form = async (firstName: string, ageGroup: AgeGroup, receivedOn: string, scales: Record<string, number>) => {
      const child = await makeChild(db(), { firstName, lastName: 'Voice' });
      await db().insert(reviewChildren).values({ reviewId: review.id, childId: child.id, ageGroup });
      await db()
        .insert(reviewContributions)
        .values({
          reviewId: review.id,
          kind: 'child_views',
          childId: child.id,
          receivedOn,
          source: 'link',
          givenBy: 'the child, by the link',
          answers: { scales, words: {} },
        });
    };
    // Under 8, "Yes" (3 of 3) to safe, "Sometimes" to listened.
    await form('Ada', 'under_8', '2026-06-30', { safe: 3, listened: 2 });
    // 8 to 12, "Mostly" (3 of 4) and "Always".
    await form('Ben', '8_to_12', '2026-01-15', { safe: 3, listened: 4 });
    // 13 and over, "Not sure" (3 of 5) and "Strongly agree".
    await form('Cal', '13_plus', '2025-07-01', { safe: 3, listened: 5 });
    // A year to the day before 30 June: not counted.
    await form('Dot', '13_plus', '2025-06-30', { safe: 1, listened: 1 });
    // Skipped the question on feeling safe; "Never" to listened.
    await form('Eli', '8_to_12', '2026-03-02', { listened: 1 });

    // The forms of this household's review, as each measure lists them.
    const ours = async (measure: Measure) =>
      (await measureRecords(db(), measure, period)).filter((r) =>
        r.label.endsWith(`at Voicefamily (${household.reference})`),
      );
    const metOf = (rows: { met: boolean }[]) => [rows.filter((r) => r.met).length, rows.length];
    // Safe: Ada and Ben of Ada, Ben and Cal (2 of 3). Listened to: Ben and Cal of the four (2 of 4).
    expect(metOf(await ours(childrenFeelSafe))).toEqual([2, 3]);
    expect(metOf(await ours(childrenListenedTo))).toEqual([2, 4]);

    const said = (await ours(childrenFeelSafe)).map((r) => [r.label.split(' ')[0], r.met, r.detail]).sort();
    expect(said).toEqual([
      ['Ada', true, 'Said "Yes" on 2026-06-30'],
      ['Ben', true, 'Said "Mostly" on 2026-01-15'],
      ['Cal', false, 'Said "Not sure" on 2025-07-01'],
    ]);
    // Counted to show: the plan sets no number.
    expect(childrenFeelSafe.target).toBeNull();
  });
});
