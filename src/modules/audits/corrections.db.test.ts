/**
 * A completed audit's grading put right on the audit form, filled in, by the team manager who graded
 * it: the overall grade, the put-right deadline, the month's summary and its figures follow; the
 * trail keeps what it said before, who and why. What was recorded after grading stays consistent: a
 * date after the audit was put right and a safeguarding concern taken out are refused in words, with
 * what was typed kept; an audit put right and graded better keeps the record of putting right, its
 * page saying so. Others are refused.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold, teamIdByName } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { measureRecords, periodOf } from '../../platform/measures/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { concerns } from '../concerns/tables.ts';
import { dateFields } from '../concerns/test-support.ts';
import { CONCERN_STAYS } from './corrections.ts';
import { sections } from './labels.ts';
import { auditsGoodOrBetter } from './measures.ts';
import { putRightDueOn } from './settings.ts';
import { teamMonths } from './summary.ts';
import { makeAudit, makeMonth } from './test-support.ts';

const t = testAppForFile();
const db = () => t.database.db;
const daysAgo = (n: number) => addDays(todayInLondon(), -n);
const grades = (grade: string) => Object.fromEntries(sections.map((s) => [`${s}-grade`, grade]));

/** A file of the demo manager's team (a household of `ssw`, no child placed), graded by the manager. */
async function graded(month: string, auditedOn: string, form: Record<string, string> = {}) {
  const teamId = await teamIdByName(db(), 'East Kent Fostering Team 1');
  const household = await makeHousehold(db(), { teamId, allocatedSswUsername: 'ssw' });
  const audit = await makeAudit(db(), {
    monthId: await makeMonth(db(), month, teamId),
    householdId: household.id,
    teamId,
  });
  const manager = await signedIn(t.app, 'manager');
  const done = await manager.post(`/audits/${audit.id}/grade`, {
    ...dateFields('auditedOn', auditedOn),
    ...grades('good'),
    ...form,
  });
  expect(done.statusCode).toBe(303);
  return { audit, household, manager, change: `/audits/${audit.id}/change-grade` };
}

const dueOf = async (id: string, rule: string) =>
  db()
    .select()
    .from(dueItems)
    .where(and(eq(dueItems.recordId, id), eq(dueItems.ruleId, rule)));

const east1 = async (month: string) =>
  (await teamMonths(db(), month)).find((m) => m.teamName === 'East Kent Fostering Team 1')!;

