/**
 * The measure for September 2026 (counted as on 5 October, so as at 30 September), worked out by
 * hand on connected persons' households in a team of their own: each approval given 16 weeks (112
 * days) before its last day, decided on the day the test says.
 */
import { describe, expect, it } from 'vitest';
import { makeChild } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { measureFixture, teamOfItsOwn } from '../../../test/support/measures.ts';
import { addDays } from '../../platform/dates/index.ts';
import { countMeasure } from '../../platform/measures/index.ts';
import { decidedInTime } from './measures.ts';
import { temporaryApprovals } from './tables.ts';

const f = measureFixture('2026-09', '2026-10-05');

interface Case {
  /** The approval's last day (its 16 weeks), and the extension's when extended. */
  lastDay: string;
  extendedUntil?: string;
  review?: boolean;
  /** Approved as foster carers on the day, or ended on it for the reason. */
  approvedOn?: string;
  ended?: { on: string; reason: string };
}

describe('connected persons’ assessments decided before temporary approval ran out', () => {
  const team = teamOfItsOwn(f, 'Connected Persons Fixture Team');
  const make = async (c: Case) => {
    const db = f.db();
    const household = await makeHousehold(db, {
      teamId: team(),
      householdType: 'family_and_friends',
      status: c.approvedOn ? 'approved' : 'in_assessment',
      statusSince: c.approvedOn ?? '2026-05-01',
      approvedOn: c.approvedOn ?? null,
    });
    const child = await makeChild(db, { lastName: 'Connectedmeasure' });
    const [row] = await db
      .insert(temporaryApprovals)
      .values({
        householdId: household.id,
        childId: child.id,
        approvedOn: addDays(c.lastDay, -111),
        expiresOn: c.lastDay,
        approvedBy: 'Nadia Officer',
        extendedOn: c.extendedUntil || c.review ? addDays(c.lastDay, -7) : null,
        extensionReason: c.review ? 'review' : c.extendedUntil ? 'assessment' : null,
        extendedUntil: c.extendedUntil ?? null,
        endedOn: c.ended?.on ?? null,
        endReason: c.ended?.reason ?? null,
      })
      .returning();
    return row!.id;
  };

  it('counts the assessments decided in September by the approval’s last day', async () => {
    const ids = [
      // Approved as foster carers on its last day: in time.
      await make({ lastDay: '2026-09-10', approvedOn: '2026-09-10' }),
      // Approved the day after its last day: late.
      await make({ lastDay: '2026-09-10', approvedOn: '2026-09-11' }),
      // Extended to 30 September and approved on 29 September: in time.
      await make({ lastDay: '2026-09-01', extendedUntil: '2026-09-30', approvedOn: '2026-09-29' }),
      // Not approved, ended so on 2 September after its last day of 1 September: late.
      await make({ lastDay: '2026-09-01', ended: { on: '2026-09-02', reason: 'not-approved' } }),
      // Extended for an independent review, then not approved on 20 September: counted in time.
      await make({ lastDay: '2026-08-20', review: true, ended: { on: '2026-09-20', reason: 'not-approved' } }),
    ];
    const notCounted = [
      // Decided in August or October.
      await make({ lastDay: '2026-09-10', approvedOn: '2026-08-31' }),
      await make({ lastDay: '2026-10-10', approvedOn: '2026-10-01' }),
      // Ended in September without a decision on the assessment.
      await make({ lastDay: '2026-09-10', ended: { on: '2026-09-05', reason: 'child-moved' } }),
      await make({ lastDay: '2026-09-10', ended: { on: '2026-09-05', reason: 'withdrew' } }),
      // Still undecided.
      await make({ lastDay: '2026-09-10' }),
    ];
    expect(await f.rowsFor(decidedInTime, [...ids, ...notCounted])).toEqual([
      [ids[0], true],
      [ids[1], false],
      [ids[2], true],
      [ids[3], false],
      [ids[4], true],
    ]);
    const figures = await countMeasure(f.db(), decidedInTime, f.period);
    const teamFigure = figures.figures.find((x) => x.scopeKind === 'team' && x.scopeId === team());
    expect(teamFigure).toMatchObject({ numerator: 3, denominator: 5, value: 60 });
  });
});
