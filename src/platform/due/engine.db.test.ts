/**
 * The deadline engine on its own: a test rule's items kept in due_items, read back soonest first
 * with overdue and days left worked out from today, counted by team in SQL, refreshed per record.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/db.ts';
import type { SignedInUser } from '../auth/sessions.ts';
import { areas, teams } from '../auth/tables.ts';
import type { Database, Db } from '../db/client.ts';
import { addWorkingDays, allBankHolidays } from '../dates/index.ts';
import {
  checkDueItems,
  dueCountsByTeam,
  dueFor,
  dueRules,
  dueRulesFor,
  definitionHash,
  latestStartForWorkingDays,
  rebuildChangedDueRules,
  rebuildDueItems,
  refreshDueItems,
  registerDueRule,
  registerDueScope,
  unregisterDueScope,
  dueScope,
  type DueScopeCondition,
  summariseByTeam,
  unregisterDueRule,
  workingDaysAfter,
  type KeptDueItem,
} from './index.ts';
import { dueItems } from './tables.ts';

let database: Database;
let db: Db;
const team1 = randomUUID();
const team2 = randomUUID();
const area = randomUUID();

const manager: SignedInUser = {
  id: randomUUID(),
  username: 'manager',
  displayName: 'Test Manager',
  role: 'team_manager',
  teamId: team1,
  areaId: area,
  householdId: null,
  mustChangePassword: false,
  sessionId: 's',
};

let householdScopeBefore: DueScopeCondition | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await db.insert(areas).values({ id: area, name: 'Testshire' });
  await db.insert(teams).values([
    { id: team1, name: 'Alpha Team', areaId: area },
    { id: team2, name: 'Beta Team', areaId: area },
  ]);
  // Every household visible, for these tests (the modules' own conditions are tested with them);
  // the households module's own condition is put back after them (files share a worker's modules).
  householdScopeBefore = dueScope('household');
  registerDueScope('household', () => 'all');
});
afterAll(async () => {
  if (householdScopeBefore) registerDueScope('household', householdScopeBefore);
  else unregisterDueScope('household');
  await database.close();
});

/** The records of the test rule, by letter: what its computation reads. */
let source: Map<string, KeptDueItem> = new Map();
const ids = new Map<string, string>();
const idOf = (letter: string) => {
  if (!ids.has(letter)) ids.set(letter, randomUUID());
  return ids.get(letter)!;
};

function item(letter: string, dueOn: string, teamId: string | null = team1): KeptDueItem {
  return {
    recordId: idOf(letter),
    label: `Record ${letter}`,
    href: `/things/${letter}`,
    dueOn,
    teamId,
    areaId: area,
    ownerUserId: null,
    householdId: idOf(letter),
    childId: null,
  };
}

async function registerTestRule(items: KeptDueItem[], id = 'test.rule') {
  for (const i of items) source.set(`${id} ${i.recordId}`, i);
  registerDueRule({
    id,
    title: `Rule ${id}`,
    cites: 'Test Regulations 2026, regulation 1',
    countsFrom: 'the test date',
    period: 'within 1 day',
    audience: ['team_manager', 'head_of_fostering'],
    recordType: 'thing',
    compute: async (_db, recordIds) =>
      [...source]
        .filter(([key, i]) => key.startsWith(`${id} `) && (!recordIds || recordIds.includes(i.recordId)))
        .map(([, i]) => i),
  });
  await rebuildDueItems(db, { today: '2026-12-01' });
}

afterEach(async () => {
  unregisterDueRule('test.rule');
  unregisterDueRule('test.other');
  source = new Map();
  await db.delete(dueItems);
});

