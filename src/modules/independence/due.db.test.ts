/**
 * The checklist's two deadlines, worked out by hand for a young person born on 20 May 2010: 15½ on
 * 20 November 2025 (started by then), 17½ on 20 November 2027 (completed by then), 18 on 20 May
 * 2028 (when they leave care, and every item goes). Kept in step with the checklist, the child's
 * date of birth, leaving care and where they live.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dueFixture } from '../../../test/support/due.ts';
import { makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { dueFor, dueRules, dueRulesFor, refreshDueItems } from '../../platform/due/index.ts';
import { updateChild } from '../children/service.ts';
import { findChild } from '../children/scope.ts';
import { children } from '../children/tables.ts';
import { viewer } from '../home/test-support.ts';
import { checklistPath } from './paths.ts';
import { recordCompleted, startChecklist } from './service.ts';
import { makeYoungPerson } from './test-support.ts';

// The day the dates below were worked out on, so the young person born in 2010 is still in care.
const { db, head } = dueFixture({ on: '2026-12-01' });
const RULES = ['independence.checklist-started', 'independence.checklist-completed'];

async function itemsOf(childId: string, today: string, username = 'cicsw') {
  const user = await viewer(db(), username);
  const entries = await dueFor(db(), user, { today, horizonDays: 800, ruleIds: RULES });
  return entries.filter((e) => e.recordId === childId);
}

describe('the independence checklist’s deadlines', () => {
  it('is started by 15½ and completed by 17½, the children’s social worker’s work, each gone when done', async () => {
    const young = await makeYoungPerson(db(), '2010-05-20', { firstName: 'Dana' });
    const cicsw = await viewer(db(), 'cicsw');
    const [start] = await itemsOf(young.id, '2026-01-10');
    expect(start).toMatchObject({
      ruleId: 'independence.checklist-started',
      recordType: 'child',
      dueOn: '2025-11-20',
      overdue: true,
      ownerUserId: cicsw.id,
      href: checklistPath(young.id),
      label: expect.stringContaining('Dana Checklistfixture'),
      detail: 'Not started: due when they are 15½',
    });
    const rule = dueRules().find((r) => r.id === 'independence.checklist-started')!;
    expect(rule.cites).toContain('standard 12.1');
    expect(rule.cites).toContain('a local rule, not law');

    const who = { user: cicsw, actor: systemActor('test') };
    const child = (await findChild(db(), cicsw, young.id))!;
    expect(await startChecklist(db(), who, child, { startedOn: '2026-01-05' })).toMatchObject({ ok: true });
    const [complete, ...none] = await itemsOf(young.id, '2026-01-10');
    expect(none).toEqual([]);
    expect(complete).toMatchObject({
      ruleId: 'independence.checklist-completed',
      dueOn: '2027-11-20',
      overdue: false,
      detail: 'Started 5 January 2026, 0 of 8 areas done: to be completed by 17½',
    });
    expect(await recordCompleted(db(), who, child, { completedOn: '2026-06-01', note: null })).toMatchObject({
      ok: true,
    });
    expect(await itemsOf(young.id, '2026-01-10')).toEqual([]);
  });

  it('for a young person who came into care after 15½, is due at their first review, 20 working days after', async () => {
    // 15½ on 20 November 2025; in care from Monday 2 March 2026: the 20th working day after is
    // Monday 30 March (no bank holiday before Good Friday, 3 April).
    const young = await makeYoungPerson(db(), '2010-05-20', { lookedAfterSince: '2026-03-02' });
    const [start] = await itemsOf(young.id, '2026-03-10');
    expect(start).toMatchObject({
      ruleId: 'independence.checklist-started',
      dueOn: '2026-03-30',
      overdue: false,
      detail: 'Not started: came into care on 2 March 2026, after 15½; due at their first review',
    });
    expect((await itemsOf(young.id, '2026-03-31'))[0]).toMatchObject({ dueOn: '2026-03-30', overdue: true });
    expect(dueRules().find((r) => r.id === 'independence.checklist-started')!.cites).toContain('regulation 33(1)');
  });

  it('moves when the date of birth changes, and goes when the young person leaves care', async () => {
    const young = await makeYoungPerson(db(), '2010-05-20');
    const cicsw = await viewer(db(), 'cicsw');
    const child = (await findChild(db(), cicsw, young.id))!;
    const changed = await updateChild(db(), cicsw, systemActor('test'), child, {
      firstName: child.firstName,
      lastName: child.lastName,
      preferredName: null,
      dateOfBirth: '2010-08-31',
      stayingPut: false,
      gender: 'female',
      ethnicity: null,
      legalStatus: 's31_care_order',
      lookedAfterSince: child.lookedAfterSince,
      areaId: child.areaId,
      allocatedSocialWorkerId: child.allocatedSocialWorkerId,
      needs: [],
      schoolPostcode: null,
    });
    expect(changed.ok).toBe(true);
    // 31 August 2010 and 186 months: 28 February 2026 (no 31st in February).
    expect((await itemsOf(young.id, '2026-01-10')).map((e) => e.dueOn)).toEqual(['2026-02-28']);

    // Leaving care: the children's record is changed and its deadlines refreshed, as its service does.
    await db().update(children).set({ leftCareOn: '2026-01-20' }).where(eq(children.id, young.id));
    await refreshDueItems(db(), 'child', [young.id], '2026-01-10');
    expect((await itemsOf(young.id, '2026-01-10')).map((e) => e.dueOn)).toEqual(['2026-02-28']);
    expect(await itemsOf(young.id, '2026-01-20')).toEqual([]);
    await refreshDueItems(db(), 'child', [young.id]);
    expect(await itemsOf(young.id, '2026-01-10')).toEqual([]);
  });

  it('counts under the team of the household the young person lives with, seen by its manager, not its supervising social worker', async () => {
    const young = await makeYoungPerson(db(), '2010-05-20');
    const household = await makeHousehold(db(), { teamName: 'East Kent Fostering Team 1' });
    expect((await itemsOf(young.id, '2026-01-10', 'head'))[0]?.teamId).toBeNull();
    expect(await itemsOf(young.id, '2026-01-10', 'manager')).toEqual([]);
    await makePlacement(db(), { childId: young.id, householdId: household.id, startDate: '2025-09-01' });
    expect((await itemsOf(young.id, '2026-01-10', 'head'))[0]?.teamId).toBe(household.teamId);
    expect((await itemsOf(young.id, '2026-01-10', 'manager')).map((e) => e.ruleId)).toEqual([
      'independence.checklist-started',
    ]);
    expect(dueRulesFor(await viewer(db(), 'ssw')).some((r) => RULES.includes(r.id))).toBe(false);
    expect(dueRulesFor(head()).filter((r) => RULES.includes(r.id))).toHaveLength(2);
  });
});
