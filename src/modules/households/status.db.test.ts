import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { householdStatusEvents, households } from './tables.ts';

let t: TestApp;
let manager: Agent;
beforeAll(async () => {
  t = await createTestApp();
  manager = await signedIn(t.app, 'manager');
});
afterAll(async () => {
  await t.close();
});

const today = todayInLondon();

/** The change-status form as a browser sends it. */
function statusForm(toStatus: string, onDate: string, reason = '') {
  const [year, month, day] = onDate.split('-');
  return { toStatus, 'onDate-day': day!, 'onDate-month': month!, 'onDate-year': year!, reason };
}

async function household(id: string) {
  const [row] = await t.database.db.select().from(households).where(eq(households.id, id));
  return row!;
}

async function events(id: string) {
  return t.database.db
    .select()
    .from(householdStatusEvents)
    .where(eq(householdStatusEvents.householdId, id))
    .orderBy(householdStatusEvents.createdAt);
}

describe('allowed status changes', () => {
  const allowed: [string, string][] = [
    ['enquiry', 'applicant'],
    ['enquiry', 'withdrawn'],
    ['applicant', 'in_assessment'],
    ['applicant', 'withdrawn'],
    ['applicant', 'refused'],
    ['in_assessment', 'withdrawn'],
    ['in_assessment', 'refused'],
    ['approved', 'on_hold'],
    ['approved', 'inactive'],
    ['approved', 'deregistered'],
    ['on_hold', 'approved'],
    ['on_hold', 'deregistered'],
    ['inactive', 'approved'],
    ['inactive', 'deregistered'],
  ];

  for (const [from, to] of allowed) {
    it(`moves a household from ${from} to ${to}, dated, with a timeline entry`, async () => {
      const since = addDays(today, -30);
      const h = await makeHousehold(t.database.db, {
        status: from,
        statusSince: since,
        approvedPlaces: 2,
        approvedOn: ['on_hold', 'inactive'].includes(from) ? addDays(since, -300) : undefined,
      });
      const onDate = addDays(today, -3);
      const page = await manager.get(`/households/${h.id}/status`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`value="${to}"`);
      const response = await manager.post(
        `/households/${h.id}/status`,
        statusForm(to, onDate, 'Family circumstances changed'),
      );
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/households/${h.id}?done=status`);
      const after = await household(h.id);
      expect(after.status).toBe(to);
      expect(after.statusSince).toBe(onDate);
      const history = await events(h.id);
      expect(history.at(-1)).toMatchObject({
        fromStatus: from,
        toStatus: to,
        onDate,
        reason: 'Family circumstances changed',
      });
      const shown = await manager.get(`/households/${h.id}`);
      expect(shown.body).toContain('moj-timeline');
      expect(shown.body).toContain('Family circumstances changed');
    });
  }

  it('offers only the allowed moves: from applicant, in assessment, withdrawn and refused but not approved', async () => {
    const h = await makeHousehold(t.database.db, { status: 'applicant', statusSince: addDays(today, -10) });
    const page = await manager.get(`/households/${h.id}/status`);
    expect(page.body).toContain('value="in_assessment"');
    expect(page.body).toContain('value="withdrawn"');
    expect(page.body).toContain('value="refused"');
    expect(page.body).not.toContain('value="approved"');
    expect(page.body).not.toContain('value="on_hold"');
  });

  it('refuses approval without an agency decision, and offers no approval from assessment', async () => {
    const h = await makeHousehold(t.database.db, {
      status: 'in_assessment',
      statusSince: addDays(today, -60),
      approvedOn: null,
      approvedPlaces: 2,
    });
    const page = await manager.get(`/households/${h.id}/status`);
    expect(page.body).not.toContain('value="approved"');
    const response = await manager.post(`/households/${h.id}/status`, statusForm('approved', addDays(today, -1)));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('A household is approved only by the agency decision maker’s decision');
    const after = await household(h.id);
    expect(after.status).toBe('in_assessment');
    expect(after.approvedOn).toBeNull();
  });

  it('keeps the approval date when a household comes back from on hold', async () => {
    const approvedOn = addDays(today, -400);
    const h = await makeHousehold(t.database.db, { status: 'approved', statusSince: approvedOn, approvedOn });
    await manager.post(`/households/${h.id}/status`, statusForm('on_hold', addDays(today, -20), 'Carer unwell'));
    await manager.post(`/households/${h.id}/status`, statusForm('approved', addDays(today, -5)));
    const after = await household(h.id);
    expect(after.status).toBe('approved');
    expect(after.approvedOn).toBe(approvedOn);
    expect(after.statusSince).toBe(addDays(today, -5));
  });

  it('writes the change to the audit trail as a status change, naming the statuses only', async () => {
    const h = await makeHousehold(t.database.db, { status: 'applicant', statusSince: addDays(today, -10) });
    await manager.post(`/households/${h.id}/status`, statusForm('refused', today, 'Unsuitable accommodation'));
    const [entry] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, h.id), eq(auditEvents.action, 'status-change')));
    expect(entry).toMatchObject({
      recordType: 'household',
      username: 'manager',
      detail: { from: 'applicant', to: 'refused' },
    });
    expect(JSON.stringify(entry?.detail)).not.toContain('Unsuitable');
  });

  it('accepts a change dated today and one dated the same day as the current status', async () => {
    const h = await makeHousehold(t.database.db, { status: 'enquiry', statusSince: today });
    const response = await manager.post(`/households/${h.id}/status`, statusForm('applicant', today));
    expect(response.statusCode).toBe(303);
    expect((await household(h.id)).status).toBe('applicant');
  });
});

describe('refused status changes', () => {
  it.each(['deregistered', 'withdrawn', 'refused'])('offers no way out of %s', async (status) => {
    const h = await makeHousehold(t.database.db, { status, statusSince: addDays(today, -10) });
    const page = await manager.get(`/households/${h.id}/status`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('record a new enquiry');
    expect(page.body).not.toContain('name="toStatus"');
    const response = await manager.post(`/households/${h.id}/status`, statusForm('approved', today));
    expect(response.statusCode).toBe(400);
    expect((await household(h.id)).status).toBe(status);
  });

  it('refuses a move that is not allowed (enquiry straight to approved), with a message', async () => {
    const h = await makeHousehold(t.database.db, {
      status: 'enquiry',
      statusSince: addDays(today, -10),
      approvedPlaces: 2,
    });
    const response = await manager.post(`/households/${h.id}/status`, statusForm('approved', today));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('A household is approved only by the agency decision maker’s decision');
    expect((await household(h.id)).status).toBe('enquiry');
    expect(await events(h.id)).toHaveLength(1);
  });

  it('refuses a date in the future', async () => {
    const h = await makeHousehold(t.database.db, { status: 'enquiry', statusSince: addDays(today, -10) });
    const response = await manager.post(`/households/${h.id}/status`, statusForm('applicant', addDays(today, 1)));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The date of the change must be today or in the past');
    expect(response.body).toContain('href="#onDate-day"');
    expect((await household(h.id)).status).toBe('enquiry');
  });

  it('refuses a date before the current status began', async () => {
    const since = addDays(today, -10);
    const h = await makeHousehold(t.database.db, { status: 'enquiry', statusSince: since });
    const response = await manager.post(`/households/${h.id}/status`, statusForm('applicant', addDays(since, -1)));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The date of the change must be on or after');
    expect((await household(h.id)).status).toBe('enquiry');
  });

  it('refuses an impossible date and keeps what was typed', async () => {
    const h = await makeHousehold(t.database.db, { status: 'enquiry', statusSince: addDays(today, -10) });
    const response = await manager.post(`/households/${h.id}/status`, {
      toStatus: 'applicant',
      'onDate-day': '31',
      'onDate-month': '2',
      'onDate-year': '2026',
      reason: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Date of the change must be a real date');
    expect(response.body).toContain('value="31"');
  });

  it.each([
    ['approved', 'on_hold', 'on hold'],
    ['approved', 'deregistered', 'deregistered'],
    ['applicant', 'refused', 'refused'],
    ['enquiry', 'withdrawn', 'withdrawn'],
  ])('needs a reason to move from %s to %s', async (from, to, words) => {
    const h = await makeHousehold(t.database.db, { status: from, statusSince: addDays(today, -10) });
    const response = await manager.post(`/households/${h.id}/status`, statusForm(to, today, '   '));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(`Enter the reason for the change to ${words}`);
    expect((await household(h.id)).status).toBe(from);
  });

  it('does not need a reason to move an applicant into assessment', async () => {
    const h = await makeHousehold(t.database.db, { status: 'applicant', statusSince: addDays(today, -10) });
    const response = await manager.post(`/households/${h.id}/status`, statusForm('in_assessment', today));
    expect(response.statusCode).toBe(303);
    expect((await events(h.id)).at(-1)?.reason).toBeNull();
  });
});
