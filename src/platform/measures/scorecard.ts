import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { todayInLondon, type IsoDate } from '../dates/index.ts';
import { areas, teams } from '../auth/tables.ts';
import { breakdownOf, countMeasure, figureFor, ragOf, targetOf, type Scope } from './compute.ts';
import { last12Months, periodOf } from './periods.ts';
import { readSnapshots } from './snapshots.ts';
import type { Figure, Measure, MeasureRow, Rag, ScopedFigure } from './types.ts';

export interface MonthFigure extends Figure {
  month: string;
  target: number;
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

/**
 * Figures for measures over months: stored snapshots where present, otherwise counted now
 * (one query per measure per month). Returns each measure's breakdown by month.
 */
export async function figuresByMonth(
  db: DbOrTx,
  measures: readonly Measure[],
  months: readonly string[],
  today: IsoDate,
  /** Live figures already counted, by measure id then month: used instead of counting again. */
  counted?: ReadonlyMap<string, ReadonlyMap<string, ScopedFigure[]>>,
): Promise<Map<string, Map<string, { figures: ScopedFigure[]; source: 'snapshot' | 'live' }>>> {
  const stored = await readSnapshots(
    db,
    months,
    measures.map((m) => m.id),
  );
  const out = new Map<string, Map<string, { figures: ScopedFigure[]; source: 'snapshot' | 'live' }>>();
  for (const measure of measures) out.set(measure.id, new Map());
  // Measures side by side; each measure's missing months one after another (measured faster on
  // PostgreSQL than all months at once, which queues on the pool).
  await Promise.all(
    measures.map(async (measure) => {
      const byMonth = out.get(measure.id)!;
      for (const month of months) {
        const snap = stored.get(measure.id)?.get(month);
        const known = counted?.get(measure.id)?.get(month);
        if (snap) byMonth.set(month, { figures: snap, source: 'snapshot' });
        else if (known) byMonth.set(month, { figures: known, source: 'live' });
        else {
          const { figures } = await countMeasure(db, measure, periodOf(month, today));
          byMonth.set(month, { figures, source: 'live' });
        }
      }
    }),
  );
  return out;
}

function monthFigure(
  measure: Measure,
  month: string,
  entry: { figures: ScopedFigure[]; source: 'snapshot' | 'live' },
  scope: Scope,
  today: IsoDate,
): MonthFigure {
  const figure = figureFor(measure, entry.figures, scope);
  const target = targetOf(measure, periodOf(month, today));
  return { month, ...figure, target, rag: ragOf(measure, figure.value, target), source: entry.source };
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
  const all = await figuresByMonth(db, measures, months, today);
  return measures.map((measure) => {
    const byMonth = all.get(measure.id)!;
    const trend = months.map((m) => monthFigure(measure, m, byMonth.get(m)!, scope, today));
    return { measure, month: trend[trend.length - 1]!, trend };
  });
}

export interface MeasureDetail extends MeasureCard {
  /** The month's breakdown as reported (the snapshot when there is one). */
  figures: ScopedFigure[];
  /** Today's recount of the month: its rows, and its breakdown. */
  recount: { rows: MeasureRow[]; figures: ScopedFigure[] };
  /** True when a stored snapshot and today's recount disagree for the scope shown. */
  recountDiffers: boolean;
  recountFigure: Figure;
}

/** One measure for the month: as reported, recounted today, broken down, with its trend and its rows. */
export async function measureDetailFor(
  db: DbOrTx,
  measure: Measure,
  month: string,
  scope: Scope,
  today: IsoDate = todayInLondon(),
): Promise<MeasureDetail> {
  // The month is recounted for its records list anyway: the trend uses that count when the month
  // has no snapshot, instead of counting it twice.
  const live = await countMeasure(db, measure, periodOf(month, today));
  const months = last12Months(month);
  const all = await figuresByMonth(
    db,
    [measure],
    months,
    today,
    new Map([[measure.id, new Map([[month, live.figures]])]]),
  );
  const byMonth = all.get(measure.id)!;
  const trend = months.map((m) => monthFigure(measure, m, byMonth.get(m)!, scope, today));
  const card: MeasureCard = { measure, month: trend[trend.length - 1]!, trend };
  const entry = byMonth.get(month)!;
  const stored = entry.source === 'snapshot' ? entry.figures : undefined;
  const figures = entry.figures;
  const reported = figureFor(measure, figures, scope);
  const recountFigure = figureFor(measure, live.figures, scope);
  const recountDiffers =
    stored !== undefined &&
    (reported.numerator !== recountFigure.numerator || reported.denominator !== recountFigure.denominator);
  return { ...card, figures, recount: live, recountDiffers, recountFigure };
}

export { breakdownOf };