describe('changing the grading of a completed audit', () => {
  it('is offered on the audit page, filled in, and moves the grade, the deadline, the summary and the figures', async () => {
    const { audit, manager, change } = await graded('2023-05', '2023-05-10', {
      'supervision-findings': 'Visits every 5 weeks.',
    });
    const page = await manager.get(`/audits/${audit.id}`);
    expect(page.body).toContain(change);
    expect(page.body).toContain('Change<span class="govuk-visually-hidden"> the grading</span>');
    expect((await east1('2023-05')).good).toBeGreaterThanOrEqual(1);
    const goodBefore = (await east1('2023-05')).good;

    const form = await manager.get(change);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change the grading of the audit');
    expect(form.body).toMatch(/name="auditedOn-day" type="text"[^>]*value="10"/);
    expect(form.body).toMatch(/name="supervision-grade" type="radio" value="good" checked/);
    expect(form.body).toContain('Visits every 5 weeks.');
    expect(form.body).toContain('Why is this being changed?');

    // No reason: refused, everything typed kept.
    const body = {
      ...dateFields('auditedOn', '2023-05-11'),
      ...grades('good'),
      'supervision-grade': 'inadequate',
      'supervision-findings': 'No visit for 12 weeks.',
    };
    const noReason = await manager.post(change, body);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the grading is being changed');
    expect(noReason.body).toContain('No visit for 12 weeks.');
    expect(noReason.body).toMatch(/name="supervision-grade" type="radio" value="inadequate" checked/);

    const saved = await manager.post(change, { ...body, reason: 'Supervision was graded from the wrong file.' });
    expect(saved.statusCode).toBe(303);
    const after = await manager.get(saved.headers.location as string);
    expect(after.body).toContain('The grading has been changed');
    expect(after.body).toContain('Inadequate');
    expect(after.body).toContain('No visit for 12 weeks.');
    expect(after.body).toContain(formatDate('2023-05-11'));
    const [item] = await dueOf(audit.id, 'audits.put-right');
    expect(item?.dueOn).toBe(putRightDueOn('2023-05-11'));
    expect((await east1('2023-05')).good).toBe(goodBefore - 1);
    const rows = await measureRecords(db(), auditsGoodOrBetter, periodOf('2023-05', todayInLondon()));
    expect(rows.find((r) => r.recordId === audit.id)?.met).toBe(false);

    const [entry] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, audit.id), eq(auditEvents.action, 'update')))
      .then((r) => r.filter((e) => (e.detail as { part?: string }).part === 'audit-grading'));
    expect(entry?.username).toBe('manager');
    expect(entry?.detail).toMatchObject({
      reason: 'Supervision was graded from the wrong file.',
      grade: 'inadequate',
      was: { grade: 'good', auditedOn: '2023-05-10', putRightDueOn: null },
    });

    // Back to good: the deadline to put it right goes.
    const back = await manager.post(change, {
      ...dateFields('auditedOn', '2023-05-11'),
      ...grades('good'),
      reason: 'Supervision was right after all.',
    });
    expect(back.statusCode).toBe(303);
    expect(await dueOf(audit.id, 'audits.put-right')).toEqual([]);
    expect((await east1('2023-05')).good).toBe(goodBefore);
  });

  it('keeps an audit put right in step: no date after it was put right; graded better, the page says it was put right while inadequate', async () => {
    const { audit, manager, change } = await graded('2023-06', daysAgo(6), { 'recording-grade': 'inadequate' });
    const ssw = await signedIn(t.app, 'ssw');
    const right = await ssw.post(`/audits/${audit.id}/put-right`, {
      ...dateFields('putRightOn', daysAgo(2)),
      notes: 'Case recording brought up to date.',
    });
    expect(right.statusCode).toBe(303);
    // The SSW, who puts it right, is not offered the change and is refused it.
    expect((await ssw.get(`/audits/${audit.id}`)).body).not.toContain(change);
    expect((await ssw.get(change)).statusCode).toBe(403);

    const late = await manager.post(change, {
      ...dateFields('auditedOn', daysAgo(1)),
      ...grades('good'),
      reason: 'Wrong date typed.',
    });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain(`The date of the audit cannot be after it was put right on ${formatDate(daysAgo(2))}`);
    expect(late.body).toContain('Wrong date typed.');

    const better = await manager.post(change, {
      ...dateFields('auditedOn', daysAgo(6)),
      ...grades('good'),
      reason: 'Recording was graded against last year’s standard.',
    });
    expect(better.statusCode).toBe(303);
    const page = await manager.get(`/audits/${audit.id}`);
    expect(page.body).toContain('Good');
    expect(page.body).toContain(`Put right ${formatDate(daysAgo(2))}`);
    expect(page.body).toContain('while the audit was graded inadequate (its grading has been changed since)');
    expect(page.body).toContain('Case recording brought up to date.');
    expect(await dueOf(audit.id, 'audits.confirm')).toEqual([]);
  });

  it('raises a safeguarding concern added now, and refuses to take one raised out', async () => {
    const { audit, household, manager, change } = await graded('2023-07', daysAgo(3));
    const added = await manager.post(change, {
      ...dateFields('auditedOn', daysAgo(3)),
      ...grades('good'),
      safeguarding: 'Unsafe sleeping arrangements noted.',
      reason: 'The concern was left off the form.',
    });
    expect(added.statusCode).toBe(303);
    const [concern] = await db().select().from(concerns).where(eq(concerns.sourceAuditId, audit.id));
    expect(concern).toMatchObject({ householdId: household.id, kind: 'standard_of_care' });

    const form = await manager.get(change);
    expect(form.body).toContain('cannot be changed here: put it right on the concern’s page');
    const taken = await manager.post(change, {
      ...dateFields('auditedOn', daysAgo(3)),
      ...grades('requires_improvement'),
      safeguarding: '',
      reason: 'No concern after all.',
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain(CONCERN_STAYS);
    expect(taken.body).toContain('No concern after all.');
    expect((await manager.get(`/audits/${audit.id}`)).body).toContain('Unsafe sleeping arrangements noted.');
    expect(await db().select().from(concerns).where(eq(concerns.sourceAuditId, audit.id))).toHaveLength(1);
  });

  it('is refused to those who do not conduct the file’s audit, and for a file not yet audited', async () => {
    const { audit, change } = await graded('2023-08', daysAgo(4));
    // A service manager sees the team's audit but audits only the central sample.
    const sm = await signedIn(t.app, 'servicemanager');
    expect((await sm.get(`/audits/${audit.id}`)).body).not.toContain(change);
    expect((await sm.get(change)).statusCode).toBe(403);
    expect((await sm.post(change, { ...grades('inadequate'), reason: 'x' })).statusCode).toBe(403);
    for (const user of ['ssw', 'cicsw', 'carer', 'training']) {
      expect((await (await signedIn(t.app, user)).get(change)).statusCode).toBe(403);
    }
    const head = await signedIn(t.app, 'head');
    expect((await head.get(change)).statusCode).toBe(200);

    const teamId = await teamIdByName(db(), 'East Kent Fostering Team 1');
    const todo = await makeAudit(db(), {
      monthId: await makeMonth(db(), '2023-08', teamId),
      householdId: (await makeHousehold(db(), { teamId })).id,
      teamId,
    });
    expect((await head.get(`/audits/${todo.id}/change-grade`)).statusCode).toBe(404);
  });
});
