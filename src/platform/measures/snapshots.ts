import { setTimeout } from 'node:timers/promises';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../db/sql.ts';
import type { DbOrTx } from '../db/client.ts';
import { todayInLondon, type IsoDate } from '../dates/index.ts';
import { countMeasure, type Scope } from './compute.ts';
import { addMonthsToMonth, currentMonth, isClosed, periodOf } from './periods.ts';
import { allMeasures } from './registry.ts';
import { measureSnapshots } from './tables.ts';
import type { Measure, Period, ScopedFigure, ScopeKind } from './types.ts';

export interface SnapshotResult {
  month: string;
  /** Measures stored now. */
  stored: string[];
  /** Measures that already had a snapshot for the month (left as they were). */
  kept: string[];
}

export interface SnapshotOptions {
  /**
   * Counted in a running server's background: one measure at a time, and after each a rest as
   * long as it took, so the pages read beside it have the machine to themselves half the time.
   * Without it (the snapshot command), every measure at once.
   */
  background?: boolean;
  /** Once aborted (the server stopping), no next measure is taken and no rest is waited out. */
  signal?: AbortSignal;
}

/** The rest after a measure counted in the background: as long as it took, cut short by a stop. */
async function rest(started: number, options: SnapshotOptions): Promise<void> {
  if (!options.background || options.signal?.aborted) return;
  await setTimeout(performance.now() - started, undefined, { signal: options.signal }).catch(() => undefined);
}

/**
 * Stores every registered measure's figures for a closed month, for the service, each area and
 * each team, in place of any provisional count of the month. Idempotent: a measure that already
 * has a snapshot for the month is never recounted or overwritten, so the past stays as it was
 * reported.
 */
export async function snapshotMonth(
  db: DbOrTx,
  month: string,
  today: IsoDate = todayInLondon(),
  options: SnapshotOptions = {},
): Promise<SnapshotResult> {
  if (!isClosed(month, today)) throw new RangeError(`${month} has not ended yet: only closed months are snapshotted`);
  const period = periodOf(month, today);
  const existing = await db
    .selectDistinct({ measureId: measureSnapshots.measureId })
    .from(measureSnapshots)
    .where(and(eq(measureSnapshots.month, month), eq(measureSnapshots.provisional, false)));
  const done = new Set(existing.map((e) => e.measureId));
  const result: SnapshotResult = { month, stored: [], kept: [] };
  const measures = allMeasures();
  const toCount = measures.filter((measure) => !done.has(measure.id));
  // Each measure is counted and stored in one transaction; the workers take the next one.
  const store = (measure: Measure) =>
    db.transaction(async (tx) => {
      const { figures } = await countMeasure(tx, measure, period);
      await deleteProvisional(tx, measure.id, month);
      await tx
        .insert(measureSnapshots)
        .values(figures.map((f) => ({ measureId: measure.id, month, asAt: period.asAt, ...f })))
        .onConflictDoNothing();
    });
  let next = 0;
  const stored = new Set<string>();
  const worker = async () => {
    while (next < toCount.length && !options.signal?.aborted) {
      const started = performance.now();
      const measure = toCount[next++]!;
      await store(measure);
      stored.add(measure.id);
      await rest(started, options);
    }
  };
  const workers = options.background ? 1 : Math.max(1, toCount.length);
  await Promise.all(Array.from({ length: workers }, worker));
  for (const measure of measures) {
    if (done.has(measure.id)) result.kept.push(measure.id);
    else if (stored.has(measure.id)) result.stored.push(measure.id);
  }
  return result;
}

/**
 * Stores the scorecard of every closed month of the last year that has no snapshot yet, oldest
 * first, so a month's figures are fixed soon after it ends and the trends read from snapshots. In
 * a running server's background: one measure at a time, resting between them; a stop (`signal`) leaves
 * it between two measures, to go on at the next start. Idempotent.
 */
export async function snapshotLastYear(
  db: DbOrTx,
  today: IsoDate = todayInLondon(),
  signal?: AbortSignal,
): Promise<void> {
  const lastMonth = addMonthsToMonth(currentMonth(today), -1);
  for (let i = 11; i >= 0 && !signal?.aborted; i -= 1) {
    await snapshotMonth(db, addMonthsToMonth(lastMonth, -i), today, { background: true, signal });
  }
}

/**
 * Marks every provisional count out of date (never a snapshot): called in the transaction of a
 * change to the records a measure counts (the kept facts, training), so the server's background
 * counts the current month again within a minute or so, and a page says the figure is being
 * counted again meanwhile. It also sets `changed`, which a count clears as it begins
 * (countAndStoreProvisional): a count that finds it set again when storing stores its figures
 * out of date, since the change may have come after the count read the records.
 */
export async function markProvisionalFiguresOutOfDate(db: DbOrTx): Promise<void> {
  await db
    .update(measureSnapshots)
    .set({ outOfDate: true, changed: true })
    .where(inArray(measureSnapshots.id, lockedInOrder(db, eq(measureSnapshots.changed, false))));
}

