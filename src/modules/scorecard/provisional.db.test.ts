/**
 * The current month's figures: stored as provisional and read back, counted again in the
 * server's background when a few minutes old or out of date, never losing a change made while
 * they were being counted; and the records behind a figure, paged and counted in the database.
 */
import { setTimeout } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import {
  allMeasures,
  countMeasure,
  currentMonth,
  figuresByMonth,
  markProvisionalFiguresOutOfDate,
  measureRecords,
  measureRecordsPage,
  periodOf,
  refreshProvisionalFigures,
  type Measure,
  type Period,
  type ScopedFigure,
} from '../../platform/measures/index.ts';
import { countAndStoreProvisional } from '../../platform/measures/snapshots.ts';
import { measureSnapshots } from '../../platform/measures/tables.ts';
import { approvedHouseholds } from '../households/measures.ts';

let t: TestApp;
let db: Db;
const today = todayInLondon();
const thisMonth = (): Period => periodOf(currentMonth(today), today);

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
}, 120_000);
afterAll(async () => t?.close());

/** The whole service's figure, counted now. */
async function serviceFigure(on: DbOrTx, measure: Measure, period: Period = thisMonth()) {
  const { figures } = await countMeasure(on, measure, period);
  const f = figures.find((x) => x.scopeKind === 'service')!;
  return { n: f.numerator, d: f.denominator };
}

const figuresOnly = (figures: ScopedFigure[]) =>
  figures.map((f) => `${f.scopeKind}:${f.scopeId}:${f.numerator}/${f.denominator}`).sort();

