/**
 * The kept facts behind the figures (household status periods, household supervision facts): a
 * change through a service updates them, and the figures counted from them, in the change's own
 * transaction; and after a random sequence of changes they equal a rebuild. The current month's
 * stored figures are tested in provisional.db.test.ts.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeHousehold, teamIdByName } from '../../../test/support/households.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { users } from '../../platform/auth/tables.ts';
import { systemActor } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { addDays, addYears, todayInLondon } from '../../platform/dates/index.ts';
import {
  countMeasure,
  currentMonth,
  factsDifferences,
  periodOf,
  rebuildFacts,
  type Measure,
  type Period,
  type ScopedFigure,
} from '../../platform/measures/index.ts';
import { approvedHouseholds } from '../households/measures.ts';
import { changeStatus } from '../households/service.ts';
import { allowedTransitions, statusesNeedingReason, type HouseholdStatus } from '../households/labels.ts';
import { households } from '../households/tables.ts';
import { childrenSeen, householdsSupervised, signedAgreement, unannouncedVisit } from '../supervision/measures.ts';
import { finaliseSupervision, recordAgreement } from '../supervision/service.ts';
import { makeSupervision } from '../supervision/test-support.ts';
import { allKeptFacts } from '../index.ts';
import { approveByDecision } from '../panel/test-support.ts';

let t: TestApp;
let db: Db;
let who: { user: SignedInUser; actor: ReturnType<typeof systemActor> };
const today = todayInLondon();
const thisMonth = (): Period => periodOf(currentMonth(today), today);
const notes = { mode: 'outbox' as const, publicUrl: 'http://localhost:3000' };

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  const [u] = await db.select().from(users).where(eq(users.username, 'head'));
  const user: SignedInUser = {
    id: u!.id,
    username: u!.username,
    displayName: u!.displayName,
    role: u!.role as SignedInUser['role'],
    teamId: u!.teamId,
    areaId: u!.areaId,
    householdId: u!.householdId,
    mustChangePassword: false,
    sessionId: 'kept-facts-test',
  };
  who = { user, actor: systemActor('kept facts test') };
}, 120_000);
afterAll(async () => t?.close());

/** The whole service's figure, counted now. */
async function serviceFigure(on: DbOrTx, measure: Measure, period: Period = thisMonth()) {
  const { figures } = await countMeasure(on, measure, period);
  const f = figures.find((x) => x.scopeKind === 'service')!;
  return { n: f.numerator, d: f.denominator };
}

async function periodsOf(on: DbOrTx, householdId: string) {
  return queryRows<{ status: string; from_on: string; to_on: string | null }>(
    on,
    sql`select status, from_on::text as from_on, to_on::text as to_on from household_status_periods
        where household_id = ${householdId} order by from_on`,
  );
}

class Rollback extends Error {}

