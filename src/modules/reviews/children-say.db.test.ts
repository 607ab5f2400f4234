/**
 * What children say on their review forms (plan action 1.3), hand-worked for June 2026 in a team of
 * its own: a form counts when given in the 12 months to 30 June and answering the question; met at
 * the top of the child's own form's scale.
 */
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { makeChild } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { areas, teams } from '../../platform/auth/tables.ts';
import { countMeasure, measureRecords, periodOf, type Measure } from '../../platform/measures/index.ts';
import { childrenFeelSafe, childrenListenedTo } from './children-say.ts';
import type { AgeGroup } from './labels.ts';
import { reviewChildren, reviewContributions } from './tables.ts';
import { makeReview } from './test-support.ts';

const t = testAppForFile();
const june = periodOf('2026-06', '2026-11-22');

describe('what children say on their review forms', () => {
  it('counts the forms of the 12 months to 30 June at the top of each age group’s scale', async () => {
    const db = t.database.db;
    const [area] = await db.insert(areas).values({ name: 'Voiceshire' }).returning();
    const [team] = await db.insert(teams).values({ name: 'Voiceshire Team', areaId: area!.id }).returning();
    const household = await makeHousehold(db, { teamId: team!.id, name: 'Voicefamily' });
    const review = await makeReview(db, { householdId: household.id, startedOn: '2025-06-01' });
    const form = async (firstName: string, ageGroup: AgeGroup, receivedOn: string, scales: Record<string, number>) => {
      const child = await makeChild(db, { firstName, lastName: 'Voice' });
      await db.insert(reviewChildren).values({ reviewId: review.id, childId: child.id, ageGroup });
      await db.insert(reviewContributions).values({
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

    const teamFigure = async (measure: Measure) =>
      (await countMeasure(db, measure, june)).figures.find((f) => f.scopeKind === 'team' && f.scopeId === team!.id);
    expect(await teamFigure(childrenFeelSafe)).toMatchObject({ numerator: 2, denominator: 3, value: 66.7 });
    expect(await teamFigure(childrenListenedTo)).toMatchObject({ numerator: 2, denominator: 4, value: 50 });

    const said = (await measureRecords(db, childrenFeelSafe, june))
      .filter((r) => r.label.endsWith('at Voicefamily (' + household.reference + ')'))
      .map((r) => [r.label.split(' ')[0], r.met, r.detail])
      .sort();
    expect(said).toEqual([
      ['Ada', true, 'Said "Yes" on 2026-06-30'],
      ['Ben', true, 'Said "Mostly" on 2026-01-15'],
      ['Cal', false, 'Said "Not sure" on 2025-07-01'],
    ]);
    // Counted to show: the plan sets no number.
    expect(childrenFeelSafe.target).toBeNull();
  });
});
