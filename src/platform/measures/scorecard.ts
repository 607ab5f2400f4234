import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { todayInLondon, type IsoDate } from '../dates/index.ts';
import { areas, teams } from '../auth/tables.ts';
import { breakdownOf, countMeasure, figureFor, ragOf, targetOf, type Scope } from './compute.ts';
import { last12Months, periodOf } from './periods.ts';
import { countAndStoreProvisional, readStoredFigures } from './snapshots.ts';
import type { Figure, Measure, Rag, ScopedFigure } from './types.ts';

export interface MonthFigure extends Figure {
  month: string;
  /** Null for a measure counted to show, not judged. */
  target: number | null;
  rag: Rag;
  /** 'snapshot' for a stored closed month, 'live' for a recount. */
  source: 'snapshot' | 'live';
  /** A current month's count the records have changed under since: being counted again. */
  outOfDate: boolean;
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

export interface MonthEntry {
  figures: ScopedFigure[];
  /** 'snapshot' for a stored closed month; 'live' for a count of a month with no snapshot yet. */
  source: 'snapshot' | 'live';
  /** When the figures were counted. */
  countedAt: Date;
  /** A count the records have changed under since: shown while the background counts it again. */
  outOfDate: boolean;
}

/**
 * Figures for measures over months, in ONE read of the stored figures: snapshots where a month has
 * one, otherwise the month's provisional count as at the same day, which the server's background
 * keeps at most a few minutes old and counts again soon after a change (refreshProvisionalFigures).
 * A month with neither (the first read of the day, or of a month not yet counted), or whose count
 * the records have changed under since, is counted now (one grouping-sets query per measure and
 * month) and stored as provisional for the next read; with `showOutOfDate` (the scorecard page,
 * which says so) the count out of date is shown as it is while the background counts it.
 */
export async function figuresByMonth(
  db: DbOrTx,
  measures: readonly Measure[],
  months: readonly string[],
  today: IsoDate,
  /** The scope shown: only its stored figures (and the whole service's) need reading. */
  scope?: Scope,
  options: { showOutOfDate?: boolean } = {},
): Promise<Map<string, Map<string, MonthEntry>>> {
  const stored = await readStoredFigures(
    db,
    months,
    measures.map((m) => m.id),
    scope,
  );
  const out = new Map<string, Map<string, MonthEntry>>();
  for (const measure of measures) out.set(measure.id, new Map());
  // Measures side by side; each measure's missing months one after another.
  await Promise.all(
    measures.map(async (measure) => {
      const byMonth = out.get(measure.id)!;
      for (const month of months) {
        const period = periodOf(month, today);
        const entry = stored.get(measure.id)?.get(month);
        if (entry && !entry.provisional) {
          byMonth.set(month, {
            figures: entry.figures,
            source: 'snapshot',
            countedAt: entry.computedAt,
            outOfDate: false,
          });
        } else if (entry && entry.asAt === period.asAt && (!entry.outOfDate || options.showOutOfDate)) {
          byMonth.set(month, {
            figures: entry.figures,
            source: 'live',
            countedAt: entry.computedAt,
            outOfDate: entry.outOfDate,
          });
        } else {
          const { figures, countedAt, outOfDate } = await countAndStoreProvisional(db, measure, period);
          byMonth.set(month, { figures, source: 'live', countedAt, outOfDate });
        }
      }
    }),
  );
  return out;
}

function monthFigure(measure: Measure, month: string, entry: MonthEntry, scope: Scope, today: IsoDate): MonthFigure {
  const figure = figureFor(measure, entry.figures, scope);
  const target = targetOf(measure, periodOf(month, today));
  const rag = ragOf(measure, figure.value, target, scope.kind);
  return { month, ...figure, target, rag, source: entry.source, outOfDate: entry.outOfDate };
}

/**
 * Every measure for the month and scope, with its 12-month trend. With `showOutOfDate` (the
 * scorecard page, which says so), a count the records have changed under is shown as it is while
 * the background counts it again; otherwise (the workbook) it is counted now.
 */
export async function scorecardFor(
  db: DbOrTx,
  measures: readonly Measure[],
  month: string,
  scope: Scope,
  today: IsoDate = todayInLondon(),
  options: { showOutOfDate?: boolean } = {},
): Promise<MeasureCard[]> {
  const months = last12Months(month);
  const all = await figuresByMonth(db, measures, months, today, scope, options);
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
 * (the current month) shows its provisional count as stored (counted again in the background when
 * a few minutes old), so the page does not count again what the scorecard has just counted; a count
 * the records have changed under since is counted now. A closed month is recounted now to show whether
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
