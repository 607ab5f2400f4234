import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile, type Agent } from '../../../test/support/app.ts';
import { makeCarer, makeCheck, makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { addDays, addYears, todayInLondon } from '../../platform/dates/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { formatDate } from '../../platform/views/format.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { writeStatus, type StatusOrigin } from './service.ts';
import type { HouseholdStatus } from './labels.ts';
import { householdStatusEvents, households } from './tables.ts';

const t = testAppForFile();
let manager: Agent;
beforeAll(async () => {
  manager = await signedIn(t.app, 'manager');
});

const today = todayInLondon();

function statusForm(toStatus: string, onDate: string, reason = '') {
  const [year, month, day] = onDate.split('-');
  return { toStatus, 'onDate-day': day!, 'onDate-month': month!, 'onDate-year': year!, reason };
}

function dateForm(onDate: string, reason: string) {
  const [year, month, day] = onDate.split('-');
  return { 'onDate-day': String(Number(day)), 'onDate-month': String(Number(month)), 'onDate-year': year!, reason };
}

async function household(id: string) {
  const [row] = await t.database.db.select().from(households).where(eq(households.id, id));
  return row!;
}

async function latestEvent(id: string) {
  const [row] = await t.database.db
    .select()
    .from(householdStatusEvents)
    .where(eq(householdStatusEvents.householdId, id))
    .orderBy(sql`${householdStatusEvents.onDate} desc, ${householdStatusEvents.createdAt} desc`)
    .limit(1);
  return row!;
}

async function dueCount(id: string) {
  const rows = await t.database.db.select().from(dueItems).where(eq(dueItems.householdId, id));
  return rows.length;
}

async function currentPeriod(id: string) {
  const [row] = await queryRows<{ status: string; from_on: string }>(
    t.database.db,
    sql`select status, from_on::text from household_status_periods where household_id = ${id} and to_on is null`,
  );
  return row;
}

async function auditOf(id: string, action: string) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.recordId, id), eq(auditEvents.action, action)));
}

/** An approved household with a carer whose DBS check is due for renewal: a deadline while approved. */
async function approvedWithDeadline() {
  const approvedOn = addYears(today, -1);
  const h = await makeHousehold(t.database.db, { status: 'approved', statusSince: approvedOn, approvedOn });
  const carer = await makeCarer(t.database.db, h.id);
  await makeCheck(t.database.db, h.id, { carerId: carer.id, kind: 'dbs', expiresOn: addDays(today, 60) });
  return { h, approvedOn };
}

/** A status change written as another module would, from its own page (an agency decision, a recruitment step). */
async function writtenElsewhere(householdId: string, toStatus: HouseholdStatus, onDate: string, from: StatusOrigin) {
  const before = await household(householdId);
  const userId = await userIdByUsername(t.database.db, 'manager');
  const who = {
    user: { id: userId } as SignedInUser,
    actor: { userId, username: 'manager', route: 'POST /elsewhere', requestId: null },
  };
  await t.database.db.transaction((tx) => writeStatus(tx, who, before, { toStatus, onDate, reason: 'Decided' }, from));
}