describe('dueFor', () => {
  it('reads the kept items up to today + horizon, soonest first, flagging overdue and due soon', async () => {
    await registerTestRule([
      item('c', '2026-12-20'), // 19 days away: neither
      item('a', '2026-11-30'), // yesterday: overdue by 1
      item('b', '2026-12-08'), // 7 days away: due soon
      item('d', '2026-12-01'), // today: due soon, 0 days left
      item('late', '2027-01-30'), // beyond the horizon
    ]);
    const entries = await dueFor(db, manager, { today: '2026-12-01', horizonDays: 28 });
    expect(entries.map((e) => [e.label, e.daysLeft, e.overdue, e.dueSoon])).toEqual([
      ['Record a', -1, true, false],
      ['Record d', 0, false, true],
      ['Record b', 7, false, true],
      ['Record c', 19, false, false],
    ]);
    expect(entries[0]).toMatchObject({ teamName: 'Alpha Team', recordType: 'thing', href: '/things/a' });
    // A page of two, from the second.
    const page = await dueFor(db, manager, { today: '2026-12-01', horizonDays: 28, limit: 2, offset: 1 });
    expect(page.map((e) => e.label)).toEqual(['Record d', 'Record b']);
  });

  it('only reads the rules whose audience includes the viewer’s role', async () => {
    await registerTestRule([item('a', '2026-12-02')]);
    expect(dueRulesFor(manager).map((r) => r.id)).toContain('test.rule');
    const carer = { ...manager, role: 'foster_carer' as const };
    expect(await dueFor(db, carer, { today: '2026-12-01', horizonDays: 28 })).toEqual([]);
  });

  it('reads only the rules asked for', async () => {
    await registerTestRule([item('a', '2026-12-02')]);
    await registerTestRule([item('b', '2026-12-03')], 'test.other');
    const entries = await dueFor(db, manager, { today: '2026-12-01', horizonDays: 28, ruleIds: ['test.other'] });
    expect(entries.map((e) => [e.ruleId, e.label])).toEqual([['test.other', 'Record b']]);
  });

  it('hides an item before its first day and from its last', async () => {
    await registerTestRule([
      { ...item('future', '2026-12-10'), shownFrom: '2026-12-05' },
      { ...item('ending', '2026-11-20'), shownUntil: '2026-12-03' },
    ]);
    const on = async (today: string) =>
      (await dueFor(db, manager, { today, horizonDays: 28 })).map((e) => e.label).sort();
    expect(await on('2026-12-01')).toEqual(['Record ending']);
    expect(await on('2026-12-03')).toEqual([]);
    expect(await on('2026-12-05')).toEqual(['Record future']);
  });

  it('refuses a rule id that does not name its module', async () => {
    await expect(registerTestRule([], 'no-module')).rejects.toThrow(/module/);
    expect(dueRules().some((r) => r.id === 'no-module')).toBe(false);
  });
});

describe('counts by team', () => {
  it('counts overdue, due soon and all per team in SQL, teams by name, items with no team last', async () => {
    await registerTestRule([
      item('a', '2026-11-20', team2),
      item('b', '2026-12-03', team2),
      item('c', '2026-12-25', team2),
      item('d', '2026-12-02', team1),
      item('e', '2026-11-01', null),
    ]);
    const options = { today: '2026-12-01', horizonDays: 28 };
    const expected = [
      { teamId: team1, teamName: 'Alpha Team', overdue: 0, dueSoon: 1, total: 1 },
      { teamId: team2, teamName: 'Beta Team', overdue: 1, dueSoon: 1, total: 3 },
      { teamId: null, teamName: 'No team', overdue: 1, dueSoon: 0, total: 1 },
    ];
    expect(await dueCountsByTeam(db, manager, options)).toEqual(expected);
    // The same counts as the entries read and counted one by one.
    expect(summariseByTeam(await dueFor(db, manager, options))).toEqual(expected);
    // Narrowed to one team and to overdue items, the list agrees with its count.
    const overdue = await dueFor(db, manager, { ...options, teamId: team2, status: 'overdue' });
    expect(overdue.map((e) => e.label)).toEqual(['Record a']);
    expect((await dueFor(db, manager, { ...options, teamId: null })).map((e) => e.label)).toEqual(['Record e']);
  });
});