/**
 * The ids of the provisional rows that meet `where`, locked in the order of their ids: every
 * statement that locks provisional rows (a change marking them, a count storing them, a snapshot
 * replacing them) locks them in that one order, so two never wait on each other in a circle.
 */
function lockedInOrder(db: DbOrTx, where?: SQL) {
  return db
    .select({ id: measureSnapshots.id })
    .from(measureSnapshots)
    .where(and(eq(measureSnapshots.provisional, true), where))
    .orderBy(measureSnapshots.id)
    .for('update');
}

/** How old a provisional count may be before the background counts it again. */
export const PROVISIONAL_MAX_AGE_MS = 5 * 60 * 1000;

/** Whether a provisional count is to be counted again: out of date, of another day, or a few minutes old. */
function provisionalIsStale(stored: StoredFigures, asAt: IsoDate, now = Date.now()): boolean {
  return stored.outOfDate || stored.asAt !== asAt || now - stored.computedAt.getTime() >= PROVISIONAL_MAX_AGE_MS;
}

/**
 * Counts again the current month's figures of every measure whose provisional count is missing,
 * stale (provisionalIsStale) or out of date, and stores them: in a running server's background,
 * every minute, one measure at a time with a rest as long as it took, as the snapshots are. So the
 * scorecard and a measure page read stored figures at most a few minutes old, or a minute or so
 * behind a change. Returns the measures counted.
 */
export async function refreshProvisionalFigures(
  db: DbOrTx,
  today: IsoDate = todayInLondon(),
  options: SnapshotOptions = {},
): Promise<string[]> {
  const month = currentMonth(today);
  const period = periodOf(month, today);
  const stored = await readStoredFigures(db, [month], undefined, { kind: 'service' });
  const toCount = allMeasures().filter((measure) => {
    const entry = stored.get(measure.id)?.get(month);
    return !entry || (entry.provisional && provisionalIsStale(entry, period.asAt));
  });
  const counted: string[] = [];
  for (const measure of toCount) {
    if (options.signal?.aborted) break;
    const started = performance.now();
    await countAndStoreProvisional(db, measure, period);
    counted.push(measure.id);
    await rest(started, options);
  }
  return counted;
}

async function deleteProvisional(db: DbOrTx, measureId: string, month: string): Promise<void> {
  const ofMonth = and(eq(measureSnapshots.measureId, measureId), eq(measureSnapshots.month, month));
  await db.delete(measureSnapshots).where(inArray(measureSnapshots.id, lockedInOrder(db, ofMonth)));
}

/** What a count of the current month stored: its figures, when, and whether already out of date. */
export interface ProvisionalCount {
  figures: ScopedFigure[];
  countedAt: Date;
  /** The records changed while it was being counted: shown as out of date and counted again. */
  outOfDate: boolean;
}

/**
 * Counts a month that has no snapshot yet (the current month) and stores it, marked provisional,
 * in place of the previous count; never touches a snapshot. No change to the records is lost:
 * - the previous count's `changed` is cleared first, which waits for any change that has marked
 *   it to commit, so the count reads every change marked before it began;
 * - a change marked during the count has set `changed` again: the figures are stored out of date,
 *   for the background to count again, rather than as up to date;
 * - a change marking after that waits for the store, and then marks the new rows, which are the
 *   old rows updated in place.
 * (A measure's very first count has no rows to mark: a change during it waits for the next.)
 * `count` is countMeasure; a test passes one that changes the records while counting.
 */
export async function countAndStoreProvisional(
  db: DbOrTx,
  measure: Measure,
  period: Period,
  count: typeof countMeasure = countMeasure,
): Promise<ProvisionalCount> {
  const month = period.month;
  const ofMonth = and(eq(measureSnapshots.measureId, measure.id), eq(measureSnapshots.month, month));
  const ofThisCount = and(ofMonth, eq(measureSnapshots.provisional, true));
  await db
    .update(measureSnapshots)
    .set({ changed: false })
    .where(inArray(measureSnapshots.id, lockedInOrder(db, ofMonth)));
  const { figures } = await count(db, measure, period);
  const countedAt = new Date();
  const outOfDate = await db.transaction(async (tx) => {
    // Locked in lockedInOrder's order, but read here by the locking select itself: in PostgreSQL,
    // a row locked after waiting for a change is returned as the change left it, where an outer
    // select around lockedInOrder would still read the version from before the wait.
    const previous = await tx
      .select({ changed: measureSnapshots.changed })
      .from(measureSnapshots)
      .where(ofThisCount)
      .orderBy(measureSnapshots.id)
      .for('update');
    const changed = previous.some((r) => r.changed);
    const scopes = figures.map((f) => sql`(${f.scopeKind}, ${f.scopeId})`);
    await tx
      .delete(measureSnapshots)
      .where(
        and(
          ofThisCount,
          scopes.length
            ? sql`(${measureSnapshots.scopeKind}, ${measureSnapshots.scopeId}) not in (${sql.join(scopes, sql`, `)})`
            : undefined,
        ),
      );
    if (figures.length === 0) return changed;
    const row = { measureId: measure.id, month, asAt: period.asAt, provisional: true, computedAt: countedAt };
    const kept = { outOfDate: changed, changed };
    await tx
      .insert(measureSnapshots)
      .values(figures.map((f) => ({ ...row, ...kept, ...f })))
      .onConflictDoUpdate({
        target: [
          measureSnapshots.measureId,
          measureSnapshots.month,
          measureSnapshots.scopeKind,
          measureSnapshots.scopeId,
        ],
        set: {
          numerator: sql`excluded.numerator`,
          denominator: sql`excluded.denominator`,
          value: sql`excluded.value`,
          asAt: sql`excluded.as_at`,
          computedAt: sql`excluded.computed_at`,
          outOfDate: sql`excluded.out_of_date`,
          changed: sql`excluded.changed`,
        },
        // A snapshot stored meanwhile stays as it was.
        setWhere: eq(measureSnapshots.provisional, true),
      });
    return changed;
  });
  return { figures, countedAt, outOfDate };
}

