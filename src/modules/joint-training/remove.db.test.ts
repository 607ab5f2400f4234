/**
 * A joint training day recorded by mistake, removed by the head of fostering (business plan action
 * 10.2): the page that asks to confirm shows the day and what goes with it, and keeps it until the
 * head ticks that they understand; then the day, who attended and their evaluations go in one, the
 * list says so, and no deadline of the day is left behind: the day before it is the last one held
 * again (the next day is due 12 months after it), and its attendee's evaluation is no longer chased.
 * A supervising social worker is refused both the page and the removal. The audit trail says who
 * removed it in words.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { userIdByUsername } from '../../../test/support/households.ts';
import { auditTrailFor } from '../../platform/audit/trail.ts';
import { addDays, addMonths, todayInLondon } from '../../platform/dates/index.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { formatDate } from '../../platform/views/format.ts';
import { panelMembers } from '../panel/tables.ts';
import { DAY_RECORD } from './service.ts';
import { jointTrainingAttendance, jointTrainingDays, jointTrainingEvaluations } from './tables.ts';
import { clearJointTraining, makeAttendance, makeDay } from './test-support.ts';

const t = testAppForFile();
const db = () => t.database.db;
const today = todayInLondon();
const lastYear = addDays(today, -400);
const mistaken = addDays(today, -20);

interface ItemRow {
  rule_id: string;
  record_id: string;
  due_on: string;
  shown_until: string | null;
  label: string;
  detail: string | null;
}

const items = () =>
  queryRows<ItemRow>(
    db(),
    sql`select rule_id, record_id::text as record_id, due_on::text as due_on, shown_until::text as shown_until,
        label, detail from due_items where rule_id like 'joint-training.%' order by rule_id, label`,
  );

describe('removing a joint training day recorded by mistake', () => {
  let earlierId = '';
  let dayId = '';
  let attendanceIds: string[] = [];

  beforeAll(async () => {
    await clearJointTraining(db());
    earlierId = (await makeDay(db(), lastYear, { title: 'Joint training day last year' })).id;
    dayId = (await makeDay(db(), mistaken, { title: 'Joint training day recorded by mistake' })).id;
    const [member] = await db().select().from(panelMembers).limit(1);
    attendanceIds = [
      (await makeAttendance(db(), dayId, { userId: await userIdByUsername(db(), 'ssw') })).id,
      (await makeAttendance(db(), dayId, { userId: await userIdByUsername(db(), 'ssw2') }, { before: 2, after: 4 })).id,
      (await makeAttendance(db(), dayId, { panelMemberId: member!.id })).id,
    ];
  });

  it('keeps, before, the next day due 12 months after the mistaken day and Sam’s evaluation due', async () => {
    expect((await items()).map((i) => [i.rule_id, i.record_id, i.due_on])).toEqual([
      ['joint-training.evaluation', attendanceIds[0], addDays(mistaken, 14)],
      ['joint-training.next-day', dayId, addMonths(mistaken, 12)],
    ]);
  });

  it('is refused to a supervising social worker, the page and the removal, and not offered to them', async () => {
    const sam = await signedIn(t.app, 'ssw');
    expect((await sam.get(`/joint-training/${dayId}`)).body).not.toContain('Remove this day');
    const page = await sam.get(`/joint-training/${dayId}/remove`);
    expect(page.statusCode).toBe(403);
    expect(page.body).not.toContain('Joint training day recorded by mistake');
    expect((await sam.post(`/joint-training/${dayId}/remove`, { confirm: 'yes' })).statusCode).toBe(403);
    expect(await db().select().from(jointTrainingDays).where(eq(jointTrainingDays.id, dayId))).toHaveLength(1);
  });

  it('shows the head what goes with the day, and keeps the page until they confirm', async () => {
    const head = await signedIn(t.app, 'head');
    const day = await head.get(`/joint-training/${dayId}`);
    expect(day.body).toContain(`href="/joint-training/${dayId}/remove">Remove this day</a>`);

    const page = await head.get(`/joint-training/${dayId}/remove`);
    expect(page.statusCode).toBe(200);
    for (const words of [
      'Remove this joint training day',
      formatDate(mistaken),
      'Joint training day recorded by mistake',
      '3 people recorded as attending',
      '1 evaluation',
      'I understand this removes the day, who attended and their evaluations',
    ]) {
      expect(page.body).toContain(words);
    }

    const unconfirmed = await head.post(`/joint-training/${dayId}/remove`, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('There is a problem');
    expect(unconfirmed.body).toContain(
      'href="#confirm">Confirm that you understand this removes the day, who attended and their evaluations</a>',
    );
    expect(unconfirmed.body).toContain('3 people recorded as attending');
    expect(await db().select().from(jointTrainingDays).where(eq(jointTrainingDays.id, dayId))).toHaveLength(1);

    // The training coordinator, who records days too, is offered the page.
    expect((await (await signedIn(t.app, 'training')).get(`/joint-training/${dayId}/remove`)).statusCode).toBe(200);
  });

  it('removes the day, who attended and their evaluations, and says so on the list', async () => {
    const head = await signedIn(t.app, 'head');
    await head.get(`/joint-training/${dayId}/remove`);
    const removed = await head.post(`/joint-training/${dayId}/remove`, { confirm: 'yes' });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe('/joint-training?done=removed');
    const list = await head.get(removed.headers.location!);
    expect(list.body).toContain('The joint training day has been removed, with who attended and their evaluations');
    expect(list.body).not.toContain('Joint training day recorded by mistake');
    expect(list.body).toContain('Joint training day last year');

    expect(await db().select().from(jointTrainingDays).where(eq(jointTrainingDays.id, dayId))).toEqual([]);
    expect(await db().select().from(jointTrainingAttendance).where(eq(jointTrainingAttendance.dayId, dayId))).toEqual(
      [],
    );
    expect(
      await db()
        .select()
        .from(jointTrainingEvaluations)
        .where(inArray(jointTrainingEvaluations.attendanceId, attendanceIds)),
    ).toEqual([]);
    expect((await head.get(`/joint-training/${dayId}`)).statusCode).toBe(404);
    expect((await head.get(`/joint-training/${dayId}/remove`)).statusCode).toBe(404);
  });

  it('leaves none of the day’s deadlines behind, and moves the next day back to 12 months after the day before', async () => {
    const kept = await items();
    expect(kept.filter((i) => [dayId, ...attendanceIds].includes(i.record_id))).toEqual([]);
    expect(kept).toEqual([
      {
        rule_id: 'joint-training.next-day',
        record_id: earlierId,
        due_on: addMonths(lastYear, 12),
        shown_until: null,
        label: 'The next joint training day for fostering staff and panel members',
        detail: `The last was held on ${formatDate(lastYear)}: Joint training day last year`,
      },
    ]);
  });

  it('is in the audit trail as removed, in words, with what was removed', async () => {
    const [entry] = await queryRows<{ action: string; detail: Record<string, unknown> }>(
      db(),
      sql`select action, detail from audit_events where record_type = ${DAY_RECORD} and record_id = ${dayId}
        order by id desc limit 1`,
    );
    expect(entry).toEqual({
      action: 'delete',
      detail: {
        part: 'whole-record',
        heldOn: mistaken,
        title: 'Joint training day recorded by mistake',
        attendance: 3,
        evaluations: 1,
      },
    });
    const trail = await auditTrailFor(db(), DAY_RECORD, dayId, { limit: 1, offset: 0 });
    expect(trail.entries[0]!.what).toBe('Removed everything recorded on the joint training day');
    expect(trail.entries[0]!.who).toMatch(/\(Head of fostering\)$/);
  });
});
