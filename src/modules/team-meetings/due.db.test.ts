/**
 * The clock of learning from serious case reviews, worked out by hand on 1 December 2026, in the
 * quarter October to December 2026 (due by 31 December) and the month of December (due by 31
 * December), November's meeting overdue by a day. Every rule is the service's own (action 10.1).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dueFixture } from '../../../test/support/due.ts';
import { teamIdByName } from '../../../test/support/households.ts';
import {
  ACCOUNT_RECORD,
  dueFor,
  dueRule,
  rebuildDueItems,
  refreshDueItems,
  type DueEntry,
} from '../../platform/due/index.ts';
import { viewer } from '../home/test-support.ts';
import { makeStaffUser } from '../staff/test-support.ts';
import { clearLearning, learningRuleIds, makeExtendedMeeting, makeTeamMeeting } from './test-support.ts';

const { db, head } = dueFixture();
const today = '2026-12-01';
const TEAM = 'team-meetings.team-learning';
const MONTH = 'team-meetings.extended-meeting';
const ACTION = 'team-meetings.action';

const seen = (entries: DueEntry[]) => entries.map((e) => [e.label, e.detail, e.dueOn, e.overdue]);
const forRule = async (username: string, ruleId: string, day = today) =>
  dueFor(db(), await viewer(db(), username), { today: day, horizonDays: 60, ruleIds: [ruleId] });

describe('learning from serious case reviews on the clock', () => {
  let east1 = '';
  beforeAll(async () => {
    await clearLearning(db(), today);
    east1 = await teamIdByName(db(), 'East Kent Fostering Team 1');
  });

  it('cites action 10.1 as the service’s own rule', () => {
    for (const id of learningRuleIds)
      expect(dueRule(id)?.cites, id).toMatch(/^Local rule \(the service’s own, not law\): business plan action 10\.1/);
  });

  it('asks each team’s manager for a discussion in the quarter, gone once a meeting is held in it', async () => {
    const mine = (await forRule('manager', TEAM)).filter((e) => e.teamId === east1);
    expect(seen(mine)).toEqual([
      [
        'East Kent Fostering Team 1',
        'No serious case review discussed at a team meeting from 1 October to 31 December 2026',
        '2026-12-31',
        false,
      ],
    ]);
    expect(mine[0]!.ownerName).toBe('Maya Mensah');
    // A team's quarter is the manager's work, not a supervising social worker's; another team's is not theirs.
    expect(await forRule('ssw', TEAM)).toEqual([]);
    expect((await forRule('manager', TEAM)).every((e) => e.teamId === east1)).toBe(true);
    // A meeting the day before the quarter began does not count; one on its first day does.
    const manager = await viewer(db(), 'manager');
    await makeTeamMeeting(db(), { teamId: east1, heldOn: '2026-09-30', chairedBy: manager.id }, today);
    expect((await forRule('manager', TEAM)).filter((e) => e.teamId === east1)).toHaveLength(1);
    await makeTeamMeeting(db(), { teamId: east1, heldOn: '2026-10-01', chairedBy: manager.id }, today);
    expect((await forRule('manager', TEAM)).filter((e) => e.teamId === east1)).toEqual([]);
  });

  it('keeps a missed quarter overdue for a month after it ends, then lets it go', async () => {
    const west2 = await teamIdByName(db(), 'West Kent Fostering Team 2');
    await rebuildDueItems(db(), { ruleIds: [TEAM], today: '2026-10-20' });
    const july = (day: string) =>
      dueFor(db(), head(), { today: day, horizonDays: 0, ruleIds: [TEAM] }).then((all) =>
        all.filter((e) => e.teamId === west2).map((e) => [e.dueOn, e.daysLeft]),
      );
    expect(await july('2026-10-31')).toEqual([['2026-09-30', -31]]);
    expect(await july('2026-11-01')).toEqual([]);
    await rebuildDueItems(db(), { ruleIds: [TEAM], today });
  });

  it('passes a team with no manager to the head, and to its new manager when one is made', async () => {
    const west2 = await teamIdByName(db(), 'West Kent Fostering Team 2');
    const before = (await dueFor(db(), head(), { today, horizonDays: 60, ruleIds: [TEAM] })).find(
      (e) => e.teamId === west2,
    );
    expect(before?.ownerName).toBe('Helen Hartley');
    const made = await makeStaffUser(db(), {
      role: 'team_manager',
      team: 'West Kent Fostering Team 2',
      displayName: 'Wren Newmanager',
    });
    await refreshDueItems(db(), ACCOUNT_RECORD, [made.id], today);
    const theirs = await forRule(made.username, TEAM);
    expect(theirs.map((e) => [e.label, e.ownerName])).toEqual([['West Kent Fostering Team 2', 'Wren Newmanager']]);
  });

  it('asks the head for each month’s extended meeting with reflective practice, by the month’s end', async () => {
    expect(seen(await forRule('head', MONTH))).toEqual([
      [
        'Extended team manager meeting: November 2026',
        'No meeting with reflective practice and learning on the agenda recorded yet',
        '2026-11-30',
        true,
      ],
      [
        'Extended team manager meeting: December 2026',
        'No meeting with reflective practice and learning on the agenda recorded yet',
        '2026-12-31',
        false,
      ],
    ]);
    expect(await forRule('manager', MONTH)).toEqual([]);
    // A meeting without reflective practice on the agenda does not meet it; one with it on the month's last day does.
    await makeExtendedMeeting(db(), '2026-11-30', false, today);
    expect((await forRule('head', MONTH)).map((e) => e.dueOn)).toEqual(['2026-11-30', '2026-12-31']);
    await makeExtendedMeeting(db(), '2026-11-30', true, today);
    expect((await forRule('head', MONTH)).map((e) => e.dueOn)).toEqual(['2026-12-31']);
  });

  it('gives an action to its owner on its date until it is done, seen by their manager, not another team', async () => {
    const [manager, ssw] = [await viewer(db(), 'manager'), await viewer(db(), 'ssw')];
    await makeTeamMeeting(
      db(),
      {
        teamId: east1,
        heldOn: '2026-11-20',
        chairedBy: manager.id,
        actions: [
          { ownerId: ssw.id, dueOn: '2026-12-10' },
          { ownerId: ssw.id, dueOn: '2026-11-25', doneOn: '2026-11-24' },
        ],
      },
      today,
    );
    const expected = [['Action from the team meeting on 20 November 2026', 'A made-up action.', '2026-12-10', false]];
    expect(seen(await forRule('ssw', ACTION))).toEqual(expected);
    expect(seen(await forRule('manager', ACTION))).toEqual(expected);
    expect(await forRule('ssw2', ACTION)).toEqual([]);
    // Overdue the day after.
    expect((await forRule('ssw', ACTION, '2026-12-11'))[0]?.overdue).toBe(true);
  });
});