describe('the current month: stored as provisional, counted again in the background', () => {
  it('the scorecard reads the stored count; the background counts it again when old or out of date; the measure page counts a changed one now and says when', async () => {
    const month = currentMonth(today);
    const service = (figures: ScopedFigure[]) => figures.find((f) => f.scopeKind === 'service')!.numerator;
    const read = async (options?: { showOutOfDate?: boolean }) =>
      (await figuresByMonth(db, [approvedHouseholds], [month], today, undefined, options))
        .get(approvedHouseholds.id)!
        .get(month)!;
    await db.delete(measureSnapshots).where(eq(measureSnapshots.month, month));
    const entry = await read();
    expect(entry).toMatchObject({ source: 'live', outOfDate: false });
    const stored = await db.select().from(measureSnapshots).where(eq(measureSnapshots.month, month));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((r) => r.provisional && r.asAt === today && !r.outOfDate)).toBe(true);

    // Read again with no change: the stored count is read back as it was (no recount) ...
    const again = await read();
    expect(figuresOnly(again.figures)).toEqual(figuresOnly(entry.figures));
    expect(again.countedAt.getTime()).toBe(entry.countedAt.getTime());

    // ... also when a few minutes old: the background counts it again, not the page.
    await db.execute(
      sql`update measure_snapshots set computed_at = now() - interval '6 minutes' where month = ${month}`,
    );
    const old = await read();
    expect(old.countedAt.getTime()).toBeLessThan(entry.countedAt.getTime());
    expect(await refreshProvisionalFigures(db, today)).toContain(approvedHouseholds.id);
    const refreshed = await read();
    expect(refreshed.countedAt.getTime()).toBeGreaterThan(old.countedAt.getTime());
    expect(service(refreshed.figures)).toBe(service(entry.figures));
    // Nothing more to count until the records change or it is old again.
    expect(await refreshProvisionalFigures(db, today)).toEqual([]);

    // A change to the kept facts marks it out of date: the scorecard shows it so, a measure's own
    // read counts it now, and so does the background.
    await makeHousehold(db, { statusSince: today });
    const marked = await db.select().from(measureSnapshots).where(eq(measureSnapshots.provisional, true));
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((r) => r.outOfDate)).toBe(true);
    const shown = await read({ showOutOfDate: true });
    expect(shown).toMatchObject({ outOfDate: true });
    expect(service(shown.figures)).toBe(service(entry.figures));
    const head = await signedIn(t.app, 'head');
    const scorecard = await head.get(`/scorecard?month=${month}`);
    expect(scorecard.body).toContain('being counted again after changes to the records');
    const counted = await read();
    expect(counted).toMatchObject({ outOfDate: false });
    expect(service(counted.figures)).toBe(service(entry.figures) + 1);

    await makeHousehold(db, { statusSince: today });
    expect(await refreshProvisionalFigures(db, today)).toContain(approvedHouseholds.id);
    const background = await read({ showOutOfDate: true });
    expect(background).toMatchObject({ outOfDate: false });
    expect(service(background.figures)).toBe(service(entry.figures) + 2);

    const page = await head.get(`/scorecard/households.approved?month=${month}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/Counted at \d{2}:\d{2} on \d{1,2} [A-Z][a-z]+ \d{4}\./);
    expect(page.body).toContain('provisional until the month is stored at its end');
    expect(page.body).not.toContain('being counted again');
  });

  it('a change made while a figure is being counted is not lost: the count is stored out of date and counted again', async () => {
    const month = currentMonth(today);
    const period = thisMonth();
    const service = (figures: ScopedFigure[]) => figures.find((f) => f.scopeKind === 'service')!.numerator;
    const read = async () =>
      (await figuresByMonth(db, [approvedHouseholds], [month], today, undefined, { showOutOfDate: true }))
        .get(approvedHouseholds.id)!
        .get(month)!;
    await db.delete(measureSnapshots).where(eq(measureSnapshots.month, month));
    const before = await read();
    await makeHousehold(db, { statusSince: today });
    expect(await read()).toMatchObject({ outOfDate: true });

    // The count reads the records, then a household is approved before the count is stored.
    const counted = await countAndStoreProvisional(db, approvedHouseholds, period, async (on, measure, p) => {
      const result = await countMeasure(on, measure, p);
      await makeHousehold(db, { statusSince: today });
      return result;
    });
    expect(service(counted.figures)).toBe(service(before.figures) + 1);
    expect(counted.outOfDate).toBe(true);
    const shown = await read();
    expect(shown).toMatchObject({ outOfDate: true });
    expect(service(shown.figures)).toBe(service(before.figures) + 1);

    // The background counts it again and finds both households; then it is up to date.
    expect(await refreshProvisionalFigures(db, today)).toContain(approvedHouseholds.id);
    const after = await read();
    expect(after).toMatchObject({ outOfDate: false });
    expect(service(after.figures)).toBe(service(before.figures) + 2);
    expect(await refreshProvisionalFigures(db, today)).not.toContain(approvedHouseholds.id);

    // A count with no change during it is stored up to date, updating the rows in place.
    const ids = (await db.select({ id: measureSnapshots.id }).from(measureSnapshots)).map((r) => r.id).sort();
    const quiet = await countAndStoreProvisional(db, approvedHouseholds, period);
    expect(quiet.outOfDate).toBe(false);
    expect((await db.select({ id: measureSnapshots.id }).from(measureSnapshots)).map((r) => r.id).sort()).toEqual(ids);
  });

  // Only PostgreSQL runs transactions side by side (PGlite runs one at a time).
  it.skipIf(process.env.HEARTH_TEST_DB !== 'postgres')(
    'changes and counts side by side never wait on each other in a circle (no deadlock)',
    async () => {
      const period = thisMonth();
      const measures = allMeasures().slice(0, 4);
      await refreshProvisionalFigures(db, today);
      const failures: string[] = [];
      let done = false;
      const change = async () => {
        while (!done) {
          await db
            .transaction(async (tx) => {
              await markProvisionalFiguresOutOfDate(tx);
              await setTimeout(2);
            })
            .catch((error: unknown) => failures.push(String(error)));
        }
      };
      const count = async (first: number) => {
        for (let i = 0; i < 150; i += 1) {
          const measure = measures[(first + i) % measures.length]!;
          await countAndStoreProvisional(db, measure, period).catch((error: unknown) => failures.push(String(error)));
        }
      };
      const changes = [change(), change(), change()];
      await Promise.all([count(0), count(1), count(2)]);
      done = true;
      await Promise.all(changes);
      expect(failures).toEqual([]);
    },
    60_000,
  );

  it('the records behind a figure are paged and counted in the database, within the viewer’s scope', async () => {
    const period = thisMonth();
    const all = { sees: { kind: 'all' as const }, restricted: true };
    const page1 = await measureRecordsPage(db, approvedHouseholds, period, {
      scope: { kind: 'service' },
      viewer: all,
      met: true,
      page: 1,
      pageSize: 3,
    });
    const page2 = await measureRecordsPage(db, approvedHouseholds, period, {
      scope: { kind: 'service' },
      viewer: all,
      met: true,
      page: 2,
      pageSize: 3,
    });
    const figure = await serviceFigure(db, approvedHouseholds);
    expect(page1.metCount).toBe(figure.n);
    expect(page1.rows).toHaveLength(3);
    expect(page2.rows).toHaveLength(3);
    const labels = [...page1.rows, ...page2.rows].map((r) => r.recordId);
    expect(new Set(labels).size).toBe(6);
    // In the list's order (by its sort key), the records met first six.
    const listed = (await measureRecords(db, approvedHouseholds, period)).filter((r) => r.met).slice(0, 6);
    expect(labels).toEqual(listed.map((r) => r.recordId));
    // A page past the last record lists none, and still says how many there are.
    const past = await measureRecordsPage(db, approvedHouseholds, period, {
      scope: { kind: 'service' },
      viewer: all,
      met: true,
      page: figure.n + 1,
      pageSize: 3,
    });
    expect(past).toMatchObject({ rows: [], metCount: figure.n, hiddenCount: 0 });
    // Nobody's caseload: counted, none listed.
    const none = await measureRecordsPage(db, approvedHouseholds, period, {
      scope: { kind: 'service' },
      viewer: { sees: { kind: 'none' }, restricted: false },
      met: true,
      page: 1,
      pageSize: 3,
    });
    expect(none).toMatchObject({ rows: [], metCount: 0, hiddenCount: figure.n });
  });
});
