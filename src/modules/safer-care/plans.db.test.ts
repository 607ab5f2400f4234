/**
 * A household's safer-care plan as its supervising social worker records it: the link and the
 * "none recorded" section on the household's page, the form refused with messages and nothing lost,
 * a version saved with its next due date 12 months on, the plan in force and the earlier versions,
 * a version corrected; the deadline kept in step (due from approval while none is recorded); who may
 * read and record; every view and change in the audit trail.
 */
import { expectDueItemsInStep } from '../../../test/support/due.ts';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold, makeMember } from '../../../test/support/households.ts';
import { makeReview } from '../reviews/test-support.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { users } from '../../platform/auth/tables.ts';
import { addDays, addMonths, addWorkingDays, todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { households } from '../households/tables.ts';
import { saferCarePlans } from './tables.ts';

const t = testAppForFile();
const today = todayInLondon();
const itemOf = async (householdId: string) =>
  t.database.db
    .select()
    .from(dueItems)
    .where(and(eq(dueItems.recordId, householdId), eq(dueItems.ruleId, 'safer-care.plan-agreed')));

const expectInStep = () => expectDueItemsInStep(t.database.db);

const aPlan = (agreedOn: string, more: Record<string, unknown> = {}) => ({
  ...dateBoxes('agreedOn', agreedOn),
  reason: 'yearly',
  covers: ['bedrooms', 'online'],
  summary: 'Each child has a bedroom of their own.\nNo photographs of the children online.',
  ...more,
});

describe('recording a household’s safer-care plan', () => {
  it('is due from approval while none is recorded, refuses bad input keeping what was typed, and keeps the next one due 12 months on', async () => {
    const db = t.database.db;
    const approvedOn = addDays(today, -200);
    const household = await makeHousehold(db, { statusSince: approvedOn, allocatedSswUsername: 'ssw' });
    const ssw = await signedIn(t.app, 'ssw');
    const page = await ssw.get(`/households/${household.id}`);
    expect(page.body).toContain(`href="/households/${household.id}/safer-care">Safer-care plan</a>`);
    expect(page.body).toContain('No safer-care plan recorded');
    expect(await itemOf(household.id)).toMatchObject([
      { dueOn: approvedOn, detail: 'No safer-care plan recorded', ownerUserId: household.allocatedSswId },
    ]);

    const path = `/households/${household.id}/safer-care`;
    const list = await ssw.get(path);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('No safer-care plan has been recorded for this household.');
    expect(list.body).toContain('Record a plan agreed');

    const empty = await ssw.post(`${path}/new`, {});
    expect(empty.statusCode).toBe(400);
    for (const message of [
      'Enter the date the plan was agreed',
      'Select why the plan was agreed',
      'Select what the plan covers',
      'Enter what the plan says, or what changed',
    ]) {
      expect(empty.body).toContain(message);
    }
    const future = await ssw.post(`${path}/new`, aPlan(addDays(today, 2)));
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Date the plan was agreed must be today or in the past');
    expect(future.body).toContain('No photographs of the children online.');
    expect(future.body).toMatch(/name="covers" type="checkbox" value="online" checked/);
    expect(future.body).toMatch(/name="reason" type="radio" value="yearly" checked/);
    const agreedOn = addDays(today, -10);
    const copyFirst = await ssw.post(`${path}/new`, aPlan(agreedOn, dateBoxes('copyGivenOn', addDays(agreedOn, -1))));
    expect(copyFirst.statusCode).toBe(400);
    expect(copyFirst.body).toContain(
      `Date the carers were given their copy must be on or after the plan was agreed, ${formatDate(agreedOn)}`,
    );
    expect(await db.select().from(saferCarePlans).where(eq(saferCarePlans.householdId, household.id))).toEqual([]);

    const saved = await ssw.post(`${path}/new`, aPlan(agreedOn, dateBoxes('copyGivenOn', addDays(agreedOn, 3))));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${path}?done=recorded`);
    const shown = await ssw.get(saved.headers.location!);
    expect(shown.body).toContain('The safer-care plan has been recorded');
    expect(shown.body).toContain(`The plan in force: agreed on ${formatDate(agreedOn)}`);
    expect(shown.body).toMatch(/Why it was agreed<\/dt><dd class="govuk-summary-list__value">Yearly review</);
    expect(shown.body).toContain(formatDate(addMonths(agreedOn, 12)));
    expect(shown.body).toContain('In date');
    expect(shown.body).toContain(`Given on ${formatDate(addDays(agreedOn, 3))}`);
    expect(shown.body).toContain('Phones, the internet and photographs');
    expect(shown.body).toMatch(/Recorded by<\/dt><dd class="govuk-summary-list__value">Sam Sutherland</);
    expect(await itemOf(household.id)).toMatchObject([
      { dueOn: addMonths(agreedOn, 12), detail: `Safer-care plan last agreed on ${formatDate(agreedOn)}` },
    ]);
    await expectInStep();
    const householdPage = await ssw.get(`/households/${household.id}`);
    expect(householdPage.body).toContain('To be agreed again by');
    expect(householdPage.body).not.toContain('No safer-care plan recorded');

    const [plan] = await db.select().from(saferCarePlans).where(eq(saferCarePlans.householdId, household.id));
    const trail = await db.select().from(auditEvents).where(eq(auditEvents.recordId, plan!.id));
    expect(trail.map((e) => e.action)).toEqual(['create']);
    const views = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, household.id), eq(auditEvents.action, 'view')));
    expect(views.some((e) => (e.detail as { part?: string } | null)?.part === 'safer-care')).toBe(true);
  });

  it('keeps earlier versions, follows the newest, and corrects a version with its due date following', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const manager = await signedIn(t.app, 'manager');
    const path = `/households/${household.id}/safer-care`;
    const first = addDays(today, -400);
    expect((await manager.post(`${path}/new`, aPlan(first, { reason: 'first' }))).statusCode).toBe(303);
    // A child placed and a son added to the household since: the page says so, the child not named.
    const child = await makeChild(db, { firstName: 'Aaronsafer' });
    await makePlacement(db, { childId: child.id, householdId: household.id, startDate: addDays(today, -100) });
    await makeMember(db, household.id, { firstName: 'Kit', lastName: 'Saferson', relationship: 'adult_child' });
    const overdue = await manager.get(path);
    expect(overdue.body).toContain('Overdue');
    expect(overdue.body).toContain('Since the plan in force was agreed:');
    expect(overdue.body).toContain(`${formatDate(addDays(today, -100))}: a child placed (long-term)`);
    expect(overdue.body).toContain(`${formatDate(today)}: Kit Saferson (adult child) came to live in the household`);
    expect(overdue.body).not.toContain('Aaronsafer');
    // Due within 10 working days of the first change, sooner than the year (the service's local rule).
    const placedOn = addDays(today, -100);
    expect(await itemOf(household.id)).toMatchObject([
      {
        dueOn: addWorkingDays(placedOn, 10),
        detail: `Safer-care plan last agreed on ${formatDate(first)}; the household changed on ${formatDate(placedOn)}`,
      },
    ]);
    expect(overdue.body).toContain(
      `Agree the plan again with the carers by ${formatDate(addWorkingDays(placedOn, 10))}`,
    );
    await expectInStep();
    const second = addDays(today, -30);
    const secondPlan = aPlan(second, { reason: 'child_placed', summary: 'A night light on the landing.' });
    expect((await manager.post(`${path}/new`, secondPlan)).statusCode).toBe(303);
    const both = await manager.get(path);
    // Agreed again since the child was placed: only the son added today is new, and the plan is due
    // within 10 working days of his joining. The same child placed again is no change of the household.
    await makePlacement(db, { childId: child.id, householdId: household.id, startDate: addDays(today, -5) });
    expect(both.body).not.toContain('a child placed (long-term)');
    expect((await manager.get(path)).body).not.toContain('a child placed (long-term)');
    expect(both.body).toContain('Kit Saferson (adult child) came to live in the household');
    expect(both.body).toContain(`The plan in force: agreed on ${formatDate(second)}`);
    expect(both.body).toContain('Earlier versions of the plan (1)');
    expect(both.body).toContain(`Earlier plan: agreed on ${formatDate(first)}`);
    expect((await itemOf(household.id))[0]!.dueOn).toBe(addWorkingDays(today, 10));
    await expectInStep();
    const card = await manager.get(`/households/${household.id}`);
    expect(card.body).toContain(`Sooner than a year: the household changed on ${formatDate(today)}`);

    const [newest] = await db
      .select()
      .from(saferCarePlans)
      .where(and(eq(saferCarePlans.householdId, household.id), eq(saferCarePlans.agreedOn, second)));
    const change = `/safer-care-plans/${newest!.id}/change`;
    const form = await manager.get(change);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Correct the safer-care plan');
    expect(form.body).toContain('A night light on the landing.');
    const refused = await manager.post(change, { ...secondPlan, ...dateBoxes('agreedOn', addDays(today, 1)) });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Date the plan was agreed must be today or in the past');
    const corrected = addDays(today, -20);
    const saved = await manager.post(change, { ...secondPlan, ...dateBoxes('agreedOn', corrected) });
    expect(saved.statusCode).toBe(303);
    expect((await manager.get(saved.headers.location!)).body).toContain('The safer-care plan has been corrected');
    expect((await itemOf(household.id))[0]!.dueOn).toBe(addWorkingDays(today, 10));
    await expectInStep();
    const [update] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, newest!.id), eq(auditEvents.action, 'update')));
    expect(update!.detail).toMatchObject({ agreedOn: corrected, agreedOnWas: second });

    // Once the household's approval has ended, nothing more is due.
    await db
      .update(households)
      .set({ status: 'deregistered', statusSince: today })
      .where(eq(households.id, household.id));
    await refreshDueItems(db, 'household', [household.id]);
    expect(await itemOf(household.id)).toEqual([]);
    // Its plan's date then passes: said as such, not as overdue work, on its pages.
    await db
      .update(saferCarePlans)
      .set({ reviewBy: addDays(today, -1) })
      .where(eq(saferCarePlans.householdId, household.id));
    for (const page of [path, `/households/${household.id}`]) {
      const body = (await manager.get(page)).body;
      expect(body, page).toContain('Date passed');
      expect(body, page).not.toContain('Overdue');
    }
  });

  it('is read by those who read the household in full and recorded only by those who change it', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const path = `/households/${household.id}/safer-care`;
    const unallocated = await makeHousehold(db, {});
    const ssw = await signedIn(t.app, 'ssw');
    const notTheirs = await ssw.get(`/households/${unallocated.id}/safer-care/new`);
    expect(notTheirs.statusCode).toBe(403);
    expect(notTheirs.body).toContain('You cannot record this household’s safer-care plan');
    expect((await ssw.get(`/households/${unallocated.id}/safer-care`)).body).not.toContain('Record a plan agreed');

    const reviewer = await signedIn(t.app, 'reviewer');
    expect((await reviewer.get(path)).statusCode).toBe(200);
    expect((await reviewer.get(`${path}/new`)).statusCode).toBe(403);
    expect((await (await signedIn(t.app, 'ssw2')).get(path)).statusCode).toBe(404);
    for (const username of ['carer', 'cicsw', 'payments', 'admin']) {
      const user = await signedIn(t.app, username);
      expect((await user.get(path)).statusCode, username).toBe(403);
    }
    const west = await makeHousehold(db, { teamName: 'West Kent Fostering Team 1' });
    const manager = await signedIn(t.app, 'manager');
    const refused = await manager.post(`/households/${west.id}/safer-care/new`, aPlan(today));
    expect(refused.statusCode).toBe(404);
    expect(await db.select().from(saferCarePlans).where(eq(saferCarePlans.householdId, west.id))).toEqual([]);
    expect((await (await signedIn(t.app, 'head')).get(`/households/${west.id}/safer-care/new`)).statusCode).toBe(200);
  });

  it('shows a carer their own household’s plan in force on the portal, and audits it', async () => {
    const db = t.database.db;
    const [carer] = await db.select().from(users).where(eq(users.username, 'carer'));
    const head = await signedIn(t.app, 'head');
    const summary = 'Agreed with the carers on the portal test: no babysitters without a DBS check.';
    const path = `/households/${carer!.householdId}/safer-care/new`;
    expect((await head.post(path, aPlan(today, { summary }))).statusCode).toBe(303);
    const portal = await (await signedIn(t.app, 'carer')).get('/portal');
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toContain('Your safer-care plan');
    expect(portal.body).toContain(summary);
    expect(portal.body).toContain(`agreed again by ${formatDate(addMonths(today, 12))}`);
    const [plan] = await db
      .select()
      .from(saferCarePlans)
      .where(and(eq(saferCarePlans.householdId, carer!.householdId!), eq(saferCarePlans.summary, summary)));
    const views = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, plan!.id), eq(auditEvents.action, 'view')));
    expect(views.map((v) => v.detail)).toEqual([{ page: 'portal' }]);
  });

  it('tells the reviewing officer at the annual review whether the plan was agreed again in the year', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { statusSince: addDays(today, -800), allocatedSswUsername: 'ssw' });
    const review = await makeReview(db, { householdId: household.id, startedOn: addDays(today, -5) });
    const reviewer = await signedIn(t.app, 'reviewer');
    const none = await reviewer.get(`/reviews/${review.id}`);
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('No safer-care plan is recorded for this household.');
    // The report gathered so far (and its PDF and Word copies) says the same.
    expect(none.body).toContain('No safer-care plan is recorded for the household.');

    const head = await signedIn(t.app, 'head');
    const agreedOn = addDays(today, -500);
    await head.post(`/households/${household.id}/safer-care/new`, aPlan(agreedOn));
    const stale = await reviewer.get(`/reviews/${review.id}`);
    expect(stale.body).toContain(`The plan in force now was agreed on ${formatDate(agreedOn)} (yearly review).`);
    expect(stale.body).toContain('Overdue');

    await head.post(`/households/${household.id}/safer-care/new`, aPlan(addDays(today, -3), { reason: 'first' }));
    const agreed = await reviewer.get(`/reviews/${review.id}`);
    expect(agreed.body).toContain(
      `The plan in force now was agreed on ${formatDate(addDays(today, -3))} (first plan).`,
    );
    expect(agreed.body).not.toContain('not agreed again in the year the review looks back on');
    expect(agreed.body).toContain(`${formatDate(addDays(today, -3))} (first plan)`);
    expect(agreed.body).toContain(formatDate(addMonths(addDays(today, -3), 12)));
    expect(stale.body).toContain(
      `${formatDate(agreedOn)} (yearly review): not agreed again in the year the review looks back on`,
    );
    // A child's social worker may not open a review of a carer's approval (403), and so reads nothing
    // of the plan: neither its summary nor when it was agreed.
    const cicsw = await (await signedIn(t.app, 'cicsw')).get(`/reviews/${review.id}`);
    expect(cicsw.statusCode).toBe(403);
    expect(cicsw.body).not.toContain('Each child has a bedroom of their own.');
    expect(cicsw.body).not.toContain(`The plan in force now was agreed on ${formatDate(addDays(today, -3))}`);
  });
});
