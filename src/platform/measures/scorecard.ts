import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { todayInLondon, type IsoDate } from '../dates/index.ts';
import { areas, teams } from '../auth/tables.ts';
import { breakdownOf, countMeasure, figureFor, ragOf, targetOf, type Scope } from './compute.ts';
import { last12Months, periodOf } from './periods.ts';
import { readStoredFigures, storeProvisional } from './snapshots.ts';
import type { Figure, Measure, Rag, ScopedFigure } from './types.ts';

export interface MonthFigure extends Figure {
  month: string;
  /** Null for a measure counted to show, not judged. */
  target: number | null;
  rag: Rag;
  /** 'snapshot' for a stored closed month, 'live' for a recount. */
  source: 'snapshot' | 'live';
}

export interface MeasureCard {
  measure: Measure;
  month: MonthFigure;
  /** The 12 months ending with the month, oldest first. */
  trend: MonthFigure[];
}

export interface Unit {
  id: string;
  name: string;
  areaId?: string;
}

export async function areasAndTeams(db: DbOrTx): Promise<{ areas: Unit[]; teams: Unit[] }> {
  const [a, t] = await Promise.all([
    db.select({ id: areas.id, name: areas.name }).from(areas).orderBy(asc(areas.name)),
    db.select({ id: teams.id, name: teams.name, areaId: teams.areaId }).from(teams).orderBy(asc(teams.name)),
  ]);
  return { areas: a, teams: t };
}

/** How old a provisional count may be before the next read counts the month again. */
export const PROVISIONAL_MAX_AGE_MS = 5 * 60 * 1000;

export interface MonthEntry {
  figures: ScopedFigure[];
  /** 'snapshot' for a stored closed month; 'live' for a count of a month with no snapshot yet. */
  source: 'snapshot' | 'live';
  /** When the figures were counted. */
  countedAt: Date;
}

/**
 * Figures for measures over months, in ONE read of the stored figures: snapshots where a month has
 * one, otherwise the month's provisional count when it is fresh (counted as at the same day, less
 * than a few minutes ago). A month with neither is counted now (one grouping-sets query per measure
 * and month) and stored as provisional for the next read.
 */
export async function figuresByMonth(
  db: DbOrTx,
  measures: readonly Measure[],
  months: readonly string[],
  today: IsoDate,
  /** The scope shown: only its stored figures (and the whole service's) need reading. */
  scope?: Scope,
): Promise<Map<string, Map<string, MonthEntry>>> {
  const stored = await readStoredFigures(
    db,
    months,
    measures.map((m) => m.id),
    scope,
  );
  const now = Date.now();
  const out = new Map<string, Map<string, MonthEntry>>();
  for (const measure of measures) out.set(measure.id, new Map());
  // Measures side by side; each measure's missing months one after another.
  await Promise.all(
    measures.map(async (measure) => {
      const byMonth = out.get(measure.id)!;
      for (const month of months) {
        const period = periodOf(month, today);
        const entry = stored.get(measure.id)?.get(month);
        const fresh =
          entry !== undefined &&
          entry.provisional &&
          entry.asAt === period.asAt &&
          now - entry.computedAt.getTime() < PROVISIONAL_MAX_AGE_MS;
        if (entry && !entry.provisional) {
          byMonth.set(month, { figures: entry.figures, source: 'snapshot', countedAt: entry.computedAt });
        } else if (fresh) {
          byMonth.set(month, { figures: entry.figures, source: 'live', countedAt: entry.computedAt });
        } else {
          const { figures } = await countMeasure(db, measure, period);
          const countedAt = await storeProvisional(db, measure.id, month, period.asAt, figures);
          byMonth.set(month, { figures, source: 'live', countedAt });
        }
      }
    }),
  );
  return out;
}

function monthFigure(measure: Measure, month: string, entry: MonthEntry, scope: Scope, today: IsoDate): MonthFigure {
  const figure = figureFor(measure, entry.figures, scope);
  const target = targetOf(measure, periodOf(month, today));
  return { month, ...figure, target, rag: ragOf(measure, figure.value, target, scope.kind), source: entry.source };
}

/** Every measure for the month and scope, with its 12-month trend. */
export async function scorecardFor(
  db: DbOrTx,
  measures: readonly Measure[],
  month: string,
  scope: Scope,
  today: IsoDate = todayInLondon(),
): Promise<MeasureCard[]> {
  const months = last12Months(month);
  const all = await figuresByMonth(db, measures, months, today, scope);
  return measures.map((measure) => {
    const byMonth = all.get(measure.id)!;
    const trend = months.map((m) => monthFigure(measure, m, byMonth.get(m)!, scope, today));
    return { measure, month: trend[trend.length - 1]!, trend };
  });
}

export interface MeasureDetail extends MeasureCard {
  /** The month's breakdown as reported (the snapshot when there is one, else counted now). */
  figures: ScopedFigure[];
  /** When the reported figures were counted. */
  countedAt: Date;
  /** True when a stored snapshot and today's recount disagree for the scope shown. */
  recountDiffers: boolean;
  recountFigure: Figure;
}

/**
 * One measure for the month: as reported, broken down, with its trend. A month with no snapshot
 * (the current month) shows its provisional count, read back while it is fresh (counted again and
 * stored when a few minutes old, or after a change to the kept facts), so the page does not count
 * again what the scorecard has just counted. A closed month is recounted now to show whether
 * records were corrected after its snapshot: `recounted` is that recount when the page has it
 * already (its list of records counts them), else it is counted here (one grouping-sets query).
 * Its records are a separate paged query (measureRecordsPage).
 */
export async function measureDetailFor(
  db: DbOrTx,
  measure: Measure,
  month: string,
  scope: Scope,
  today: IsoDate = todayInLondon(),
  recounted?: Promise<Figure | null>,
): Promise<MeasureDetail> {
  const months = last12Months(month);
  const all = await figuresByMonth(db, [measure], months, today);
  const byMonth = all.get(measure.id)!;
  const trend = months.map((m) => monthFigure(measure, m, byMonth.get(m)!, scope, today));
  const card: MeasureCard = { measure, month: trend[trend.length - 1]!, trend };
  const entry = byMonth.get(month)!;
  const figures = entry.figures;
  const reported = figureFor(measure, figures, scope);
  let recountFigure = reported;
  if (entry.source === 'snapshot') {
    recountFigure =
      (await recounted) ?? figureFor(measure, (await countMeasure(db, measure, periodOf(month, today))).figures, scope);
  }
  const recountDiffers =
    reported.numerator !== recountFigure.numerator || reported.denominator !== recountFigure.denominator;
  return { ...card, figures, countedAt: entry.countedAt, recountDiffers, recountFigure };
}

export { breakdownOf };
