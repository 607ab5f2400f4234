/**
 * Putting the payments records right, as the payments officer does it: a set of rates changed on its
 * form (filled in, with why), refused onto another set's day or across a completed six-monthly review
 * of what agencies pay, the yearly review of the rates following; a set recorded in error removed,
 * never the only one nor one a completed review counted; an enhancement changed (its review deadline
 * and the agreement it reviewed following, the carer's portal showing the new amount), refused out
 * of order with its reviews or onto a child it cannot be; removed, the agreement it replaced current
 * again; the audit trail keeping what each said, who and why; others refused.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, addMonths, addYears, todayInLondon } from '../../platform/dates/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { formatDate } from '../../platform/views/format.ts';
import { viewer } from '../home/test-support.ts';
import { households } from '../households/tables.ts';
import { removeRatesRefusals } from './corrections.ts';
import { paymentEnhancements, paymentRates } from './tables.ts';
import { dateBoxesOf, makeEnhancement, makeRates, placedChild } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
const db = () => t.database.db;

const dueOf = (ruleId: string, recordId: string) =>
  db()
    .select()
    .from(dueItems)
    .where(and(eq(dueItems.recordId, recordId), eq(dueItems.ruleId, ruleId)));
const trailOf = (recordType: string, recordId: string) =>
  db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.recordType, recordType), eq(auditEvents.recordId, recordId)))
    .orderBy(auditEvents.id);

/** The rates form as posted: the set's day and amounts as typed, and why. */
const ratesPost = (from: string, change: Record<string, string> = {}) => ({
  ...dateBoxesOf('effectiveFrom', from),
  allowance0To4: '200.00',
  allowance5To10: '210.00',
  allowance11To15: '240.00',
  allowance16To17: '280.00',
  feeLevel1: '0.00',
  feeLevel2: '150.00',
  feeLevel3: '300.00',
  dayCareHourly: '11.50',
  livingWageHourly: '12.60',
  reason: 'The allowance for the youngest children was typed wrongly.',
  ...change,
});

/** A completed six-monthly review of what agencies pay, for the half-year from `periodStart`. */
const completedReview = (periodStart: string) =>
  db().execute(sql`insert into service_reviews (id, kind, period_start, completed_on, completed_at)
    values (gen_random_uuid(), 'agency-payments', ${periodStart}::date, ${periodStart}::date + 200, now())`);

