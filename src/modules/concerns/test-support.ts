/**
 * Test fixtures for the concerns module: a household with a carer and a placed child, and matters
 * written straight to the database (no rules, no audit) with their stage and deadlines kept, as
 * the service keeps them. Made-up people only.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import {
  makeCarer,
  makeHousehold,
  userIdByUsername,
  type HouseholdOverrides,
} from '../../../test/support/households.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { stageDeadlines } from './complaint-deadlines.ts';
import { refreshMatter } from './service.ts';
import { complaintStages, concernChildren, concerns, concernThemes, significantEvents } from './tables.ts';

export { dateFields } from '../placements/test-support.ts';

/** A household of East Kent Fostering Team 1 allocated to `ssw`, with a carer and a child of `cicsw` placed. */
export async function householdWithChild(db: DbOrTx, overrides: HouseholdOverrides = {}) {
  const household = await makeHousehold(db, { allocatedSswUsername: 'ssw', ...overrides });
  const carer = await makeCarer(db, household.id, { firstName: 'Robin', lastName: 'Fixture' });
  const child = await makeChild(db, { firstName: 'Casey', lastName: 'Fixture' });
  const placement = await makePlacement(db, { childId: child.id, householdId: household.id, startDate: '2025-01-06' });
  return { household, carer, child, placement };
}

export type MatterOverrides = Partial<typeof concerns.$inferInsert> & {
  householdId?: string | null;
  childIds?: string[];
};

/** A matter (default: an allegation against no one in particular, known 2 March 2026), its stage and deadlines kept. */
export async function makeMatter(db: DbOrTx, overrides: MatterOverrides = {}) {
  const { childIds = [], ...values } = overrides;
  const [row] = await db
    .insert(concerns)
    .values({
      kind: 'allegation',
      stage: 'recorded',
      againstKind: 'carer',
      raisedBy: 'professional',
      knownOn: '2026-03-02',
      category: 'physical',
      summary: 'A fixture allegation.',
      recordedBy: await userIdByUsername(db, 'head'),
      ...values,
    })
    .returning();
  if (childIds.length)
    await db.insert(concernChildren).values(childIds.map((childId) => ({ concernId: row!.id, childId })));
  await refreshMatter(db, row!.id);
  return row!;
}

/** A complaint stage with its statutory deadlines worked out (default stage 1). */
export async function makeStage(
  db: DbOrTx,
  concernId: string,
  values: {
    stage?: number;
    receivedOn: string;
    extended?: boolean;
    respondedOn?: string | null;
    panelOn?: string | null;
    reportOn?: string | null;
  },
) {
  const stage = values.stage ?? 1;
  await db.insert(complaintStages).values({
    concernId,
    stage,
    receivedOn: values.receivedOn,
    extended: values.extended ?? false,
    respondedOn: values.respondedOn ?? null,
    panelOn: values.panelOn ?? null,
    reportOn: values.reportOn ?? null,
    recordedBy: await userIdByUsername(db, 'head'),
    ...stageDeadlines(stage, values.receivedOn, values),
  });
  await refreshMatter(db, concernId);
}

export async function setThemes(db: DbOrTx, concernId: string, themes: string[]) {
  await db.insert(concernThemes).values(themes.map((theme) => ({ concernId, theme })));
}

/** A significant event known at a London date and time ('2026-03-02 14:30'), optionally told to Ofsted at another. */
export async function makeEvent(
  db: DbOrTx,
  values: { householdId: string; knownAt: string; ofstedAt?: string; concernId?: string; kind?: string },
) {
  const head = await userIdByUsername(db, 'head');
  const [row] = await db
    .insert(significantEvents)
    .values({
      householdId: values.householdId,
      concernId: values.concernId ?? null,
      kind: values.kind ?? 'police',
      summary: 'A fixture event.',
      knownAt: sql`${values.knownAt}::timestamp at time zone 'Europe/London'`,
      recordedBy: head,
    })
    .returning();
  if (values.ofstedAt) {
    await db.execute(sql`insert into event_notices (event_id, recipient, told_at, method, recorded_by)
      values (${row!.id}, 'ofsted', ${values.ofstedAt}::timestamp at time zone 'Europe/London', 'online_form', ${head})`);
  }
  await refreshDueItems(db, 'significant-event', [row!.id]);
  return row!;
}