/** A month's stored figures for one measure: its snapshot, or its latest provisional count. */
export interface StoredFigures {
  figures: ScopedFigure[];
  provisional: boolean;
  /** When they were counted. */
  computedAt: Date;
  /** The day they were counted as at (null for snapshots stored before this was kept). */
  asAt: IsoDate | null;
  /** A provisional count the records have changed under since (markProvisionalFiguresOutOfDate). */
  outOfDate: boolean;
}

/**
 * Stored figures (snapshots, else provisional counts) for these months, by measure id, then month:
 * ONE read. With `scope`, only the whole service's figures and that area's or team's are read
 * (what a scorecard page shows), not every scope's; for the whole service, its own alone.
 */
export async function readStoredFigures(
  db: DbOrTx,
  months: readonly string[],
  measureIds?: readonly string[],
  scope?: Scope,
): Promise<Map<string, Map<string, StoredFigures>>> {
  const out = new Map<string, Map<string, StoredFigures>>();
  if (months.length === 0 || measureIds?.length === 0) return out;
  const rows = await queryRows<{
    measure_id: string;
    month: string;
    scope_kind: string;
    scope_id: string;
    numerator: number;
    denominator: number | null;
    value: number | null;
    provisional: boolean;
    computed_at: string | Date;
    as_at: string | null;
    out_of_date: boolean;
  }>(
    db,
    sql`select measure_id, month, scope_kind, scope_id, numerator, denominator, value, provisional, computed_at,
          as_at::text as as_at, out_of_date
        from measure_snapshots
        where month in (${sql.join(
          months.map((m) => sql`${m}`),
          sql`, `,
        )})
          ${
            measureIds
              ? sql`and measure_id in (${sql.join(
                  measureIds.map((id) => sql`${id}`),
                  sql`, `,
                )})`
              : sql``
          }
          ${
            !scope
              ? sql``
              : scope.kind === 'service'
                ? sql`and scope_kind = 'service'`
                : sql`and (scope_kind = 'service' or (scope_kind = ${scope.kind} and scope_id = ${scope.id}))`
          }
        order by provisional`,
  );
  for (const r of rows) {
    const byMonth = out.get(r.measure_id) ?? new Map<string, StoredFigures>();
    out.set(r.measure_id, byMonth);
    let stored = byMonth.get(r.month);
    const computedAt = new Date(r.computed_at);
    // Snapshots come first: a provisional row left beside a snapshot is ignored.
    if (stored && stored.provisional !== r.provisional) continue;
    if (!stored) {
      stored = { figures: [], provisional: r.provisional, computedAt, asAt: r.as_at, outOfDate: r.out_of_date };
      byMonth.set(r.month, stored);
    }
    if (computedAt < stored.computedAt) stored.computedAt = computedAt;
    if (r.out_of_date) stored.outOfDate = true;
    stored.figures.push({
      scopeKind: r.scope_kind as ScopeKind,
      scopeId: r.scope_id,
      numerator: Number(r.numerator),
      denominator: r.denominator === null ? null : Number(r.denominator),
      value: r.value === null ? null : Number(r.value),
    });
  }
  return out;
}

/** Stored snapshots (closed months only, never provisional counts) for these months, by measure id, then month. */
export async function readSnapshots(
  db: DbOrTx,
  months: readonly string[],
  measureIds?: readonly string[],
): Promise<Map<string, Map<string, ScopedFigure[]>>> {
  const stored = await readStoredFigures(db, months, measureIds);
  const out = new Map<string, Map<string, ScopedFigure[]>>();
  for (const [id, byMonth] of stored) {
    for (const [month, s] of byMonth) {
      if (s.provisional) continue;
      const m = out.get(id) ?? new Map<string, ScopedFigure[]>();
      out.set(id, m);
      m.set(month, s.figures);
    }
  }
  return out;
}
