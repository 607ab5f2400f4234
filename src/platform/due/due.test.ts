import { afterEach, describe, expect, it } from 'vitest';
import type { SignedInUser } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { addWorkingDays } from '../dates/index.ts';
import {
  dueFor,
  dueRules,
  dueRulesFor,
  latestStartForWorkingDays,
  registerDueRule,
  summariseByTeam,
  unregisterDueRule,
  workingDaysAfter,
  type DueItem,
  type DueWindow,
} from './index.ts';

const manager: SignedInUser = {
  id: 'u1',
  username: 'manager',
  displayName: 'Test Manager',
  role: 'team_manager',
  teamId: 't1',
  areaId: 'a1',
  householdId: null,
  mustChangePassword: false,
  sessionId: 's',
};
const db = {} as Db;

function item(recordId: string, dueOn: string, teamId: string | null = 't1', teamName = 'Team One'): DueItem {
  return {
    ruleId: 'test.rule',
    recordType: 'child',
    recordId,
    label: `Child ${recordId}`,
    href: `/children/${recordId}`,
    dueOn,
    teamId,
    teamName,
    areaId: 'a1',
    ownerUserId: null,
  };
}

let asked: DueWindow[] = [];
function registerTestRule(items: DueItem[], id = 'test.rule') {
  registerDueRule({
    id,
    title: `Rule ${id}`,
    cites: 'Test Regulations 2026, regulation 1',
    countsFrom: 'the test date',
    period: 'within 1 day',
    audience: ['team_manager', 'head_of_fostering'],
    items: async (_db, _viewer, window) => {
      asked.push(window);
      return items.map((i) => ({ ...i, ruleId: id }));
    },
  });
}

afterEach(() => {
  unregisterDueRule('test.rule');
  unregisterDueRule('test.other');
  asked = [];
});

describe('dueFor', () => {
  it('asks each rule up to today + horizon and sorts soonest first, flagging overdue and due soon', async () => {
    registerTestRule([
      item('c', '2026-12-20'), // 19 days away: neither
      item('a', '2026-11-30'), // yesterday: overdue by 1
      item('b', '2026-12-08'), // 7 days away: due soon
      item('d', '2026-12-01'), // today: due soon, 0 days left
      item('late', '2027-01-30'), // beyond the horizon: a rule that returns too much is trimmed
    ]);
    const entries = await dueFor(db, manager, { today: '2026-12-01', horizonDays: 28 });
    expect(asked).toEqual([{ today: '2026-12-01', until: '2026-12-29' }]);
    expect(entries.map((e) => [e.recordId, e.daysLeft, e.overdue, e.dueSoon])).toEqual([
      ['a', -1, true, false],
      ['d', 0, false, true],
      ['b', 7, false, true],
      ['c', 19, false, false],
    ]);
  });

  it('only runs the rules whose audience includes the viewer’s role', async () => {
    registerTestRule([item('a', '2026-12-02')]);
    expect(dueRulesFor(manager).map((r) => r.id)).toContain('test.rule');
    const carer = { ...manager, role: 'foster_carer' as const };
    expect(await dueFor(db, carer, { today: '2026-12-01', horizonDays: 28 })).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('runs only the rules asked for', async () => {
    registerTestRule([item('a', '2026-12-02')]);
    registerTestRule([item('b', '2026-12-03')], 'test.other');
    const entries = await dueFor(db, manager, { today: '2026-12-01', horizonDays: 28, ruleIds: ['test.other'] });
    expect(entries.map((e) => [e.ruleId, e.recordId])).toEqual([['test.other', 'b']]);
  });

  it('refuses a rule id that does not name its module', () => {
    expect(() => registerTestRule([], 'no-module')).toThrow(/module/);
    expect(dueRules().some((r) => r.id === 'no-module')).toBe(false);
  });
});

describe('summariseByTeam', () => {
  it('counts overdue, due soon and all per team, teams by name, items with no team last', async () => {
    registerTestRule([
      item('a', '2026-11-20', 't2', 'Beta Team'),
      item('b', '2026-12-03', 't2', 'Beta Team'),
      item('c', '2026-12-25', 't2', 'Beta Team'),
      item('d', '2026-12-02', 't1', 'Alpha Team'),
      item('e', '2026-11-01', null),
    ]);
    const entries = await dueFor(db, manager, { today: '2026-12-01', horizonDays: 28 });
    expect(summariseByTeam(entries)).toEqual([
      { teamId: 't1', teamName: 'Alpha Team', overdue: 0, dueSoon: 1, total: 1 },
      { teamId: 't2', teamName: 'Beta Team', overdue: 1, dueSoon: 1, total: 3 },
      { teamId: null, teamName: 'Not placed with a household', overdue: 1, dueSoon: 0, total: 1 },
    ]);
  });
});

describe('working-day deadlines', () => {
  it('matches addWorkingDays (memoised)', () => {
    // Wed 16 Dec 2026 + 20 working days: see the initial health assessment test for the count.
    expect(workingDaysAfter('2026-12-16', 20)).toBe('2027-01-18');
    expect(workingDaysAfter('2026-12-16', 20)).toBe('2027-01-18');
  });

  it('never cuts off a start date whose deadline falls on or before the end of the window', () => {
    // For every start date over two years (Christmases and Easters included) and the periods
    // the rules use: if the deadline is within `until`, the start passes the SQL condition.
    for (const days of [1, 5, 20]) {
      for (let offset = 0; offset < 730; offset += 1) {
        const start = new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);
        const due = addWorkingDays(start, days);
        expect(start <= latestStartForWorkingDays(due, days), `${start} + ${days}`).toBe(true);
      }
    }
  });
});
