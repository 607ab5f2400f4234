/**
 * Target 9.1's quarterly clock on My work: the head of fostering is given each area's quarter until
 * two of its folders are audited (every folder, where the area has fewer staff), due on the
 * quarter's last day; auditing a folder moves it, and the next quarter is kept ahead.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { quarterOf } from '../../platform/dates/quarters.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { ACCOUNT_RECORD, refreshDueItems } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { areas, teams } from '../../platform/auth/tables.ts';
import { folderAuditQuarterRule } from './folder-audit-due.ts';
import { makeStaffUser } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();

const judgement = {
  notesShowAnalysis: 'yes',
  notesSignsOfSafety: 'yes',
  actionsFollowedUp: 'yes',
  grade: 'good',
  findings: 'A complete folder.',
  actionsForManager: '',
};

describe('the quarter’s supervision folder audits in each area', () => {
  it('are the head’s work until two folders in the area are audited, due on the quarter’s last day', async () => {
    const db = t.database.db;
    const [area] = await db.insert(areas).values({ name: 'Quarter Fixture Area' }).returning();
    await db.insert(teams).values({ name: 'Quarter Fixture Team', areaId: area!.id });
    const items = () =>
      queryRows<{ due_on: string; detail: string; href: string }>(
        db,
        sql`select due_on::text, detail, href from due_items
          where rule_id = 'staff.folder-audits-quarter' and area_id = ${area!.id} and shown_from <= ${today}::date
          order by due_on`,
      );
    // No staff yet: nothing to audit.
    expect(await items()).toEqual([]);

    // One member: their folder is the area's whole quarter.
    const first = await makeStaffUser(db, { displayName: 'Quill Quarter', team: 'Quarter Fixture Team' });
    await refreshDueItems(db, ACCOUNT_RECORD, [first.id]);
    const quarter = quarterOf(today);
    const dates = `${formatDate(quarter.start).replace(/ \d{4}$/, '')} to ${formatDate(quarter.end)}`;
    expect(await items()).toEqual([
      {
        due_on: quarter.end,
        detail: `0 of 1 folders audited from ${dates}`,
        href: `/staff/folder-audits?area=${area!.id}`,
      },
    ]);

    // A second member: two to audit. The head finds it on My work, under the rule.
    const second = await makeStaffUser(db, { displayName: 'Rue Quarter', team: 'Quarter Fixture Team' });
    await refreshDueItems(db, ACCOUNT_RECORD, [second.id]);
    expect((await items()).map((i) => i.detail)).toEqual([`0 of 2 folders audited from ${dates}`]);
    const head = await signedIn(t.app, 'head');
    const work = await head.get('/my-work?rule=staff.folder-audits-quarter&within=91');
    expect(work.statusCode).toBe(200);
    expect(work.body).toContain('Supervision folders in Quarter Fixture Area');
    expect(work.body).toContain(`0 of 2 folders audited from ${dates}`);
    // Not a team manager's, nor the assistant director's to do.
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get('/my-work?rule=staff.folder-audits-quarter&within=91')).body).not.toContain(
      'Quarter Fixture Area',
    );

    // Each audit moves it on; the second takes it off.
    expect((await head.post(`/staff/${first.id}/folder-audit`, judgement)).statusCode).toBe(303);
    expect((await items()).map((i) => i.detail)).toEqual([`1 of 2 folders audited from ${dates}`]);
    expect((await head.post(`/staff/${second.id}/folder-audit`, judgement)).statusCode).toBe(303);
    expect(await items()).toEqual([]);
    const done = await head.get('/my-work?rule=staff.folder-audits-quarter&within=91');
    expect(done.body).not.toContain('Quarter Fixture Area');
  });

  it('keeps the next quarter ahead, shown from its first day, and none once a quarter has ended', async () => {
    const db = t.database.db;
    const [area] = await db.insert(areas).values({ name: 'Ahead Fixture Area' }).returning();
    await db.insert(teams).values({ name: 'Ahead Fixture Team', areaId: area!.id });
    await makeStaffUser(db, { displayName: 'Sol Ahead', team: 'Ahead Fixture Team' });
    await makeStaffUser(db, { displayName: 'Tam Ahead', team: 'Ahead Fixture Team' });
    const ours = async (on: string) =>
      (await folderAuditQuarterRule.compute(db, null, on))
        .filter((i) => i.areaId === area!.id)
        .map((i) => [i.shownFrom, i.dueOn, i.shownUntil]);
    expect(await ours('2027-02-10')).toEqual([
      ['2027-01-01', '2027-03-31', '2027-04-01'],
      ['2027-04-01', '2027-06-30', '2027-07-01'],
    ]);
    // The last day of a quarter still shows it; the next day it is gone from My work.
    const next = quarterOf(addDays(quarterOf(today).end, 1));
    expect((await ours(quarterOf(today).end)).map((i) => i[1])).toEqual([quarterOf(today).end, next.end]);
  });
});
