/**
 * Disability enhancements as the payments officer records them: a child with a disability and no
 * enhancement found on the list, the funding panel's agreement recorded (bad input refused with
 * messages and nothing lost), reviewed a year on (the old agreement ended, the deadline moved), an
 * overdue review in red; the team manager reads only; others are refused; every view audited.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addMonths, todayInLondon } from '../../platform/dates/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { formatDate } from '../../platform/views/format.ts';
import { paymentEnhancements } from './tables.ts';
import { dateBoxesOf, makeEnhancement, placedChild } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
const reviewItems = (recordId: string) =>
  t.database.db
    .select()
    .from(dueItems)
    .where(and(eq(dueItems.recordId, recordId), eq(dueItems.ruleId, 'payments.enhancement-review')));

describe('recording a disability enhancement and its review', () => {
  it('finds the child on the list, refuses bad input, records the agreement and replaces it at review', async () => {
    const db = t.database.db;
    const { child } = await placedChild(db, { child: { firstName: 'Alex', lastName: 'Aaaenhance' } });
    const payments = await signedIn(t.app, 'payments');

    const without = await payments.get('/payments/enhancements?view=without');
    expect(without.statusCode).toBe(200);
    expect(without.body).toContain(`Alex Aaaenhance (${child.reference})`);
    expect(without.body).toContain(`/payments/enhancements/new?child=${child.reference}`);

    const form = await payments.get(`/payments/enhancements/new?child=${child.reference}`);
    expect(form.body).toContain(`value="${child.reference}"`);

    const empty = await payments.post('/payments/enhancements/new', { child: '', weeklyAmount: '' });
    expect(empty.statusCode).toBe(400);
    for (const message of [
      'Enter the child’s reference, like C-000123',
      'Enter the weekly enhancement',
      'Select the child’s assessed level of need',
      'Enter the date of the funding panel decision',
    ]) {
      expect(empty.body).toContain(message);
    }
    const agreedOn = addMonths(today, -2);
    const unknown = await payments.post('/payments/enhancements/new', {
      child: 'C-999999',
      weeklyAmount: '£120',
      levelOfNeed: 'high',
      ...dateBoxesOf('agreedOn', agreedOn),
      notes: 'Agreed at the funding panel.',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain(
      'No child with the reference C-999999 is placed with one of the service’s households now',
    );
    expect(unknown.body).toContain('Agreed at the funding panel.');
    expect(unknown.body).toMatch(/name="levelOfNeed" type="radio" value="high" checked/);

    const saved = await payments.post('/payments/enhancements/new', {
      child: child.reference.toLowerCase(),
      weeklyAmount: '£120',
      levelOfNeed: 'high',
      ...dateBoxesOf('agreedOn', agreedOn),
      notes: 'Agreed at the funding panel.',
    });
    expect(saved.statusCode).toBe(303);
    const firstId = /\/payments\/enhancements\/([0-9a-f-]{36})/.exec(saved.headers.location as string)![1]!;
    const page = await payments.get(`/payments/enhancements/${firstId}?done=recorded`);
    expect(page.body).toContain('The enhancement has been recorded');
    expect(page.body).toContain('£120.00 a week');
    expect(page.body).toContain('High');
    expect(page.body).toContain(formatDate(addMonths(agreedOn, 12)));
    const [first] = await reviewItems(firstId);
    expect(first?.dueOn).toBe(addMonths(agreedOn, 12));

    // A review dated before the agreement it replaces is refused.
    const early = await payments.post('/payments/enhancements/new', {
      child: child.reference,
      weeklyAmount: '150',
      levelOfNeed: 'complex',
      ...dateBoxesOf('agreedOn', addMonths(agreedOn, -1)),
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain(
      `Date of the funding panel decision must be on or after the last agreement, ${formatDate(agreedOn)}`,
    );

    const reviewed = await payments.post('/payments/enhancements/new', {
      child: child.reference,
      weeklyAmount: '150',
      levelOfNeed: 'complex',
      ...dateBoxesOf('agreedOn', today),
    });
    expect(reviewed.statusCode).toBe(303);
    const secondId = /\/payments\/enhancements\/([0-9a-f-]{36})/.exec(reviewed.headers.location as string)![1]!;
    const [old] = await db.select().from(paymentEnhancements).where(eq(paymentEnhancements.id, firstId));
    expect(old?.endedOn).toBe(today);
    expect(await reviewItems(firstId)).toEqual([]);
    expect((await reviewItems(secondId))[0]?.dueOn).toBe(addMonths(today, 12));
    const history = await payments.get(`/payments/enhancements/${secondId}`);
    expect(history.body).toContain('Every agreement for this placement');
    expect(history.body).toContain('£150.00 a week');
    expect(history.body).toContain('Complex');

    const trail = await db.select().from(auditEvents).where(eq(auditEvents.recordType, 'payment-enhancement'));
    expect(trail.filter((e) => e.recordId === firstId).map((e) => e.action)).toEqual(
      expect.arrayContaining(['create', 'view', 'update']),
    );
    expect(trail.filter((e) => e.recordId === secondId).map((e) => e.action)).toEqual(['create', 'view']);
  });

  it('shows an overdue review in red, sorted in the list, to the team manager who may read but not record', async () => {
    const db = t.database.db;
    const { placement } = await placedChild(db, { child: { firstName: 'Bo', lastName: 'Aaaoverdue' } });
    const overdue = await makeEnhancement(db, { placementId: placement.id, agreedOn: addMonths(today, -13) });
    const manager = await signedIn(t.app, 'manager');
    const list = await manager.get('/payments/enhancements?sort=child&dir=asc');
    expect(list.statusCode).toBe(200);
    const row = list.body.slice(list.body.indexOf('Bo Aaaoverdue'));
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('Review overdue');
    expect(list.body).not.toContain('Record an enhancement');
    expect(list.body).not.toContain('Record the review');
    const record = await manager.get(`/payments/enhancements/${overdue.id}`);
    expect(record.statusCode).toBe(200);
    expect(record.body).toContain('govuk-tag--red');
    expect((await manager.get('/payments/enhancements/new')).statusCode).toBe(403);

    const head = await signedIn(t.app, 'head');
    expect((await head.get('/payments/enhancements/new')).statusCode).toBe(200);
    // The household's supervising social worker reads it, to explain it to the carers; one in
    // another team does not find it, and neither may record one.
    const ssw = await signedIn(t.app, 'ssw');
    const read = await ssw.get(`/payments/enhancements/${overdue.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain('Record the review');
    expect((await ssw.get('/payments/enhancements/new')).statusCode).toBe(403);
    const otherTeam = await signedIn(t.app, 'ssw2');
    expect((await otherTeam.get(`/payments/enhancements/${overdue.id}`)).statusCode).toBe(404);
    expect((await otherTeam.get('/payments/enhancements')).body).not.toContain('Bo Aaaoverdue');
  });
});