describe('putting a set of rates right', () => {
  it('changes an amount and the day on the form it was recorded on, the yearly review following, with why', async () => {
    const set = await makeRates(db(), '2050-04-01');
    const payments = await signedIn(t.app, 'payments');
    const home = await payments.get('/payments');
    expect(home.body).toContain(`/payments/rates/${set.id}/change`);
    expect(home.body).toContain(`/payments/rates/${set.id}/remove`);

    const form = await payments.get(`/payments/rates/${set.id}/change`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change the rates from 1 April 2050');
    expect(form.body).toContain('value="200.00"');
    expect(form.body).toContain('value="2050"');
    expect(form.body).toContain('Why is this being changed?');

    const noReason = await payments.post(`/payments/rates/${set.id}/change`, ratesPost('2050-04-01', { reason: '' }));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why this is being changed');

    const saved = await payments.post(
      `/payments/rates/${set.id}/change`,
      ratesPost('2050-05-01', { allowance0To4: '205.50' }),
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/payments?done=rates-changed');
    const after = await payments.get('/payments?done=rates-changed');
    expect(after.body).toContain('The rates have been changed');
    expect(after.body).toContain('1 May 2050');
    expect(after.body).toContain('£205.50');
    expect(after.body).not.toContain('1 April 2050');
    // The latest set's yearly review: the next 1 April after 1 May 2050.
    expect((await dueOf('payments.rates-review', set.id))[0]?.dueOn).toBe('2051-04-01');

    const [entry] = (await trailOf('payment-rates', set.id)).filter((e) => e.action === 'update');
    expect(entry?.username).toBe('payments');
    expect(entry?.detail).toMatchObject({
      reason: 'The allowance for the youngest children was typed wrongly.',
      was: { effectiveFrom: '2050-04-01', allowance0To4: 20_000 },
      now: { effectiveFrom: '2050-05-01', allowance0To4: 20_550 },
    });
  });

  it('refuses another set’s day and a day that would change what a completed review shows, keeping what was typed', async () => {
    const earlier = await makeRates(db(), '2045-04-01');
    const later = await makeRates(db(), '2046-04-01');
    const payments = await signedIn(t.app, 'payments');
    const same = await payments.post(
      `/payments/rates/${later.id}/change`,
      ratesPost('2045-04-01', { feeLevel2: '155.25' }),
    );
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain('Rates from 1 April 2045 are already recorded: choose another date');
    expect(same.body).toContain('value="155.25"');

    await completedReview('2045-04-01');
    const across = await payments.post(`/payments/rates/${later.id}/change`, ratesPost('2045-09-01'));
    expect(across.statusCode).toBe(400);
    expect(across.body).toContain(
      'The date cannot be 1 September 2045: the six-monthly review of what local agencies pay, completed for 1 April 2045 to 30 September 2045, shows the rates from 1 April 2045 in force on 30 September 2045',
    );
    const outOfHalfYear = await payments.post(`/payments/rates/${earlier.id}/change`, ratesPost('2045-03-01'));
    expect(outOfHalfYear.statusCode).toBe(400);
    expect(outOfHalfYear.body).toContain('counts the sets of rates that started in its half-year');
    // Within the half-year the review still shows the same set: the day moves.
    const within = await payments.post(`/payments/rates/${earlier.id}/change`, ratesPost('2045-04-02'));
    expect(within.statusCode).toBe(303);
    const [row] = await db().select().from(paymentRates).where(eq(paymentRates.id, earlier.id));
    expect(row?.effectiveFrom).toBe('2045-04-02');

    // Removing the set the review shows is refused, in words, with no form.
    const remove = await payments.get(`/payments/rates/${earlier.id}/remove`);
    expect(remove.statusCode).toBe(200);
    expect(remove.body).toContain('This set of rates cannot be removed');
    expect(remove.body).toContain('These rates cannot be removed: the six-monthly review of what local agencies pay');
    expect(remove.body).not.toContain('Why is the set of rates being removed?');
    const refused = await payments.post(`/payments/rates/${earlier.id}/remove`, { reason: 'A duplicate' });
    expect(refused.statusCode).toBe(400);
    expect(await db().select().from(paymentRates).where(eq(paymentRates.id, earlier.id))).toHaveLength(1);
  });

  it('removes a set recorded in error with why, the yearly review moving to the latest set left; never the only set', async () => {
    const kept = await makeRates(db(), '2060-04-01');
    const duplicate = await makeRates(db(), '2060-04-02');
    const payments = await signedIn(t.app, 'payments');
    const page = await payments.get(`/payments/rates/${duplicate.id}/remove`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Remove the rates from 2 April 2060');
    const empty = await payments.post(`/payments/rates/${duplicate.id}/remove`, { reason: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter why the set of rates is being removed');
    const removed = await payments.post(`/payments/rates/${duplicate.id}/remove`, {
      reason: 'The same rates recorded twice.',
    });
    expect(removed.statusCode).toBe(303);
    const home = await payments.get('/payments?done=rates-removed');
    expect(home.body).toContain('The set of rates has been removed');
    expect(home.body).not.toContain('2 April 2060');
    expect(await db().select().from(paymentRates).where(eq(paymentRates.id, duplicate.id))).toEqual([]);
    expect((await dueOf('payments.rates-review', kept.id))[0]?.dueOn).toBe('2061-04-01');
    expect(await dueOf('payments.rates-review', duplicate.id)).toEqual([]);
    const [entry] = await trailOf('payment-rates', duplicate.id).then((r) => r.filter((e) => e.action === 'delete'));
    expect(entry?.detail).toMatchObject({
      reason: 'The same rates recorded twice.',
      was: { effectiveFrom: '2060-04-02' },
    });

    // With every other set gone, the last cannot be removed (rolled back).
    let alone: string[] = [];
    await db()
      .transaction(async (tx) => {
        await tx.delete(paymentRates).where(ne(paymentRates.id, kept.id));
        alone = await removeRatesRefusals(tx, kept.id);
        tx.rollback();
      })
      .catch(() => undefined);
    expect(alone).toEqual([
      'These are the only rates recorded: change them instead, or add the right set before removing these',
    ]);
    expect((await db().select().from(paymentRates)).length).toBeGreaterThan(1);
  });

  it('is for those who record rates: others are refused and offered no links', async () => {
    const set = await makeRates(db(), '2070-04-01');
    for (const username of ['manager', 'ssw']) {
      const agent = await signedIn(t.app, username);
      expect((await agent.get('/payments')).body).not.toContain(`/payments/rates/${set.id}/change`);
      expect((await agent.get(`/payments/rates/${set.id}/change`)).statusCode).toBe(403);
      expect((await agent.post(`/payments/rates/${set.id}/change`, ratesPost('2070-05-01'))).statusCode).toBe(403);
      expect((await agent.get(`/payments/rates/${set.id}/remove`)).statusCode).toBe(403);
      expect((await agent.post(`/payments/rates/${set.id}/remove`, { reason: 'x' })).statusCode).toBe(403);
    }
    const head = await signedIn(t.app, 'head');
    expect((await head.get(`/payments/rates/${set.id}/change`)).statusCode).toBe(200);
  });
});

/** The enhancement form as posted, with why. */
const enhancementPost = (child: string, agreedOn: string, change: Record<string, string> = {}) => ({
  child,
  weeklyAmount: '120.00',
  levelOfNeed: 'high',
  ...dateBoxesOf('agreedOn', agreedOn),
  notes: '',
  reason: 'Typed wrongly.',
  ...change,
});

describe('putting a disability enhancement right', () => {
  it('changes it on its form, the review deadline following and the carer’s portal showing the new amount', async () => {
    const carer = await viewer(db(), 'carer');
    await db().update(households).set({ skillLevel: 1 }).where(eq(households.id, carer.householdId!));
    const { child, placement } = await placedChild(db(), {
      child: { firstName: 'Ari', lastName: 'Aaacorrect' },
      placement: { householdId: carer.householdId!, startDate: addDays(today, -200) },
    });
    const agreedOn = addDays(today, -90);
    const e = await makeEnhancement(db(), { placementId: placement.id, agreedOn });
    const payments = await signedIn(t.app, 'payments');
    const page = await payments.get(`/payments/enhancements/${e.id}`);
    expect(page.body).toContain(`/payments/enhancements/${e.id}/change`);

    const form = await payments.get(`/payments/enhancements/${e.id}/change`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`value="${child.reference}"`);
    expect(form.body).toContain('value="120.00"');
    expect(form.body).toMatch(/name="levelOfNeed" type="radio" value="high" checked/);
    const views = (await trailOf('payment-enhancement', e.id)).filter((v) => v.action === 'view');
    expect(views.some((v) => (v.detail as { page?: string } | null)?.page === 'change')).toBe(true);

    const future = await payments.post(
      `/payments/enhancements/${e.id}/change`,
      enhancementPost(child.reference, addDays(today, 1), { weeklyAmount: '135.00' }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Date of the funding panel decision must be today or in the past');
    expect(future.body).toContain('value="135.00"');

    const newDay = addDays(today, -80);
    const saved = await payments.post(
      `/payments/enhancements/${e.id}/change`,
      enhancementPost(child.reference, newDay, { weeklyAmount: '135.00', levelOfNeed: 'complex', notes: 'Corrected.' }),
    );
    expect(saved.statusCode).toBe(303);
    const shown = await payments.get(`/payments/enhancements/${e.id}?done=changed`);
    expect(shown.body).toContain('The enhancement has been changed');
    expect(shown.body).toContain('£135.00 a week');
    expect(shown.body).toContain('Complex');
    expect(shown.body).toContain(formatDate(newDay));
    expect(shown.body).toContain(formatDate(addMonths(newDay, 12)));
    expect((await dueOf('payments.enhancement-review', e.id))[0]?.dueOn).toBe(addMonths(newDay, 12));
    const [entry] = (await trailOf('payment-enhancement', e.id)).filter((v) => v.action === 'update');
    expect(entry?.detail).toMatchObject({
      reason: 'Typed wrongly.',
      was: { weeklyAmount: 12_000, levelOfNeed: 'high', agreedOn },
      now: { weeklyAmount: 13_500, levelOfNeed: 'complex', agreedOn: newDay },
    });

    const portal = await (await signedIn(t.app, 'carer')).get('/portal');
    const section = portal.body.slice(portal.body.indexOf('What you are paid'));
    const aris = section.slice(section.indexOf('Ari Aaacorrect'));
    const arisPay = aris.slice(0, aris.indexOf('</dl>'));
    expect(arisPay).toContain('Disability enhancement (complex level of need)');
    expect(arisPay).toContain('£135.00 a week');
  });

  it('keeps the day between the agreement it reviewed and its own review, the one it reviewed ending on the new day', async () => {
    const { child, placement } = await placedChild(db(), { child: { firstName: 'Bea', lastName: 'Aaareviewed' } });
    const first = await makeEnhancement(db(), {
      placementId: placement.id,
      agreedOn: addYears(today, -2),
      endedOn: addYears(today, -1),
    });
    const second = await makeEnhancement(db(), { placementId: placement.id, agreedOn: addYears(today, -1) });
    const payments = await signedIn(t.app, 'payments');

    const tooLate = await payments.post(
      `/payments/enhancements/${first.id}/change`,
      enhancementPost(child.reference, addDays(addYears(today, -1), 1)),
    );
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.body).toContain(
      `The date cannot be after ${formatDate(addYears(today, -1))}, when the funding panel reviewed it`,
    );
    const tooEarly = await payments.post(
      `/payments/enhancements/${second.id}/change`,
      enhancementPost(child.reference, addDays(addYears(today, -2), -1)),
    );
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.body).toContain(
      `The date cannot be before ${formatDate(addYears(today, -2))}, when the agreement this one reviewed was made`,
    );
    const other = await placedChild(db(), { child: { firstName: 'Cy', lastName: 'Aaaother' } });
    const moved = await payments.post(
      `/payments/enhancements/${second.id}/change`,
      enhancementPost(other.child.reference, addYears(today, -1)),
    );
    expect(moved.statusCode).toBe(400);
    expect(moved.body).toContain(
      `The child cannot be changed: it reviewed the one agreed on ${formatDate(addYears(today, -2))} for Bea Aaareviewed`,
    );

    const newDay = addMonths(today, -10);
    const saved = await payments.post(
      `/payments/enhancements/${second.id}/change`,
      enhancementPost(child.reference, newDay),
    );
    expect(saved.statusCode).toBe(303);
    const [old] = await db().select().from(paymentEnhancements).where(eq(paymentEnhancements.id, first.id));
    expect(old?.endedOn).toBe(newDay);
    expect((await dueOf('payments.enhancement-review', second.id))[0]?.dueOn).toBe(addMonths(newDay, 12));

    // Reviewed since, the first cannot be removed; the second can, and the first is current again.
    const refusedPage = await payments.get(`/payments/enhancements/${first.id}/remove`);
    expect(refusedPage.body).toContain('The enhancement cannot be removed');
    expect(refusedPage.body).toContain(
      `It was reviewed at the funding panel on ${formatDate(newDay)}: remove that review first, or change this one instead`,
    );
    const removePage = await payments.get(`/payments/enhancements/${second.id}/remove`);
    expect(removePage.body).toContain('Why is the disability enhancement being removed?');
    const removed = await payments.post(`/payments/enhancements/${second.id}/remove`, {
      reason: 'The review was recorded twice.',
    });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe('/payments/enhancements?done=removed');
    expect(await db().select().from(paymentEnhancements).where(eq(paymentEnhancements.id, second.id))).toEqual([]);
    const [current] = await db().select().from(paymentEnhancements).where(eq(paymentEnhancements.id, first.id));
    expect(current?.endedOn).toBeNull();
    expect((await dueOf('payments.enhancement-review', first.id))[0]?.dueOn).toBe(addMonths(addYears(today, -2), 12));
    expect(await dueOf('payments.enhancement-review', second.id)).toEqual([]);
    const [entry] = (await trailOf('payment-enhancement', second.id)).filter((v) => v.action === 'delete');
    expect(entry?.detail).toMatchObject({ reason: 'The review was recorded twice.', was: { child: child.reference } });
  });

  it('moves a lone agreement to the right child placed now, not to one who has an enhancement or is not placed', async () => {
    const wrong = await placedChild(db(), { child: { firstName: 'Dee', lastName: 'Aaawrong' } });
    const right = await placedChild(db(), { child: { firstName: 'Eve', lastName: 'Aaaright' } });
    const taken = await placedChild(db(), { child: { firstName: 'Fin', lastName: 'Aaataken' } });
    await makeEnhancement(db(), { placementId: taken.placement.id, agreedOn: addDays(today, -30) });
    const e = await makeEnhancement(db(), { placementId: wrong.placement.id, agreedOn: addDays(today, -20) });
    const payments = await signedIn(t.app, 'payments');
    const unknown = await payments.post(
      `/payments/enhancements/${e.id}/change`,
      enhancementPost('C-999999', addDays(today, -20)),
    );
    expect(unknown.body).toContain(
      'No child with the reference C-999999 is placed with one of the service’s households now',
    );
    const hasOne = await payments.post(
      `/payments/enhancements/${e.id}/change`,
      enhancementPost(taken.child.reference, addDays(today, -20)),
    );
    expect(hasOne.statusCode).toBe(400);
    expect(hasOne.body).toContain(
      `Fin Aaataken (${taken.child.reference}) already has an enhancement, agreed on ${formatDate(addDays(today, -30))}: record its review instead`,
    );
    const moved = await payments.post(
      `/payments/enhancements/${e.id}/change`,
      enhancementPost(right.child.reference, addDays(today, -20)),
    );
    expect(moved.statusCode).toBe(303);
    const page = await payments.get(`/payments/enhancements/${e.id}`);
    expect(page.body).toContain(`Eve Aaaright (${right.child.reference})`);
    const [item] = await dueOf('payments.enhancement-review', e.id);
    expect(item?.householdId).toBe(right.household.id);
  });

  it('is for those who record enhancements: others are refused', async () => {
    const { child, placement } = await placedChild(db(), { child: { firstName: 'Gus', lastName: 'Aaarefused' } });
    const e = await makeEnhancement(db(), { placementId: placement.id, agreedOn: addDays(today, -10) });
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/payments/enhancements/${e.id}`)).body).not.toContain(
      `/payments/enhancements/${e.id}/change`,
    );
    expect((await ssw.get(`/payments/enhancements/${e.id}/change`)).statusCode).toBe(403);
    const post = await ssw.post(`/payments/enhancements/${e.id}/change`, enhancementPost(child.reference, today));
    expect(post.statusCode).toBe(403);
    expect((await ssw.get(`/payments/enhancements/${e.id}/remove`)).statusCode).toBe(403);
    expect((await ssw.post(`/payments/enhancements/${e.id}/remove`, { reason: 'x' })).statusCode).toBe(403);
    const [row] = await db().select().from(paymentEnhancements).where(eq(paymentEnhancements.id, e.id));
    expect(row?.weeklyAmount).toBe(12_000);
    const head = await signedIn(t.app, 'head');
    expect((await head.get(`/payments/enhancements/${e.id}/remove`)).statusCode).toBe(200);
  });
});
