/**
 * Saving one group's attendance moves only the deadlines it changes (business plan action 10.2): the
 * evaluation due of each person added or taken off, and nothing else. The other groups' items and the
 * day's own (the next day due) are the same rows before and after; an evaluation entered moves only
 * its attendee's item; and what is kept is what the rules work out afresh.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { userIdByUsername } from '../../../test/support/households.ts';
import { users } from '../../platform/auth/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { checkDueItems } from '../../platform/due/index.ts';
import { clearJointTraining, makeDay } from './test-support.ts';

const t = testAppForFile();
const db = () => t.database.db;

interface ItemRow {
  id: string;
  rule_id: string;
  record_id: string;
  label: string;
}

/** The day's kept items by what they are about (the rule, and the attendee's name), with each row's id. */
async function itemsOf(dayId: string) {
  const rows = await queryRows<ItemRow>(
    db(),
    sql`select id::text as id, rule_id, record_id::text as record_id, label from due_items
      where rule_id like 'joint-training.%' and (record_id = ${dayId}
        or record_id in (select id from joint_training_attendance where day_id = ${dayId})
        or href = ${`/joint-training/${dayId}`})`,
  );
  return new Map(rows.map((r) => [r.rule_id === 'joint-training.next-day' ? 'next day' : r.label, r]));
}

async function teamOf(username: string) {
  const [row] = await db()
    .select({ teamId: users.teamId })
    .from(users)
    .where(sql`${users.username} = ${username}`);
  return row!.teamId!;
}

/** The joint training items kept that a fresh computation would not make, or would make and are missing. */
async function differences() {
  const { missing, extra } = await checkDueItems(db());
  return [...missing, ...extra].filter((key) => key.startsWith('["joint-training.'));
}

describe('saving one group’s attendance', () => {
  let dayId = '';
  let sam = '';
  let amira = '';
  let priya = '';

  beforeAll(async () => {
    await clearJointTraining(db());
    dayId = (await makeDay(db(), addDays(todayInLondon(), -10))).id;
    sam = await userIdByUsername(db(), 'ssw');
    amira = await userIdByUsername(db(), 'assessor');
    priya = await userIdByUsername(db(), 'ssw2');
  });

  it('gives those ticked their evaluation due, and takes it from those taken off, touching no other group’s', async () => {
    const head = await signedIn(t.app, 'head');
    const east = await teamOf('ssw');
    const other = await teamOf('ssw2');
    expect(other).not.toBe(east);
    const save = (team: string, shown: string[], attended: string[]) =>
      head.post(`/joint-training/${dayId}/attendance?group=${team}&page=1`, { shown, attended });

    expect((await save(other, [priya], [priya])).statusCode).toBe(303);
    expect((await save(east, [sam, amira], [sam])).statusCode).toBe(303);
    const before = await itemsOf(dayId);
    expect([...before.keys()].sort()).toEqual(['Priya Walsh', 'Sam Sutherland', 'next day'].sort());

    // Sam was ticked by mistake: Amira was there.
    expect((await save(east, [sam, amira], [amira])).statusCode).toBe(303);
    const after = await itemsOf(dayId);
    expect([...after.keys()].sort()).toEqual(['Amira Hussain', 'Priya Walsh', 'next day']);
    expect(after.get('Priya Walsh')).toEqual(before.get('Priya Walsh'));
    expect(after.get('next day')).toEqual(before.get('next day'));

    // Saved again unchanged, nothing moves.
    expect((await save(east, [sam, amira], [amira])).statusCode).toBe(303);
    expect(await itemsOf(dayId)).toEqual(after);
    expect(await differences()).toEqual([]);
  });

  it('takes an attendee’s evaluation due away when theirs is entered, and no one else’s', async () => {
    const head = await signedIn(t.app, 'head');
    const before = await itemsOf(dayId);
    const page = await head.get(`/joint-training/${dayId}`);
    const amirasHref = new RegExp(
      `href="(/joint-training/evaluations/[0-9a-f-]{36})">Enter from a paper form<span class="govuk-visually-hidden"> of Amira Hussain`,
    ).exec(page.body)![1]!;
    await head.get(amirasHref);
    const entered = await head.post(amirasHref, {
      confidenceBefore: '2',
      confidenceAfter: '4',
      usefulness: '4',
      willDoDifferently: 'Read the safer care plan with the papers.',
    });
    expect(entered.statusCode).toBe(303);
    const after = await itemsOf(dayId);
    expect([...after.keys()].sort()).toEqual(['Priya Walsh', 'next day']);
    expect(after.get('Priya Walsh')).toEqual(before.get('Priya Walsh'));
    expect(after.get('next day')).toEqual(before.get('next day'));
    expect(await differences()).toEqual([]);
  });
});