describe('a change through a service updates its kept facts and figures in the same transaction', () => {
  it('approving a household (by the agency decision) adds an approved status period, and one approved household, with the change', async () => {
    const h = await makeHousehold(db, { status: 'in_assessment', statusSince: addDays(today, -30), approvedPlaces: 2 });
    const before = await serviceFigure(db, approvedHouseholds);
    await expect(
      db.transaction(async (tx) => {
        const done = await approveByDecision(tx as unknown as Db, who, h.id, today);
        expect(done.ok).toBe(true);
        // Inside the change's transaction: the periods and the figure have moved with it.
        expect(await periodsOf(tx, h.id)).toEqual([
          { status: 'in_assessment', from_on: addDays(today, -30), to_on: today },
          { status: 'approved', from_on: today, to_on: null },
        ]);
        expect(await serviceFigure(tx, approvedHouseholds)).toEqual({ n: before.n + 1, d: null });
        throw new Rollback('undo');
      }),
    ).rejects.toThrow(Rollback);
    // Rolled back with it: the household is as it was, and so are its facts and the figure.
    expect(await periodsOf(db, h.id)).toEqual([{ status: 'in_assessment', from_on: addDays(today, -30), to_on: null }]);
    expect(await serviceFigure(db, approvedHouseholds)).toEqual(before);

    expect((await approveByDecision(db, who, h.id, today)).ok).toBe(true);
    expect(await serviceFigure(db, approvedHouseholds)).toEqual({ n: before.n + 1, d: null });
  });

  it('finalising a visit and recording an agreement update the household supervision facts and the figures', async () => {
    const h = await makeHousehold(db, { statusSince: addYears(today, -2) });
    const supervisedBefore = await serviceFigure(db, householdsSupervised);
    const unannouncedBefore = await serviceFigure(db, unannouncedVisit);
    const agreementBefore = await serviceFigure(db, signedAgreement);
    const draft = await makeSupervision(db, { householdId: h.id, visitDate: today, announced: false, status: 'draft' });
    // A draft is no visit yet: the household is counted, but not as supervised.
    expect(await serviceFigure(db, householdsSupervised)).toEqual({
      n: supervisedBefore.n,
      d: supervisedBefore.d,
    });
    await expect(
      db.transaction(async (tx) => {
        const done = await finaliseSupervision(tx as unknown as Db, who, draft.id, notes);
        expect(done.ok).toBe(true);
        const [facts] = await queryRows<{ last: string; unannounced: string }>(
          tx,
          sql`select last_visit_on::text as last, last_unannounced_visit_on::text as unannounced
              from household_supervision_facts where household_id = ${h.id}`,
        );
        expect(facts).toEqual({ last: today, unannounced: today });
        expect(await serviceFigure(tx, householdsSupervised)).toEqual({
          n: supervisedBefore.n + 1,
          d: supervisedBefore.d,
        });
        throw new Rollback('undo');
      }),
    ).rejects.toThrow(Rollback);
    expect(await serviceFigure(db, householdsSupervised)).toEqual({ n: supervisedBefore.n, d: supervisedBefore.d });

    expect((await finaliseSupervision(db, who, draft.id, notes)).ok).toBe(true);
    expect(await serviceFigure(db, householdsSupervised)).toEqual({
      n: supervisedBefore.n + 1,
      d: supervisedBefore.d,
    });
    expect(await serviceFigure(db, unannouncedVisit)).toEqual({
      n: unannouncedBefore.n + 1,
      d: unannouncedBefore.d,
    });
    expect(await recordAgreement(db, who, h.id, { signedOn: today, signedByCarers: 'Both carers' })).toMatchObject({
      ok: true,
    });
    expect(await serviceFigure(db, signedAgreement)).toEqual({ n: agreementBefore.n + 1, d: agreementBefore.d });
  });
});

/** A small deterministic random number generator (mulberry32), so a failure can be replayed. */
function randomFrom(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
    dayBetween: (from: string, to: string) => {
      const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
      return addDays(from, Math.floor(next() * (span + 1)));
    },
  };
}

/** Households approved on a day, found the old way: each household's last status event on or before it. */
async function approvedTheOldWay(day: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select h.id from households h where coalesce(
          (select e.to_status from household_status_events e
            where e.household_id = h.id and e.on_date <= ${day}
            order by e.on_date desc, e.created_at desc, e.id desc limit 1),
          case when h.status_since <= ${day} then h.status end) = 'approved'
        order by h.id`,
  );
  return rows.map((r) => r.id);
}

async function approvedFromPeriods(day: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select household_id as id from household_status_periods
        where status = 'approved' and from_on <= ${day} and (to_on is null or to_on > ${day}) order by household_id`,
  );
  return rows.map((r) => r.id);
}

const figuresOnly = (figures: ScopedFigure[]) =>
  figures.map((f) => `${f.scopeKind}:${f.scopeId}:${f.numerator}/${f.denominator}`).sort();

