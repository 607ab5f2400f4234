/**
 * Test support: a business plan written through the service (no pages), an action's fields as the
 * head would give them, and the demo's users by username. Not used by the app.
 */
import { beforeAll } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import type { Db } from '../../platform/db/client.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { users } from '../../platform/auth/tables.ts';
import { addAction, addTarget, createPlan } from './service.ts';

/** The id of every user of the demo, by username. */
export async function userIdsByUsername(db: Db): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const u of await db.select({ id: users.id, username: users.username }).from(users)) {
    ids[u.username] = u.id;
  }
  return ids;
}

/** An open action numbered `number`, owned by no one and due by no date, linked to nothing unless said. */
export function action(number: string, extra: Partial<Parameters<typeof addAction>[3]> = {}) {
  return {
    number,
    whatWeWant: `Achieve ${number}`,
    who: 'Team managers',
    ownerUserId: null,
    byWhen: null,
    byWhenText: '',
    achievedAndTarget: `Target for ${number}`,
    howMeasured: `Measured by ${number}`,
    status: 'open' as const,
    measureIds: [],
    ...extra,
  };
}

/** An active plan for 2026-27 with two targets: 1, Hear children (NMS 1.3), and 2, Train carers. */
export async function planWithTwoTargets(db: Db, title = 'Fostering Business Plan 2026-27') {
  const actor = systemActor('test');
  const planId = await createPlan(db, actor, {
    title,
    periodStart: '2026-04-01',
    periodEnd: '2027-03-31',
    vision: 'Every child in a stable, loving home.',
    status: 'active',
  });
  const t1 = await addTarget(db, actor, planId, { number: 1, title: 'Hear children', standards: 'NMS 1.3' });
  const t2 = await addTarget(db, actor, planId, {
    number: 2,
    title: 'Train carers',
    standards: 'NMS 3.8, 4.6 and 5.1',
  });
  return { planId, t1, t2 };
}

/**
 * A plan test file's app (started before its tests, closed after), the demo's users' ids once it
 * has started, the head of fostering as the service takes them, and a plan with two targets.
 */
export function planTestFile() {
  const t = testAppForFile();
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    Object.assign(ids, await userIdsByUsername(t.database.db));
  });
  return {
    t,
    ids,
    actor: systemActor('test'),
    head: () => ({ id: ids.head!, role: 'head_of_fostering' as const }),
    makePlan: (title?: string) => planWithTwoTargets(t.database.db, title),
  };
}