describe('keeping the items', () => {
  it('refreshes one record’s items in the caller’s transaction, and rolls back with it', async () => {
    await registerTestRule([item('a', '2026-12-02'), item('b', '2026-12-03')]);
    const read = async () =>
      (await dueFor(db, manager, { today: '2026-12-01', horizonDays: 28 })).map((e) => [e.label, e.dueOn]);
    source.set(`test.rule ${idOf('a')}`, item('a', '2026-12-09'));
    source.set(`test.rule ${idOf('b')}`, item('b', '2026-12-10'));
    await db
      .transaction(async (tx) => {
        await refreshDueItems(tx, 'thing', [idOf('a')], '2026-12-01');
        throw new Error('rolled back');
      })
      .catch(() => {});
    expect(await read()).toEqual([
      ['Record a', '2026-12-02'],
      ['Record b', '2026-12-03'],
    ]);
    await db.transaction((tx) => refreshDueItems(tx, 'thing', [idOf('a')], '2026-12-01'));
    // Only record a was refreshed: b keeps its kept date until b changes (or a rebuild).
    expect(await read()).toEqual([
      ['Record b', '2026-12-03'],
      ['Record a', '2026-12-09'],
    ]);
    const check = await checkDueItems(db, '2026-12-01');
    expect([check.missing.length, check.extra.length]).toEqual([1, 1]);
    await rebuildDueItems(db, { today: '2026-12-01' });
    expect(await checkDueItems(db, '2026-12-01')).toMatchObject({ missing: [], extra: [] });
  });

  it('rebuilds at start-up only the rules whose definition changed', async () => {
    await registerTestRule([item('a', '2026-12-02')]);
    expect(await rebuildChangedDueRules(db, '2026-12-01')).toEqual([]);
    const rule = dueRules().find((r) => r.id === 'test.rule')!;
    registerDueRule({ ...rule, version: 2 });
    expect(await rebuildChangedDueRules(db, '2026-12-01')).toEqual(['test.rule']);
    expect(await rebuildChangedDueRules(db, '2026-12-01')).toEqual([]);
  });

  it('counts the bank holidays in a rule’s definition, so a calendar refreshed from GOV.UK rebuilds every rule', async () => {
    await registerTestRule([item('a', '2026-12-02')]);
    const rule = dueRules().find((r) => r.id === 'test.rule')!;
    const held = allBankHolidays();
    expect(definitionHash(rule)).toBe(definitionHash(rule, held));
    expect(definitionHash(rule, [...held, '2029-01-01'])).not.toBe(definitionHash(rule, held));
    expect(definitionHash(rule, held.slice(0, -1))).not.toBe(definitionHash(rule, held));
  });

  it('refuses an item scoped by neither a household nor a child', async () => {
    await expect(registerTestRule([{ ...item('a', '2026-12-02'), householdId: null }])).rejects.toThrow();
    const [row] = await db
      .execute(sql`select count(*)::int as n from due_items`)
      .then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    expect(row!.n).toBe(0);
  });
});

describe('working-day deadlines', () => {
  it('matches addWorkingDays (memoised)', () => {
    // Wed 16 Dec 2026 + 20 working days: see the initial health assessment test for the count.
    expect(workingDaysAfter('2026-12-16', 20)).toBe('2027-01-18');
    expect(workingDaysAfter('2026-12-16', 20)).toBe('2027-01-18');
  });

  it('never cuts off a start date whose deadline falls on or before the end of the window', () => {
    for (const days of [1, 5, 20]) {
      for (let offset = 0; offset < 730; offset += 1) {
        const start = new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);
        const due = addWorkingDays(start, days);
        expect(start <= latestStartForWorkingDays(due, days), `${start} + ${days}`).toBe(true);
      }
    }
  });
});
