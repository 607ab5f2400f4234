import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { todayInLondon, type IsoDate } from '../dates/index.ts';
import { countMeasure } from './compute.ts';
import { isClosed, periodOf } from './periods.ts';
import { allMeasures } from './registry.ts';
import { measureSnapshots } from './tables.ts';
import type { ScopedFigure, ScopeKind } from './types.ts';

export interface SnapshotResult {
  month: string;
  /** Measures stored now. */
  stored: string[];
  /** Measures that already had a snapshot for the month (left as they were). */
  kept: string[];
}

/**
 * Stores every registered measure's figures for a closed month, for the service, each area and
 * each team. Idempotent: a measure that already has a snapshot for the month is never
 * recounted or overwritten, so the past stays as it was reported.
 */
export async function snapshotMonth(
  db: DbOrTx,
  month: string,
  today: IsoDate = todayInLondon(),
): Promise<SnapshotResult> {
  if (!isClosed(month, today)) throw new RangeError(`${month} has not ended yet: only closed months are snapshotted`);
  const period = periodOf(month, today);
  const existing = await db
    .selectDistinct({ measureId: measureSnapshots.measureId })
    .from(measureSnapshots)
    .where(eq(measureSnapshots.month, month));
  const done = new Set(existing.map((e) => e.measureId));
  const result: SnapshotResult = { month, stored: [], kept: [] };
  const measures = allMeasures();
  // The measures are counted side by side; each is stored as soon as it is counted.
  await Promise.all(
    measures
      .filter((measure) => !done.has(measure.id))
      .map(async (measure) => {
        const { figures } = await countMeasure(db, measure, period);
        await db
          .insert(measureSnapshots)
          .values(figures.map((f) => ({ measureId: measure.id, month, ...f })))
          .onConflictDoNothing();
      }),
  );
  for (const measure of measures) (done.has(measure.id) ? result.kept : result.stored).push(measure.id);
  return result;
}

/** Stored figures for these months, by measure id, then month. */
export async function readSnapshots(
  db: DbOrTx,
  months: readonly string[],
  measureIds?: readonly string[],
): Promise<Map<string, Map<string, ScopedFigure[]>>> {
  const rows = await db
    .select()
    .from(measureSnapshots)
    .where(
      and(
        inArray(measureSnapshots.month, [...months]),
        measureIds ? inArray(measureSnapshots.measureId, [...measureIds]) : undefined,
      ),
    );
  const out = new Map<string, Map<string, ScopedFigure[]>>();
  for (const r of rows) {
    const byMonth = out.get(r.measureId) ?? new Map<string, ScopedFigure[]>();
    out.set(r.measureId, byMonth);
    const figures = byMonth.get(r.month) ?? [];
    byMonth.set(r.month, figures);
    figures.push({
      scopeKind: r.scopeKind as ScopeKind,
      scopeId: r.scopeId,
      numerator: r.numerator,
      denominator: r.denominator,
      value: r.value,
    });
  }
  return out;
}
