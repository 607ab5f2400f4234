/**
 * The measures of learning from serious case reviews for November 2026 (counted as on 5 December),
 * hand-worked at the edges: the quarter October to December counted from 1 October to 30 November,
 * and the 12 months December 2025 to November 2026; December's own figure counting December only
 * once its meeting is held.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { userIdByUsername } from '../../../test/support/households.ts';
import { measureFixture, teamOfItsOwn } from '../../../test/support/measures.ts';
import { countMeasure, measureRecords, periodOf, type Measure, type Period } from '../../platform/measures/index.ts';
import { extendedMonths, teamsLearning } from './measures.ts';
import { makeExtendedMeeting, makeTeamMeeting } from './test-support.ts';

const f = measureFixture('2026-11', '2026-12-05');
const team = teamOfItsOwn(f, 'Learning Measure Team');
const other = teamOfItsOwn(f, 'Learning Measure Team Two');

const figure = async (
  measure: Measure,
  scope: { kind: 'service' | 'team'; id?: string },
  period: Period = f.period,
) => {
  const found = (await countMeasure(f.db(), measure, period)).figures.find(
    (x) => x.scopeKind === scope.kind && x.scopeId === (scope.id ?? ''),
  );
  return found && [found.numerator, found.denominator];
};

describe('learning from serious case reviews on the scorecard', () => {
  it('counts a team as discussing a review when its meeting falls from the quarter’s first day to the month’s end', async () => {
    const chair = await userIdByUsername(f.db(), 'manager');
    const meeting = (teamId: string, heldOn: string) => makeTeamMeeting(f.db(), { teamId, heldOn, chairedBy: chair });
    await meeting(team(), '2026-09-30');
    await meeting(team(), '2026-12-01');
    await meeting(other(), '2026-11-30');
    expect(await figure(teamsLearning, { kind: 'team', id: team() })).toEqual([0, 1]);
    expect(await figure(teamsLearning, { kind: 'team', id: other() })).toEqual([1, 1]);
    await meeting(team(), '2026-10-01');
    expect(await figure(teamsLearning, { kind: 'team', id: team() })).toEqual([1, 1]);
    const listed = (await measureRecords(f.db(), teamsLearning, f.period)).filter((r) =>
      r.label.startsWith('Learning Measure'),
    );
    expect(listed.map((r) => [r.label, r.met, r.detail])).toEqual([
      ['Learning Measure Team', true, 'Last discussed on 1 October 2026'],
      ['Learning Measure Team Two', true, 'Last discussed on 30 November 2026'],
    ]);
  });

  it('counts the months of the last 12 with reflective practice on the extended meeting’s agenda', async () => {
    await f.db().execute(sql`delete from extended_team_manager_meetings`);
    await makeExtendedMeeting(f.db(), '2025-11-30');
    await makeExtendedMeeting(f.db(), '2025-12-01');
    await makeExtendedMeeting(f.db(), '2026-06-15', false);
    await makeExtendedMeeting(f.db(), '2026-11-30');
    // November: December 2025 and November 2026 of the 12 months; June's had no reflective practice.
    expect(await figure(extendedMonths, { kind: 'service' })).toEqual([2, 12]);
    // December so far (5 December): its meeting not yet held, so 11 months (January to November) count.
    const december = periodOf('2026-12', '2026-12-05');
    expect(await figure(extendedMonths, { kind: 'service' }, december)).toEqual([1, 11]);
    await makeExtendedMeeting(f.db(), '2026-12-03');
    expect(await figure(extendedMonths, { kind: 'service' }, december)).toEqual([2, 12]);
    expect((await countMeasure(f.db(), extendedMonths, december)).figures.map((x) => x.scopeKind)).toEqual(['service']);
  });
});