describe('a rebuild equals the kept tables after a random sequence of changes', () => {
  it('status changes, visits and agreements through the services, on several households', async () => {
    const random = randomFrom(20261201);
    const teamId = await teamIdByName(db, 'East Kent Fostering Team 1');
    const statuses: HouseholdStatus[] = ['enquiry', 'applicant', 'in_assessment', 'approved', 'on_hold', 'inactive'];
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const status = random.pick(statuses);
      const h = await makeHousehold(db, {
        teamId,
        status,
        statusSince: random.dayBetween(addYears(today, -3), addDays(today, -200)),
        approvedPlaces: 2,
        // On hold or inactive: approved before, by a decision that still stands.
        approvedOn: status === 'on_hold' || status === 'inactive' ? addYears(today, -4) : undefined,
      });
      ids.push(h.id);
    }
    // Children placed with the demo's households, to be seen (or not) at the visits.
    const placed = await queryRows<{ child_id: string; household_id: string }>(
      db,
      sql`select child_id, household_id from placements where end_date is null order by child_id limit 6`,
    );
    let changes = 0;
    for (let step = 0; step < 80; step += 1) {
      const id = random.pick(ids);
      const [h] = await db.select().from(households).where(eq(households.id, id));
      const op = random.int(3);
      if (op === 0) {
        // Approval from assessment is the agency decision's; every other move is a status change.
        const moves = [
          ...allowedTransitions[h!.status as HouseholdStatus],
          ...(h!.status === 'in_assessment' ? (['approved'] as const) : []),
        ];
        if (!moves.length) continue;
        const toStatus = random.pick(moves);
        // Now and then on the same day as the last change (two events on one date).
        const onDate = random.int(5) === 0 ? h!.statusSince : random.dayBetween(h!.statusSince, today);
        const reason = statusesNeedingReason.includes(toStatus) ? 'Test reason' : null;
        const done =
          h!.status === 'in_assessment' && toStatus === 'approved'
            ? await approveByDecision(db, who, id, onDate)
            : await changeStatus(db, who, id, { toStatus, onDate, reason });
        expect(done.ok).toBe(true);
      } else if (op === 1) {
        // Half the time a visit to a household with children placed, some of them seen.
        const child = random.int(2) === 0 ? random.pick(placed) : undefined;
        const visit = await makeSupervision(db, {
          householdId: child?.household_id ?? id,
          visitDate: random.dayBetween(addYears(today, -1), today),
          announced: random.int(3) > 0,
          status: 'draft',
          seen: child ? { [child.child_id]: random.pick(['seen', 'seen_alone', 'not_seen']) } : {},
        });
        expect((await finaliseSupervision(db, who, visit.id, notes)).ok).toBe(true);
      } else {
        const signedOn = random.dayBetween(addYears(today, -2), today);
        expect(await recordAgreement(db, who, id, { signedOn, signedByCarers: 'Both carers' })).toMatchObject({
          ok: true,
        });
      }
      changes += 1;
    }
    expect(changes).toBeGreaterThan(40);

    for (const facts of allKeptFacts()) expect(await factsDifferences(db, facts), facts.table).toBe(0);

    // The periods say what the status events say, on any day.
    for (let i = 0; i < 8; i += 1) {
      const day = random.dayBetween(addYears(today, -3), today);
      expect(await approvedFromPeriods(day), day).toEqual(await approvedTheOldWay(day));
    }

    // The current month from the kept supervision facts is the same as counted from the visits.
    expect(placed.length).toBeGreaterThan(0);
    for (const measure of [householdsSupervised, unannouncedVisit, signedAgreement, childrenSeen]) {
      const kept = await countMeasure(db, measure, thisMonth());
      const derived = await countMeasure(db, measure, { ...thisMonth(), current: false });
      expect(figuresOnly(kept.figures), measure.id).toEqual(figuresOnly(derived.figures));
    }

    // A rebuild changes nothing, and a damaged table is found by the check.
    for (const facts of allKeptFacts()) await rebuildFacts(db, facts);
    for (const facts of allKeptFacts()) expect(await factsDifferences(db, facts)).toBe(0);
    await db.execute(sql`delete from household_status_periods where household_id = ${ids[0]!}`);
    expect(await factsDifferences(db, allKeptFacts()[0]!)).toBeGreaterThan(0);
    await rebuildFacts(db, allKeptFacts()[0]!);
  }, 120_000);
});
