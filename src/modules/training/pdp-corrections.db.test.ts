/** Putting a carer's personal development plan right: a version changed with why, or removed when recorded in error. */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeCarer, makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, addMonths, addYears, todayInLondon } from '../../platform/dates/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { formatDate } from '../../platform/views/format.ts';
import { developmentPlans } from './tables.ts';

const t = testAppForFile();
const today = todayInLondon();
const parts = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};
const plan = (agreedOn: string, goals: string) => ({
  ...parts('agreedOn', agreedOn),
  occasion: 'annual_review',
  goals,
  trainingToDo: 'Placement stability',
  support: 'Monthly supervision',
});

async function carerWithPlans() {
  const db = t.database.db;
  const household = await makeHousehold(db, {
    allocatedSswUsername: 'ssw',
    status: 'approved',
    approvedOn: addYears(today, -2),
  });
  const carer = await makeCarer(db, household.id);
  const ssw = await signedIn(t.app, 'ssw');
  expect(
    (await ssw.post(`/training/carers/${carer.id}/pdp/new`, plan(addDays(today, -200), 'First goals'))).statusCode,
  ).toBe(303);
  expect(
    (await ssw.post(`/training/carers/${carer.id}/pdp/new`, plan(addDays(today, -10), 'Second goals'))).statusCode,
  ).toBe(303);
  const plans = await db
    .select()
    .from(developmentPlans)
    .where(eq(developmentPlans.carerId, carer.id))
    .orderBy(developmentPlans.agreedOn);
  return { carer, ssw, first: plans[0]!, second: plans[1]! };
}

const reviewDue = async (carerId: string) => {
  const [item] = await t.database.db
    .select({ dueOn: dueItems.dueOn })
    .from(dueItems)
    .where(and(eq(dueItems.ruleId, 'training.pdp-review'), eq(dueItems.recordId, carerId)));
  return item?.dueOn ?? null;
};

describe('changing a personal development plan', () => {
  it('is done on its form filled in, with why, the review deadline following and the audit trail keeping what it said', async () => {
    const { carer, ssw, second } = await carerWithPlans();
    const page = await ssw.get(`/training/carers/${carer.id}/pdp`);
    expect(page.body).toContain(`href="/training/carers/${carer.id}/pdp/${second.id}/change"`);
    expect(page.body).toContain(`href="/training/carers/${carer.id}/pdp/${second.id}/remove"`);

    const path = `/training/carers/${carer.id}/pdp/${second.id}/change`;
    const form = await ssw.get(path);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change the personal development plan');
    expect(form.body).toContain('Second goals');
    expect(form.body).toContain(`Correct the plan agreed on ${formatDate(second.agreedOn)}`);

    const agreedOn = addDays(today, -12);
    const noReason = await ssw.post(path, { ...plan(agreedOn, 'Second goals, corrected'), reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the plan is being changed');
    expect(noReason.body).toContain('Second goals, corrected');
    const future = await ssw.post(path, { ...plan(addDays(today, 1), 'Second goals'), reason: 'Typed wrongly' });
    expect(future.body).toContain('Date agreed must be today or in the past');

    const done = await ssw.post(path, {
      ...plan(agreedOn, 'Second goals, corrected'),
      reason: 'Agreed two days earlier',
    });
    expect(done.statusCode).toBe(303);
    const after = await ssw.get(String(done.headers.location));
    expect(after.body).toContain('Personal development plan changed');
    expect(after.body).toContain('Second goals, corrected');
    expect(after.body).toContain(`Agreed on ${formatDate(agreedOn)}`);
    expect(await reviewDue(carer.id)).toBe(addMonths(agreedOn, 12));
    const [audit] = await t.database.db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, second.id), eq(auditEvents.action, 'update')));
    expect(audit!.detail).toMatchObject({
      fields: ['agreedOn', 'goals', 'reviewBy'],
      was: { agreedOn: second.agreedOn, goals: 'Second goals' },
      reason: 'Agreed two days earlier',
    });
  });

  it('is refused to those who do not keep the carer’s development, and unknown plans are not found', async () => {
    const { carer, first } = await carerWithPlans();
    const path = `/training/carers/${carer.id}/pdp/${first.id}/change`;
    expect((await (await signedIn(t.app, 'ssw2')).get(path)).statusCode).toBe(404);
    const coordinator = await signedIn(t.app, 'training');
    expect((await coordinator.get(path)).statusCode).toBe(403);
    expect((await coordinator.post(path, { ...plan(first.agreedOn, 'Mine'), reason: 'x' })).statusCode).toBe(403);
    const ssw = await signedIn(t.app, 'ssw');
    const other = await makeCarer(
      t.database.db,
      (await makeHousehold(t.database.db, { allocatedSswUsername: 'ssw' })).id,
    );
    expect((await ssw.get(`/training/carers/${other.id}/pdp/${first.id}/change`)).statusCode).toBe(404);
    expect((await ssw.get(`/training/carers/${carer.id}/pdp/not-a-plan/remove`)).statusCode).toBe(404);
  });
});

describe('removing a personal development plan recorded in error', () => {
  it('makes the plan before it current again, with why, and a carer with none has one due again', async () => {
    const { carer, ssw, first, second } = await carerWithPlans();
    const path = `/training/carers/${carer.id}/pdp/${second.id}/remove`;
    const page = await ssw.get(path);
    expect(page.body).toContain(`Remove the plan agreed on ${formatDate(second.agreedOn)}`);
    expect(page.body).toContain('The plan agreed before it is the current plan again');
    const empty = await ssw.post(path, { reason: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter why the plan is being removed');

    const done = await ssw.post(path, { reason: 'Recorded for the other carer' });
    expect(done.statusCode).toBe(303);
    const after = await ssw.get(String(done.headers.location));
    expect(after.body).toContain('Personal development plan removed');
    expect(after.body).toContain('First goals');
    expect(after.body).not.toContain('Second goals');
    expect(await reviewDue(carer.id)).toBe(first.reviewBy);
    const [audit] = await t.database.db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, second.id), eq(auditEvents.action, 'delete')));
    expect(audit!.detail).toMatchObject({ was: { goals: 'Second goals' }, reason: 'Recorded for the other carer' });

    const last = `/training/carers/${carer.id}/pdp/${first.id}/remove`;
    expect((await ssw.get(last)).body).toContain('The carer then has no plan: one is due again');
    expect((await ssw.post(last, { reason: 'Recorded for the other carer too' })).statusCode).toBe(303);
    expect((await ssw.get(`/training/carers/${carer.id}/pdp`)).body).toContain(
      'No personal development plan has been agreed',
    );
    expect(await reviewDue(carer.id)).not.toBeNull();
  });
});
