/**
 * The set-up every module's measure test shares: its own test app, the month it counts, the
 * measure's rows for the records a test made, and approved households, their carers and the
 * children placed with them. Each test keeps its fixture and its answer worked out by hand.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll } from 'vitest';
import type { Db } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { measureRecords, periodOf, type Measure, type Period } from '../../src/platform/measures/index.ts';
import { testAppForFile } from './app.ts';
import { makeChild, makePlacement, type Child, type ChildOverrides } from './children.ts';
import {
  makeCarer,
  makeHousehold,
  teamIdByName,
  type CarerRow,
  type HouseholdOverrides,
  type HouseholdRow,
} from './households.ts';

export interface MeasureFixture {
  /** The test file's database (inside tests and hooks only). */
  db: () => Db;
  /** The test file's app, for a test that also goes through the pages. */
  app: () => FastifyInstance;
  /** The month counted. */
  period: Period;
  /** The measure's rows for these records only, as [record id, met], in the order given. */
  rowsFor: (measure: Measure, ids: string[]) => Promise<(string | boolean)[][]>;
  /** A household approved on the day (mainstream unless said). */
  approvedHousehold: (statusSince: string, overrides?: HouseholdOverrides) => Promise<HouseholdRow>;
  /** A carer of a household of their own approved on the day (mainstream unless said). */
  carerApproved: (statusSince: string, householdType?: string) => Promise<CarerRow>;
  /** A child placed with the household from the day, to endDate (a planned ending) when given. */
  childPlaced: (
    householdId: string,
    startDate: string,
    child?: ChildOverrides & { endDate?: string | null },
  ) => Promise<Child>;
}

/**
 * For a measure test file: a test app created before its tests and closed after them, counting
 * `month` ("2026-09") as seen on `seenOn` (a day after the month, so it is a closed month).
 */
export function measureFixture(month: string, seenOn: string): MeasureFixture {
  const t = testAppForFile();
  const db = () => t.database.db;
  const period = periodOf(month, seenOn);
  const approvedHousehold = (statusSince: string, overrides: HouseholdOverrides = {}) =>
    makeHousehold(db(), { statusSince, ...overrides });
  return {
    db,
    app: () => t.app,
    period,
    approvedHousehold,
    async rowsFor(measure, ids) {
      const rows = await measureRecords(db(), measure, period);
      return ids.flatMap((id) => rows.filter((r) => r.recordId === id).map((r) => [id, r.met]));
    },
    async carerApproved(statusSince, householdType = 'mainstream') {
      const household = await approvedHousehold(statusSince, { householdType });
      return makeCarer(db(), household.id);
    },
    async childPlaced(householdId, startDate, { endDate = null, ...child } = {}) {
      const placed = await makeChild(db(), child);
      await makePlacement(db(), {
        childId: placed.id,
        householdId,
        startDate,
        endDate,
        ending: endDate ? 'planned' : null,
      });
      return placed;
    },
  };
}

/**
 * A new team of a measure test's own, in East Kent (called inside a describe: made before its
 * tests), so the records of the demo and of other tests do not count in its figure. Returns the
 * team's id, to read inside tests and hooks.
 */
export function teamOfItsOwn(f: MeasureFixture, name: string): () => string {
  let id = '';
  beforeAll(async () => {
    const east = await teamIdByName(f.db(), 'East Kent Fostering Team 1');
    const [team] = await queryRows<{ id: string }>(
      f.db(),
      sql`insert into teams (name, area_id) select ${name}, area_id from teams where id = ${east} returning id`,
    );
    id = team!.id;
  });
  return () => id;
}
