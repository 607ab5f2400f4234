/**
 * The joint training measures for November 2026 (counted as on 5 December, so as at 30 November),
 * hand-worked at the edges of the 12 months (1 December 2025 to 30 November 2026) on staff of a team
 * of their own and panel members of their own:
 * - at a day: Ada (2025-12-01, the first day in) yes; Ben (2025-11-30, a day too early) no; Cal (only
 *   2026-12-01, after the month) no; Dee (joined 2026-12-02) and Eve (left 2026-11-15) not counted;
 *   Fay (left 2026-12-02, in post on the 30th) no; Gus (account from 2024, but joined the service
 *   2026-12-03) not counted; Hal (account made 2026-12-03 for a member who joined 2026-06-01) no.
 *   The team: 1 of 5. Panel: Pam (2026-11-30) yes; Pete
 *   (leaves the list on 30 November) and Polly (joins 1 December) not counted.
 * - confidence rose: Ada 2 to 4 yes; Pam 3 to 3 no; Ben's (a day too early) and Cal's (after) not counted.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { measureFixture, teamOfItsOwn } from '../../../test/support/measures.ts';
import { countMeasure, type Measure } from '../../platform/measures/index.ts';
import { panelMembers } from '../panel/tables.ts';
import { makeStaffUser, makeStart } from '../staff/test-support.ts';
import { attendedJointTraining, confidenceRose } from './measures.ts';
import { makeAttendance, makeDay } from './test-support.ts';

const f = measureFixture('2026-11', '2026-12-05');
const TEAM = 'Joint Training Measure Team';
const team = teamOfItsOwn(f, TEAM);

const teamFigure = async (measure: Measure) => {
  const figure = (await countMeasure(f.db(), measure, f.period)).figures.find(
    (x) => x.scopeKind === 'team' && x.scopeId === team(),
  );
  return figure && [figure.numerator, figure.denominator];
};

const member = async (displayName: string, createdAt = '2024-01-08') =>
  (await makeStaffUser(f.db(), { displayName, team: TEAM, createdAt })).id;

const leftOn = async (id: string, on: string) =>
  f
    .db()
    .execute(sql`update users set active = false, deactivated_at = ${`${on}T12:00:00Z`}::timestamptz where id = ${id}`);

const panelMember = async (name: string, joinedOn: string, leavesOn: string | null = null) =>
  (await f.db().insert(panelMembers).values({ name, role: 'independent', joinedOn, leavesOn }).returning())[0]!.id;

describe('joint training on the scorecard', () => {
  it('counts who attended a day in the 12 months, and whose confidence rose, at the edges', async () => {
    const tooEarly = await makeDay(f.db(), '2025-11-30');
    const first = await makeDay(f.db(), '2025-12-01');
    const last = await makeDay(f.db(), '2026-11-30');
    const after = await makeDay(f.db(), '2026-12-01');

    const ada = await member('Ada Attended');
    const ben = await member('Ben Early');
    const cal = await member('Cal After');
    const dee = await member('Dee Joined Later', '2026-12-02');
    const eve = await member('Eve Left');
    const fay = await member('Fay Leaving');
    await leftOn(eve, '2026-11-15');
    await leftOn(fay, '2026-12-02');
    // In post from the day they joined the service, where the staff module records it.
    const gus = await member('Gus Joining');
    await makeStart(f.db(), gus, '2026-12-03');
    const hal = await member('Hal Account Later', '2026-12-03');
    await makeStart(f.db(), hal, '2026-06-01');
    const pam = await panelMember('Pam Panel', '2020-01-06');
    const pete = await panelMember('Pete Leaving', '2020-01-06', '2026-11-30');
    const polly = await panelMember('Polly Joining', '2026-12-01');

    await makeAttendance(f.db(), first.id, { userId: ada }, { before: 2, after: 4 });
    await makeAttendance(f.db(), tooEarly.id, { userId: ben }, { before: 1, after: 5 });
    await makeAttendance(f.db(), after.id, { userId: cal }, { before: 1, after: 5 });
    await makeAttendance(f.db(), last.id, { userId: dee });
    await makeAttendance(f.db(), last.id, { userId: eve });
    await makeAttendance(f.db(), last.id, { panelMemberId: pam }, { before: 3, after: 3 });
    await makeAttendance(f.db(), last.id, { panelMemberId: pete });
    await makeAttendance(f.db(), after.id, { panelMemberId: polly });

    const everyone = [ada, ben, cal, dee, eve, fay, gus, hal, pam, pete, polly];
    expect(await f.rowsFor(attendedJointTraining, everyone)).toEqual([
      [ada, true],
      [ben, false],
      [cal, false],
      [fay, false],
      [hal, false],
      [pam, true],
    ]);
    expect(await teamFigure(attendedJointTraining)).toEqual([1, 5]);

    expect(await f.rowsFor(confidenceRose, [tooEarly.id, first.id, last.id, after.id])).toEqual([
      [first.id, true],
      [last.id, false],
    ]);
    expect(await teamFigure(confidenceRose)).toEqual([1, 1]);
  });
});
