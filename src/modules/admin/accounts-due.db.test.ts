/**
 * Account changes move the kept deadlines in the same transaction: a new member of staff's
 * supervision and training are due from the day the account is made; when a team manager's
 * account is closed their team's staff supervision passes to the head (and back when it is
 * opened again); when the payments officer leaves, the payments work passes to the next one.
 * After each change the kept items equal a rebuild.
 */
import { expectDueItemsInStep } from '../../../test/support/due.ts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { dueFor } from '../../platform/due/index.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { viewer } from '../home/test-support.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { addUser, teamId, userId } from './test-support.ts';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t.app, 'admin');
});
afterAll(async () => {
  await t.close();
});

const today = todayInLondon();
const within = (ruleIds: string[]) => ({ today, horizonDays: 400, ruleIds });

const expectInStep = () => expectDueItemsInStep(t.database.db);

async function staffSupervisionOf(username: string, memberId: string) {
  const items = await dueFor(t.database.db, await viewer(t.database.db, username), within(['staff.supervision']));
  return items.find((item) => item.recordId === memberId);
}

describe('deadlines when accounts change', () => {
  it('gives a new supervising social worker their supervision and training from the day the account is made', async () => {
    const team = await teamId(t, 'East Kent Fostering Team 1');
    const { id } = await addUser(admin, {
      username: 'robin.newstart',
      displayName: 'Robin Newstart',
      email: 'robin.newstart@hearth.example',
      role: 'supervising_social_worker',
      teamId: team,
      areaId: '',
    });
    const supervision = await staffSupervisionOf('manager', id);
    expect(supervision).toMatchObject({
      label: 'Robin Newstart (Supervising social worker)',
      ownerUserId: await userId(t, 'manager'),
      detail: 'No supervision recorded yet',
    });
    expect(supervision!.dueOn > today && supervision!.dueOn <= addDays(today, 42)).toBe(true);
    const own = await dueFor(
      t.database.db,
      await viewer(t.database.db, 'robin.newstart'),
      within(['staff.training-renewal']),
    );
    expect(own.filter((item) => item.recordId === id).length).toBeGreaterThan(0);
    await expectInStep();

    expect((await admin.post(`/admin/users/${id}/deactivate`, {})).statusCode).toBe(303);
    expect(await staffSupervisionOf('manager', id)).toBeUndefined();
    await expectInStep();
  });

  it('passes a team’s staff supervision to the head while its manager’s account is closed, and back when it is opened', async () => {
    const manager = await userId(t, 'manager');
    const ssw = await userId(t, 'ssw');
    expect((await staffSupervisionOf('head', ssw))?.ownerUserId).toBe(manager);

    expect((await admin.post(`/admin/users/${manager}/deactivate`, {})).statusCode).toBe(303);
    expect((await staffSupervisionOf('head', ssw))?.ownerUserId).toBe(await userId(t, 'head'));
    await expectInStep();

    expect((await admin.post(`/admin/users/${manager}/reactivate`, {})).statusCode).toBe(303);
    expect((await staffSupervisionOf('head', ssw))?.ownerUserId).toBe(manager);
    await expectInStep();
  });

  it('gives the rates review to the next payments officer when the last one’s account is closed', async () => {
    const db = t.database.db;
    const [rates] = await queryRows<{ id: string; next: string }>(
      db,
      sql`select id, (effective_from + interval '1 year')::date::text as next from payment_rates order by effective_from desc limit 1`,
    );
    const first = await userId(t, 'payments');
    const reviewOf = async (username: string) =>
      (await dueFor(db, await viewer(db, username), within(['payments.rates-review']))).find(
        (item) => item.recordId === rates!.id,
      );
    expect((await reviewOf('payments'))?.ownerUserId).toBe(first);

    expect((await admin.post(`/admin/users/${first}/deactivate`, {})).statusCode).toBe(303);
    expect(await reviewOf('head')).toBeUndefined();
    await expectInStep();

    const { id: next } = await addUser(admin, {
      username: 'sam.ledger',
      displayName: 'Sam Ledger',
      email: 'sam.ledger@hearth.example',
      role: 'payments_officer',
      teamId: '',
      areaId: '',
    });
    expect(await reviewOf('sam.ledger')).toMatchObject({ ownerUserId: next, dueOn: rates!.next });
    await expectInStep();
  });
});
