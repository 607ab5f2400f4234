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
  // The only free choices: a break for an approved household, and back while its approval stands.
  const allowed: [string, string][] = [
    ['approved', 'on_hold'],
    ['approved', 'inactive'],
    ['on_hold', 'approved'],
    ['inactive', 'approved'],
  ];

  for (const [from, to] of allowed) {
    it(`moves a household from ${from} to ${to}, dated, with a timeline entry`, async () => {
      const since = addDays(today, -30);
      const h = await makeHousehold(t.database.db, {
        status: from,
        statusSince: since,
        approvedPlaces: 2,
        approvedOn: addDays(today, -400),
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

  it('offers an approved household a break only: on hold or inactive, never deregistration', async () => {
    const h = await makeHousehold(t.database.db, { status: 'approved', statusSince: addDays(today, -10) });
    const page = await manager.get(`/households/${h.id}/status`);
    expect(page.body).toContain('value="on_hold"');
    expect(page.body).toContain('value="inactive"');
    expect(page.body).not.toContain('value="deregistered"');
    expect(page.body).toContain('only by the agency decision maker’s decision');
  });

  it('offers no status change on the road in: the recruitment records move it', async () => {
    for (const status of ['enquiry', 'applicant', 'in_assessment']) {
      const h = await makeHousehold(t.database.db, { status, statusSince: addDays(today, -10) });
      const page = await manager.get(`/households/${h.id}/status`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('name="toStatus"');
      expect(page.body).toContain('moves on through its recruitment records');
      expect((await manager.get(`/households/${h.id}`)).body).not.toContain('Change status');
    }
  });

  it('keeps the approval date when a household comes back from on hold', async () => {
    const approvedOn = addDays(today, -400);
    const h = await makeHousehold(t.database.db, {
      status: 'on_hold',
      statusSince: addDays(today, -20),
      approvedPlaces: 2,
      approvedOn,
    });
    await manager.post(`/households/${h.id}/status`, statusForm('approved', addDays(today, -5)));
    const after = await household(h.id);
    expect(after.status).toBe('approved');
    expect(after.approvedOn).toBe(approvedOn);
    expect(after.statusSince).toBe(addDays(today, -5));
  });

  it('writes the change to the audit trail as a status change, naming the statuses only', async () => {
    const h = await makeHousehold(t.database.db, { status: 'approved', statusSince: addDays(today, -10) });
    await manager.post(`/households/${h.id}/status`, statusForm('on_hold', today, 'Bereavement in the family'));
    const [entry] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, h.id), eq(auditEvents.action, 'status-change')));
    expect(entry).toMatchObject({
      recordType: 'household',
      username: 'manager',
      detail: { from: 'approved', to: 'on_hold' },
    });
    expect(JSON.stringify(entry?.detail)).not.toContain('Bereavement');
  });

  it('accepts a change dated today and one dated the same day as the current status', async () => {
    const h = await makeHousehold(t.database.db, { status: 'approved', statusSince: today });
    const response = await manager.post(`/households/${h.id}/status`, statusForm('inactive', today));
    expect(response.statusCode).toBe(303);
    expect((await household(h.id)).status).toBe('inactive');
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

  // The safeguarding hole of issue 11: approving, refusing or deregistering by a free choice.
  it.each([
    ['in_assessment', 'approved', 'A household is approved only by the agency decision maker’s decision'],
    ['in_assessment', 'refused', 'An application is refused only by the agency decision maker’s decision'],
    ['approved', 'deregistered', 'A household is deregistered only by the agency decision maker’s decision'],
    ['on_hold', 'deregistered', 'A household is deregistered only by the agency decision maker’s decision'],
    ['enquiry', 'applicant', 'Record the application, the start of the assessment or the withdrawal'],
    ['applicant', 'withdrawn', 'Record the application, the start of the assessment or the withdrawal'],
  ])('refuses %s to %s without a record that makes it, even as the head of fostering', async (from, to, words) => {
    const h = await makeHousehold(t.database.db, {
      status: from,
      statusSince: addDays(today, -60),
      approvedPlaces: 2,
    });
    const head = await signedIn(t.app, 'head');
    const response = await head.post(`/households/${h.id}/status`, statusForm(to, today, 'A reason'));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(words);
    const after = await household(h.id);
    expect(after.status).toBe(from);
    expect(await events(h.id)).toHaveLength(1);
  });

  it('refuses to bring back to approved a household on hold that was never approved by a decision', async () => {
    const h = await makeHousehold(t.database.db, {
      status: 'on_hold',
      statusSince: addDays(today, -10),
      approvedPlaces: 2,
      approvedOn: null,
    });
    const response = await manager.post(`/households/${h.id}/status`, statusForm('approved', today));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('A household is approved only by the agency decision maker’s decision');
    expect((await household(h.id)).status).toBe('on_hold');
  });

  it('refuses a date in the future', async () => {
    const h = await makeHousehold(t.database.db, { status: 'approved', statusSince: addDays(today, -10) });
    const response = await manager.post(`/households/${h.id}/status`, statusForm('inactive', addDays(today, 1)));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The date of the change must be today or in the past');
    expect(response.body).toContain('href="#onDate-day"');
    expect((await household(h.id)).status).toBe('approved');
  });

  it('refuses a date before the current status began', async () => {
    const since = addDays(today, -10);
    const h = await makeHousehold(t.database.db, { status: 'approved', statusSince: since });
    const response = await manager.post(`/households/${h.id}/status`, statusForm('inactive', addDays(since, -1)));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The date of the change must be on or after');
    expect((await household(h.id)).status).toBe('approved');
  });

  it('refuses an impossible date and keeps what was typed', async () => {
    const h = await makeHousehold(t.database.db, { status: 'approved', statusSince: addDays(today, -10) });
    const response = await manager.post(`/households/${h.id}/status`, {
      toStatus: 'inactive',
      'onDate-day': '31',
      'onDate-month': '2',
      'onDate-year': '2026',
      reason: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The date of the change must be a real date');
    expect(response.body).toContain('value="31"');
  });

  it('needs a reason to put a household on hold', async () => {
    const h = await makeHousehold(t.database.db, { status: 'approved', statusSince: addDays(today, -10) });
    const response = await manager.post(`/households/${h.id}/status`, statusForm('on_hold', today, '   '));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter the reason for the change to on hold');
    expect((await household(h.id)).status).toBe('approved');
  });

  it('does not need a reason to make a household inactive', async () => {
    const h = await makeHousehold(t.database.db, { status: 'approved', statusSince: addDays(today, -10) });
    const response = await manager.post(`/households/${h.id}/status`, statusForm('inactive', today));
    expect(response.statusCode).toBe(303);
    expect((await events(h.id)).at(-1)?.reason).toBeNull();
  });
});

describe('approval terms of an approved household', () => {
  const terms = { approvedPlaces: '3', ageMin: '0', ageMax: '17', genderPreference: 'any', skillLevel: '3' };

  it('are not changed on the terms page: only an agency decision changes them', async () => {
    const h = await makeHousehold(t.database.db, { status: 'approved', approvedPlaces: 2, skillLevel: 1 });
    const page = await manager.get(`/households/${h.id}/terms`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('name="approvedPlaces"');
    expect(page.body).toContain('change only by the agency decision maker’s decision');
    const response = await manager.post(`/households/${h.id}/terms`, terms);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('put a change of terms on a panel agenda');
    expect(await household(h.id)).toMatchObject({ approvedPlaces: 2, skillLevel: 1 });
    expect((await manager.get(`/households/${h.id}`)).body).not.toContain(`/households/${h.id}/terms"`);
  });

  it('are proposed on the terms page while the household is in assessment', async () => {
    const h = await makeHousehold(t.database.db, { status: 'in_assessment', approvedPlaces: 0 });
    expect((await manager.get(`/households/${h.id}`)).body).toContain(`/households/${h.id}/terms"`);
    const response = await manager.post(`/households/${h.id}/terms`, terms);
    expect(response.statusCode).toBe(303);
    expect(await household(h.id)).toMatchObject({ approvedPlaces: 3, skillLevel: 3, status: 'in_assessment' });
  });
});
