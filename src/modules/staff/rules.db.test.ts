/**
 * The staff measures and deadlines, each on a small fixture with the answer worked out by hand:
 * September 2026 seen from December, counted as at its last day, Wednesday 30 September 2026.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { userIdByUsername } from '../../../test/support/households.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { measureRecords, periodOf, type Measure } from '../../platform/measures/index.ts';
import { newStaffInducted, staffSupervised, staffTrainingUpToDate } from './measures.ts';
import { makeSession, makeStaffUser, makeStart, makeTraining } from './test-support.ts';

const t = testAppForFile();
const september = periodOf('2026-09', '2026-12-01');

/** The measure's rows for these members only, as [id, met], in the order given (absent: not counted). */
async function rowsFor(measure: Measure, ids: string[]) {
  const rows = await measureRecords(t.database.db, measure, september);
  return ids.flatMap((id) => rows.filter((r) => r.recordId === id).map((r) => [id, r.met]));
}

const allCourses = (on: string) => ({
  data_protection: on,
  information_governance: on,
  prevent: on,
  care_planning: on,
  bribery: on,
});
const allInduction = (on: string) => ({
  induction_statement_of_purpose: on,
  induction_regulations: on,
  induction_safeguarding: on,
  induction_recording: on,
  induction_shadowing: on,
  induction_panel: on,
});

describe('staff supervised within 6 weeks', () => {
  it('counts staff who joined before 19 August (30 September − 42 days), met with a session on or after it', async () => {
    const db = t.database.db;
    const manager = await userIdByUsername(db, 'manager');
    const [inTime, onTheDay, afterMonth, joinedLate, joinedOnDay] = await Promise.all(
      [1, 2, 3, 4, 5].map(() => makeStaffUser(db)),
    );
    await makeSession(db, inTime!.id, '2026-08-20', manager);
    await makeSession(db, onTheDay!.id, '2026-08-19', manager);
    await makeSession(db, afterMonth!.id, '2026-10-01', manager);
    await makeStart(db, joinedLate!.id, '2026-09-01');
    await makeStart(db, joinedOnDay!.id, '2026-08-19');
    const ids = [inTime!, onTheDay!, afterMonth!, joinedLate!, joinedOnDay!].map((u) => u.id);
    // A session on 19 August is due again on 30 September: not yet overdue that day, as My work says.
    // Someone who joined on 19 August has their first session due that day, so is not counted yet.
    expect(await rowsFor(staffSupervised, ids)).toEqual([
      [ids[0], true],
      [ids[1], true],
      [ids[2], false],
    ]);
  });
});

describe('staff mandatory training up to date', () => {
  it('counts staff who joined before 8 July (12 weeks before), met with every course within its renewal period', async () => {
    const db = t.database.db;
    const [all, lapsedOnTheDay, validOneMore, missing, joinedLate] = await Promise.all(
      [1, 2, 3, 4, 5].map(() => makeStaffUser(db)),
    );
    await makeTraining(db, all!.id, allCourses('2026-01-10'));
    // Information governance is renewed every 12 months: done 29 September 2025, lapsed on 30 September 2026
    // (due on the 29th); done 30 September 2025, due on 30 September 2026, not yet overdue that day.
    await makeTraining(db, lapsedOnTheDay!.id, { ...allCourses('2026-01-10'), information_governance: '2025-09-29' });
    await makeTraining(db, validOneMore!.id, { ...allCourses('2026-01-10'), information_governance: '2025-09-30' });
    const { prevent: _prevent, ...noPrevent } = allCourses('2026-01-10');
    await makeTraining(db, missing!.id, noPrevent);
    await makeStart(db, joinedLate!.id, '2026-07-09');
    const ids = [all!, lapsedOnTheDay!, validOneMore!, missing!, joinedLate!].map((u) => u.id);
    expect(await rowsFor(staffTrainingUpToDate, ids)).toEqual([
      [ids[0], true],
      [ids[1], false],
      [ids[2], true],
      [ids[3], false],
    ]);
  });
});

describe('new staff inducted within 12 weeks', () => {
  it('counts new staff whose 12 weeks ended in the year to 30 September, met with every item done by then', async () => {
    const db = t.database.db;
    const [inducted, oneLate, notYetDue, notNew] = await Promise.all([1, 2, 3, 4].map(() => makeStaffUser(db)));
    // Joined 1 June 2026: 12 weeks end on 24 August 2026.
    await makeStart(db, inducted!.id, '2026-06-01', true);
    await makeTraining(db, inducted!.id, allInduction('2026-08-24'));
    await makeStart(db, oneLate!.id, '2026-06-01', true);
    await makeTraining(db, oneLate!.id, { ...allInduction('2026-08-01'), induction_panel: '2026-08-25' });
    // Joined 9 July 2026: 12 weeks end on 1 October 2026, after the month.
    await makeStart(db, notYetDue!.id, '2026-07-09', true);
    await makeStart(db, notNew!.id, '2026-06-01', false);
    const ids = [inducted!, oneLate!, notYetDue!, notNew!].map((u) => u.id);
    expect(await rowsFor(newStaffInducted, ids)).toEqual([
      [ids[0], true],
      [ids[1], false],
    ]);
  });
});

describe('the staff deadlines', () => {
  it('keeps supervision, renewal and induction items for a member of staff', async () => {
    const db = t.database.db;
    const member = await makeStaffUser(db);
    await makeStart(db, member.id, '2026-06-01', true);
    await makeTraining(db, member.id, { information_governance: '2026-01-10', induction_panel: '2026-06-10' });
    await makeSession(db, member.id, '2026-06-15', await userIdByUsername(db, 'manager'));
    const items = await db
      .select()
      .from(dueItems)
      .where(and(eq(dueItems.recordId, member.id), eq(dueItems.staffUserId, member.id)));
    const byRule = (rule: string, detail?: string) =>
      items.filter((i) => i.ruleId === rule && (!detail || i.detail?.startsWith(detail))).map((i) => i.dueOn);
    // Six weeks after 15 June 2026.
    expect(byRule('staff.supervision')).toEqual(['2026-07-27']);
    // Information governance renewed 12 months after 10 January 2026; PREVENT never done: 12 weeks from joining.
    expect(byRule('staff.training-renewal', 'Information governance')).toEqual(['2027-01-10']);
    expect(byRule('staff.training-renewal', 'PREVENT')).toEqual(['2026-08-24']);
    expect(items.find((i) => i.ruleId === 'staff.induction')?.detail).toBe('Induction: 1 of 6 items done');
    expect(byRule('staff.induction')).toEqual(['2026-08-24']);
  });
});

describe('the scorecard', () => {
  it('opens with the staff measures on it', async () => {
    const { signedIn } = await import('../../../test/support/app.ts');
    const head = await signedIn(t.app, 'head');
    const page = await head.get('/scorecard');
    if (page.statusCode !== 200) console.log(page.body.slice(0, 3000));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Staff supervised within 6 weeks');
  });
});