describe('undoing the latest status change', () => {
  it('puts a deregistered household back to approved, its deadlines and status periods with it, and audits why', async () => {
    const { h, approvedOn } = await approvedWithDeadline();
    expect(await dueCount(h.id)).toBeGreaterThan(0);
    const deadlines = await dueCount(h.id);
    await manager.post(`/households/${h.id}/status`, statusForm('deregistered', addDays(today, -2), 'Carers retired'));
    expect((await household(h.id)).status).toBe('deregistered');
    expect(await dueCount(h.id)).toBeLessThan(deadlines);
    const event = await latestEvent(h.id);

    const shown = await manager.get(`/households/${h.id}`);
    expect(shown.body).toContain(`href="/households/${h.id}/status/${event.id}/undo"`);
    expect(shown.body).toContain(`href="/households/${h.id}/status/${event.id}/date"`);

    const page = await manager.get(`/households/${h.id}/status/${event.id}/undo`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Undo the change to deregistered');
    expect(page.body).toContain(formatDate(addDays(today, -2)));
    expect(page.body).toContain('Maya Mensah');
    expect(page.body).toContain(`goes back to approved, since ${formatDate(approvedOn)}`);

    const done = await manager.post(`/households/${h.id}/status/${event.id}/undo`, {
      reason: 'Recorded for the wrong household',
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/households/${h.id}?done=status-undone`);
    const after = await household(h.id);
    expect(after.status).toBe('approved');
    expect(after.statusSince).toBe(approvedOn);
    expect(after.approvedOn).toBe(approvedOn);
    expect(await dueCount(h.id)).toBe(deadlines);
    expect(await currentPeriod(h.id)).toEqual({ status: 'approved', from_on: approvedOn });

    const back = await manager.get(`/households/${h.id}?done=status-undone`);
    expect(back.body).toContain('The status change has been undone');
    expect(back.body).toContain(formatDate(approvedOn));
    expect(back.body).not.toContain('Carers retired');

    const [entry] = await auditOf(h.id, 'delete');
    expect(entry?.detail).toMatchObject({
      part: 'status-event',
      from: 'approved',
      to: 'deregistered',
      reason: 'Recorded for the wrong household',
    });
    const trail = await manager.get(`/records/household/${h.id}/audit`);
    expect(trail.statusCode).toBe(200);
    expect(trail.body).toContain('Removed a status change on the household');
  });

  it('undoes an on-hold and offers the links only on the latest hand-recorded change', async () => {
    const { h } = await approvedWithDeadline();
    await manager.post(`/households/${h.id}/status`, statusForm('on_hold', addDays(today, -20), 'Carer unwell'));
    const first = await latestEvent(h.id);
    await manager.post(`/households/${h.id}/status`, statusForm('approved', addDays(today, -5)));
    const second = await latestEvent(h.id);
    const shown = await manager.get(`/households/${h.id}`);
    expect(shown.body).toContain(`/status/${second.id}/undo`);
    expect(shown.body).not.toContain(`/status/${first.id}/undo`);

    // Not the latest: refused, nothing changes.
    const earlier = await manager.post(`/households/${h.id}/status/${first.id}/undo`, { reason: 'Wrong' });
    expect(earlier.statusCode).toBe(409);
    expect(earlier.body).toContain('Only the household’s latest status change');
    expect((await household(h.id)).status).toBe('approved');

    await manager.post(`/households/${h.id}/status/${second.id}/undo`, { reason: 'Still unwell' });
    expect(await household(h.id)).toMatchObject({ status: 'on_hold', statusSince: addDays(today, -20) });
  });

  it('keeps what was typed when the reason is missing', async () => {
    const h = await makeHousehold(t.database.db, { status: 'enquiry', statusSince: addDays(today, -10) });
    await manager.post(`/households/${h.id}/status`, statusForm('withdrawn', addDays(today, -1), 'Moved away'));
    const event = await latestEvent(h.id);
    const response = await manager.post(`/households/${h.id}/status/${event.id}/undo`, { reason: '   ' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter why the status change is being undone');
    expect((await household(h.id)).status).toBe('withdrawn');
  });

  it('refuses a change made by an agency decision or a recruitment step, and shows them no links', async () => {
    for (const from of [{ origin: 'agency-decision', decisionId: randomUUID() }, { origin: 'module-step' }] as const) {
      const { h } = await approvedWithDeadline();
      await writtenElsewhere(h.id, 'deregistered', addDays(today, -1), from);
      const event = await latestEvent(h.id);
      const shown = await manager.get(`/households/${h.id}`);
      expect(shown.body).not.toContain(`/status/${event.id}/undo`);
      // The status history says where the change was recorded.
      expect(shown.body).toContain(
        from.origin === 'agency-decision'
          ? 'By the agency decision maker’s decision. Decided'
          : 'Recorded as a step of the household’s recruitment. Decided',
      );
      const page = await manager.get(`/households/${h.id}/status/${event.id}/undo`);
      expect(page.statusCode).toBe(409);
      expect(page.body).toContain('agency decision or a recruitment step');
      const post = await manager.post(`/households/${h.id}/status/${event.id}/undo`, { reason: 'Wrong' });
      expect(post.statusCode).toBe(409);
      const redate = await manager.post(
        `/households/${h.id}/status/${event.id}/date`,
        dateForm(addDays(today, -3), 'Typed wrongly'),
      );
      expect(redate.statusCode).toBe(409);
      expect((await household(h.id)).status).toBe('deregistered');
    }
  });

  it('undoes a change recorded on the status form before its origin was kept, as migration 0066 read it from the audit trail', async () => {
    const { h, approvedOn } = await approvedWithDeadline();
    const decided = await approvedWithDeadline();
    const onDate = addDays(today, -4);
    const userId = await userIdByUsername(t.database.db, 'manager');
    const decisionId = randomUUID();
    await t.database.db.transaction(async (tx) => {
      // As written before 0066: no origin; the page's entry names no event (older still), the
      // decision's names its event and itself.
      await tx.update(households).set({ status: 'inactive', statusSince: onDate }).where(eq(households.id, h.id));
      await tx
        .insert(householdStatusEvents)
        .values({ householdId: h.id, fromStatus: 'approved', toStatus: 'inactive', onDate, byUserId: userId });
      const actor = { userId, username: 'manager', route: 'POST /households/:id/status', requestId: null };
      await recordAudit(tx, actor, {
        action: 'status-change',
        recordType: 'household',
        recordId: h.id,
        detail: { from: 'approved', to: 'inactive' },
      });
      const [event] = await tx
        .insert(householdStatusEvents)
        .values({
          householdId: decided.h.id,
          fromStatus: 'approved',
          toStatus: 'deregistered',
          onDate,
          byUserId: userId,
        })
        .returning({ id: householdStatusEvents.id });
      await recordAudit(
        tx,
        { ...actor, route: 'POST /panel/items/:id/decision' },
        {
          action: 'status-change',
          recordType: 'household',
          recordId: decided.h.id,
          detail: {
            from: 'approved',
            to: 'deregistered',
            eventId: event!.id,
            by: 'agency-decision',
            recordId: decisionId,
          },
        },
      );
    });
    expect((await manager.get(`/households/${h.id}`)).body).not.toContain('/undo"');
    const backfill = readFileSync('migrations/0066_household_status_event_origin.sql', 'utf8')
      .split('--> statement-breakpoint')
      .filter((statement) => statement.includes('UPDATE'));
    for (const statement of backfill) await t.database.db.execute(sql.raw(statement));

    const event = await latestEvent(h.id);
    expect((await manager.get(`/households/${h.id}`)).body).toContain(`/status/${event.id}/undo"`);
    const done = await manager.post(`/households/${h.id}/status/${event.id}/undo`, { reason: 'Not inactive' });
    expect(done.statusCode).toBe(303);
    expect(await household(h.id)).toMatchObject({ status: 'approved', statusSince: approvedOn });
    const decidedEvent = await latestEvent(decided.h.id);
    expect(decidedEvent).toMatchObject({ origin: 'agency-decision', originId: decisionId });
    expect(
      (await manager.post(`/households/${decided.h.id}/status/${decidedEvent.id}/undo`, { reason: 'x' })).statusCode,
    ).toBe(409);
  });
});

describe('changing the date of the latest status change', () => {
  it('moves the status date, the status periods with it, and audits the old date and why', async () => {
    const { h, approvedOn } = await approvedWithDeadline();
    await manager.post(`/households/${h.id}/status`, statusForm('on_hold', addDays(today, -3), 'Carer unwell'));
    const event = await latestEvent(h.id);
    const page = await manager.get(`/households/${h.id}/status/${event.id}/date`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Change the date of the change to on hold');
    expect(page.body).toContain(`no earlier than ${formatDate(approvedOn)}`);

    const newDate = addDays(today, -30);
    const done = await manager.post(
      `/households/${h.id}/status/${event.id}/date`,
      dateForm(newDate, 'Day typed wrongly'),
    );
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/households/${h.id}?done=status-redated`);
    expect(await household(h.id)).toMatchObject({ status: 'on_hold', statusSince: newDate });
    expect((await latestEvent(h.id)).onDate).toBe(newDate);
    expect(await currentPeriod(h.id)).toEqual({ status: 'on_hold', from_on: newDate });
    const shown = await manager.get(`/households/${h.id}?done=status-redated`);
    expect(shown.body).toContain('The date of the status change has been changed');
    expect(shown.body).toContain(formatDate(newDate));
    const [entry] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, h.id), sql`${auditEvents.detail}->>'part' = 'status-date'`));
    expect(entry?.detail).toMatchObject({ wasOn: addDays(today, -3), nowOn: newDate, reason: 'Day typed wrongly' });
  });

  it('refuses a date before the change before it, or in the future, keeping what was typed', async () => {
    const since = addDays(today, -10);
    const h = await makeHousehold(t.database.db, { status: 'applicant', statusSince: since });
    await manager.post(`/households/${h.id}/status`, statusForm('in_assessment', addDays(today, -2)));
    const event = await latestEvent(h.id);
    const early = await manager.post(
      `/households/${h.id}/status/${event.id}/date`,
      dateForm(addDays(since, -1), 'Typed wrongly'),
    );
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain(`must be on or after ${formatDate(since)}, when the household became applicant`);
    expect(early.body).toContain('href="#onDate-day"');
    expect(early.body).toContain('Typed wrongly');
    const future = await manager.post(
      `/households/${h.id}/status/${event.id}/date`,
      dateForm(addDays(today, 1), 'Typed wrongly'),
    );
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('must be today or in the past');
    const noReason = await manager.post(`/households/${h.id}/status/${event.id}/date`, dateForm(since, ''));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the date is being changed');
    expect(noReason.body).toContain(`value="${Number(since.slice(8))}"`);
    expect((await household(h.id)).statusSince).toBe(addDays(today, -2));
  });
});

describe('who may put a status change right', () => {
  it('refuses a role that may not change households, a worker not allocated, and hides it from another team', async () => {
    const h = await makeHousehold(t.database.db, { status: 'approved', statusSince: addYears(today, -1) });
    await manager.post(`/households/${h.id}/status`, statusForm('inactive', addDays(today, -1), 'Resting'));
    const event = await latestEvent(h.id);
    const paths = [`/households/${h.id}/status/${event.id}/undo`, `/households/${h.id}/status/${event.id}/date`];
    for (const [username, code] of [
      ['director', 403],
      ['ssw', 403],
      ['ssw2', 404],
    ] as const) {
      const agent = await signedIn(t.app, username);
      for (const path of paths) {
        expect((await agent.get(path)).statusCode, `${username} GET ${path}`).toBe(code);
        expect((await agent.post(path, { reason: 'Wrong' })).statusCode, `${username} POST ${path}`).toBe(code);
      }
      if (code === 403 && username === 'ssw') {
        const shown = await agent.get(`/households/${h.id}`);
        expect(shown.body).not.toContain(`/status/${event.id}/undo`);
      }
    }
    expect((await household(h.id)).status).toBe('inactive');
  });
});
